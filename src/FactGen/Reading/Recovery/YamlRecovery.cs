using System;
using System.Collections.Generic;
using System.Threading;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;

namespace FactGen.Reading.Recovery;

/// <summary>
/// Reads a fact file around its YAML syntax errors, the way a compiler reads past a missing
/// brace: one error is reported at the mistake, and every fact that can still be read keeps its
/// id, so nothing that refers to it fails.
/// <para>
/// A fact file is laid out by indentation: top-level keys at column 1, fact ids one level in, and
/// each fact's keys below its id. When the whole file does not parse, each top-level block is
/// parsed on its own; a block that still fails and starts with a bare header (<c>states:</c>) is
/// cut at its fact ids, and the facts are parsed in halves until each error is pinned to one fact.
/// That fact keeps what was read before the error and is marked incomplete, so the binder declares
/// it without checking it further; all the others are read as if nothing had happened.
/// </para>
/// </summary>
internal sealed class YamlRecovery
{
    /// <summary>A fact file has four top-level keys; past this many blocks it is not laid out like one.</summary>
    private const int MaxBlocks = 256;

    private readonly YamlTreeBuilder _builder;
    private readonly FactFileLocations _locations;
    private readonly DiagnosticSink _diagnostics;
    private readonly string _text;
    private readonly int _bom;
    private readonly CancellationToken _cancellationToken;
    private readonly Line[] _lines;

    /// <summary>
    /// The errors recovery has reported. Past <see cref="DiagnosticCap.PerFile"/> it reads no
    /// further blocks or facts: a bound on its work, as the errors past the cap would not be shown.
    /// </summary>
    private int _errors;

    /// <summary>Fact segments (of the category being read) whose id line is indented wrongly.</summary>
    private readonly List<int> _misindented = new();

    /// <summary>The key indentation of most facts in the category being read (0: not known).</summary>
    private int _categoryKeyIndent;

    /// <summary>The category being read opens with keys instead of an id.</summary>
    private bool _orphanFirst;

    /// <summary>Keys found without an id line above them: mistakes the binder reports.</summary>
    private int _orphans;

    /// <summary>How deep the facts being read sit: a category's at 1, a report's (under <c>reports:</c> and its category) at 2.</summary>
    private int _factDepth = 1;

    public YamlRecovery(YamlTreeBuilder builder, FactFileLocations locations, DiagnosticSink diagnostics, string text, int bom, CancellationToken cancellationToken)
    {
        _builder = builder;
        _locations = locations;
        _diagnostics = diagnostics;
        _text = text;
        _bom = bom;
        _cancellationToken = cancellationToken;
        _lines = Line.Split(text);
    }

    /// <summary>
    /// The file's tree read around its errors, each reported once. <paramref name="whole"/> is the
    /// failed parse of the whole file: its error is reported when recovery finds no other.
    /// </summary>
    public RawNode? Recover(YamlParse whole)
    {
        List<Block>? blocks = TopLevelBlocks();
        if (blocks is null)
        {
            // Not laid out like a fact file: keep what was read before the error.
            ReportParseError(whole, "what comes after it is not read");
            return whole.Root;
        }

        var root = new RawMapping(0, _text.Length + _bom);
        bool sawContent = false, secondDocument = false;
        int firstContentLine = FirstContentLine();
        for (int b = 0; b < blocks.Count; b++)
        {
            Block block = blocks[b];
            _cancellationToken.ThrowIfCancellationRequested();
            if (_errors >= DiagnosticCap.PerFile) break;
            if (block.IsDocumentMarker)
            {
                // An explicit '---' before any content starts the one document; anything else
                // starts a second one. '...' ends the document: what follows is the mistake.
                Line line = _lines[block.FirstLine];
                if (_text[line.Start] == '%') continue; // a directive ('%YAML 1.2') before the document
                if (_text[line.Start] == '-' && sawContent && !secondDocument)
                {
                    secondDocument = true;
                    Report(line.Start, line.Start + 3, "a fact file holds one YAML document, and '---' starts a second one; the facts after it are read as if the line were not there, but remove it or move them to their own file");
                }
                else if (_text[line.Start] == '.' && !secondDocument && b + 1 < blocks.Count && !blocks[b + 1].IsDocumentMarker)
                {
                    secondDocument = true;
                    Line next = _lines[blocks[b + 1].FirstLine];
                    Report(next.Start, next.Start + next.Indent + 1, $"'...' on line {LineNumber(line)} ends the YAML document, so this is a second one; its facts are read as if that line were not there, but remove it or move them to their own file");
                }
                continue;
            }
            sawContent = true;
            int entries = root.Entries.Count;
            ReadBlock(block, root, entries == 0 && block.FirstLine == firstContentLine ? blocks : null);
            if (secondDocument)
            {
                // Keys repeated by the second document are part of the one mistake already reported.
                for (int e = entries; e < root.Entries.Count; e++) root.Entries[e].Key.IsIncomplete = true;
            }
        }

        if (_errors == 0 && _orphans == 0)
        {
            // The blocks read cleanly on their own, so the mistake is in how they join: report
            // the parser's own error, and keep the blocks.
            ReportParseError(whole, null);
        }
        return root;
    }

    // ---- top-level blocks ------------------------------------------------------------------------

    private List<Block>? TopLevelBlocks()
    {
        var blocks = new List<Block>();
        int current = -1;
        for (int i = 0; i < _lines.Length; i++)
        {
            Line line = _lines[i];
            if (!line.IsContent || (line.HasTab && current >= 0)) continue;
            bool marker = line.Indent == 0 && (IsDocumentMarker(line) || _text[line.Start] == '%');
            bool starts = marker
                || line.Indent == 0
                || (line.Indent <= 1 && HeaderWord(line) is { } word && IsTopLevelKey(word))
                || current < 0;
            if (!starts) continue;
            if (current >= 0) blocks[current] = blocks[current].EndingAt(i);
            blocks.Add(new Block(i, _lines.Length, marker));
            current = blocks.Count - 1;
            if (marker)
            {
                blocks[current] = blocks[current].EndingAt(i + 1);
                current = -2; // the next content line starts a block whatever its indentation
            }
            if (blocks.Count > MaxBlocks) return null;
        }
        return blocks;
    }

    private int FirstContentLine()
    {
        for (int i = 0; i < _lines.Length; i++)
        {
            if (_lines[i].IsContent) return i;
        }
        return -1;
    }

    private int LineNumber(Line line) => _locations.Span(line.Start + _bom, line.Start + _bom).LineSpan.Start.Line + 1;

    /// <param name="allBlocks">Set for the file's first block, to tell which top-level keys the file has.</param>
    private void ReadBlock(Block block, RawMapping root, List<Block>? allBlocks)
    {
        Line first = _lines[block.FirstLine];
        int start = first.Start, end = BlockEnd(block);
        if (first.Indent > 0 && allBlocks is not null && !(HeaderWord(first) is { } top && IsTopLevelKey(top)))
        {
            ReadHeadless(block, root, allBlocks);
            return;
        }
        if (first.Indent > 0 && HeaderWord(first) is { } word && IsTopLevelKey(word))
        {
            Report(first.Start, first.Start + first.Indent, $"the top-level key '{MessageText.Quote(word)}' is indented {Spaces(first.Indent)}; top-level keys start at the beginning of the line");
        }

        YamlParse parse = _builder.Parse(_text, start, end, 0, _cancellationToken);
        if (parse.Succeeded)
        {
            Merge(root, parse.Root, block);
            return;
        }

        // The reports block holds categories, each over the reports on its facts: each category
        // is read as a category header is, one level deeper.
        if (HeaderWord(first) is { } reports && reports == FactKeys.Reports.Key && first.EndsAfterHeader && HasContentAfter(block))
        {
            ReadReports(block, root, parse);
            return;
        }

        // A bare category header ('states:') over indented lines: read its facts one by one. A
        // source is one mapping: it keeps what was read before the error.
        if (HeaderWord(first) is { } header && header != "source" && first.EndsAfterHeader && HasContentAfter(block))
        {
            int errorsBefore = _errors, orphansBefore = _orphans;
            if (_text.IndexOf(':', first.Start, first.End - first.Start) < 0)
            {
                int at = first.Start + first.Indent;
                Report(at, first.End, $"'{MessageText.Quote(header)}' needs a ':' after it; the lines below are read as its entries");
            }
            var facts = new RawMapping(_lines[block.FirstLine + 1].Start + _bom, end + _bom);
            ReadFacts(block, facts);
            if (_errors == errorsBefore && _orphans == orphansBefore) ReportParse(parse, null);
            ScalarSyntax key = HeaderKey(first, header);
            root.Entries.Add(new KeyValuePair<RawNode, RawNode>(key, facts));
            return;
        }

        ReportParse(parse, "the rest of this block is not read");
        Merge(root, parse.Root, block);
    }

    /// <summary>
    /// The <c>reports:</c> block, which failed to parse: cut at its category headers
    /// (<c>events:</c>), each read alone, and one that fails read report by report, as a
    /// category's facts are. A mistake in one report loses that report alone.
    /// </summary>
    private void ReadReports(Block block, RawMapping root, YamlParse parse)
    {
        Line first = _lines[block.FirstLine];
        int errorsBefore = _errors, orphansBefore = _orphans;
        var categories = new RawMapping(_lines[block.FirstLine + 1].Start + _bom, BlockEnd(block) + _bom);
        foreach (Block category in Children(block))
        {
            if (_errors >= DiagnosticCap.PerFile) break;
            Line head = _lines[category.FirstLine];
            YamlParse part = _builder.Parse(_text, head.Start, BlockEnd(category), 1, _cancellationToken);
            if (part.Succeeded)
            {
                if (part.Root is RawMapping mapping) categories.Entries.AddRange(mapping.Entries);
                continue;
            }
            if (HeaderWord(head) is { } word && head.EndsAfterHeader && HasContentAfter(category))
            {
                var facts = new RawMapping(_lines[category.FirstLine + 1].Start + _bom, BlockEnd(category) + _bom);
                int errors = _errors, orphans = _orphans;
                _factDepth = 2;
                ReadFacts(category, facts);
                _factDepth = 1;
                if (_errors == errors && _orphans == orphans) ReportParse(part, null);
                categories.Entries.Add(new KeyValuePair<RawNode, RawNode>(HeaderKey(head, word), facts));
                continue;
            }
            ReportParse(part, "the rest of this block is not read");
            if (part.Root is RawMapping kept)
            {
                MarkIncomplete(kept);
                categories.Entries.AddRange(kept.Entries);
            }
        }
        if (_errors == errorsBefore && _orphans == orphansBefore) ReportParse(parse, null);
        root.Entries.Add(new KeyValuePair<RawNode, RawNode>(HeaderKey(first, FactKeys.Reports.Key), categories));
    }

    /// <summary>A block's body cut at its shallowest lines: the entries one level in, each with the lines below it.</summary>
    private List<Block> Children(Block block)
    {
        int indent = int.MaxValue;
        for (int i = block.FirstLine + 1; i < block.EndLine; i++)
        {
            if (_lines[i].IsContent && !_lines[i].HasTab) indent = Math.Min(indent, _lines[i].Indent);
        }
        var children = new List<Block>();
        for (int i = block.FirstLine + 1; i < block.EndLine; i++)
        {
            Line line = _lines[i];
            if (!line.IsContent || line.HasTab || line.Indent > indent) continue;
            if (children.Count > 0) children[children.Count - 1] = children[children.Count - 1].EndingAt(i);
            children.Add(new Block(i, block.EndLine, isDocumentMarker: false));
        }
        return children;
    }

    /// <summary>
    /// Indented lines before the first top-level key: the header above them is missing. Keys of
    /// the source are read as the source; entries whose values are mappings, as the facts of the
    /// first category the file lacks. Either way one error says which line to add.
    /// </summary>
    private void ReadHeadless(Block block, RawMapping root, List<Block> allBlocks)
    {
        Line first = _lines[block.FirstLine];
        YamlParse parse = _builder.Parse(_text, first.Start, BlockEnd(block), 1, _cancellationToken);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (Block other in allBlocks)
        {
            if (!other.IsDocumentMarker && HeaderWord(_lines[other.FirstLine]) is { } word) present.Add(word);
        }
        string? header = null;
        if (parse.Root is RawMapping mapping && mapping.Entries.Count > 0)
        {
            bool sourceKeys = true, facts = true;
            foreach (KeyValuePair<RawNode, RawNode> entry in mapping.Entries)
            {
                sourceKeys &= entry.Key is ScalarSyntax key && FactKeys.Source.SlotOf(key.Value) >= 0;
                facts &= entry.Value is RawMapping;
            }
            if (sourceKeys && !present.Contains("source")) header = "source";
            else if (facts) header = Array.Find(FactKeys.TopLevel.Names, k => k != FactKeys.Source.Key && !present.Contains(k));
        }
        if (header is null)
        {
            Report(first.Start, first.End, parse.Succeeded
                ? "these lines belong to no top-level key ('source:', 'states:', 'actors:' or 'events:'); they are not read"
                : $"{parse.Error}; these lines belong to no top-level key, and they are not read");
            return;
        }
        Report(first.Start + first.Indent, first.End, parse.Succeeded
            ? $"this line and the ones below it have no top-level key above them; they are read as '{header}:', so add that line above them"
            : $"{parse.Error}; the lines from here have no top-level key above them, and are read as '{header}:' as far as they can be");
        var key2 = new ScalarSyntax(header, _locations.Lines, first.Start + first.Indent + _bom, first.Start + first.Indent + _bom) { IsIncomplete = true };
        if (!parse.Succeeded) MarkIncomplete(parse.Root);
        root.Entries.Add(new KeyValuePair<RawNode, RawNode>(key2, parse.Root!));
    }

    private void Merge(RawMapping root, RawNode? parsed, Block block)
    {
        switch (parsed)
        {
            case RawMapping mapping:
                root.Entries.AddRange(mapping.Entries);
                break;
            case null:
            case ScalarSyntax { IsNull: true }:
                break;
            default:
                Line first = _lines[block.FirstLine];
                Report(first.Start + first.Indent, first.End, "expected a top-level key such as 'states:' here; this block is not read");
                break;
        }
    }

    // ---- facts -------------------------------------------------------------------------------

    private bool AnyMisindented(int from, int to)
    {
        foreach (int segment in _misindented)
        {
            if (segment >= from && segment < to) return true;
        }
        return false;
    }

    private void ReadFacts(Block block, RawMapping facts)
    {
        _misindented.Clear();
        _orphanFirst = false;
        List<Block> segments = FactSegments(block);
        int first = 0;
        if (_orphanFirst)
        {
            // Read as the keys of a fact without an id (an empty key marks it for the reader).
            Block orphan = segments[0];
            Line line = _lines[orphan.FirstLine];
            YamlParse parse = _builder.Parse(_text, line.Start, BlockEnd(orphan), _factDepth + 1, _cancellationToken);
            if (parse.Root is RawMapping keys)
            {
                keys.IsOrphan = true;
                _orphans++;
                if (!parse.Succeeded) MarkIncomplete(keys);
                var id = new ScalarSyntax(string.Empty, _locations.Lines, line.Start + line.Indent + _bom, line.Start + line.Indent + _bom, isNull: true);
                facts.Entries.Add(new KeyValuePair<RawNode, RawNode>(id, keys));
            }
            else if (!parse.Succeeded)
            {
                ReportParse(parse, "these lines are not read");
            }
            first = 1;
        }
        if (segments.Count > first) ReadSegments(segments, first, segments.Count, facts);
    }

    /// <summary>
    /// The category's body cut at its fact ids. An id is a line at the ids' indentation (the most
    /// common of the shallowest), or a bare <c>id:</c> line less indented than the keys of the
    /// fact above it. An id at any other indentation is reported here.
    /// </summary>
    private List<Block> FactSegments(Block block)
    {
        int minIndent = int.MaxValue;
        for (int i = block.FirstLine + 1; i < block.EndLine; i++)
        {
            if (_lines[i].IsContent && !_lines[i].HasTab) minIndent = Math.Min(minIndent, _lines[i].Indent);
        }
        if (minIndent == int.MaxValue) return new List<Block>(); // only tab-indented lines: nothing to lay out
        var counts = new Dictionary<int, int>();
        for (int i = block.FirstLine + 1; i < block.EndLine; i++)
        {
            Line line = _lines[i];
            if (!line.IsContent || line.HasTab || line.Indent > minIndent + 1) continue;
            counts[line.Indent] = counts.TryGetValue(line.Indent, out int n) ? n + 1 : 1;
        }
        int idIndent = minIndent, best = -1;
        foreach (KeyValuePair<int, int> pair in counts)
        {
            if (pair.Value > best || (pair.Value == best && pair.Key < idIndent)) (idIndent, best) = (pair.Key, pair.Value);
        }

        var segments = new List<Block>();
        var keyIndents = new Dictionary<int, int>();
        int keyIndent = int.MaxValue;
        for (int i = block.FirstLine + 1; i < block.EndLine; i++)
        {
            Line line = _lines[i];
            if (!line.IsContent || (line.HasTab && segments.Count > 0)) continue;
            // The first line below an id sets the fact's key indentation; after it, a bare
            // 'word:' less indented than the keys is the next id, however it is indented.
            bool starts = segments.Count == 0
                || line.Indent <= idIndent
                || (keyIndent != int.MaxValue && line.Indent < keyIndent && HeaderWord(line) is not null && line.EndsAfterHeader);
            if (!starts)
            {
                if (keyIndent == int.MaxValue)
                {
                    keyIndent = line.Indent;
                    keyIndents[keyIndent] = keyIndents.TryGetValue(keyIndent, out int seen) ? seen + 1 : 1;
                }
                continue;
            }
            if (segments.Count > 0) segments[segments.Count - 1] = segments[segments.Count - 1].EndingAt(i);
            segments.Add(new Block(i, block.EndLine, isDocumentMarker: false));
            keyIndent = int.MaxValue;
            if (segments.Count == 1 && line.Indent > idIndent && !line.EndsAfterHeader)
            {
                // Keys, not an id, open the category: the id line above them is missing. The
                // binder reports that, and may tell which id it was.
                _orphanFirst = true;
                keyIndent = line.Indent;
                continue;
            }
            if (line.Indent != idIndent)
            {
                _misindented.Add(segments.Count - 1);
                string what = HeaderWord(line) is { } id ? $"'{MessageText.Quote(id)}'" : "this line";
                Report(line.Start, line.Start + line.Indent, $"{what} is indented {Spaces(line.Indent)}, but the ids above and below it are indented {Spaces(idIndent)}; it is read as an id");
            }
        }
        // The indentation of most facts' first key: where a key line of a broken fact should be.
        _categoryKeyIndent = 0;
        int most = 0;
        foreach (KeyValuePair<int, int> pair in keyIndents)
        {
            if (pair.Value > most || (pair.Value == most && pair.Key < _categoryKeyIndent)) (_categoryKeyIndent, most) = (pair.Key, pair.Value);
        }
        if (most < 2) _categoryKeyIndent = 0;
        return segments;
    }

    /// <summary>
    /// Parses segments [from, to) together; where that fails, each half on its own, down to the
    /// one fact that holds the error. Few parses for few errors, and each error lands on its fact.
    /// </summary>
    private void ReadSegments(List<Block> segments, int from, int to, RawMapping facts)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_errors >= DiagnosticCap.PerFile) return;
        int start = _lines[segments[from].FirstLine].Start;
        int end = BlockEnd(segments[to - 1]);
        YamlParse parse = _builder.Parse(_text, start, end, _factDepth, _cancellationToken);
        if (parse.Succeeded)
        {
            if (parse.Root is RawMapping mapping) facts.Entries.AddRange(mapping.Entries);
            return;
        }
        if (to - from == 1)
        {
            ReadBrokenFact(segments[from], parse, facts);
            return;
        }
        int errorsBefore = _errors;
        int middle = from + ((to - from) / 2);
        ReadSegments(segments, from, middle, facts);
        ReadSegments(segments, middle, to, facts);
        if (_errors == errorsBefore && !AnyMisindented(from, to))
        {
            // Each half reads alone: the error is where they meet (unless that is an id indented
            // wrongly, which is reported already).
            ReportParse(parse, null);
        }
    }

    /// <summary>One fact whose text fails to parse: keep its id and whatever was read before the error.</summary>
    private void ReadBrokenFact(Block segment, YamlParse parse, RawMapping facts)
    {
        Line first = _lines[segment.FirstLine];
        parse = Pinpointed(segment, parse);
        if (parse.Root is RawMapping { Entries.Count: > 0 } partial && partial.Entries[0].Key is ScalarSyntax { IsNull: false } id)
        {
            foreach (KeyValuePair<RawNode, RawNode> entry in partial.Entries) MarkIncomplete(entry.Value);
            facts.Entries.AddRange(partial.Entries);
            ReportParse(parse, _factDepth > 1
                ? $"the report on '{MessageText.Quote(id.Value)}' is left out, and the fact keeps its other sources"
                : $"'{MessageText.Quote(id.Value)}' keeps its member, but its keys from here on are not read");
            return;
        }
        if (HeaderWord(first) is { } word)
        {
            ScalarSyntax key = HeaderKey(first, word);
            facts.Entries.Add(new KeyValuePair<RawNode, RawNode>(key, new ScalarSyntax(string.Empty, _locations.Lines, key.End, key.End, isNull: true) { IsIncomplete = true }));
            ReportParse(parse, _factDepth > 1
                ? $"the report on '{MessageText.Quote(word)}' is left out, and the fact keeps its other sources"
                : $"'{MessageText.Quote(word)}' keeps its member, but none of its keys are read");
            return;
        }
        ReportParse(parse, "no fact id could be read from this line");
    }

    /// <summary>
    /// The parser's error, moved to the mistake where the layout shows it: a key indented
    /// differently from the fact's other keys (the parser fails a line or a ':' later), or a quote
    /// that its line never closes (the parser fails where the quoted text runs into trouble).
    /// </summary>
    private YamlParse Pinpointed(Block segment, YamlParse parse)
    {
        int error = parse.ErrorStart - _bom;
        int errorLine = LineAt(error);
        if (errorLine < 0) return parse;

        // A quote the parser complains about, opened and not closed on its line.
        char at = error >= 0 && error < _text.Length ? _text[error] : '\0';
        if (at is '"' or '\'' && Occurrences(_lines[errorLine], at) % 2 == 1)
        {
            return new YamlParse(parse.Root, $"the quote opened here is not closed on its line ({parse.Error})", parse.ErrorStart, parse.ErrorStart + 1);
        }

        // The fact's keys: their usual indentation, and the first key line (up to the error) off it.
        var counts = new Dictionary<int, int>();
        for (int i = segment.FirstLine + 1; i < segment.EndLine && i <= errorLine; i++)
        {
            Line line = _lines[i];
            if (line.IsContent && !line.HasTab && HeaderWord(line) is not null) counts[line.Indent] = counts.TryGetValue(line.Indent, out int n) ? n + 1 : 1;
        }
        int keyIndent = -1, best = 0;
        foreach (KeyValuePair<int, int> pair in counts)
        {
            if (pair.Value > best || (pair.Value == best && pair.Key < keyIndent)) (keyIndent, best) = (pair.Key, pair.Value);
        }
        if (_categoryKeyIndent > 0) keyIndent = _categoryKeyIndent;
        else if (best < 2) return parse;
        bool nested = false;
        for (int i = segment.FirstLine + 1; i <= errorLine && i < segment.EndLine; i++)
        {
            Line line = _lines[i];
            if (!line.IsContent || line.HasTab) continue;
            if (line.Indent <= keyIndent) nested = false;
            if (line.Indent == keyIndent)
            {
                // 'labels:' or 'note: >-' alone: the deeper lines below are its value.
                nested = line.EndsAfterHeader || OpensBlockScalar(line);
                continue;
            }
            if (nested || HeaderWord(line) is not { } key) continue;
            if (line.Indent > keyIndent && !IsKeyLine(line)) continue; // a value's continuation
            return new YamlParse(parse.Root, $"'{MessageText.Quote(key)}' is indented {Spaces(line.Indent)}, but the other keys here are indented {Spaces(keyIndent)}", line.Start + _bom, line.Start + line.Indent + _bom);
        }
        return parse;
    }

    private int LineAt(int offset)
    {
        int low = 0, high = _lines.Length - 1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (_lines[middle].Start > offset) high = middle - 1;
            else low = middle + 1;
        }
        return high;
    }

    private int Occurrences(Line line, char c)
    {
        int count = 0;
        for (int i = line.Start; i < line.End; i++)
        {
            if (_text[i] == c) count++;
        }
        return count;
    }

    /// <summary>A 'key: value' or 'key:' line whose key is a word (not text that continues a value).</summary>
    private bool IsKeyLine(Line line)
    {
        int colon = _text.IndexOf(':', line.Start, line.End - line.Start);
        return colon >= 0 && (colon + 1 == line.End || _text[colon + 1] == ' ');
    }

    private bool OpensBlockScalar(Line line)
    {
        int end = line.End;
        while (end > line.Start && char.IsWhiteSpace(_text[end - 1])) end--;
        return end > line.Start && (_text[end - 1] is '|' or '>' || (end - 2 > line.Start && _text[end - 2] is '|' or '>' && _text[end - 1] is '-' or '+'));
    }

    private static void MarkIncomplete(RawNode? node)
    {
        if (node is not null) node.IsIncomplete = true;
    }

    // ---- reporting ---------------------------------------------------------------------------

    /// <summary>Reports a parse's error; its offsets are the file's, which count a skipped BOM.</summary>
    private void ReportParse(YamlParse parse, string? kept)
        => Report(parse.ErrorStart - _bom, parse.ErrorEnd - _bom, kept is null ? parse.Error! : $"{parse.Error}; {kept}", parse.TooDeep ? kept ?? string.Empty : null);

    private void ReportParseError(YamlParse whole, string? kept)
    {
        if (!whole.Succeeded) ReportParse(whole, kept);
    }

    /// <param name="tooDeepKept">Set for the nesting cap (FG0002): what was kept, or empty.</param>
    private void Report(int start, int end, string message, string? tooDeepKept = null)
    {
        _errors++;
        LocationInfo location = _locations.Span(start + _bom, end + _bom);
        _diagnostics.Report(tooDeepKept is not null
            ? DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, location, "nested value", $"at most {YamlTreeBuilder.MaxDepth} levels deep", "nested deeper" + (tooDeepKept.Length > 0 ? "; " + tooDeepKept : string.Empty))
            : DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntaxError, location, message));
    }

    private static string Spaces(int count) => count == 1 ? "1 space" : $"{count} spaces";

    // ---- lines -------------------------------------------------------------------------------

    private bool HasContentAfter(Block block)
    {
        for (int i = block.FirstLine + 1; i < block.EndLine; i++)
        {
            if (_lines[i].IsContent) return true;
        }
        return false;
    }

    /// <summary>Where a block's text ends: the start of the line after its last line.</summary>
    private int BlockEnd(Block block) => block.EndLine < _lines.Length ? _lines[block.EndLine].Start : _text.Length;

    private bool IsDocumentMarker(Line line)
    {
        if (line.End - line.Start < 3) return false;
        string marker = _text.Substring(line.Start, 3);
        return (marker == "---" || marker == "...") && (line.End - line.Start == 3 || char.IsWhiteSpace(_text[line.Start + 3]));
    }

    private static bool IsTopLevelKey(string word) => FactKeys.TopLevel.SlotOf(word) >= 0;

    /// <summary>
    /// The word a line starts with when it looks like a key (<c>  north-korea:</c>, <c>"syria:</c>,
    /// <c>states</c>), quotes dropped; null for anything else. Used only to recover ids and headers
    /// from lines the parser could not read.
    /// </summary>
    private string? HeaderWord(Line line)
    {
        int i = line.Start + line.Indent, end = line.End;
        int comment = _text.IndexOf(" #", i, end - i, StringComparison.Ordinal);
        if (comment >= 0) end = comment;
        while (end > i && char.IsWhiteSpace(_text[end - 1])) end--;
        int colon = _text.IndexOf(':', i, end - i);
        if (colon >= 0)
        {
            // 'key: value' is a key too, but only a bare 'key:' can head a block.
            end = colon;
        }
        var word = new System.Text.StringBuilder();
        for (int c = i; c < end; c++)
        {
            char ch = _text[c];
            if (ch is '"' or '\'') continue;
            if (!(char.IsLetterOrDigit(ch) || ch is '-' or '_')) return null;
            word.Append(ch);
        }
        return word.Length > 0 && char.IsLetter(word[0]) ? word.ToString() : null;
    }

    /// <summary>A key scalar for a recovered header or id: its word, spanning the line's text.</summary>
    private ScalarSyntax HeaderKey(Line line, string word)
    {
        int start = line.Start + line.Indent;
        int end = start;
        while (end < line.End && _text[end] is not ':' and not ' ' and not '#') end++;
        return new ScalarSyntax(word, _locations.Lines, start + _bom, Math.Max(start + 1, end) + _bom);
    }

    /// <summary>One line of the parser's text: where it starts and ends, and its indentation.</summary>
    private readonly struct Line
    {
        private Line(int start, int end, int indent, bool isContent, bool endsAfterHeader, bool hasTab)
        {
            Start = start;
            End = end;
            Indent = indent;
            IsContent = isContent;
            EndsAfterHeader = endsAfterHeader;
            HasTab = hasTab;
        }

        /// <summary>The indentation holds a tab.</summary>
        public bool HasTab { get; }

        public int Start { get; }

        /// <summary>Where the line's text ends, before its line break.</summary>
        public int End { get; }

        public int Indent { get; }

        /// <summary>Neither blank nor only a comment.</summary>
        public bool IsContent { get; }

        /// <summary>Nothing but a comment follows the line's first ':' (or it has none): a bare header.</summary>
        public bool EndsAfterHeader { get; }

        public static Line[] Split(string text)
        {
            var lines = new List<Line>();
            int start = 0;
            while (start <= text.Length)
            {
                int end = start;
                while (end < text.Length && text[end] is not '\n' and not '\r') end++;
                // A tab in the indentation is an error the parser reports; such a line counts as
                // indented, but never decides where a block or a fact starts.
                int indent = 0;
                bool tab = false;
                while (start + indent < end && text[start + indent] is ' ' or '\t')
                {
                    tab |= text[start + indent] == '\t';
                    indent++;
                }
                int first = start + indent;
                bool content = first < end && text[first] != '#' && !IsBlank(text, first, end);
                lines.Add(new Line(start, end, indent, content, content && IsBare(text, first, end), tab));
                if (end >= text.Length) break;
                start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
            }
            return lines.ToArray();
        }

        private static bool IsBlank(string text, int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                if (!char.IsWhiteSpace(text[i])) return false;
            }
            return true;
        }

        private static bool IsBare(string text, int from, int to)
        {
            int colon = text.IndexOf(':', from, to - from);
            if (colon < 0) return text.IndexOf(' ', from, to - from) < 0;
            for (int i = colon + 1; i < to; i++)
            {
                if (text[i] == '#') return true;
                if (!char.IsWhiteSpace(text[i])) return false;
            }
            return true;
        }
    }

    /// <summary>A run of lines [FirstLine, EndLine).</summary>
    private readonly struct Block
    {
        public Block(int firstLine, int endLine, bool isDocumentMarker)
        {
            FirstLine = firstLine;
            EndLine = endLine;
            IsDocumentMarker = isDocumentMarker;
        }

        public int FirstLine { get; }

        public int EndLine { get; }

        public bool IsDocumentMarker { get; }

        public Block EndingAt(int endLine) => new(FirstLine, endLine, IsDocumentMarker);
    }
}
