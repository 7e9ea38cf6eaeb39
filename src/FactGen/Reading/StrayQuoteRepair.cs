using System.Collections.Generic;
using System.Text;

namespace FactGen.Reading;

/// <summary>
/// A named repair of the text, made before the layout-based recovery (<see cref="YamlRecovery"/>):
/// a quote typed at the very start of a key line (<c>"  russia: ...</c>) that its line never
/// closes. YAML reads it as a quoted text that runs on to the end of the file, and at column 1
/// it also ends the block it stood in, so every fact below it would be lost. The line is read as
/// if the quote were not there: its characters move one to the left and a space takes the
/// quote's place at the end of the line, so the file keeps its length and every other line its
/// positions. The quote is the one mistake reported; what the line declares keeps its member
/// and is not checked further (a value on the line is one column off its place in the file).
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

    /// <summary>The text with each quote at <paramref name="quotes"/> taken out of its line.</summary>
    public static string Repair(string yaml, List<int> quotes)
    {
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
