using System;
using System.Collections.Generic;

namespace FactGen.Helpers;

/// <summary>"Did you mean ...?" by edit distance, offered only when the match is close.</summary>
internal static class Suggestions
{
    public static string? Nearest(string input, IEnumerable<string> candidates)
    {
        // Close means: at most a third of the word changed (and at least one edit allowed).
        int limit = Math.Max(1, input.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            if (Math.Abs(candidate.Length - input.Length) > limit) continue;
            int distance = Distance(input, candidate, limit);
            if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>The formatted suffix of a message: <c>; did you mean 'x'?</c>, or empty.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
        => Nearest(input, candidates) is { } nearest ? $"; did you mean '{nearest}'?" : string.Empty;

    /// <summary>Optimal string alignment distance (adjacent swaps count as one edit), capped.</summary>
    internal static int Distance(string a, string b, int cap)
    {
        if (a.Length > 256 || b.Length > 256) return cap + 1; // ids this long are never typos of each other
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > cap) return cap + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
