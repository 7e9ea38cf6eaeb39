using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using FactGen.Diagnostics;
using FactGen.Models;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FactGen.Reading;

/// <summary>What one parse of a stretch of YAML gave: its tree, and the syntax error that stopped it, if any.</summary>
internal readonly struct YamlParse
{
    public YamlParse(RawNode? root, string? error, int errorStart, int errorEnd)
    {
        Root = root;
        Error = error;
        ErrorStart = errorStart;
        ErrorEnd = errorEnd;
    }

    /// <summary>
    /// The tree read. After an error it holds everything read before the error: the nodes that
    /// were still open are closed there and marked <see cref="RawNode.IsIncomplete"/>.
    /// </summary>
    public RawNode? Root { get; }

    /// <summary>Why the parse stopped (FG0001's text), or null when the text was read whole.</summary>
    public string? Error { get; }

    public int ErrorStart { get; }

    public int ErrorEnd { get; }

    /// <summary>The error is the nesting cap (FG0002), not invalid YAML.</summary>
    public bool TooDeep { get; init; }

    public bool Succeeded => Error is null;
}

/// <summary>
/// Builds a <see cref="RawNode"/> tree from YamlDotNet's parser events. It walks the events with
/// an explicit stack, never recursion, and stops at a nesting cap, so a hostile file can neither
/// overflow the compiler's stack nor keep the parser busy. Aliases are refused rather than
/// expanded, so there are no expansion bombs. It parses any stretch of a file (one fact, one
/// top-level block, or the whole file), with offsets that are always the file's, so that
/// <see cref="Recovery.YamlRecovery"/> can read around a syntax error.
/// </summary>
internal sealed class YamlTreeBuilder
{
    /// <summary>The fact format needs 4 levels; anything far deeper is a mistake or an attack.</summary>
    internal const int MaxDepth = 64;

    private readonly FactFileLocations _locations;
    private readonly DiagnosticSink _diagnostics;
    private HashSet<int>? _reportedAliases;

    public YamlTreeBuilder(FactFileLocations locations, DiagnosticSink diagnostics)
    {
        _locations = locations;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Parses <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>
    /// (offsets in the parser's text, which skips a leading BOM). <paramref name="depth"/> is how
    /// deep the stretch sits in the file, so the nesting cap counts the same levels whatever is
    /// parsed. Aliases are reported here (FG0002); a syntax error is returned, not reported.
    /// </summary>
    public YamlParse Parse(string text, int start, int end, int depth, CancellationToken cancellationToken)
    {
        RawNode? root = null;
        var parser = new Parser(new StringRangeReader(text, start, end));
        var stack = new Stack<RawNode>();
        int documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                ParsingEvent current = parser.Current!;

                switch (current)
                {
                    case DocumentStart documentStart when !documentStart.IsImplicit || documents > 0:
                        documents++;
                        if (documents > 1)
                        {
                            return Stop(stack, ref root, Offset(current.Start, start), Offset(current.End, start),
                                "a fact file holds one YAML document; move the second document ('---') to its own file");
                        }
                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case Scalar scalar:
                        Attach(stack, ref root, new ScalarSyntax(scalar.Value, _locations.Lines, Offset(scalar.Start, start), Offset(scalar.End, start), IsNull(scalar)) { IsPlain = scalar.Style == ScalarStyle.Plain });
                        break;
                    case AnchorAlias alias:
                        // Recovery parses a stretch of text again: report each alias once.
                        if ((_reportedAliases ??= new HashSet<int>()).Add(Offset(alias.Start, start)))
                        _diagnostics.Report(DiagnosticInfo.Create(
                            DiagnosticDescriptors.WrongShape,
                            _locations.Span(Offset(alias.Start, start), Offset(alias.End, start)),
                            "*" + FactGen.Helpers.MessageText.Quote(alias.Value.ToString()),
                            "a value written out in full",
                            "an alias (aliases are not supported in fact files)"));
                        Attach(stack, ref root, new ScalarSyntax(string.Empty, _locations.Lines, Offset(alias.Start, start), Offset(alias.End, start), isNull: true, isAlias: true));
                        break;
                    case SequenceStart or MappingStart when stack.Count + depth >= MaxDepth:
                        // Stop here rather than skip the rest: YamlDotNet's work per token grows
                        // with the flow depth, so reading on through a million '[' takes hours.
                        return Stop(stack, ref root, Offset(current.Start, start), Offset(current.End, start), $"at most {MaxDepth} levels deep") with { TooDeep = true };
                    case SequenceStart:
                        stack.Push(new RawSequence(Offset(current.Start, start), Offset(current.End, start)));
                        break;
                    case MappingStart:
                        stack.Push(new RawMapping(Offset(current.Start, start), Offset(current.End, start)));
                        break;
                    case SequenceEnd or MappingEnd:
                        RawNode done = stack.Pop();
                        done.End = Offset(current.End, start);
                        // YamlDotNet can end a mapping on a key whose value never came (an empty
                        // key ':' before a blank line shifts the pairs): that value is empty.
                        FillPendingValue(done, Offset(current.Start, start), incomplete: false);
                        Attach(stack, ref root, done);
                        break;
                }
            }
            return new YamlParse(root, null, 0, 0);
        }
        catch (YamlException exception)
        {
            return Stop(stack, ref root, Offset(exception.Start, start), Offset(exception.End, start), Describe(exception));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // YamlDotNet may throw other exceptions on malformed input (for example on bad escapes);
            // whatever it is, it is a problem with this file, not a reason to drop the catalog.
            int at = parser.Current is { } last ? Offset(last.Start, start) : start;
            return Stop(stack, ref root, at, at, $"the parser stopped here ({exception.Message}); check the brackets, quotes and indentation around this point");
        }
    }

    private int Offset(Mark mark, int start) => _locations.Offset(mark) + start;

    /// <summary>
    /// Closes every node still open at the error, so what was read before it is kept: each is
    /// marked incomplete, and a key still waiting for its value gets an empty one.
    /// </summary>
    private YamlParse Stop(Stack<RawNode> stack, ref RawNode? root, int errorStart, int errorEnd, string error)
    {
        errorEnd = Math.Max(errorStart, errorEnd);
        while (stack.Count > 0)
        {
            RawNode open = stack.Pop();
            open.IsIncomplete = true;
            open.End = Math.Max(open.Start, errorStart);
            FillPendingValue(open, errorStart, incomplete: true);
            Attach(stack, ref root, open);
        }
        // A key at the root whose value never started.
        if (root is not null) FillPendingValue(root, errorStart, incomplete: true);
        return new YamlParse(root, error, errorStart, errorEnd);
    }

    /// <summary>A mapping never ends on a key without a value: that value is empty.</summary>
    private void FillPendingValue(RawNode node, int at, bool incomplete)
    {
        if (node is not RawMapping { Entries.Count: > 0 } mapping || mapping.Entries[mapping.Entries.Count - 1].Value is not null) return;
        int last = mapping.Entries.Count - 1;
        RawNode key = mapping.Entries[last].Key;
        int offset = Math.Max(key.End, at);
        mapping.Entries[last] = new KeyValuePair<RawNode, RawNode>(key, new ScalarSyntax(string.Empty, _locations.Lines, offset, offset, isNull: true) { IsIncomplete = incomplete });
    }

    private static void Attach(Stack<RawNode> stack, ref RawNode? root, RawNode node)
    {
        if (stack.Count == 0)
        {
            root = node;
            return;
        }
        switch (stack.Peek())
        {
            case RawSequence sequence:
                sequence.Items.Add(node);
                break;
            case RawMapping mapping:
                // Keys and values arrive in turn: a pending key is stored with a null value.
                int last = mapping.Entries.Count - 1;
                if (last >= 0 && mapping.Entries[last].Value is null)
                {
                    mapping.Entries[last] = new KeyValuePair<RawNode, RawNode>(mapping.Entries[last].Key, node);
                }
                else
                {
                    mapping.Entries.Add(new KeyValuePair<RawNode, RawNode>(node, null!));
                }
                break;
        }
    }

    private static bool IsNull(Scalar scalar)
        => scalar.Style == ScalarStyle.Plain
           && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    private static string Describe(YamlException exception)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the location is
        // already on the diagnostic, so keep only the explanation.
        string message = exception.Message;
        int separator = message.LastIndexOf("): ", StringComparison.Ordinal);
        return separator >= 0 ? message.Substring(separator + 3) : message;
    }

    /// <summary>A reader over part of a string, so a stretch of a file is parsed without a copy.</summary>
    private sealed class StringRangeReader : TextReader
    {
        private readonly string _text;
        private readonly int _end;
        private int _position;

        public StringRangeReader(string text, int start, int end)
        {
            _text = text;
            _position = start;
            _end = end;
        }

        public override int Peek() => _position < _end ? _text[_position] : -1;

        public override int Read() => _position < _end ? _text[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            int n = Math.Min(count, _end - _position);
            if (n <= 0) return 0;
            _text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }
}
