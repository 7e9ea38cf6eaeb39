using System;
using System.Collections.Generic;
using FactGen.Helpers;
using FactGen.Models;

namespace FactGen.Binding;

/// <summary>
/// One source's report on a fact of this catalog, as the fact's doc comment names it: which
/// fact, which file's source, and whether it disputes the fact. It holds no values, so an edit to
/// a report's values leaves it equal, and the declaring file's source is not written again.
/// </summary>
internal readonly record struct FactReporter(FactCategory Category, string Id, string Path, BoundSource Source, bool Disputes);

/// <summary>
/// Every report on a fact of this catalog, in the order of the files that make them (as the
/// fact's <c>Sources</c> lists them after its declaration). Each part takes those on its own
/// facts (<see cref="For"/>), so a part is written again only where its facts' reporters change.
/// </summary>
internal static class ReportedBy
{
    /// <summary>The reports of one file on this catalog's own facts (a referenced catalog's facts keep their hover).</summary>
    public static EquatableArray<FactReporter> Of(BoundReportFile? file)
    {
        if (file is null || file.Reports.IsEmpty) return EquatableArray<FactReporter>.Empty;
        var reporters = new List<FactReporter>(file.Reports.Count);
        foreach (BoundReport report in file.Reports)
        {
            if (report.Target.Namespace is null) reporters.Add(new FactReporter(report.Category, report.Target.Id, file.Path, file.Source, report.Disputes));
        }
        return reporters.ToEquatableArray();
    }

    /// <summary>Every file's reporters as one list, in file order (ordinal by path).</summary>
    public static EquatableArray<FactReporter> All(IEnumerable<EquatableArray<FactReporter>> files)
    {
        var all = new List<FactReporter>();
        foreach (EquatableArray<FactReporter> file in files) all.AddRange(file);
        if (all.Count == 0) return EquatableArray<FactReporter>.Empty;
        // Stable: a file's reports keep their order.
        FactReporter[] sorted = all.ToArray();
        int[] order = new int[sorted.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => string.CompareOrdinal(sorted[a].Path, sorted[b].Path) is var c && c != 0 ? c : a.CompareTo(b));
        var result = new FactReporter[sorted.Length];
        for (int i = 0; i < order.Length; i++) result[i] = sorted[order[i]];
        return new EquatableArray<FactReporter>(result);
    }

    /// <summary>The reporters of the facts a part declares.</summary>
    public static EquatableArray<FactReporter> For(BoundCatalog facts, EquatableArray<FactReporter> all)
    {
        if (all.IsEmpty) return EquatableArray<FactReporter>.Empty;
        var ids = new HashSet<(FactCategory, string)>();
        foreach (BoundState s in facts.States) ids.Add((FactCategory.State, s.Id));
        foreach (BoundActor a in facts.Actors) ids.Add((FactCategory.Actor, a.Id));
        foreach (BoundEvent e in facts.Events) ids.Add((FactCategory.Event, e.Id));
        var mine = new List<FactReporter>();
        foreach (FactReporter reporter in all)
        {
            if (ids.Contains((reporter.Category, reporter.Id))) mine.Add(reporter);
        }
        return mine.Count == 0 ? EquatableArray<FactReporter>.Empty : mine.ToEquatableArray();
    }
}
