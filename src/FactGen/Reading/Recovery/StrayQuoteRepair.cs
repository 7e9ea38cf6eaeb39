using System.Collections.Generic;
using System.Text;
using FactGen.Diagnostics;
using FactGen.Models;

namespace FactGen.Reading.Recovery;

/// <summary>
/// A named repair of the text, made before the layout-based recovery (<see cref="YamlRecovery"/>):
/// a quote typed at the very start of a key line (<c>"  russia: ...</c>) that its line never
/// closes. YAML reads it as a quoted text that runs on to the end of the file, and at column 1
/// it also ends the block it stood in, so every fact below it would be lost. The line is read as
/// if the quote were not there: its characters move one to the left and a space takes the
/// quote's place at the end of the line, so the file keeps its length and every other line its
/// positions. The quote is the one mistake reported; what the line declares keeps its member
/// and is not checked further (a value on the line is one column off its place in the file):
/// <see cref="MarkRepairedFacts"/> is the repair's second half, on the tree.
/// </summary>
internal static class StrayQuoteRepair
{
    /// <summary>The offsets (in <paramref name="yaml"/>) of the quotes to take out; empty where there are none.</summary>
    public static List<int> Find(string yaml)
    {
        var quotes = new List<int>();
        int start = 0;
        while (start < yaml.Length)
        {
            int end = start;
            while (end < yaml.Length && yaml[end] != '\n' && yaml[end] != '\r') end++;
            if (IsStrayQuote(yaml, start, end)) quotes.Add(start);
            start = end;
            while (start < yaml.Length && (yaml[start] == '\n' || yaml[start] == '\r')) start++;
        }
        return quotes;
    }

    /// <summary>
    /// The text with each quote at <paramref name="quotes"/> taken out of its line. Each quote is
    /// reported (FG0001) as the mistake of its line; <paramref name="bom"/> is how far the text
    /// starts into the file.
    /// </summary>
    public static string Repair(string yaml, int bom, List<int> quotes, FactFileLocations locations, DiagnosticSink diagnostics)
    {
        foreach (int quote in quotes)
        {
            diagnostics.Report(DiagnosticInfo.Create(
                DiagnosticDescriptors.YamlSyntaxError,
                locations.Span(quote + bom, quote + bom + 1),
                "this quote at the start of the line is not closed on it, so YAML would read the rest of the file as its text; the line is read as if it were not there: remove it"));
        }
        var text = new StringBuilder(yaml);
        foreach (int quote in quotes)
        {
            int end = quote;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r') end++;
            for (int i = quote; i + 1 < end; i++) text[i] = text[i + 1];
            text[end - 1] = ' ';
        }
        return text.ToString();
    }

    /// <summary>
    /// The facts (and the source) that a repaired line belongs to are marked incomplete, so that
    /// they are read quietly: declared, and not checked further, since the quote is their one
    /// mistake. <paramref name="yaml"/> is the repaired text.
    /// </summary>
    public static void MarkRepairedFacts(RawNode? root, string yaml, int bom, List<int> quotes)
    {
        if (root is not RawMapping top) return;
        var lines = new List<(int Start, int End)>();
        foreach (int quote in quotes)
        {
            int end = quote;
            while (end < yaml.Length && yaml[end] != '\n' && yaml[end] != '\r') end++;
            lines.Add((quote + bom, end + bom));
        }
        bool OnRepairedLine(RawNode node)
        {
            foreach ((int start, int end) in lines)
            {
                if (node.Start >= start && node.Start < end) return true;
            }
            return false;
        }
        bool Touches(RawNode node)
        {
            if (OnRepairedLine(node)) return true;
            if (node is RawMapping mapping)
            {
                foreach (KeyValuePair<RawNode, RawNode> entry in mapping.Entries)
                {
                    if (Touches(entry.Key) || Touches(entry.Value)) return true;
                }
            }
            else if (node is RawSequence sequence)
            {
                foreach (RawNode item in sequence.Items)
                {
                    if (Touches(item)) return true;
                }
            }
            return false;
        }
        foreach (KeyValuePair<RawNode, RawNode> block in top.Entries)
        {
            if (block.Key is not ScalarSyntax key) continue;
            if (key.Value == FactKeys.Source.Key)
            {
                if (block.Value is RawMapping source && Touches(source)) source.IsIncomplete = true;
                continue;
            }
            if (block.Value is not RawMapping facts) continue;
            foreach (KeyValuePair<RawNode, RawNode> fact in facts.Entries)
            {
                if (Touches(fact.Key) || Touches(fact.Value)) fact.Value.IsIncomplete = true;
            }
        }
    }

    /// <summary>
    /// A quote at column 1 that its line does not close, before what reads as a key:
    /// optional spaces, a word, then ':' at the end of the line or before a space.
    /// </summary>
    private static bool IsStrayQuote(string yaml, int start, int end)
    {
        if (end - start < 3 || yaml[start] is not ('"' or '\'')) return false;
        char quote = yaml[start];
        int count = 0;
        for (int i = start; i < end; i++)
        {
            if (yaml[i] == quote) count++;
        }
        if (count % 2 == 0) return false;
        int at = start + 1;
        while (at < end && yaml[at] == ' ') at++;
        int word = at;
        while (at < end && (char.IsLetterOrDigit(yaml[at]) || yaml[at] is '-' or '_')) at++;
        return at > word && at < end && yaml[at] == ':' && (at + 1 == end || yaml[at + 1] == ' ');
    }
}
