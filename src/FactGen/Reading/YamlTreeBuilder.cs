using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using FactGen.Diagnostics;
using FactGen.Models;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FactGen.Reading;

/// <summary>
/// Builds a <see cref="RawNode"/> tree from YamlDotNet's parser events. It walks the events with
/// an explicit stack, never recursion, and stops at a nesting cap, so a hostile file can neither
/// overflow the compiler's stack nor keep the parser busy. Aliases are refused rather than expanded, so there are no expansion bombs.
/// </summary>
internal sealed class YamlTreeBuilder
{
    /// <summary>The fact format needs 4 levels; anything far deeper is a mistake or an attack.</summary>
    internal const int MaxDepth = 64;

    private readonly FactFileLocations _locations;
    private readonly List<DiagnosticInfo> _diagnostics;

    public YamlTreeBuilder(FactFileLocations locations, List<DiagnosticInfo> diagnostics)
    {
        _locations = locations;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// The document's root, or null when the file is empty. Returns false when the text is not
    /// valid YAML (FG0001 has then been reported and the tree must not be used).
    /// </summary>
    public bool TryBuild(string text, CancellationToken cancellationToken, out RawNode? root)
    {
        root = null;
        var parser = new Parser(new StringReader(text));
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
                    case DocumentStart start when !start.IsImplicit || documents > 0:
                        documents++;
                        if (documents > 1)
                        {
                            _diagnostics.Add(DiagnosticInfo.Create(
                                DiagnosticDescriptors.YamlSyntaxError,
                                _locations.Span(current.Start, current.End),
                                "a fact file holds one YAML document; move the second document ('---') to its own file"));
                            return false;
                        }
                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case Scalar scalar:
                        Attach(stack, ref root, new ScalarSyntax(scalar.Value, _locations.Lines, _locations.Offset(scalar.Start), _locations.Offset(scalar.End), IsNull(scalar)));
                        break;
                    case AnchorAlias alias:
                        _diagnostics.Add(DiagnosticInfo.Create(
                            DiagnosticDescriptors.WrongShape,
                            _locations.Span(alias.Start, alias.End),
                            "*" + FactGen.Helpers.MessageText.Quote(alias.Value.ToString()),
                            "a value written out in full",
                            "an alias (aliases are not supported in fact files)"));
                        Attach(stack, ref root, new ScalarSyntax(string.Empty, _locations.Lines, _locations.Offset(alias.Start), _locations.Offset(alias.End), isNull: true, isAlias: true));
                        break;
                    case SequenceStart or MappingStart when stack.Count >= MaxDepth:
                        // Stop here rather than skip the rest: YamlDotNet's work per token grows
                        // with the flow depth, so reading on through a million '[' takes hours.
                        _diagnostics.Add(DiagnosticInfo.Create(
                            DiagnosticDescriptors.WrongShape,
                            _locations.Span(current.Start, current.End),
                            "nested value",
                            $"at most {MaxDepth} levels deep",
                            "nested deeper (the file is not read)"));
                        return false;
                    case SequenceStart:
                        stack.Push(new RawSequence(_locations.Offset(current.Start), _locations.Offset(current.End)));
                        break;
                    case MappingStart:
                        stack.Push(new RawMapping(_locations.Offset(current.Start), _locations.Offset(current.End)));
                        break;
                    case SequenceEnd or MappingEnd:
                        RawNode done = stack.Pop();
                        done.End = _locations.Offset(current.End);
                        Attach(stack, ref root, done);
                        break;
                }
            }
            return true;
        }
        catch (YamlException exception)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.YamlSyntaxError,
                _locations.Span(exception.Start, exception.End),
                Describe(exception)));
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // YamlDotNet may throw other exceptions on malformed input (for example on bad escapes);
            // whatever it is, it is a problem with this file, not a reason to drop the catalog.
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.YamlSyntaxError,
                _locations.Span(parser.Current?.Start ?? Mark.Empty, parser.Current?.End ?? Mark.Empty),
                $"the parser stopped here ({exception.Message}); check the brackets, quotes and indentation around this point"));
            return false;
        }
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
}
