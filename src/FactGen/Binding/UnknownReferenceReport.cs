using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;
using FactGen.Upstream;

namespace FactGen.Binding;

/// <summary>
/// FG0007, once per unknown id, from what the <see cref="ReferenceResolver"/> kept: at its first
/// reference, naming the others, with the most useful hint the whole catalog gives (an id of
/// another category, of a catalog of another root, the nearest declared id). Where the id is
/// referenced more than once and a declared id close to it is referenced nowhere, the
/// declaration is the likely misspelling: the one diagnostic is there, linking the two.
/// Only the whole bind reports: a bind of one file does not know the other files' ids.
/// </summary>
internal sealed class UnknownReferenceReport
{
    /// <summary>How many distinct misses get a "did you mean": a renamed or deleted file can leave thousands, and each lookup scans every id.</summary>
    private const int MaxSuggestionLookups = 200;

    private readonly CategoryTables _tables;
    private readonly UpstreamIndex _upstream;
    private readonly BindDiagnostics _diagnostics;
    private int _suggestionLookups;

    private UnknownReferenceReport(CategoryTables tables, UpstreamIndex upstream, BindDiagnostics diagnostics)
    {
        _tables = tables;
        _upstream = upstream;
        _diagnostics = diagnostics;
    }

    public static void Report(List<UnknownReferences> unknown, CategoryTables tables, UpstreamIndex upstream, BindDiagnostics diagnostics, CancellationToken cancellationToken)
        => new UnknownReferenceReport(tables, upstream, diagnostics).ReportAll(unknown, cancellationToken);

    private void ReportAll(List<UnknownReferences> unknownOrder, CancellationToken cancellationToken)
    {
        HashSet<string>? claimed = null;
        foreach (UnknownReferences unknown in unknownOrder) unknown.SortByPlace();
        // In file order, so that the first diagnostics of a file (those the cap keeps) are
        // the ones that get suggestions; facts are bound in id order.
        unknownOrder.Sort(static (a, b) =>
        {
            int byFile = string.CompareOrdinal(a.First.FilePath, b.First.FilePath);
            return byFile != 0 ? byFile : a.First.Span.Start.CompareTo(b.First.Span.Start);
        });
        foreach (UnknownReferences unknown in unknownOrder)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string id = MessageText.Quote(unknown.Id);
            string? elsewhere = OtherCategoryOf(unknown.Category, unknown.Id);
            int count = 1 + unknown.More.Count;
            if (elsewhere is null && count > 1 && UnreferencedNear(unknown) is { } misspelt && (claimed ??= new HashSet<string>(StringComparer.Ordinal)).Add(unknown.Singular + "\n" + misspelt.Value))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnknownReference, misspelt.Location, unknown.First, unknown.Singular, id, unknown.Key,
                    $"; it is referenced {count} times (first at {Where(unknown.First, misspelt.Location)}) and declared nowhere, while '{MessageText.Quote(misspelt.Value)}', declared here, is referenced nowhere: correct the spelling of one or the other");
                continue;
            }
            string hint;
            if (_upstream.OtherRootOf(unknown.Category.Category, unknown.Id) is { } other)
            {
                hint = $"; '{id}' is declared by the referenced catalog '{other.AssemblyName}', which builds on the fact types of '{other.TypesNamespace}', not on those of the project's other referenced catalogs ('{_upstream.Catalogs.Catalogs[0].TypesNamespace}'): a project builds on catalogs of one root only";
            }
            else if (elsewhere is not null)
            {
                hint = $"; '{id}' is {elsewhere}, but '{unknown.Key}' takes {MessageText.WithArticle(unknown.Singular)} id";
            }
            else
            {
                string? nearest = Nearest(unknown.Category, unknown.Id);
                hint = nearest is not null
                    ? $"; did you mean {nearest}?"
                    : $"; declare it under '{unknown.Category.Key}:' in a fact file";
            }
            if (count > 1) hint += MoreReferences(unknown.First, unknown.More);
            _diagnostics.Report(DiagnosticDescriptors.UnknownReference, unknown.First, unknown.More.Count > 0 ? unknown.More[0] : null, unknown.Singular, id, unknown.Key, hint);
        }
    }

    private static string MoreReferences(LocationInfo first, List<LocationInfo> more)
    {
        const int Shown = 3;
        var b = new System.Text.StringBuilder(more.Count == 1 ? " (also referenced at " : $" (also referenced {more.Count} more times, at ");
        for (int i = 0; i < more.Count && i < Shown; i++) b.Append(i > 0 ? ", " : string.Empty).Append(Where(more[i], first));
        if (more.Count > Shown) b.Append(", \u2026");
        return b.Append(')').ToString();
    }

    /// <summary>"line 12" within the same file, "other.facts.yaml(12,5)" in another.</summary>
    private static string Where(LocationInfo location, LocationInfo from)
    {
        int line = location.LineSpan.Start.Line + 1;
        return location.FilePath == from.FilePath
            ? $"line {line}"
            : $"{System.IO.Path.GetFileName(location.FilePath)}({line},{location.LineSpan.Start.Character + 1})";
    }

    /// <summary>A declared id close to the unknown one that nothing references: its likely misspelling.</summary>
    private ScalarSyntax? UnreferencedNear(UnknownReferences unknown)
    {
        IEnumerable<ScalarSyntax> candidates = _tables.Of(unknown.Category).UnreferencedIds;
        var byValue = new Dictionary<string, ScalarSyntax>(StringComparer.Ordinal);
        foreach (ScalarSyntax candidate in candidates) byValue[candidate.Value] = candidate;
        return Suggestions.Nearest(unknown.Id, byValue.Keys) is { } nearest ? byValue[nearest] : null;
    }

    /// <summary>The nearest declared id, for "did you mean"; none after <see cref="MaxSuggestionLookups"/> distinct misses.</summary>
    private string? Nearest(CategoryInfo category, string id)
    {
        if (_suggestionLookups >= MaxSuggestionLookups) return null;
        _suggestionLookups++;
        CategoryTable table = _tables.Of(category);
        string? nearest = Suggestions.Nearest(id, table.DeclaredIds.Select(d => d.Value).Concat(table.Upstream.Keys));
        if (nearest is null) return null;
        return table.Upstream.TryGetValue(nearest, out var upstream) && !table.Declares(nearest)
            ? $"'{nearest}' (of the referenced catalog '{upstream.Catalog.AssemblyName}')"
            : $"'{nearest}'";
    }

    /// <summary>"an actor" where the id is one of another category, or null.</summary>
    private string? OtherCategoryOf(CategoryInfo category, string id)
        => _tables.All.FirstOrDefault(c => c.Info != category && c.Knows(id)) is { } other ? MessageText.WithArticle(other.Info.Singular) : null;
}
