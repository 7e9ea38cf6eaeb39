using System;
using System.Collections.Generic;
using System.Linq;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;

namespace FactGen.Binding;

/// <summary>
/// The bind pass of a file's reports (its <c>reports</c> block): each report's values are checked
/// as a fact's are, with no key required (<see cref="FactChecks"/>: FG0008, FG0010, FG0011), its
/// <c>stance</c> and <c>preferred</c> keys here (FG0010), and the reported fact and every id among
/// its values are located like references (<see cref="ReferenceResolver.Locate{T}"/>: FG0007 for
/// an id no scope knows). A report with a mistake is left out of the catalog: its one diagnostic
/// fails the build, and the reported fact keeps its declaration and its other sources.
/// </summary>
internal sealed class ReportBinder
{
    private readonly BindDiagnostics _diagnostics;
    private readonly CategoryTables _tables;
    private readonly FactChecks _checks;
    private readonly ReferenceResolver _references;

    public ReportBinder(BindDiagnostics diagnostics, CategoryTables tables, FactChecks checks, ReferenceResolver references)
    {
        _diagnostics = diagnostics;
        _tables = tables;
        _checks = checks;
        _references = references;
    }

    /// <summary>
    /// The file's reports, bound; null for a file without a <c>reports</c> block. Where the file's
    /// source has an error (<paramref name="cited"/> false), its reports are checked but cite
    /// nothing: none is kept, and the ids they name are not looked up.
    /// </summary>
    public BoundReportFile? Bind(FactFileSyntax file, int sourceIndex, BoundSource source, bool cited)
    {
        if (file.Reports.IsEmpty) return null;
        var reports = new List<BoundReport>(file.Reports.Count);
        foreach (ReportSyntax report in file.Reports)
        {
            if (Bind(report, sourceIndex, cited) is { } bound) reports.Add(bound);
        }
        return new BoundReportFile(file.Path, source, reports.ToEquatableArray());
    }

    private BoundReport? Bind(ReportSyntax r, int sourceIndex, bool cited)
    {
        if (r.Outcome == ReadOutcome.IdMissing)
        {
            int line = r.Target.Location.LineSpan.Start.Line + 1;
            _diagnostics.Report(DiagnosticDescriptors.YamlSyntaxError, r.Target.Location,
                $"the keys from line {line} have no id above them (the id line of a report seems to be missing); they are not read: add the id of the fact they report on above them");
            return null;
        }
        // The reader reported the report's one error: bind nothing of it, report nothing more.
        bool quiet = r.HasErrors;
        bool valid = !quiet;
        KeyTable<ReportSyntax> keys = FactKeys.ReportOn(r.Category);

        bool disputes = false;
        if (r.Stance is { } stance)
        {
            int index = Array.IndexOf(FactKeys.Stances, stance.Value);
            if (index < 0)
            {
                if (!quiet)
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidValue, stance.Location, MessageText.Quote(stance.Value), "stance",
                        "use reports (the source reports the fact) or disputes (it says the fact is wrong)" + Suggestions.DidYouMean(stance.Value, FactKeys.Stances));
                }
                valid = false;
            }
            disputes = index == 1;
        }

        var preferred = new List<string>();
        foreach (ScalarSyntax key in r.Preferred)
        {
            int slot = keys.SlotOf(key.Value);
            string? problem =
                slot < 0 || key.Value is "stance" or "preferred" ? $"name a key of the report, such as 'date' or 'kind'{Suggestions.DidYouMean(key.Value, keys.Names.Where(n => n is not "stance" and not "preferred"))}"
                : disputes ? "a report that disputes the fact prefers none of its values; remove 'preferred', or report the fact"
                : keys.Typed[slot].IsAbsent(r) ? $"this report gives no '{key.Value}'; prefer only a key that it gives"
                : null;
            if (problem is not null)
            {
                if (!quiet) _diagnostics.Report(DiagnosticDescriptors.InvalidValue, key.Location, MessageText.Quote(key.Value), "preferred", problem);
                valid = false;
                continue;
            }
            if (!preferred.Contains(key.Value)) preferred.Add(key.Value);
        }

        // Its values, checked as a fact's are (no key is required of a report).
        bool locate = !quiet && cited;
        _missed = false;
        BoundReport? bound = r.Category switch
        {
            FactCategory.State => BindState(r, r.State!, sourceIndex, disputes, preferred, ref valid, quiet || !cited),
            FactCategory.Actor => BindActor(r, r.Actor!, sourceIndex, disputes, preferred, ref valid, quiet || !cited),
            _ => BindEvent(r, r.Event!, sourceIndex, disputes, preferred, ref valid, quiet || !cited),
        };
        // An unknown id among its values is a mistake too (FG0007): the report is left out whole.
        if (!valid || !locate || bound is null || _missed) return null;
        return RegisterKind(r) ? bound : null;
    }

    /// <summary>
    /// A kept report's kind joins its category's kinds (an enum member, as a fact's kind is), so
    /// that the merged fact's kind is a member whichever source gave it. A kind whose C# name
    /// another kind takes is FG0009, and the report is left out, as a fact with it would be.
    /// </summary>
    private bool RegisterKind(ReportSyntax r)
    {
        ScalarSyntax? kind = r.Category switch
        {
            FactCategory.State => r.State!.Kind,
            FactCategory.Actor => r.Actor!.Kind,
            _ => r.Event!.Kind,
        };
        if (kind is null) return true;
        CategoryTable table = _tables.All[(int)r.Category];
        string member = Naming.ToPascalCase(kind.Value);
        if (table.KindsByMember.TryGetValue(member, out string? other))
        {
            if (other == kind.Value) return true;
            _diagnostics.Report(DiagnosticDescriptors.NameClash, kind.Location, $"The {table.Singular} kind", MessageText.Quote(kind.Value), member, $"the kind '{other}' gives too");
            return false;
        }
        table.KindsByMember.Add(member, kind.Value);
        table.ReportedKinds.Add(kind.Value);
        return true;
    }

    /// <summary>Set where an id the report names is one no scope knows (FG0007): the report is left out whole.</summary>
    private bool _missed;

    private BoundRef? Find<T>(Category<T> target, ScalarSyntax? id, string key, bool quiet)
    {
        BoundRef? found = _references.Locate(target, id, key, quiet);
        if (id is not null && found is null) _missed = true;
        return found;
    }

    private BoundRef? Target(ReportSyntax r, bool quiet)
        => r.Category switch
        {
            FactCategory.State => Find(_tables.States, r.Target, "reports", quiet),
            FactCategory.Actor => Find(_tables.Actors, r.Target, "reports", quiet),
            _ => Find(_tables.Events, r.Target, "reports", quiet),
        };

    private BoundReport? BindState(ReportSyntax r, StateSyntax s, int source, bool disputes, List<string> preferred, ref bool valid, bool quiet)
    {
        var d = new Declaration<StateSyntax>(s, r.Target, source) { IsReport = true };
        if (!r.HasErrors) _checks.Check(d);
        valid &= d.IsValid;
        if (Target(r, quiet) is not { } target) return null;
        return Empty(r.Category, target, disputes, preferred) with
        {
            Name = s.Name?.Value,
            OfficialName = s.OfficialName?.Value,
            Kind = s.Kind?.Value,
            Capital = s.Capital?.Value,
            Within = Find(_tables.States, s.Within, "within", quiet),
            RecognizedBy = LocateAll(_tables.States, s.RecognizedBy, "recognized_by", quiet),
            Aliases = Texts(s.Aliases),
            Labels = Labels(s.Labels),
        };
    }

    private BoundReport? BindActor(ReportSyntax r, ActorSyntax a, int source, bool disputes, List<string> preferred, ref bool valid, bool quiet)
    {
        var d = new Declaration<ActorSyntax>(a, r.Target, source) { IsReport = true };
        if (!r.HasErrors) _checks.Check(d);
        valid &= d.IsValid;
        if (Target(r, quiet) is not { } target) return null;
        return Empty(r.Category, target, disputes, preferred) with
        {
            Name = a.Name?.Value,
            Kind = a.Kind?.Value,
            Role = a.Role?.Value,
            State = Find(_tables.States, a.State, "state", quiet),
            Aliases = Texts(a.Aliases),
            Labels = Labels(a.Labels),
        };
    }

    private BoundReport? BindEvent(ReportSyntax r, EventSyntax e, int source, bool disputes, List<string> preferred, ref bool valid, bool quiet)
    {
        var d = new Declaration<EventSyntax>(e, r.Target, source) { IsReport = true };
        if (!r.HasErrors) _checks.Check(d);
        valid &= d.IsValid;
        if (Target(r, quiet) is not { } target) return null;
        int status = e.Status is null ? -1 : Array.IndexOf(ValueRules.Statuses, e.Status.Value);
        return Empty(r.Category, target, disputes, preferred) with
        {
            Date = e.Date is null ? null : d.Date,
            Kind = e.Kind?.Value,
            Summary = e.Summary?.Value,
            Actors = LocateAll(_tables.Actors, e.Actors, "actors", quiet),
            States = LocateAll(_tables.States, e.States, "states", quiet),
            Place = Find(_tables.States, e.Place, "place", quiet),
            ReportedBy = LocateAll(_tables.Actors, e.ReportedBy, "reported_by", quiet),
            Follows = LocateAll(_tables.Events, e.Follows, "follows", quiet),
            Status = status < 0 ? null : status,
            Retraction = status == (int)BoundStatus.Retracted ? e.Retraction?.Value : null,
            Note = e.Note?.Value,
        };
    }

    private static BoundReport Empty(FactCategory category, BoundRef target, bool disputes, List<string> preferred)
        => new(
            category, target, disputes, preferred.ToEquatableArray(),
            Date: null, Kind: null, Name: null, OfficialName: null, Capital: null, Role: null, Summary: null, Note: null, Retraction: null, Status: null,
            Within: null, State: null, Place: null,
            RecognizedBy: EquatableArray<BoundRef>.Empty, Actors: EquatableArray<BoundRef>.Empty, States: EquatableArray<BoundRef>.Empty,
            ReportedBy: EquatableArray<BoundRef>.Empty, Follows: EquatableArray<BoundRef>.Empty,
            Aliases: EquatableArray<string>.Empty, Labels: EquatableArray<BoundLabel>.Empty);

    /// <summary>The facts named, each once, in the order written; unknown ones are left out.</summary>
    private EquatableArray<BoundRef> LocateAll<T>(Category<T> target, EquatableArray<ScalarSyntax> ids, string key, bool quiet)
    {
        if (ids.IsEmpty) return EquatableArray<BoundRef>.Empty;
        var found = new List<BoundRef>(ids.Count);
        foreach (ScalarSyntax id in ids)
        {
            if (Find(target, id, key, quiet) is { } located && !found.Contains(located)) found.Add(located);
        }
        return found.ToEquatableArray();
    }

    private static EquatableArray<string> Texts(EquatableArray<ScalarSyntax> texts)
        => texts.IsEmpty ? EquatableArray<string>.Empty : texts.Select(static t => t.Value).Distinct(StringComparer.Ordinal).ToEquatableArray();

    private static EquatableArray<BoundLabel> Labels(EquatableArray<LabelSyntax> labels)
    {
        if (labels.IsEmpty) return EquatableArray<BoundLabel>.Empty;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var bound = new List<BoundLabel>(labels.Count);
        foreach (LabelSyntax label in labels)
        {
            if (seen.Add(label.Language.Value)) bound.Add(new BoundLabel(Language: label.Language.Value, Text: label.Text.Value));
        }
        return bound.ToEquatableArray();
    }
}
