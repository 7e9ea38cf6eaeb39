using System;
using System.Collections.Generic;
using System.Threading;
using FactGen.Diagnostics;
using FactGen.Models;

namespace FactGen.Reading.Recovery;

/// <summary>
/// The text pass of recovery: what is done with a fact file's text to get a tree from it when YAML
/// cannot read it as written. A file that is not text is read with its bad characters as spaces.
/// The text is parsed whole; where that fails, quotes at the start of a line that the line never
/// closes are taken out (<see cref="StrayQuoteRepair"/>) and the text is parsed again; where it
/// still fails, it is read block by block and fact by fact around each error
/// (<see cref="YamlRecovery"/>). Each mistake is reported once, where it is written, and the tree
/// keeps every fact that could be read, with what was read around an error marked incomplete.
/// </summary>
internal static class TextPass
{
    /// <summary>
    /// A NUL or a replacement character (what the compiler decodes invalid UTF-8 to) means the
    /// file is binary or not UTF-8: better one clear error than a cascade of YAML ones. Reports
    /// that error where there is one, and tells whether the file is text.
    /// </summary>
    public static bool CheckIsText(string content, FactFileLocations locations, DiagnosticSink diagnostics)
    {
        int bad = content.IndexOf('\0');
        if (bad < 0) bad = content.IndexOf('\uFFFD');
        if (bad < 0) return true;
        diagnostics.Report(DiagnosticInfo.Create(
            DiagnosticDescriptors.YamlSyntaxError,
            locations.Span(bad, Math.Min(bad + 1, content.Length)),
            "the file is not UTF-8 text (it holds a NUL or an undecodable byte); save it as UTF-8"));
        return false;
    }

    /// <summary>
    /// The text of a file that is not text, with its bad characters as spaces: its ids are still
    /// read, so that nothing that refers to them fails as well.
    /// </summary>
    public static string BlankUndecodable(string yaml) => yaml.Replace('\0', ' ').Replace('\uFFFD', ' ');

    /// <summary>
    /// The file's tree, read around its syntax errors. <paramref name="yaml"/> is the parser's
    /// text, which starts <paramref name="bom"/> characters into the file; <paramref name="recovered"/>
    /// tells whether YAML could not read it as written.
    /// </summary>
    public static RawNode? Parse(string yaml, int bom, FactFileLocations locations, DiagnosticSink diagnostics, CancellationToken cancellationToken, out bool recovered)
    {
        var builder = new YamlTreeBuilder(locations, diagnostics);
        YamlParse whole = builder.Parse(yaml, 0, yaml.Length, 0, cancellationToken);
        recovered = !whole.Succeeded;
        if (whole.Succeeded) return whole.Root;

        List<int> strayQuotes = StrayQuoteRepair.Find(yaml);
        if (strayQuotes.Count > 0)
        {
            yaml = StrayQuoteRepair.Repair(yaml, bom, strayQuotes, locations, diagnostics);
            whole = builder.Parse(yaml, 0, yaml.Length, 0, cancellationToken);
        }
        RawNode? root = whole.Succeeded ? whole.Root : new YamlRecovery(builder, locations, diagnostics, yaml, bom, cancellationToken).Recover(whole);
        if (strayQuotes.Count > 0) StrayQuoteRepair.MarkRepairedFacts(root, yaml, bom, strayQuotes);
        return root;
    }
}
