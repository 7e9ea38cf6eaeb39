using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace FactGen.Benchmarks;

/// <summary>One synthetic fact file: its path and text.</summary>
internal sealed record FactFile(string Path, string Text);

/// <summary>
/// Builds deterministic synthetic catalogs in the shape of fact format 1 (docs/format.md): 10% states, 30% actors and 60%
/// events, spread over a fixed number of files (100 by default, like a team's collection of
/// articles), with references across files. Nothing big is committed; the catalog is built on the fly.
/// </summary>
internal static class SyntheticCatalog
{
    public const int DefaultFileCount = 100;

    private static readonly string[] Words = { "north", "south", "east", "west", "river", "hill", "lake", "port", "iron", "stone", "green", "red", "white", "black", "upper", "lower", "central", "coastal", "forest", "valley", "bridge", "crown", "union", "free", "old", "new", "great", "little", "high", "low" };
    private static readonly string[] First = { "anna", "boris", "carla", "dmitri", "elena", "farid", "greta", "hassan", "ines", "jonas", "kira", "li", "maria", "nikolai", "olga", "pavel", "quinn", "rosa", "sergei", "tanya", "umar", "vera", "wei", "xenia", "yusuf", "zora" };
    private static readonly string[] Last = { "ivanova", "petrov", "smith", "kovacs", "nguyen", "haddad", "novak", "santos", "muller", "kim", "tanaka", "okafor", "larsen", "rossi", "dubois", "silva", "chen", "meyer", "popescu", "horvat" };
    private static readonly string[] StateKinds = { "sovereign", "breakaway", "region", "province" };
    private static readonly string[] ActorKinds = { "person", "organization", "media", "group" };
    private static readonly string[] EventKinds = { "letter", "meeting", "report", "statement", "recognition", "declaration", "plan", "talks", "visit", "agreement" };
    private static readonly string[] Statuses = { "reported", "confirmed", "disputed", "reported" };
    private static readonly string[] Verbs = { "signs", "meets", "announces", "rejects", "visits", "reports", "recognizes", "proposes", "warns", "welcomes" };
    private static readonly string[] Objects = { "a trade agreement on grain exports", "plans for a new rail corridor", "the outcome of regional talks", "a joint statement on border security", "sanctions against several firms", "an envoy to the capital for consultations", "aid for flood-hit districts in the east" };

    /// <summary>The number of states, actors and events in a catalog of <paramref name="facts"/> facts.</summary>
    public static (int States, int Actors, int Events) Split(int facts)
    {
        int states = Math.Max(2, facts / 10), actors = Math.Max(2, facts * 3 / 10);
        return (states, actors, Math.Max(1, facts - states - actors));
    }

    /// <summary>A catalog of <paramref name="facts"/> facts in <paramref name="fileCount"/> files.</summary>
    public static FactFile[] Build(int facts, int fileCount = DefaultFileCount, int seed = 42)
    {
        var random = new Random(seed);
        (int nStates, int nActors, int nEvents) = Split(facts);
        fileCount = Math.Max(1, Math.Min(fileCount, nStates));
        var states = new string[nStates];
        var actors = new string[nActors];
        var events = new string[nEvents];
        for (int i = 0; i < nStates; i++) states[i] = $"{Pick(random, Words)}-{Pick(random, Words)}-land-{i}";
        for (int i = 0; i < nActors; i++) actors[i] = $"{Pick(random, First)}-{Pick(random, Last)}-{i}";
        for (int i = 0; i < nEvents; i++) events[i] = $"{Pick(random, Words)}-{Pick(random, Verbs)}-{Pick(random, Words)}-{i}";

        var files = new FactFile[fileCount];
        for (int f = 0; f < fileCount; f++)
        {
            var sb = new StringBuilder(facts / fileCount * 260 + 512);
            sb.Append("# Synthetic fact file ").Append(f).Append(" for benchmarks.\n\nsource:\n  outlet: Synthetic Wire\n  title: \"Synthetic article number ")
              .Append(f).Append("\"\n  published: 2022-08-").Append((1 + f % 28).ToString("D2", CultureInfo.InvariantCulture))
              .Append("\n  language: en\n  url: https://example.com/articles/").Append(f).Append("\n\nstates:\n");
            for (int i = Start(nStates, f, fileCount); i < Start(nStates, f + 1, fileCount); i++) AppendState(sb, random, states, i);
            sb.Append("\nactors:\n");
            for (int i = Start(nActors, f, fileCount); i < Start(nActors, f + 1, fileCount); i++) AppendActor(sb, random, states, actors, i);
            sb.Append("\nevents:\n");
            for (int i = Start(nEvents, f, fileCount); i < Start(nEvents, f + 1, fileCount); i++) AppendEvent(sb, random, states, actors, events, i);
            files[f] = new FactFile($"/bench/facts/article-{f:D3}.facts.yaml", sb.ToString());
        }
        return files;
    }

    /// <summary>The same file with one event's summary changed: a curator's one-line edit.</summary>
    public static FactFile EditOneFact(FactFile file, int generation)
    {
        const string marker = "    summary: \"";
        int at = file.Text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("The file has no event to edit.");
        at += marker.Length;
        return file with { Text = file.Text.Insert(at, $"Edit {generation}: ") };
    }

    /// <summary>
    /// Resx entries for the peer: one per fact, named like the fact's C# member, whose value is
    /// the fact's main text (an event's summary, an actor's name and role, a state's name).
    /// </summary>
    public static List<(string Name, string Value)>[] ResxEntries(int facts, int fileCount = DefaultFileCount, int seed = 42)
    {
        var random = new Random(seed);
        (int nStates, int nActors, int nEvents) = Split(facts);
        fileCount = Math.Max(1, Math.Min(fileCount, nStates));
        var files = new List<(string, string)>[fileCount];
        for (int f = 0; f < fileCount; f++)
        {
            var entries = new List<(string, string)>();
            for (int i = Start(nStates, f, fileCount); i < Start(nStates, f + 1, fileCount); i++)
                entries.Add(($"State{i}", $"{Cap(Pick(random, Words))} {Cap(Pick(random, Words))} Land {i}"));
            for (int i = Start(nActors, f, fileCount); i < Start(nActors, f + 1, fileCount); i++)
                entries.Add(($"Actor{i}", $"{Cap(Pick(random, First))} {Cap(Pick(random, Last))}: senior official responsible for foreign affairs and trade"));
            for (int i = Start(nEvents, f, fileCount); i < Start(nEvents, f + 1, fileCount); i++)
                entries.Add(($"Event{i}", $"{Cap(Pick(random, First))} {Pick(random, Verbs)} {Pick(random, Objects)}, according to officials in {Cap(Pick(random, Words))}."));
            files[f] = entries;
        }
        return files;
    }

    private static int Start(int count, int file, int fileCount) => (int)((long)count * file / fileCount);

    private static void AppendState(StringBuilder sb, Random random, string[] states, int i)
    {
        string[] p = states[i].Split('-');
        sb.Append("  ").Append(states[i]).Append(":\n");
        sb.Append("    name: ").Append(Cap(p[0])).Append(' ').Append(Cap(p[1])).Append(" Land ").Append(i).Append('\n');
        sb.Append("    kind: ").Append(StateKinds[i % StateKinds.Length]).Append('\n');
        if (i % 7 == 0) sb.Append("    official_name: Free Republic of ").Append(Cap(p[0])).Append(' ').Append(i).Append('\n');
        if (i % 2 == 0) sb.Append("    capital: ").Append(Cap(p[1])).Append("burg\n");
        if (i > 0 && i % 3 == 0) sb.Append("    within: ").Append(states[random.Next(i)]).Append('\n');
        if (i > 2 && i % 4 == 1) sb.Append("    recognized_by: [").Append(states[random.Next(i)]).Append(", ").Append(states[(random.Next(i) + 1) % i]).Append("]\n");
        if (i % 6 == 0) sb.Append("    aliases: [").Append(Cap(p[0])).Append("land ").Append(i).Append("]\n");
        if (i % 5 == 0) sb.Append("    labels: { id: Negeri ").Append(Cap(p[0])).Append(' ').Append(i).Append(" }\n");
    }

    private static void AppendActor(StringBuilder sb, Random random, string[] states, string[] actors, int i)
    {
        string[] p = actors[i].Split('-');
        int kind = i % ActorKinds.Length;
        sb.Append("  ").Append(actors[i]).Append(":\n");
        sb.Append("    name: ").Append(Cap(p[0])).Append(' ').Append(Cap(p[1])).Append('\n');
        sb.Append("    kind: ").Append(ActorKinds[kind]).Append('\n');
        sb.Append("    role: ").Append(kind == 2 ? "news outlet covering politics and the economy of the region" : "senior official responsible for foreign affairs and trade").Append('\n');
        if (i % 4 != 3) sb.Append("    state: ").Append(states[random.Next(states.Length)]).Append('\n');
        if (i % 9 == 0) sb.Append("    aliases: [").Append(Cap(p[1])).Append("]\n");
    }

    private static void AppendEvent(StringBuilder sb, Random random, string[] states, string[] actors, string[] events, int i)
    {
        string a1 = actors[random.Next(actors.Length)], a2 = actors[random.Next(actors.Length)];
        if (a2 == a1) a2 = actors[(Array.IndexOf(actors, a1) + 1) % actors.Length];
        string s1 = states[random.Next(states.Length)];
        sb.Append("  ").Append(events[i]).Append(":\n");
        sb.Append("    date: ").Append(1990 + random.Next(33));
        if (i % 11 != 0) sb.Append('-').Append((1 + random.Next(12)).ToString("D2", CultureInfo.InvariantCulture));
        if (i % 11 > 1) sb.Append('-').Append((1 + random.Next(28)).ToString("D2", CultureInfo.InvariantCulture));
        sb.Append('\n');
        sb.Append("    kind: ").Append(EventKinds[i % EventKinds.Length]).Append('\n');
        sb.Append("    summary: \"").Append(Cap(a1.Split('-')[0])).Append(' ').Append(Pick(random, Verbs)).Append(' ').Append(Pick(random, Objects))
          .Append(", according to officials in ").Append(Cap(s1.Split('-')[0])).Append(".\"\n");
        sb.Append("    actors: [").Append(a1).Append(", ").Append(a2).Append("]\n");
        sb.Append("    states: [").Append(s1).Append("]\n");
        if (i % 3 == 0) sb.Append("    reported_by: [").Append(actors[random.Next(actors.Length)]).Append("]\n");
        if (i > 0 && i % 2 == 0) sb.Append("    follows: [").Append(events[random.Next(i)]).Append("]\n");
        if (i % 5 == 0) sb.Append("    place: ").Append(states[random.Next(states.Length)]).Append('\n');
        sb.Append("    status: ").Append(Statuses[i % Statuses.Length]).Append('\n');
        if (i % 10 == 0) sb.Append("    note: >-\n      Background detail added by the curator; the article gives the date only\n      approximately and names no other participants.\n");
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s.Substring(1);
}
