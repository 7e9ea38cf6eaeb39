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

// FG0017, a hint where two events of one catalog look like one event: the same kind, the same
// states and actors, and dates that agree. Each file gives the shapes of its events (EventShapes.Of,
// from the syntax); the shapes of all files are compared (SameFacts.Check). Events are the one
// category with a date, so states and actors are not compared: two breakaway regions are two.

/// <summary>What an event is, for telling whether two look like one: its kind, its parties and its date.</summary>
internal sealed record EventShape(string Id, string Kind, string Parties, string Date, LocationInfo Location, EquatableArray<string> Follows);

/// <summary>The shapes of one file's events that have a kind, a date that parses, and at least one state or actor.</summary>
internal sealed record EventShapes(string Path, EquatableArray<EventShape> Events)
{
    public static EventShapes Of(FactFileSyntax file)
    {
        if (file.Events.IsEmpty || file.IsUnreadable) return new EventShapes(file.Path, EquatableArray<EventShape>.Empty);
        var shapes = new List<EventShape>(file.Events.Count);
        foreach (EventSyntax e in file.Events)
        {
            // A fact with a mistake has its diagnostic already; one the source retracts is no rival.
            if (e.Outcome != ReadOutcome.Clean || e.Kind is null || e.Date is null || e.Status is { Value: "retracted" }) continue;
            if (!ValueRules.TryParseDate(e.Date.Value, out _, out _)) continue;
            if (e.States.IsEmpty && e.Actors.IsEmpty) continue;
            string parties = Set(e.States) + "|" + Set(e.Actors);
            shapes.Add(new EventShape(e.Id.Value, e.Kind.Value, parties, e.Date.Value, e.Id.Location, e.Follows.Select(static f => f.Value).ToEquatableArray()));
        }
        return new EventShapes(file.Path, shapes.ToEquatableArray());
    }

    private static string Set(EquatableArray<ScalarSyntax> ids)
        => string.Join(",", ids.Select(static i => i.Value).Distinct(StringComparer.Ordinal).OrderBy(static i => i, StringComparer.Ordinal));
}

/// <summary>FG0017: an event that looks like one declared before it (in file order), pointing at reports.</summary>
internal static class SameFacts
{
    /// <summary>How many earlier look-alikes an event is compared with: a bound on the work where many events share a shape.</summary>
    private const int MaxCompared = 32;

    public static EquatableArray<DiagnosticInfo> Check(ImmutableArray<EventShapes> files, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, List<(EventShape Shape, string Path)>>(StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        foreach (EventShapes file in files.OrderBy(static f => f.Path.Replace('\\', '/'), StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (EventShape shape in file.Events)
            {
                string key = shape.Kind + "\n" + shape.Parties;
                if (!groups.TryGetValue(key, out List<(EventShape Shape, string Path)>? earlier))
                {
                    groups.Add(key, new List<(EventShape, string)> { (shape, file.Path) });
                    continue;
                }
                for (int i = 0; i < earlier.Count && i < MaxCompared; i++)
                {
                    (EventShape other, string otherPath) = earlier[i];
                    if (other.Id == shape.Id || !DatesAgree(shape.Date, other.Date) || shape.Follows.Contains(other.Id) || other.Follows.Contains(shape.Id)) continue;
                    string fix = otherPath == file.Path
                        ? "keep one of them"
                        : $"keep '{MessageText.Quote(other.Id)}' and report on it from this file ('reports:', 'events:', '{MessageText.Quote(other.Id)}:') instead of declaring it again";
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LooksLikeSameFact, shape.Location, other.Location,
                        MessageText.Quote(shape.Id), MessageText.Quote(other.Id), fix));
                    break;
                }
                earlier.Add((shape, file.Path));
            }
        }
        return diagnostics.ToEquatableArray();
    }

    private static bool DatesAgree(string a, string b)
    {
        ValueRules.TryParseDate(a, out BoundDate x, out _);
        ValueRules.TryParseDate(b, out BoundDate y, out _);
        return Disagreements.Within(x, y) || Disagreements.Within(y, x);
    }
}
