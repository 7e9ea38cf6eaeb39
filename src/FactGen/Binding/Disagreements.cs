using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;

namespace FactGen.Binding;

// FG0016, where the sources of one fact disagree. Three steps, so that an edit checks what it
// touches: each file names the facts it reports on (ReportedIds.Of); each file gives what it says
// of those facts (FileClaims.Of: its declarations of them and its reports on them); and the claims
// of all files are compared (Disagreements.Check). A file without reports whose facts no report
// names gives no claims, so a catalog without reports compares nothing.

/// <summary>The facts reported on, per category, as <c>category:id</c>, in ordinal order.</summary>
internal sealed record ReportedIds(EquatableArray<string> Keys)
{
    public static readonly ReportedIds None = new(EquatableArray<string>.Empty);

    public static string KeyOf(FactCategory category, string id) => ((int)category).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + id;

    /// <summary>The facts one file reports on.</summary>
    public static ReportedIds Of(FactFileSyntax file)
    {
        if (file.Reports.IsEmpty) return None;
        return new ReportedIds(file.Reports.Select(static r => KeyOf(r.Category, r.Target.Value)).Distinct(StringComparer.Ordinal)
            .OrderBy(static k => k, StringComparer.Ordinal).ToEquatableArray());
    }

    public static ReportedIds Union(ImmutableArray<ReportedIds> files)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (ReportedIds file in files) keys.UnionWith(file.Keys);
        return keys.Count == 0 ? None : new ReportedIds(keys.ToEquatableArray());
    }

    private HashSet<string>? _set;

    public bool Contains(FactCategory category, string id) => (_set ??= new HashSet<string>(Keys, StringComparer.Ordinal)).Contains(KeyOf(category, id));

    public bool Equals(ReportedIds? other) => other is not null && Keys.Equals(other.Keys);

    public override int GetHashCode() => Keys.GetHashCode();
}

/// <summary>
/// One value that one source gives for one key of a reported fact: written in the declaration
/// (<paramref name="Declared"/>) or in a report, which may mark it preferred.
/// </summary>
internal sealed record Claim(FactCategory Category, string Id, string Key, string Value, LocationInfo Location, string Outlet, bool Declared, bool Preferred);

/// <summary>What one file says of the reported facts' values.</summary>
internal sealed record FileClaims(string Path, EquatableArray<Claim> Claims)
{
    /// <summary>The keys whose values can contradict each other: a date, a kind, a place. Lists add up, and texts are each source's own words.</summary>
    private static readonly string[] s_compared = { "date", "kind", "place", "within", "state" };

    public static FileClaims Of(FactFileSyntax file, ReportedIds reported)
    {
        if (reported.Keys.IsEmpty || file.IsUnreadable) return new FileClaims(file.Path, EquatableArray<Claim>.Empty);
        string outlet = file.Source?.Outlet?.Value ?? System.IO.Path.GetFileName(file.Path);
        var claims = new List<Claim>();
        void Add<T>(FactCategory category, string id, KeyTable<T> table, T syntax, bool declared, EquatableArray<ScalarSyntax> preferred)
        {
            foreach (string key in s_compared)
            {
                int slot = table.SlotOf(key);
                if (slot < 0 || table.Typed[slot].ValueOf(syntax) is not { } value || !IsComparable(key, value.Value)) continue;
                bool prefers = preferred.Any(p => p.Value == key);
                claims.Add(new Claim(category, id, key, value.Value, value.Location, outlet, declared, prefers));
            }
        }
        foreach (StateSyntax s in file.States)
        {
            if (s.Outcome == ReadOutcome.Clean && reported.Contains(FactCategory.State, s.Id.Value)) Add(FactCategory.State, s.Id.Value, FactKeys.State, s, true, EquatableArray<ScalarSyntax>.Empty);
        }
        foreach (ActorSyntax a in file.Actors)
        {
            if (a.Outcome == ReadOutcome.Clean && reported.Contains(FactCategory.Actor, a.Id.Value)) Add(FactCategory.Actor, a.Id.Value, FactKeys.Actor, a, true, EquatableArray<ScalarSyntax>.Empty);
        }
        foreach (EventSyntax e in file.Events)
        {
            if (e.Outcome == ReadOutcome.Clean && reported.Contains(FactCategory.Event, e.Id.Value)) Add(FactCategory.Event, e.Id.Value, FactKeys.Event, e, true, EquatableArray<ScalarSyntax>.Empty);
        }
        foreach (ReportSyntax r in file.Reports)
        {
            // A report that disputes the fact gives no values to it; one with a mistake is left out.
            if (r.Outcome != ReadOutcome.Clean || r.Stance is { Value: not "reports" } || r.Preferred.Any(p => p.Value is "stance" or "preferred" || FactKeys.ReportOn(r.Category).SlotOf(p.Value) < 0)) continue;
            Add(r.Category, r.Target.Value, FactKeys.ReportOn(r.Category), r, false, r.Preferred);
        }
        return new FileClaims(file.Path, claims.ToEquatableArray());
    }

    /// <summary>A value its own check accepts: a wrong date or kind is reported as such (FG0008, FG0010), not as a disagreement.</summary>
    private static bool IsComparable(string key, string value)
        => key switch
        {
            "date" => ValueRules.TryParseDate(value, out _, out _),
            _ => Naming.IsKebabCase(value),
        };
}

/// <summary>FG0016: where the sources of one fact give values for one key that cannot all be true.</summary>
internal static class Disagreements
{
    public static EquatableArray<DiagnosticInfo> Check(ImmutableArray<FileClaims> files)
    {
        // In source order: each fact's declaration first, then the files by path, each in file order.
        var groups = new Dictionary<string, List<Claim>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (FileClaims file in files.OrderBy(static f => f.Path.Replace('\\', '/'), StringComparer.Ordinal))
        {
            foreach (Claim claim in file.Claims)
            {
                string group = ReportedIds.KeyOf(claim.Category, claim.Id) + "\n" + claim.Key;
                if (!groups.TryGetValue(group, out List<Claim>? claims))
                {
                    groups.Add(group, claims = new List<Claim>());
                    order.Add(group);
                }
                claims.Add(claim);
            }
        }
        var diagnostics = new List<DiagnosticInfo>();
        foreach (string group in order)
        {
            List<Claim> claims = groups[group];
            if (claims.Count < 2) continue;
            // The declaration first, then the reports in file order (stable).
            Claim[] inOrder = claims.Where(static c => c.Declared).Concat(claims.Where(static c => !c.Declared)).ToArray();
            // A value marked preferred settles the key; only preferred values that disagree remain a question.
            Claim[] compared = inOrder.Any(static c => c.Preferred) ? inOrder.Where(static c => c.Preferred).ToArray() : inOrder;
            if (FirstDisagreement(compared) is not { } at) continue;
            Claim first = compared[0];
            string said = string.Join("; ", compared.Select(static c => c.Outlet + ": " + c.Value));
            string kept = first.Preferred ? $"the preferred '{MessageText.Quote(first.Value)}'" : first.Declared ? $"its declared '{MessageText.Quote(first.Value)}'" : $"'{MessageText.Quote(first.Value)}', the first given";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SourcesDisagree, at.Location, first.Location,
                at.Key, CategoryInfo.Of(at.Category).Singular, MessageText.Quote(at.Id), MessageText.Quote(said), kept));
        }
        return diagnostics.ToEquatableArray();
    }

    /// <summary>The first value that disagrees with one given before it, or null where they all agree.</summary>
    private static Claim? FirstDisagreement(Claim[] claims)
    {
        for (int i = 1; i < claims.Length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (!Agree(claims[i], claims[j])) return claims[i];
            }
        }
        return null;
    }

    /// <summary>Two values agree where they are equal, or for dates where one lies within the other (2022 and 2022-07-13).</summary>
    public static bool Agree(Claim a, Claim b)
    {
        if (a.Key != "date") return a.Value == b.Value;
        ValueRules.TryParseDate(a.Value, out BoundDate x, out _);
        ValueRules.TryParseDate(b.Value, out BoundDate y, out _);
        return Within(x, y) || Within(y, x);
    }

    /// <summary>Whether <paramref name="inner"/> lies within <paramref name="outer"/>: the same year, and the same month and day where the outer date has them.</summary>
    public static bool Within(BoundDate inner, BoundDate outer)
        => inner.Year == outer.Year
        && (outer.Month == 0 || inner.Month == outer.Month)
        && (outer.Day == 0 || inner.Day == outer.Day);
}
