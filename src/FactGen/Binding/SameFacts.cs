using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;

namespace FactGen.Binding;

// FG0017, a hint where two events of one catalog look like one: the same kind, the same states
// and actors, and dates that agree. Events are the one category with a date, so states and
// actors are not compared. Three steps, so that an edit costs what it touches: each file gives the
// shapes of its events, without locations (EventShapes.Of); the shapes of all files are compared
// (SameFacts.Pairs), which runs again only where a shape changes, not where lines move; each file
// locates the ids of the pairs it holds (SameFacts.Locate), and the located pairs become the
// diagnostics (SameFacts.Report).

/// <summary>What an event is, for telling whether two look like one: its kind, its parties and its date.</summary>
internal sealed record EventShape(string Id, string Kind, string Parties, string Date, EquatableArray<string> Follows);

/// <summary>The shapes of one file's events that have a kind, a date that parses, and at least one state or actor.</summary>
internal sealed record EventShapes(string Path, EquatableArray<EventShape> Events)
{
    public static EventShapes Of(FactFileSyntax file)
    {
        if (file.Events.IsEmpty || file.IsUnreadable) return new EventShapes(file.Path, EquatableArray<EventShape>.Empty);
        var shapes = new List<EventShape>();
        foreach (EventSyntax e in file.Events)
        {
            // A fact with a mistake has its diagnostic already; one the source retracts is no rival.
            if (e.Outcome != ReadOutcome.Clean || e.Kind is null || e.Date is null || e.Status is { Value: "retracted" }) continue;
            if (e.States.IsEmpty && e.Actors.IsEmpty) continue;
            if (!ValueRules.TryParseDate(e.Date.Value, out _, out _)) continue;
            string parties = Set(e.States) + "|" + Set(e.Actors);
            shapes.Add(new EventShape(e.Id.Value, e.Kind.Value, parties, e.Date.Value, e.Follows.IsEmpty ? EquatableArray<string>.Empty : e.Follows.Select(static f => f.Value).ToEquatableArray()));
        }
        return new EventShapes(file.Path, shapes.ToEquatableArray());
    }

    private static string Set(EquatableArray<ScalarSyntax> ids)
        => ids.Count switch
        {
            0 => string.Empty,
            1 => ids[0].Value,
            _ => string.Join(",", ids.Select(static i => i.Value).Distinct(StringComparer.Ordinal).OrderBy(static i => i, StringComparer.Ordinal)),
        };
}

/// <summary>An event (in a file) that looks like one declared before it.</summary>
internal sealed record SameFactPair(string Path, string Id, string OtherPath, string OtherId);

/// <summary>The ids of one file that take part in a pair, located.</summary>
internal sealed record PairLocations(string Path, EquatableArray<(string Id, LocationInfo Location)> Ids);

/// <summary>FG0017: an event that looks like one declared before it (in file order), pointing at reports.</summary>
internal static class SameFacts
{
    /// <summary>How many earlier look-alikes an event is compared with: a bound on the work where many events share a shape.</summary>
    private const int MaxCompared = 32;

    /// <summary>Each event that looks like an earlier one, in file order, with the first it looks like.</summary>
    public static EquatableArray<SameFactPair> Pairs(ImmutableArray<EventShapes> files, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<(string Kind, string Parties), List<(EventShape Shape, string Path)>>();
        var pairs = new List<SameFactPair>();
        foreach (EventShapes file in files.OrderBy(static f => f.Path.Replace('\\', '/'), StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (EventShape shape in file.Events)
            {
                if (!groups.TryGetValue((shape.Kind, shape.Parties), out List<(EventShape Shape, string Path)>? earlier))
                {
                    groups.Add((shape.Kind, shape.Parties), new List<(EventShape, string)> { (shape, file.Path) });
                    continue;
                }
                for (int i = 0; i < earlier.Count && i < MaxCompared; i++)
                {
                    (EventShape other, string otherPath) = earlier[i];
                    if (other.Id == shape.Id || !DatesAgree(shape.Date, other.Date) || shape.Follows.Contains(other.Id) || other.Follows.Contains(shape.Id)) continue;
                    pairs.Add(new SameFactPair(file.Path, shape.Id, otherPath, other.Id));
                    break;
                }
                earlier.Add((shape, file.Path));
            }
        }
        return pairs.ToEquatableArray();
    }

    /// <summary>Where the file's ids that take part in a pair are.</summary>
    public static PairLocations Locate(FactFileSyntax file, EquatableArray<SameFactPair> pairs)
    {
        if (pairs.IsEmpty) return new PairLocations(file.Path, EquatableArray<(string, LocationInfo)>.Empty);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (SameFactPair pair in pairs)
        {
            if (pair.Path == file.Path) ids.Add(pair.Id);
            if (pair.OtherPath == file.Path) ids.Add(pair.OtherId);
        }
        if (ids.Count == 0) return new PairLocations(file.Path, EquatableArray<(string, LocationInfo)>.Empty);
        var located = new List<(string, LocationInfo)>(ids.Count);
        foreach (EventSyntax e in file.Events)
        {
            if (ids.Remove(e.Id.Value)) located.Add((e.Id.Value, e.Id.Location));
        }
        return new PairLocations(file.Path, located.ToEquatableArray());
    }

    public static EquatableArray<DiagnosticInfo> Report(EquatableArray<SameFactPair> pairs, ImmutableArray<PairLocations> files)
    {
        if (pairs.IsEmpty) return EquatableArray<DiagnosticInfo>.Empty;
        var where = new Dictionary<(string Path, string Id), LocationInfo>();
        foreach (PairLocations file in files)
        {
            foreach ((string id, LocationInfo location) in file.Ids) where[(file.Path, id)] = location;
        }
        var diagnostics = new List<DiagnosticInfo>(pairs.Count);
        foreach (SameFactPair pair in pairs)
        {
            if (!where.TryGetValue((pair.Path, pair.Id), out LocationInfo? at)) continue;
            where.TryGetValue((pair.OtherPath, pair.OtherId), out LocationInfo? other);
            string fix = pair.OtherPath == pair.Path
                ? "keep one of them"
                : $"keep '{MessageText.Quote(pair.OtherId)}' and report on it from this file ('reports:', 'events:', '{MessageText.Quote(pair.OtherId)}:') instead of declaring it again";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LooksLikeSameFact, at, other, MessageText.Quote(pair.Id), MessageText.Quote(pair.OtherId), fix));
        }
        return diagnostics.ToEquatableArray();
    }

    private static bool DatesAgree(string a, string b)
    {
        if (a == b) return true;
        ValueRules.TryParseDate(a, out BoundDate x, out _);
        ValueRules.TryParseDate(b, out BoundDate y, out _);
        return Disagreements.Within(x, y) || Disagreements.Within(y, x);
    }
}
