using System;
using System.Collections.Generic;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;

namespace FactGen.Binding;

/// <summary>
/// The checks of one fact's own values (FG0003 required keys, FG0008 dates, FG0010 values,
/// FG0011 retractions), and after references are resolved, FG0012 for a fact that follows a
/// retracted event. A failed check marks the fact invalid: it keeps its member, with
/// placeholder values where the check failed.
/// </summary>
internal sealed class FactChecks
{
    /// <summary>Why a text with a bidi control is refused: it reaches doc comments and the build log.</summary>
    public const string BidiProblem = "it holds a Unicode bidi control character, which can make text read differently than it is; remove it";

    private readonly BindDiagnostics _diagnostics;
    private readonly CategoryTables _tables;

    public FactChecks(BindDiagnostics diagnostics, CategoryTables tables)
    {
        _diagnostics = diagnostics;
        _tables = tables;
    }

    public void Check(Declaration<StateSyntax> d)
    {
        StateSyntax s = d.Syntax;
        RequireAll(d, _tables.States);
        CheckName(d, s.Name, "name");
        CheckName(d, s.OfficialName, "official_name");
        CheckName(d, s.Capital, "capital");
        foreach (ScalarSyntax alias in s.Aliases) CheckName(d, alias, "aliases");
        foreach (LabelSyntax label in s.Labels) CheckName(d, label.Text, "labels");
        CheckKind(d, s.Kind);
        CheckLabels(d, s.Labels);
    }

    public void Check(Declaration<ActorSyntax> d)
    {
        ActorSyntax a = d.Syntax;
        RequireAll(d, _tables.Actors);
        CheckName(d, a.Name, "name");
        CheckName(d, a.Role, "role");
        foreach (ScalarSyntax alias in a.Aliases) CheckName(d, alias, "aliases");
        foreach (LabelSyntax label in a.Labels) CheckName(d, label.Text, "labels");
        CheckKind(d, a.Kind);
        CheckLabels(d, a.Labels);
    }

    public void Check(Declaration<EventSyntax> d)
    {
        EventSyntax e = d.Syntax;
        RequireAll(d, _tables.Events);
        if (e.Date is not null)
        {
            if (ParseDate(e.Date) is { } date) d.Date = date;
            else d.IsValid = false;
        }
        CheckKind(d, e.Kind);
        CheckName(d, e.Summary, "summary");
        CheckName(d, e.Note, "note");
        if (e.Status is { } status && Array.IndexOf(ValueRules.Statuses, status.Value) < 0)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidValue, status.Location, MessageText.Quote(status.Value), "status",
                "use reported, confirmed, disputed or retracted" + Suggestions.DidYouMean(status.Value, ValueRules.Statuses));
            d.IsValid = false;
        }
        else
        {
            CheckRetraction(d);
        }
    }

    /// <summary>
    /// FG0011: a retracted event says why (the reason becomes its [Obsolete] message), and only a
    /// retracted event has a reason, since a reason on any other reads as a retraction half done.
    /// </summary>
    private void CheckRetraction(Declaration<EventSyntax> d)
    {
        EventSyntax e = d.Syntax;
        bool retracted = e.Status is { Value: "retracted" };
        bool hasReason = e.Retraction is { } reason && !string.IsNullOrWhiteSpace(reason.Value);
        if (retracted && !hasReason)
        {
            _diagnostics.Report(DiagnosticDescriptors.RetractionWithoutReason, e.Retraction?.Location ?? e.Status!.Location, MessageText.Quote(d.Id.Value),
                "is marked 'status: retracted' but gives no reason; add 'retraction: \"...\"' saying who withdrew it and why (code that uses it is warned with this text)");
            d.IsValid = false;
        }
        else if (!retracted && e.Retraction is not null)
        {
            string status = e.Status?.Value ?? "reported";
            _diagnostics.Report(DiagnosticDescriptors.RetractionWithoutReason, e.Retraction.Location, MessageText.Quote(d.Id.Value),
                $"has a 'retraction' but its status is '{MessageText.Quote(status)}'; set 'status: retracted', or remove 'retraction'");
            d.IsValid = false;
        }
        else if (hasReason)
        {
            CheckName(d, e.Retraction, "retraction");
        }
    }

    /// <summary>FG0003 for each required key of the category's table that the fact lacks, in table order.</summary>
    private void RequireAll<T>(Declaration<T> d, Category<T> category)
    {
        // A report says only what its source says: none of the fact's keys is required of it.
        if (d.IsReport) return;
        foreach (Key<T> key in category.Keys.Required)
        {
            if (!key.IsAbsent(d.Syntax)) continue;
            _diagnostics.Report(DiagnosticDescriptors.RequiredKeyMissing, d.Id.Location, char.ToUpperInvariant(category.Singular[0]) + category.Singular.Substring(1), MessageText.Quote(d.Id.Value), key.Name);
            d.IsValid = false;
        }
    }

    private void CheckName<T>(Declaration<T> d, ScalarSyntax? name, string key)
    {
        if (name is null) return;
        if (ValueRules.IndexOfBidiControl(name.Value) >= 0)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidValue, name.Location, MessageText.Quote(name.Value), key, BidiProblem);
            d.IsValid = false;
        }
    }

    /// <summary>A kind, where written (a missing one is reported by <see cref="RequireAll"/>), is one kebab-case word.</summary>
    private void CheckKind<T>(Declaration<T> d, ScalarSyntax? kind)
    {
        if (kind is null) return;
        if (!Naming.IsKebabCase(kind.Value))
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidValue, kind.Location, MessageText.Quote(kind.Value), "kind", $"a kind is one lowercase kebab-case word, like '{Naming.SuggestKebab(kind.Value)}'");
            d.IsValid = false;
            return;
        }
    }

    private void CheckLabels<T>(Declaration<T> d, EquatableArray<LabelSyntax> labels)
    {
        foreach (LabelSyntax label in labels)
        {
            if (!ValueRules.IsLanguageTag(label.Language.Value))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidValue, label.Language.Location, label.Language.Value, "labels", "a label's key is a BCP 47 language tag such as 'id' or 'en-GB'");
                d.IsValid = false;
            }
        }
    }

    public static BoundDate? QuietDate(ScalarSyntax value) => ValueRules.TryParseDate(value.Value, out BoundDate date, out _) ? date : null;

    public BoundDate? ParseDate(ScalarSyntax value)
    {
        if (ValueRules.TryParseDate(value.Value, out BoundDate date, out string error)) return date;
        _diagnostics.Report(DiagnosticDescriptors.InvalidDate, value.Location, MessageText.Quote(value.Value), error);
        return null;
    }

    /// <summary>FG0012: a fact that leans on a retracted event, at the line that names it.</summary>
    public void CheckRetractedReferences(Declaration<EventSyntax> d)
    {
        HashSet<string>? reported = null;
        foreach (ScalarSyntax id in d.Syntax.Follows)
        {
            if (id.Value == d.Id.Value || !_tables.Events.ById.TryGetValue(id.Value, out Declaration<EventSyntax>? target) || !target.IsValid) continue;
            // A repeated reference is dropped quietly elsewhere: warn about it once.
            if (!(reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(id.Value)) continue;
            if (target.Syntax.Status is { Value: "retracted" } && target.Syntax.Retraction is { } reason)
            {
                _diagnostics.Report(DiagnosticDescriptors.ReferenceToRetracted, id.Location, target.Id.Location,
                    MessageText.Quote(d.Id.Value), MessageText.Quote(id.Value), "follows", MessageText.Quote(reason.Value));
            }
        }
    }
}
