using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Reading;

/// <summary>
/// The read stage: one fact file's text to a <see cref="FactFileSyntax"/>. It checks YAML syntax
/// (FG0001), the shape of each node (FG0002) and unknown keys (FG0004); everything that needs
/// other facts or other files is left to the binder.
/// </summary>
internal static class FactFileReader
{
    internal static readonly string[] TopLevelKeys = { "source", "states", "actors", "events" };
    internal static readonly string[] SourceKeys = { "outlet", "title", "published", "language", "url" };
    internal static readonly string[] StateKeys = { "name", "official_name", "kind", "capital", "within", "recognized_by", "aliases", "labels" };
    internal static readonly string[] ActorKeys = { "name", "kind", "role", "state", "aliases", "labels" };
    internal static readonly string[] EventKeys = { "date", "kind", "summary", "actors", "states", "place", "reported_by", "follows", "status", "retraction", "note" };

    public static bool IsFactFile(string path)
        => path.EndsWith(".facts.yaml", StringComparison.OrdinalIgnoreCase)
           || path.EndsWith(".facts.yml", StringComparison.OrdinalIgnoreCase);

    public static FactFileSyntax Read(string path, SourceText? text, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (text is null)
        {
            var none = new FactFileLocations(new FileLines(path, SourceText.From(string.Empty)));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntaxError, none.FileStart, "the file could not be read; check that it exists and is readable"));
            return Unreadable(path, none, diagnostics);
        }
        string content = text.ToString();
        // The compiler strips one byte order mark; a second one (an editor that added its own) is
        // text to YamlDotNet. Skip it, and shift positions back so they still match the file.
        int bom = content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;
        var locations = new FactFileLocations(new FileLines(path, text), bom);
        var reader = new Reader(locations, diagnostics);
        string yaml = bom == 0 ? content : content.Substring(bom);
        if (!reader.CheckIsText(content))
        {
            // One error for the file; its ids are still read (with the bad characters as spaces),
            // quietly, so that nothing that refers to them fails as well.
            yaml = yaml.Replace('\0', ' ').Replace('\uFFFD', ' ');
            reader.QuietEverywhere = true;
        }

        var builder = new YamlTreeBuilder(locations, diagnostics);
        int before = diagnostics.Count;
        YamlParse whole = builder.Parse(yaml, 0, yaml.Length, 0, cancellationToken);
        RawNode? root = whole.Root;
        bool recovered = !whole.Succeeded || reader.QuietEverywhere;
        if (!whole.Succeeded)
        {
            var recovery = new YamlRecovery(builder, locations, diagnostics, yaml, bom, cancellationToken);
            root = recovery.Recover(whole);
        }
        if (reader.QuietEverywhere && diagnostics.Count > before) diagnostics.RemoveRange(before, diagnostics.Count - before);

        FactFileSyntax file = reader.ReadFile(path, root) with { IsRecovered = recovered };
        // Not text: the one error said so, and every fact is read as having errors.
        return reader.QuietEverywhere ? file with { Diagnostics = new EquatableArray<DiagnosticInfo>(new[] { diagnostics[0] }), DiagnosticsLeftOut = 0 } : file;
    }

    private static FactFileSyntax Unreadable(string path, FactFileLocations locations, List<DiagnosticInfo> diagnostics)
        => new(
            path,
            locations.Lines,
            locations.FileStart,
            IsUnreadable: true,
            Source: null,
            EquatableArray<StateSyntax>.Empty,
            EquatableArray<ActorSyntax>.Empty,
            EquatableArray<EventSyntax>.Empty,
            diagnostics.ToEquatableArray());

    private sealed class Reader
    {
        // Slot indexes: the position of each key in its category's key list above.
        private const int SourceOutlet = 0, SourceTitle = 1, SourcePublished = 2, SourceLanguage = 3, SourceUrl = 4;
        private const int StateName = 0, StateOfficialName = 1, StateKind = 2, StateCapital = 3, StateWithin = 4, StateRecognizedBy = 5, StateAliases = 6, StateLabels = 7;
        private const int ActorName = 0, ActorKind = 1, ActorRole = 2, ActorState = 3, ActorAliases = 4, ActorLabels = 5;
        private const int EventDate = 0, EventKind = 1, EventSummary = 2, EventActors = 3, EventStates = 4, EventPlace = 5, EventReportedBy = 6, EventFollows = 7, EventStatus = 8, EventRetraction = 9, EventNote = 10;

        private readonly FactFileLocations _locations;
        private readonly List<DiagnosticInfo> _diagnostics;

        // One slot per known key, reused from fact to fact: a fact's keys are consumed before the
        // next fact is read.
        private readonly Entry[] _topSlots = new Entry[TopLevelKeys.Length];
        private readonly Entry[] _sourceSlots = new Entry[SourceKeys.Length];
        private readonly Entry[] _stateSlots = new Entry[StateKeys.Length];
        private readonly Entry[] _actorSlots = new Entry[ActorKeys.Length];
        private readonly Entry[] _eventSlots = new Entry[EventKeys.Length];

        public Reader(FactFileLocations locations, List<DiagnosticInfo> diagnostics)
        {
            _locations = locations;
            _diagnostics = diagnostics;
        }

        /// <summary>
        /// A NUL or a replacement character (what the compiler decodes invalid UTF-8 to) means the
        /// file is binary or not UTF-8: better one clear error than a cascade of YAML ones.
        /// </summary>
        public bool CheckIsText(string content)
        {
            int bad = content.IndexOf('\0');
            if (bad < 0) bad = content.IndexOf('\uFFFD');
            if (bad < 0) return true;
            Report(DiagnosticInfo.Create(
                DiagnosticDescriptors.YamlSyntaxError,
                _locations.Span(bad, Math.Min(bad + 1, content.Length)),
                "the file is not UTF-8 text (it holds a NUL or an undecodable byte); save it as UTF-8"));
            return false;
        }

        private readonly bool[] _seenKeys = new bool[Math.Max(Math.Max(StateKeys.Length, ActorKeys.Length), Math.Max(EventKeys.Length, SourceKeys.Length))];

        /// <summary>Aliases met while reading the current fact.</summary>
        private int _aliases;

        /// <summary>Read every fact as having an error, and report nothing more (the file is not text).</summary>
        public bool QuietEverywhere { get; set; }

        public FactFileSyntax ReadFile(string path, RawNode? root)
        {
            SourceSyntax? source = null;
            var states = new List<StateSyntax>();
            var actors = new List<ActorSyntax>();
            var events = new List<EventSyntax>();

            if (root is not null && !(root is ScalarSyntax { IsNull: true }) && Mapping(root, "the fact file") is { } top)
            {
                // Keys in the order written, so diagnostics come out in file order.
                Entry[] slots = _topSlots;
                var reported = new bool[TopLevelKeys.Length];
                foreach (Entry entry in WithMisplacedFacts(TopLevelEntries(top, slots)))
                {
                    int key = Array.IndexOf(TopLevelKeys, entry.Name);
                    RawNode value = entry.Value!;
                    if (slots[key].Key is { } first && !ReferenceEquals(first, entry.Key))
                    {
                        // A repeated top-level key: reported once. Facts are read from every
                        // block; a second source is read only where the first is empty.
                        if (!reported[key] && !entry.Key!.IsIncomplete)
                        {
                            reported[key] = true;
                            LocationInfo firstLocation = Location(first);
                            bool category = key > 0;
                            Report(DiagnosticInfo.Create(
                                DiagnosticDescriptors.YamlSyntaxError,
                                Location(entry.Key!),
                                firstLocation,
                                $"the key '{MessageText.Quote(entry.Name)}' appears twice at the top of the file (first at line {firstLocation.LineSpan.Start.Line + 1}); "
                                + (category ? "the facts of both are read, but keep one" : "keep one")));
                        }
                        if (key == 0 && (source is null || source.IsEmpty)) source = ReadSource(entry);
                        else if (key > 0) ReadCategory(key, value, states, actors, events);
                        continue;
                    }
                    slots[key] = entry;
                    if (key == 0) source = ReadSource(entry);
                    else ReadCategory(key, value, states, actors, events);
                }
            }

            var file = new FactFileSyntax(
                path,
                _locations.Lines,
                _locations.FileStart,
                IsUnreadable: false,
                source,
                states.ToEquatableArray(),
                actors.ToEquatableArray(),
                events.ToEquatableArray(),
                EquatableArray<DiagnosticInfo>.Empty);
            return Capped(file);
        }

        /// <summary>At most <see cref="DiagnosticCap.PerFile"/> diagnostics, the first in the file; the rest are counted.</summary>
        private FactFileSyntax Capped(FactFileSyntax file)
        {
            if (_diagnostics.Count <= DiagnosticCap.PerFile) return file with { Diagnostics = _diagnostics.ToEquatableArray() };
            DiagnosticInfo[] sorted = _diagnostics.ToArray();
            int[] order = new int[sorted.Length];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, (a, b) =>
            {
                int byPosition = (sorted[a].Location?.Span.Start ?? 0).CompareTo(sorted[b].Location?.Span.Start ?? 0);
                return byPosition != 0 ? byPosition : a.CompareTo(b);
            });
            var kept = new DiagnosticInfo[DiagnosticCap.PerFile];
            for (int i = 0; i < kept.Length; i++) kept[i] = sorted[order[i]];
            return file with
            {
                Diagnostics = new EquatableArray<DiagnosticInfo>(kept),
                DiagnosticsLeftOut = sorted.Length - kept.Length,
            };
        }

        private void ReadCategory(int key, RawNode value, List<StateSyntax> states, List<ActorSyntax> actors, List<EventSyntax> events)
        {
            switch (key)
            {
                case 1:
                    states.AddRange(ReadFacts(value, "states", "state", StateKeys, _stateSlots, ReadState, static (s, errors, idMissing) => s with { HasErrors = errors, IdMissing = idMissing }));
                    break;
                case 2:
                    actors.AddRange(ReadFacts(value, "actors", "actor", ActorKeys, _actorSlots, ReadActor, static (a, errors, idMissing) => a with { HasErrors = errors, IdMissing = idMissing }));
                    break;
                case 3:
                    events.AddRange(ReadFacts(value, "events", "event", EventKeys, _eventSlots, ReadEvent, static (e, errors, idMissing) => e with { HasErrors = errors, IdMissing = idMissing }));
                    break;
            }
        }

        private static readonly string[] s_stateOnlyKeys = { "official_name", "capital", "within", "recognized_by" };
        private static readonly string[] s_actorOnlyKeys = { "role", "state" };
        private static readonly string[] s_eventOnlyKeys = { "date", "summary", "actors", "states", "place", "reported_by", "follows", "status", "retraction", "note" };

        /// <summary>
        /// A top-level line that went missing (<c>events:</c> deleted) puts the facts below it in
        /// the block above: events under <c>actors:</c>, or states in the source. Where the file
        /// lacks a category and the facts of a block have, from one fact on, the keys that only
        /// that category has, those facts are read as that category, with one error that says
        /// which line to add, instead of an error for every key and every reference.
        /// </summary>
        private List<Entry> WithMisplacedFacts(List<Entry> entries)
        {
            var present = new bool[TopLevelKeys.Length];
            foreach (Entry entry in entries) present[Array.IndexOf(TopLevelKeys, entry.Name)] = true;
            if (present[1] && present[2] && present[3]) return entries;
            for (int e = 0; e < entries.Count; e++)
            {
                Entry entry = entries[e];
                if (entry.Value is not RawMapping { IsIncomplete: false } mapping) continue;
                int block = Array.IndexOf(TopLevelKeys, entry.Name);
                int from = -1, category = 0;
                for (int i = 0; i < mapping.Entries.Count && from < 0; i++)
                {
                    KeyValuePair<RawNode, RawNode> fact = mapping.Entries[i];
                    if (fact.Key is not ScalarSyntax { IsNull: false } id) continue;
                    if (block == 0 && Array.IndexOf(SourceKeys, id.Value) >= 0) continue;
                    if (fact.Value is not RawMapping fields || (block > 0 && FitsCategory(fields, block))) continue;
                    // The first fact that the block's own category cannot hold: which category can?
                    category = CategoryOf(fields);
                    if (block == 0 && category == 0) category = Array.FindIndex(present, 1, p => !p);
                    if (category > 0 && category != block && !present[category]) from = i;
                }
                if (from < 0 || !RestFits(mapping, from, category)) continue;

                ScalarSyntax first = (ScalarSyntax)mapping.Entries[from].Key;
                var kept = new RawMapping(mapping.Start, first.Start) { IsIncomplete = mapping.IsIncomplete };
                kept.Entries.AddRange(mapping.Entries.GetRange(0, from));
                var moved = new RawMapping(first.Start, mapping.End);
                moved.Entries.AddRange(mapping.Entries.GetRange(from, mapping.Entries.Count - from));
                string singular = category == 1 ? "a state" : category == 2 ? "an actor" : "an event";
                string where = block == 0 ? "the source" : $"'{TopLevelKeys[block]}:'";
                Report(DiagnosticInfo.Create(
                    DiagnosticDescriptors.WrongShape,
                    Location(first),
                    MessageText.Quote(first.Value),
                    $"under '{TopLevelKeys[category]}:', as it has the keys of {singular}",
                    $"in {where}; it and the {moved.Entries.Count - 1} entries below it are read as {TopLevelKeys[category]}, but the file has no '{TopLevelKeys[category]}:' line: add it above this one"));
                present[category] = true;
                entries[e] = new Entry(entry.Key!, kept, entry.Order, entry.Name);
                entries.Insert(e + 1, new Entry(entry.Key!, moved, entry.Order, TopLevelKeys[category]));
            }
            return entries;
        }

        /// <summary>
        /// A line such as <c>events:</c> went missing only if every entry from the first misplaced
        /// fact to the end of the block is a fact of the other category: all its keys are that
        /// category's, and a fact alone shows at least two keys only that category has. One stray
        /// key in a state is an unknown key (FG0004), not a missing line.
        /// </summary>
        private static bool RestFits(RawMapping mapping, int from, int category)
        {
            int exclusive = 0;
            for (int i = from; i < mapping.Entries.Count; i++)
            {
                if (mapping.Entries[i].Value is not RawMapping fields || !FitsCategory(fields, category)) return false;
                foreach (KeyValuePair<RawNode, RawNode> field in fields.Entries)
                {
                    if (field.Key is ScalarSyntax key && Array.IndexOf(ExclusiveKeys(category), key.Value) >= 0) exclusive++;
                }
            }
            return mapping.Entries.Count - from > 1 || exclusive >= 2;
        }

        /// <summary>Every key of the fact is a key of the category.</summary>
        private static bool FitsCategory(RawMapping fields, int category)
        {
            string[] keys = CategoryKeys(category);
            foreach (KeyValuePair<RawNode, RawNode> field in fields.Entries)
            {
                if (field.Key is not ScalarSyntax key || Array.IndexOf(keys, key.Value) < 0) return false;
            }
            return true;
        }

        private static string[] CategoryKeys(int category) => category == 1 ? StateKeys : category == 2 ? ActorKeys : EventKeys;

        private static string[] ExclusiveKeys(int category) => category == 1 ? s_stateOnlyKeys : category == 2 ? s_actorOnlyKeys : s_eventOnlyKeys;

        /// <summary>The category (1 states, 2 actors, 3 events) whose keys alone the fact has, or 0.</summary>
        private static int CategoryOf(RawMapping fields)
        {
            bool state = false, actor = false, @event = false;
            foreach (KeyValuePair<RawNode, RawNode> field in fields.Entries)
            {
                if (field.Key is not ScalarSyntax key) continue;
                state |= Array.IndexOf(s_stateOnlyKeys, key.Value) >= 0;
                actor |= Array.IndexOf(s_actorOnlyKeys, key.Value) >= 0;
                @event |= Array.IndexOf(s_eventOnlyKeys, key.Value) >= 0;
            }
            return (state ? 1 : 0) + (actor ? 1 : 0) + (@event ? 1 : 0) != 1 ? 0 : state ? 1 : actor ? 2 : 3;
        }

        /// <summary>
        /// The top-level entries with a known key, in file order, each with the key it is read as.
        /// An unknown key that misspells a missing one (<c>actorb:</c> with no <c>actors:</c>) is
        /// read as it (FG0014, an error); any other unknown key is ignored with a warning (FG0004).
        /// </summary>
        private List<Entry> TopLevelEntries(RawMapping top, Entry[] slots)
        {
            Array.Clear(slots, 0, slots.Length);
            var present = new bool[TopLevelKeys.Length];
            foreach (KeyValuePair<RawNode, RawNode> pair in top.Entries)
            {
                if (pair.Key is ScalarSyntax { IsNull: false } key && Array.IndexOf(TopLevelKeys, key.Value) is >= 0 and var slot) present[slot] = true;
            }
            var entries = new List<Entry>(top.Entries.Count);
            for (int e = 0; e < top.Entries.Count; e++)
            {
                KeyValuePair<RawNode, RawNode> pair = top.Entries[e];
                if (pair.Key is not ScalarSyntax { IsNull: false } key)
                {
                    ReportKeyShape(pair.Key);
                    continue;
                }
                int slot = Array.IndexOf(TopLevelKeys, key.Value);
                if (slot < 0)
                {
                    slot = Misspelt(key, TopLevelKeys, present, new Owner("the fact file", null));
                    if (slot < 0) continue;
                    present[slot] = true;
                }
                entries.Add(new Entry(key, pair.Value, e, TopLevelKeys[slot]));
            }
            return entries;
        }

        /// <summary>
        /// An unknown key. Where it misspells a known key that the mapping lacks, it is read as
        /// that key, and FG0014 (an error: the file is wrong, but nothing else fails) says so; the
        /// slot of that key is returned. Otherwise FG0004 warns that it is ignored: -1.
        /// </summary>
        private int Misspelt(ScalarSyntax key, string[] known, bool[] present, Owner owner)
        {
            string? nearest = Suggestions.Nearest(key.Value, known);
            int slot = nearest is null ? -1 : Array.IndexOf(known, nearest);
            if (slot >= 0 && !present[slot])
            {
                Report(DiagnosticInfo.Create(DiagnosticDescriptors.MisspeltKey, Location(key), MessageText.Quote(key.Value), owner.ToString(), nearest!));
                return slot;
            }
            Report(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnknownKey,
                Location(key),
                MessageText.Quote(key.Value),
                owner.ToString(),
                nearest is null ? string.Empty : $"; did you mean '{nearest}'?"));
            return -1;
        }

        /// <summary>
        /// The source block; an empty one has no outlet, which the binder reports there. A block
        /// the parser could not read whole is read quietly and marked.
        /// </summary>
        private SourceSyntax? ReadSource(Entry entry)
        {
            LocationInfo keyLocation = Location(entry.Key!);
            RawNode value = entry.Value!;
            if (IsEmpty(value)) return new SourceSyntax(keyLocation, null, null, null, null, null) { HasErrors = value.IsIncomplete || QuietEverywhere };
            int errorsBefore = _diagnostics.Count;
            bool quiet = value.IsIncomplete || QuietEverywhere;
            Entry[] keys = _sourceSlots;
            Array.Clear(keys, 0, keys.Length);
            if (Mapping(value, "source") is { } mapping) Keys(mapping, SourceKeys, keys, new Owner("source", null));
            var source = new SourceSyntax(
                keyLocation,
                Scalar(keys, SourceOutlet, "outlet"),
                Scalar(keys, SourceTitle, "title"),
                Scalar(keys, SourcePublished, "published"),
                Scalar(keys, SourceLanguage, "language"),
                Scalar(keys, SourceUrl, "url"));
            if (quiet) Rollback(errorsBefore);
            return quiet || HasErrorsSince(errorsBefore) ? source with { HasErrors = true } : source;
        }

        /// <summary>
        /// Reads each fact of a category. A fact whose own text has an error (wrong shape, a repeated
        /// key, a syntax error inside it) is still declared, with what could be read, and marked so
        /// that the binder checks it no further. A fact the parser could not read whole reports
        /// nothing more: its syntax error is the one to fix.
        /// </summary>
        private T[] ReadFacts<T>(RawNode value, string category, string singular, string[] known, Entry[] keys, Func<ScalarSyntax, Entry[], T> read, Func<T, bool, bool, T> mark)
        {
            if (IsEmpty(value)) return Array.Empty<T>();
            if (value is not RawMapping mapping)
            {
                Mapping(value, category, $"a mapping from {singular} id to its keys");
                return Array.Empty<T>();
            }
            var facts = new List<T>(mapping.Entries.Count);
            if (IsKeysOfOneFact(mapping, known))
            {
                // 'states:' over 'name: ...' and 'kind: ...': the keys of one fact whose id line is missing.
                mapping.IsOrphan = true;
                var at = new ScalarSyntax(string.Empty, _locations.Lines, mapping.Start, mapping.Start, isNull: true);
                facts.Add(ReadOrphan(at, mapping, singular, known, keys, read, mark));
                return facts.ToArray();
            }
            foreach (KeyValuePair<RawNode, RawNode> pair in mapping.Entries)
            {
                if (pair.Value is RawMapping { IsOrphan: true } orphan && pair.Key is ScalarSyntax place)
                {
                    facts.Add(ReadOrphan(place, orphan, singular, known, keys, read, mark));
                    continue;
                }
                if (KeyScalar(pair.Key) is not { } id) continue;
                RawNode factValue = pair.Value;
                RawMapping? lost = null;
                if (factValue is RawMapping whole && !whole.IsIncomplete && LostIdSplit(whole, known) is { } split)
                {
                    // Keys repeated from one key on: the keys of the next fact, whose id line is missing.
                    (factValue, lost) = split;
                }
                int errorsBefore = _diagnostics.Count;
                _aliases = 0;
                Array.Clear(keys, 0, keys.Length);
                if (factValue is RawMapping fields)
                {
                    Keys(fields, known, keys, new Owner(singular, id.Value));
                }
                else if (!IsEmpty(factValue))
                {
                    Mapping(factValue, MessageText.Quote(id.Value));
                }
                T fact = read(id, keys);
                // An alias (already reported where it is written) reads as an empty value: like
                // text the parser could not read, it is the one error, and the fact is read quietly.
                bool quiet = factValue.IsIncomplete || QuietEverywhere || _aliases > 0 || factValue is ScalarSyntax { IsAlias: true };
                if (quiet) Rollback(errorsBefore);
                facts.Add(quiet || HasErrorsSince(errorsBefore) ? mark(fact, true, false) : fact);
                if (lost is not null)
                {
                    var lostAt = new ScalarSyntax(string.Empty, _locations.Lines, lost.Start, lost.Start, isNull: true);
                    facts.Add(ReadOrphan(lostAt, lost, singular, known, keys, read, mark));
                }
            }
            return facts.ToArray();
        }

        /// <summary>Every entry is a key of the category with a value that is no mapping: one fact's keys, not facts.</summary>
        private static bool IsKeysOfOneFact(RawMapping mapping, string[] known)
        {
            if (mapping.Entries.Count == 0 || mapping.IsIncomplete) return false;
            foreach (KeyValuePair<RawNode, RawNode> entry in mapping.Entries)
            {
                if (entry.Key is not ScalarSyntax { IsNull: false } key || Array.IndexOf(known, key.Value) < 0 || entry.Value is RawMapping) return false;
            }
            return true;
        }

        /// <summary>
        /// Keys without an id above them. They are read quietly as a fact marked
        /// <c>IdMissing</c>: the binder reports the missing id line once, and declares the fact
        /// under the id it must have had where the other facts tell which one that is.
        /// </summary>
        private T ReadOrphan<T>(ScalarSyntax place, RawMapping orphan, string singular, string[] known, Entry[] keys, Func<ScalarSyntax, Entry[], T> read, Func<T, bool, bool, T> mark)
        {
            int errorsBefore = _diagnostics.Count;
            Array.Clear(keys, 0, keys.Length);
            Keys(orphan, known, keys, new Owner(singular, string.Empty));
            T fact = read(place, keys);
            Rollback(errorsBefore);
            return mark(fact, true, true);
        }

        /// <summary>
        /// Where at least two keys of a fact repeat, from the first repeated key on: the fact's
        /// own keys and the keys that belong to a fact whose id line is missing. A single
        /// repeated key is only a repeated line (FG0001 in <see cref="Keys"/>).
        /// </summary>
        private (RawMapping Own, RawMapping Lost)? LostIdSplit(RawMapping fields, string[] known)
        {
            // One flag per known key, reused from fact to fact: this runs for every fact.
            bool[] seen = _seenKeys;
            Array.Clear(seen, 0, seen.Length);
            int first = -1, repeats = 0;
            for (int e = 0; e < fields.Entries.Count; e++)
            {
                if (fields.Entries[e].Key is not ScalarSyntax { IsNull: false } key) continue;
                int slot = Array.IndexOf(known, key.Value);
                if (slot < 0) continue;
                if (!seen[slot])
                {
                    seen[slot] = true;
                    continue;
                }
                if (first < 0) first = e;
                repeats++;
            }
            if (repeats < 2) return null;
            RawNode firstKey = fields.Entries[first].Key;
            var own = new RawMapping(fields.Start, firstKey.Start);
            own.Entries.AddRange(fields.Entries.GetRange(0, first));
            var lost = new RawMapping(firstKey.Start, fields.End) { IsOrphan = true };
            lost.Entries.AddRange(fields.Entries.GetRange(first, fields.Entries.Count - first));
            return (own, lost);
        }

        /// <summary>Takes back what was reported since <paramref name="count"/>: the text is already reported as unreadable.</summary>
        private void Rollback(int count)
        {
            if (_diagnostics.Count > count) _diagnostics.RemoveRange(count, _diagnostics.Count - count);
        }

        private void Report(DiagnosticInfo diagnostic) => _diagnostics.Add(diagnostic);

        /// <summary>
        /// Whether an error (not a warning) was reported since the given count. A misspelt key is
        /// an error but not one in the fact: it is read as the key it misspells.
        /// </summary>
        private bool HasErrorsSince(int count)
        {
            for (int i = count; i < _diagnostics.Count; i++)
            {
                if (_diagnostics[i].EffectiveSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && _diagnostics[i].Descriptor != DiagnosticDescriptors.MisspeltKey) return true;
            }
            return false;
        }

        private StateSyntax ReadState(ScalarSyntax id, Entry[] keys)
            => new(
                id,
                Scalar(keys, StateName, "name"),
                Scalar(keys, StateOfficialName, "official_name"),
                Scalar(keys, StateKind, "kind"),
                Scalar(keys, StateCapital, "capital"),
                Scalar(keys, StateWithin, "within"),
                List(keys, StateRecognizedBy, "recognized_by"),
                List(keys, StateAliases, "aliases"),
                Labels(keys, StateLabels));

        private ActorSyntax ReadActor(ScalarSyntax id, Entry[] keys)
            => new(
                id,
                Scalar(keys, ActorName, "name"),
                Scalar(keys, ActorKind, "kind"),
                Scalar(keys, ActorRole, "role"),
                Scalar(keys, ActorState, "state"),
                List(keys, ActorAliases, "aliases"),
                Labels(keys, ActorLabels));

        private EventSyntax ReadEvent(ScalarSyntax id, Entry[] keys)
            => new(
                id,
                Scalar(keys, EventDate, "date"),
                Scalar(keys, EventKind, "kind"),
                Scalar(keys, EventSummary, "summary"),
                List(keys, EventActors, "actors"),
                List(keys, EventStates, "states"),
                Scalar(keys, EventPlace, "place"),
                List(keys, EventReportedBy, "reported_by"),
                List(keys, EventFollows, "follows"),
                Scalar(keys, EventStatus, "status"),
                Scalar(keys, EventRetraction, "retraction"),
                Scalar(keys, EventNote, "note"));

        /// <summary>
        /// Puts each known key's entry in its slot; reports unknown keys (FG0004 or FG0014, see
        /// <see cref="Misspelt"/>) and repeated keys (FG0001, once per mapping: keys repeated in
        /// one fact are most often another fact's, whose id line went missing). The slots must be clear.
        /// </summary>
        private void Keys(RawMapping mapping, string[] known, Entry[] slots, Owner owner)
        {
            List<KeyValuePair<RawNode, RawNode>> entries = mapping.Entries;
            bool[]? present = null;
            List<ScalarSyntax>? repeated = null;
            ScalarSyntax? firstOfRepeated = null;
            for (int e = 0; e < entries.Count; e++)
            {
                RawNode keyNode = entries[e].Key;
                if (keyNode is not ScalarSyntax { IsNull: false } key)
                {
                    ReportKeyShape(keyNode);
                    continue;
                }
                int slot = Array.IndexOf(known, key.Value);
                if (slot < 0)
                {
                    if (present is null)
                    {
                        present = new bool[known.Length];
                        foreach (KeyValuePair<RawNode, RawNode> pair in entries)
                        {
                            if (pair.Key is ScalarSyntax { IsNull: false } k && Array.IndexOf(known, k.Value) is >= 0 and var s) present[s] = true;
                        }
                    }
                    slot = Misspelt(key, known, present, owner);
                    if (slot < 0) continue;
                    present[slot] = true;
                }
                if (slots[slot].Key is { } first)
                {
                    if (repeated is null)
                    {
                        repeated = new List<ScalarSyntax>();
                        firstOfRepeated = first;
                    }
                    repeated.Add(key);
                    continue;
                }
                slots[slot] = new Entry(key, entries[e].Value, e, known[slot]);
            }
            if (repeated is not null)
            {
                LocationInfo firstLocation = Location(firstOfRepeated!);
                string others = repeated.Count == 1 ? string.Empty
                    : $" ({repeated.Count - 1} more repeated key{(repeated.Count == 2 ? string.Empty : "s")} below: " + string.Join(", ", repeated.Skip(1).Take(4).Select(k => $"'{MessageText.Quote(k.Value)}'")) + (repeated.Count > 5 ? ", \u2026" : string.Empty) + ")";
                string hint = repeated.Count > 1 && owner.IsFact ? "; if they belong to another fact, its id line is missing" : "; keep one";
                Report(DiagnosticInfo.Create(
                    DiagnosticDescriptors.YamlSyntaxError,
                    Location(repeated[0]),
                    firstLocation,
                    $"the key '{MessageText.Quote(repeated[0].Value)}' appears twice in {owner} (first at line {firstLocation.LineSpan.Start.Line + 1}){others}; the first is read{hint}"));
            }
        }

        private ScalarSyntax? KeyScalar(RawNode key)
        {
            if (key is ScalarSyntax { IsNull: false } scalar) return scalar;
            ReportKeyShape(key);
            return null;
        }

        private void ReportKeyShape(RawNode key)
            => Report(DiagnosticInfo.Create(
                DiagnosticDescriptors.WrongShape,
                Location(key),
                "key",
                "a single word",
                key.Describe()));

        private ScalarSyntax? Scalar(Entry[] keys, int slot, string key)
        {
            RawNode? value = keys[slot].Value;
            return value is null ? null : ScalarValue(value, key);
        }

        private ScalarSyntax? ScalarValue(RawNode node, string what)
        {
            if (node is ScalarSyntax scalar)
            {
                if (scalar.IsAlias) _aliases++;
                return scalar.IsNull ? null : scalar;
            }
            Report(DiagnosticInfo.Create(
                DiagnosticDescriptors.WrongShape,
                Location(node),
                what,
                "a single value",
                node.Describe()));
            return null;
        }

        private EquatableArray<ScalarSyntax> List(Entry[] keys, int slot, string key)
        {
            RawNode? value = keys[slot].Value;
            if (value is null || IsEmpty(value)) return EquatableArray<ScalarSyntax>.Empty;
            if (value is not RawSequence sequence)
            {
                Report(DiagnosticInfo.Create(
                    DiagnosticDescriptors.WrongShape,
                    Location(value),
                    key,
                    "a list, like [a, b]",
                    value.Describe()));
                return EquatableArray<ScalarSyntax>.Empty;
            }
            var items = new ScalarSyntax[sequence.Items.Count];
            int count = 0;
            foreach (RawNode item in sequence.Items)
            {
                if (item is ScalarSyntax scalar)
                {
                    if (scalar.IsAlias)
                    {
                        _aliases++;
                        continue; // reported where it was read
                    }
                    if (scalar.IsNull)
                    {
                        Report(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, Location(item), $"an item of {key}", "a value", "empty; remove it"));
                        continue;
                    }
                    items[count++] = scalar;
                    continue;
                }
                ScalarValue(item, $"an item of {key}");
            }
            if (count < items.Length) Array.Resize(ref items, count);
            return new EquatableArray<ScalarSyntax>(items);
        }

        private EquatableArray<LabelSyntax> Labels(Entry[] keys, int slot)
        {
            RawNode? value = keys[slot].Value;
            if (value is null || IsEmpty(value)) return EquatableArray<LabelSyntax>.Empty;
            if (Mapping(value, "labels", "a mapping from language tag to name, like { id: Korea Utara }") is not { } mapping)
            {
                return EquatableArray<LabelSyntax>.Empty;
            }
            var labels = new List<LabelSyntax>(mapping.Entries.Count);
            // Language tags are case-insensitive (BCP 47): 'id' and 'ID' are one language.
            var seen = new Dictionary<string, ScalarSyntax>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<RawNode, RawNode> pair in mapping.Entries)
            {
                if (KeyScalar(pair.Key) is not { } language) continue;
                if (seen.TryGetValue(language.Value, out ScalarSyntax? first))
                {
                    LocationInfo firstLocation = first.Location;
                    string asWritten = first.Value == language.Value ? string.Empty : $", as '{MessageText.Quote(first.Value)}'";
                    Report(DiagnosticInfo.Create(
                        DiagnosticDescriptors.YamlSyntaxError,
                        language.Location,
                        firstLocation,
                        $"the label '{MessageText.Quote(language.Value)}' appears twice (first at line {firstLocation.LineSpan.Start.Line + 1}{asWritten}); language tags ignore case, so keep one"));
                    continue;
                }
                seen.Add(language.Value, language);
                if (pair.Value is ScalarSyntax { IsNull: true, IsAlias: false } empty)
                {
                    // As the schema has it: a label names the fact in that language, so it has a value.
                    Report(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, Location(empty.End > empty.Start ? empty : language), $"label '{MessageText.Quote(language.Value)}'", "a name in that language", "empty; write the name, or remove the label"));
                    continue;
                }
                if (ScalarValue(pair.Value, $"label '{MessageText.Quote(language.Value)}'") is { } label) labels.Add(new LabelSyntax(language, label));
            }
            return labels.ToEquatableArray();
        }

        private RawMapping? Mapping(RawNode node, string what, string expected = "a mapping of keys to values")
        {
            if (node is RawMapping mapping) return mapping;
            Report(DiagnosticInfo.Create(
                DiagnosticDescriptors.WrongShape,
                Location(node),
                what,
                expected,
                node.Describe()));
            return null;
        }

        private static bool IsEmpty(RawNode node) => node is ScalarSyntax { IsNull: true };

        private LocationInfo Location(RawNode node) => _locations.Span(node.Start, node.End);
    }

    /// <summary>Who owns a set of keys, for messages; formatted only when one is reported.</summary>
    private readonly struct Owner
    {
        private readonly string _what;
        private readonly string? _id;

        public Owner(string what, string? id)
        {
            _what = what;
            _id = id;
        }

        /// <summary>A fact (with an id), rather than the file or its source.</summary>
        public bool IsFact => _id is not null;

        public override string ToString() => _id is null ? _what : $"{_what} '{MessageText.Quote(_id)}'";
    }

    /// <summary>A key, its value node, its position among the mapping's entries and the known key it is read as.</summary>
    private readonly struct Entry
    {
        public Entry(ScalarSyntax key, RawNode value, int order, string name)
        {
            Key = key;
            Value = value;
            Order = order;
            Name = name;
        }

        /// <summary>The known key this entry is read as (the key itself, or the one it misspells).</summary>
        public string Name { get; }

        public ScalarSyntax? Key { get; }

        public RawNode? Value { get; }

        public int Order { get; }
    }
}
