using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading.Recovery;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Reading;

/// <summary>
/// The read stage: one fact file's text to a <see cref="FactFileSyntax"/>. It checks YAML syntax
/// (FG0001), the shape of each node (FG0002) and unknown keys (FG0004); everything that needs
/// other facts or other files is left to the binder.
/// </summary>
internal static class FactFileReader
{
    private static readonly TopLevelKeys TopLevel = FactKeys.TopLevel;

    public static bool IsFactFile(string path)
        => path.EndsWith(".facts.yaml", StringComparison.OrdinalIgnoreCase)
           || path.EndsWith(".facts.yml", StringComparison.OrdinalIgnoreCase);

    public static FactFileSyntax Read(string path, SourceText? text, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticSink();
        if (text is null)
        {
            var none = new FactFileLocations(new FileLines(path, SourceText.From(string.Empty)));
            diagnostics.Report(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntaxError, none.FileStart, "the file could not be read; check that it exists and is readable"));
            return Unreadable(path, none, diagnostics.Kept);
        }
        string content = text.ToString();
        // The compiler strips one byte order mark; a second one (an editor that added its own) is
        // text to YamlDotNet. Skip it, and shift positions back so they still match the file.
        int bom = content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;
        var locations = new FactFileLocations(new FileLines(path, text), bom);
        var reader = new Reader(locations, diagnostics, content);
        string yaml = bom == 0 ? content : content.Substring(bom);
        DiagnosticSink.Scope? notText = null;
        if (!TextPass.CheckIsText(content, locations, diagnostics))
        {
            // One error for the file. Its ids are still read, quietly: whatever else reading the
            // file reports is taken back.
            yaml = TextPass.BlankUndecodable(yaml);
            reader.QuietEverywhere = true;
            notText = diagnostics.BeginScope();
        }

        RawNode? root = TextPass.Parse(yaml, bom, locations, diagnostics, cancellationToken, out bool recovered);
        FactFileSyntax file = reader.ReadFile(path, root) with { IsRecovered = recovered || reader.QuietEverywhere };
        // Not text: the one error said so, and every fact is read as having errors.
        notText?.Discard();
        return Capped(file, diagnostics.Kept);
    }

    /// <summary>
    /// The per-file cap on what the reader reports, applied here once: at most
    /// <see cref="DiagnosticCap.PerFile"/> diagnostics, the first in the file; the rest are counted.
    /// </summary>
    private static FactFileSyntax Capped(FactFileSyntax file, IReadOnlyList<DiagnosticInfo> diagnostics)
    {
        if (diagnostics.Count <= DiagnosticCap.PerFile) return file with { Diagnostics = diagnostics.ToEquatableArray() };
        DiagnosticInfo[] kept = DiagnosticCap.FirstInFile(diagnostics, DiagnosticCap.PerFile, out int leftOut);
        return file with { Diagnostics = new EquatableArray<DiagnosticInfo>(kept), DiagnosticsLeftOut = leftOut };
    }

    private static FactFileSyntax Unreadable(string path, FactFileLocations locations, IReadOnlyList<DiagnosticInfo> diagnostics)
        => new(
            Path: path,
            Lines: locations.Lines,
            Start: locations.FileStart,
            IsUnreadable: true,
            Source: null,
            States: EquatableArray<StateSyntax>.Empty,
            Actors: EquatableArray<ActorSyntax>.Empty,
            Events: EquatableArray<EventSyntax>.Empty,
            Diagnostics: diagnostics.ToEquatableArray());

    private sealed class Reader
    {
        private readonly FactFileLocations _locations;
        private readonly DiagnosticSink _diagnostics;

        // One slot per known key, reused from fact to fact: a fact's keys are consumed before the
        // next fact is read.
        private readonly Entry[] _topSlots = new Entry[TopLevel.Count];
        private readonly Entry[] _sourceSlots = new Entry[FactKeys.Source.Count];
        private readonly Entry[] _stateSlots = new Entry[FactKeys.State.Count];
        private readonly Entry[] _actorSlots = new Entry[FactKeys.Actor.Count];
        private readonly Entry[] _eventSlots = new Entry[FactKeys.Event.Count];
        private readonly Entry[] _reportBlockSlots = new Entry[FactKeys.Reports.Count];
        private readonly Entry[][] _reportSlots =
        {
            new Entry[FactKeys.StateReport.Count], new Entry[FactKeys.ActorReport.Count], new Entry[FactKeys.EventReport.Count],
        };

        /// <summary>The file's text, with positions as the syntax has them: to look past a value's end.</summary>
        private readonly string _content;

        public Reader(FactFileLocations locations, DiagnosticSink diagnostics, string content)
        {
            _locations = locations;
            _diagnostics = diagnostics;
            _content = content;
        }

        private readonly MissingIdRepair _missingId = new();

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
            var reports = new List<ReportSyntax>();

            if (root is not null && !(root is ScalarSyntax { IsNull: true }) && Mapping(root, "the fact file") is { } top)
            {
                // Keys in the order written, so diagnostics come out in file order.
                Entry[] slots = _topSlots;
                var reported = new bool[TopLevel.Count];
                foreach (Entry entry in WithMisplacedFacts(TopLevelEntries(top, slots)))
                {
                    int key = TopLevel.SlotOf(entry.Name);
                    bool category = TopLevel.IsCategory(key) || key == TopLevel.ReportsSlot;
                    RawNode value = entry.Value!;
                    if (slots[key].Key is { } first && !ReferenceEquals(first, entry.Key))
                    {
                        // A repeated top-level key: reported once. Facts are read from every
                        // block; a second source is read only where the first is empty.
                        if (!reported[key] && !entry.Key!.IsIncomplete)
                        {
                            reported[key] = true;
                            LocationInfo firstLocation = Location(first);
                            Report(DiagnosticInfo.Create(
                                DiagnosticDescriptors.YamlSyntaxError,
                                Location(entry.Key!),
                                firstLocation,
                                $"the key '{MessageText.Quote(entry.Name)}' appears twice at the top of the file (first at line {firstLocation.LineSpan.Start.Line + 1}); "
                                + (category ? "the facts of both are read, but keep one" : "keep one")));
                        }
                        if (!category && (source is null || source.IsEmpty)) source = ReadSource(entry);
                        else if (key == TopLevel.ReportsSlot) ReadReports(value, reports);
                        else if (category) ReadCategory(key, value, states, actors, events);
                        continue;
                    }
                    slots[key] = entry;
                    if (!category) source = ReadSource(entry);
                    else if (key == TopLevel.ReportsSlot) ReadReports(value, reports);
                    else ReadCategory(key, value, states, actors, events);
                }
            }

            // The file's diagnostics are the sink's, capped once all is read (Read).
            return new FactFileSyntax(
                Path: path,
                Lines: _locations.Lines,
                Start: _locations.FileStart,
                IsUnreadable: false,
                Source: source,
                States: states.ToEquatableArray(),
                Actors: actors.ToEquatableArray(),
                Events: events.ToEquatableArray(),
                Diagnostics: EquatableArray<DiagnosticInfo>.Empty)
            {
                Reports = reports.ToEquatableArray(),
            };
        }

        /// <summary>
        /// The <c>reports</c> block: per category, a mapping from the id of a fact declared elsewhere
        /// to what this file's source says of it. Each report is read as a fact of its category
        /// is, with its own keys (none required), and marked as a fact is.
        /// </summary>
        private void ReadReports(RawNode value, List<ReportSyntax> reports)
        {
            if (IsEmpty(value)) return;
            ReportBlockKeys block = FactKeys.Reports;
            if (Mapping(value, block.Key, "a mapping from 'states', 'actors' or 'events' to the reports on facts of that category") is not { } mapping) return;
            Entry[] slots = _reportBlockSlots;
            Array.Clear(slots, 0, slots.Length);
            Keys(mapping, block.Names, slots, new Owner(block.Key, null));
            // In the order written, so that diagnostics come out in file order.
            int[] order = Enumerable.Range(0, slots.Length).Where(slot => slots[slot].Value is not null).OrderBy(slot => slots[slot].Order).ToArray();
            Entry[] entries = order.Select(slot => slots[slot]).ToArray();
            for (int i = 0; i < order.Length; i++)
            {
                FactCategory category = block.CategoryOf(order[i]);
                KeyTable<ReportSyntax> table = FactKeys.ReportOn(category);
                Entry[] keys = _reportSlots[(int)category];
                reports.AddRange(ReadFacts(entries[i].Value!, table, keys, (id, k) => ReadReport(table, category, id, k), static (r, outcome) => r with { Outcome = outcome }));
            }
        }

        private ReportSyntax ReadReport(KeyTable<ReportSyntax> table, FactCategory category, ScalarSyntax id, Entry[] keys)
            => new(
                category,
                Target: id,
                Stance: Scalar(keys, table, "stance"),
                Preferred: List(keys, table, "preferred"),
                State: category == FactCategory.State ? ReadState(table, id, keys) : null,
                Actor: category == FactCategory.Actor ? ReadActor(table, id, keys) : null,
                Event: category == FactCategory.Event ? ReadEvent(table, id, keys) : null);

        private void ReadCategory(int key, RawNode value, List<StateSyntax> states, List<ActorSyntax> actors, List<EventSyntax> events)
        {
            KeyTable fields = TopLevel.FieldsOf(key);
            if (fields == FactKeys.State)
            {
                states.AddRange(ReadFacts(value, FactKeys.State, _stateSlots, ReadState, static (s, outcome) => s with { Outcome = outcome }));
            }
            else if (fields == FactKeys.Actor)
            {
                actors.AddRange(ReadFacts(value, FactKeys.Actor, _actorSlots, ReadActor, static (a, outcome) => a with { Outcome = outcome }));
            }
            else if (fields == FactKeys.Event)
            {
                events.AddRange(ReadFacts(value, FactKeys.Event, _eventSlots, ReadEvent, static (e, outcome) => e with { Outcome = outcome }));
            }
            else
            {
                throw new InvalidOperationException($"No reader for the category '{fields.Key}'.");
            }
        }

        /// <summary>
        /// The entries as <see cref="MissingCategoryRepair"/> has them: a block whose facts from
        /// one on belong to a category whose line is missing is cut in two there.
        /// </summary>
        private List<Entry> WithMisplacedFacts(List<Entry> entries)
        {
            if (MissingCategoryRepair.For(entries.Select(static e => TopLevel.SlotOf(e.Name)), _locations, _diagnostics) is not { } repair) return entries;
            for (int e = 0; e < entries.Count; e++)
            {
                Entry entry = entries[e];
                if (repair.Split(entry.Value!, TopLevel.SlotOf(entry.Name)) is not { } split) continue;
                entries[e] = new Entry(entry.Key!, split.Kept, entry.Order, entry.Name);
                entries.Insert(e + 1, new Entry(entry.Key!, split.Moved, entry.Order, TopLevel.Names[split.Category]));
            }
            return entries;
        }

        /// <summary>
        /// The top-level entries with a known key, in file order, each with the key it is read as.
        /// An unknown key that misspells a missing one (<c>actorb:</c> with no <c>actors:</c>) is
        /// read as it (FG0014, an error); any other unknown key is ignored with a warning (FG0004).
        /// </summary>
        private List<Entry> TopLevelEntries(RawMapping top, Entry[] slots)
        {
            Array.Clear(slots, 0, slots.Length);
            var present = new bool[TopLevel.Count];
            foreach (KeyValuePair<RawNode, RawNode> pair in top.Entries)
            {
                if (pair.Key is ScalarSyntax { IsNull: false } key && TopLevel.SlotOf(key.Value) is >= 0 and var slot) present[slot] = true;
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
                int slot = TopLevel.SlotOf(key.Value);
                if (slot < 0)
                {
                    slot = Misspelt(key, TopLevel.Names, present, new Owner(TopLevel.Key, null));
                    if (slot < 0)
                    {
                        ReportRepeatedKeysIn(pair.Value);
                        continue;
                    }
                    present[slot] = true;
                }
                entries.Add(new Entry(key, pair.Value, e, TopLevel.Names[slot]));
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
            if (IsEmpty(value))
            {
                return new SourceSyntax(keyLocation, Outlet: null, Title: null, Published: null, Language: null, Url: null) { Outcome = value.IsIncomplete || QuietEverywhere ? ReadOutcome.Quiet : ReadOutcome.Clean };
            }
            DiagnosticSink.Scope block = _diagnostics.BeginScope();
            bool quiet = value.IsIncomplete || QuietEverywhere;
            KeyTable<SourceSyntax> table = FactKeys.Source;
            Entry[] keys = _sourceSlots;
            Array.Clear(keys, 0, keys.Length);
            if (Mapping(value, table.Key) is { } mapping) Keys(mapping, table.Names, keys, new Owner(table.Singular, null));
            var source = new SourceSyntax(
                keyLocation,
                Outlet: Scalar(keys, table, "outlet"),
                Title: Scalar(keys, table, "title"),
                Published: Scalar(keys, table, "published"),
                Language: Scalar(keys, table, "language"),
                Url: Scalar(keys, table, "url"));
            return source with { Outcome = Close(block, quiet) };
        }

        /// <summary>
        /// Reads each fact of a category. A fact whose own text has an error (wrong shape, a repeated
        /// key, a syntax error inside it) is still declared, with what could be read, and marked so
        /// that the binder checks it no further. A fact the parser could not read whole reports
        /// nothing more: its syntax error is the one to fix.
        /// </summary>
        private T[] ReadFacts<T>(RawNode value, KeyTable table, Entry[] keys, Func<ScalarSyntax, Entry[], T> read, Func<T, ReadOutcome, T> withOutcome)
        {
            string category = table.Key, singular = table.Singular;
            string[] known = table.Names;
            if (IsEmpty(value)) return Array.Empty<T>();
            if (value is not RawMapping mapping)
            {
                Mapping(value, category, $"a mapping from {singular} id to its keys");
                return Array.Empty<T>();
            }
            var facts = new List<T>(mapping.Entries.Count);
            if (MissingIdRepair.IsKeysOfOneFact(mapping, known))
            {
                // 'states:' over 'name: ...' and 'kind: ...': the keys of one fact whose id line is missing.
                mapping.IsOrphan = true;
                var at = new ScalarSyntax(string.Empty, _locations.Lines, mapping.Start, mapping.Start, isNull: true);
                facts.Add(ReadOrphan(at, mapping, singular, known, keys, read, withOutcome));
                return facts.ToArray();
            }
            foreach (KeyValuePair<RawNode, RawNode> pair in mapping.Entries)
            {
                if (pair.Value is RawMapping { IsOrphan: true } orphan && pair.Key is ScalarSyntax place)
                {
                    facts.Add(ReadOrphan(place, orphan, singular, known, keys, read, withOutcome));
                    continue;
                }
                if (KeyScalar(pair.Key) is not { } id) continue;
                RawNode factValue = pair.Value;
                RawMapping? lost = null;
                if (factValue is RawMapping whole && !whole.IsIncomplete && _missingId.SplitAtRepeatedKeys(whole, known) is { } split)
                {
                    // Keys repeated from one key on: the keys of the next fact, whose id line is missing.
                    (factValue, lost) = split;
                }
                DiagnosticSink.Scope scope = _diagnostics.BeginScope();
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
                ReadOutcome outcome = Close(scope, quiet);
                facts.Add(outcome == ReadOutcome.Clean ? fact : withOutcome(fact, outcome));
                if (lost is not null)
                {
                    var lostAt = new ScalarSyntax(string.Empty, _locations.Lines, lost.Start, lost.Start, isNull: true);
                    facts.Add(ReadOrphan(lostAt, lost, singular, known, keys, read, withOutcome));
                }
            }
            return facts.ToArray();
        }

        /// <summary>
        /// Keys without an id above them. They are read quietly as a fact with the outcome
        /// <see cref="ReadOutcome.IdMissing"/>: the binder reports the missing id line once, and declares the fact
        /// under the id it must have had where the other facts tell which one that is.
        /// </summary>
        private T ReadOrphan<T>(ScalarSyntax place, RawMapping orphan, string singular, string[] known, Entry[] keys, Func<ScalarSyntax, Entry[], T> read, Func<T, ReadOutcome, T> withOutcome)
        {
            DiagnosticSink.Scope scope = _diagnostics.BeginScope();
            Array.Clear(keys, 0, keys.Length);
            Keys(orphan, known, keys, new Owner(singular, string.Empty));
            T fact = read(place, keys);
            scope.Discard();
            return withOutcome(fact, ReadOutcome.IdMissing);
        }

        private void Report(DiagnosticInfo diagnostic) => _diagnostics.Report(diagnostic);

        /// <summary>
        /// Closes the scope a fact (or the source) was read in, and tells how it was read. A quiet
        /// one (its one error is elsewhere) reports nothing; otherwise what it reported is kept,
        /// and it has errors where one of them is an error. A misspelt key is an error but not
        /// one in the fact: it is read as the key it misspells.
        /// </summary>
        private static ReadOutcome Close(DiagnosticSink.Scope scope, bool quiet)
        {
            if (quiet)
            {
                scope.Discard();
                return ReadOutcome.Quiet;
            }
            bool errors = scope.HasErrorsOtherThan(DiagnosticDescriptors.MisspeltKey);
            scope.Commit();
            return errors ? ReadOutcome.HasErrors : ReadOutcome.Clean;
        }

        // Each value is read by its key's name, and the table gives its slot: a key added to or
        // moved in a table cannot be read from another key's slot. Named arguments keep a value
        // from landing in the neighbouring property of the same type.

        private StateSyntax ReadState(ScalarSyntax id, Entry[] keys) => ReadState(FactKeys.State, id, keys);

        private StateSyntax ReadState(KeyTable table, ScalarSyntax id, Entry[] keys)
        {
            return new StateSyntax(
                id,
                Name: Scalar(keys, table, "name"),
                OfficialName: Scalar(keys, table, "official_name"),
                Kind: Scalar(keys, table, "kind"),
                Capital: Scalar(keys, table, "capital"),
                Within: Scalar(keys, table, "within"),
                RecognizedBy: List(keys, table, "recognized_by"),
                Aliases: List(keys, table, "aliases"),
                Labels: Labels(keys, table, "labels"));
        }

        private ActorSyntax ReadActor(ScalarSyntax id, Entry[] keys) => ReadActor(FactKeys.Actor, id, keys);

        private ActorSyntax ReadActor(KeyTable table, ScalarSyntax id, Entry[] keys)
        {
            return new ActorSyntax(
                id,
                Name: Scalar(keys, table, "name"),
                Kind: Scalar(keys, table, "kind"),
                Role: Scalar(keys, table, "role"),
                State: Scalar(keys, table, "state"),
                Aliases: List(keys, table, "aliases"),
                Labels: Labels(keys, table, "labels"));
        }

        private EventSyntax ReadEvent(ScalarSyntax id, Entry[] keys) => ReadEvent(FactKeys.Event, id, keys);

        private EventSyntax ReadEvent(KeyTable table, ScalarSyntax id, Entry[] keys)
        {
            return new EventSyntax(
                id,
                Date: Scalar(keys, table, "date"),
                Kind: Scalar(keys, table, "kind"),
                Summary: Scalar(keys, table, "summary"),
                Actors: List(keys, table, "actors"),
                States: List(keys, table, "states"),
                Place: Scalar(keys, table, "place"),
                ReportedBy: List(keys, table, "reported_by"),
                Follows: List(keys, table, "follows"),
                Status: Scalar(keys, table, "status"),
                Retraction: Scalar(keys, table, "retraction"),
                Note: Scalar(keys, table, "note"));
        }

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
                    if (slot < 0)
                    {
                        ReportRepeatedKeysIn(entries[e].Value);
                        continue;
                    }
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

        /// <summary>
        /// The value of an ignored key is not read, but it is still YAML: a key repeated in one
        /// of its mappings makes the file invalid YAML, an error wherever it is (FG0001, once for
        /// the whole value: one mistake, one diagnostic). Where the parser already stopped inside
        /// it, that error stands alone.
        /// </summary>
        private void ReportRepeatedKeysIn(RawNode ignored)
        {
            var pending = new Stack<RawNode>();
            pending.Push(ignored);
            while (pending.Count > 0)
            {
                RawNode node = pending.Pop();
                if (node.IsIncomplete) return;
                if (node is RawSequence sequence)
                {
                    for (int i = sequence.Items.Count - 1; i >= 0; i--) pending.Push(sequence.Items[i]);
                    continue;
                }
                if (node is not RawMapping mapping) continue;
                var seen = new Dictionary<string, ScalarSyntax>(StringComparer.Ordinal);
                foreach (KeyValuePair<RawNode, RawNode> entry in mapping.Entries)
                {
                    if (entry.Key is not ScalarSyntax { IsNull: false } key) continue;
                    if (seen.TryGetValue(KeyIdentity(key), out ScalarSyntax? first))
                    {
                        LocationInfo firstLocation = Location(first);
                        Report(DiagnosticInfo.Create(
                            DiagnosticDescriptors.YamlSyntaxError,
                            Location(key),
                            firstLocation,
                            $"the key '{MessageText.Quote(key.Value)}' appears twice in one mapping (first at line {firstLocation.LineSpan.Start.Line + 1}), which YAML does not allow, even under a key FactGen ignores; keep one"));
                        return;
                    }
                    seen.Add(KeyIdentity(key), key);
                }
                for (int i = mapping.Entries.Count - 1; i >= 0; i--) pending.Push(mapping.Entries[i].Value);
            }
        }

        /// <summary>
        /// What makes two keys the same key in YAML's core schema: their text, except that a plain
        /// key that reads as a number or a Boolean is not a string (<c>1:</c> and <c>"1":</c> are
        /// two keys). Numbers written two ways (<c>1</c>, <c>0x1</c>) count as two: rare enough.
        /// </summary>
        private static string KeyIdentity(ScalarSyntax key)
            => key.IsPlain && IsCoreNonString(key.Value) ? "\0" + key.Value : key.Value;

        /// <summary>Whether a plain scalar resolves to a Boolean, an int or a float in YAML 1.2's core schema (checked by hand, the same on every runtime).</summary>
        private static bool IsCoreNonString(string value)
        {
            if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE" or ".nan" or ".NaN" or ".NAN") return true;
            int at = value.Length > 0 && value[0] is '-' or '+' ? 1 : 0;
            string rest = value.Substring(at);
            if (rest is ".inf" or ".Inf" or ".INF") return true;
            if (at == 0 && rest.Length > 2 && rest[0] == '0' && rest[1] is 'o' or 'x')
            {
                for (int i = 2; i < rest.Length; i++)
                {
                    char c = rest[i];
                    bool digit = rest[1] == 'o' ? c is >= '0' and <= '7' : c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
                    if (!digit) return false;
                }
                return true;
            }
            // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
            int n = 0, digits = 0;
            while (n < rest.Length && rest[n] is >= '0' and <= '9') { n++; digits++; }
            if (n < rest.Length && rest[n] == '.')
            {
                n++;
                while (n < rest.Length && rest[n] is >= '0' and <= '9') { n++; digits++; }
            }
            if (digits == 0) return false;
            if (n < rest.Length && rest[n] is 'e' or 'E')
            {
                n++;
                if (n < rest.Length && rest[n] is '-' or '+') n++;
                int exponent = 0;
                while (n < rest.Length && rest[n] is >= '0' and <= '9') { n++; exponent++; }
                if (exponent == 0) return false;
            }
            return n == rest.Length;
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

        private ScalarSyntax? Scalar(Entry[] keys, KeyTable table, string key)
        {
            int slot = Slot(table, key, KeyShape.Value);
            RawNode? value = keys[slot].Value;
            ScalarSyntax? scalar = value is null ? null : ScalarValue(value, key);
            if (scalar is not null && table.Keys[slot].IsProse) CheckNotCutByComment(scalar, key);
            return scalar;
        }

        /// <summary>
        /// A plain value ends where <c> #</c> starts a comment, so prose that holds one loses the
        /// rest of its line without a word: FG0015 warns at a comment one space after the value,
        /// as a word of prose would be. A quoted or block value keeps its <c>#</c>, and a value
        /// whose line the parser could not read is left alone.
        /// </summary>
        private void CheckNotCutByComment(ScalarSyntax scalar, string key)
        {
            if (scalar.IsIncomplete || !scalar.IsPlain || QuietEverywhere || scalar.End >= _content.Length) return;
            // One space, as prose has between words; a comment set off by more (aligned, or two
            // spaces as YAML style guides ask) is taken to be meant as one.
            int at = scalar.End + 1;
            if (at >= _content.Length || _content[scalar.End] != ' ' || _content[at] != '#') return;
            int end = at;
            while (end < _content.Length && _content[end] is not '\n' and not '\r') end++;
            string comment = _content.Substring(at, end - at).TrimEnd();
            Report(DiagnosticInfo.Create(
                DiagnosticDescriptors.ValueCutByComment,
                _locations.Span(at, end),
                key,
                MessageText.Quote(scalar.Value),
                MessageText.Quote(comment)));
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

        private EquatableArray<ScalarSyntax> List(Entry[] keys, KeyTable table, string key)
        {
            RawNode? value = keys[Slot(table, key, KeyShape.List)].Value;
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

        private EquatableArray<LabelSyntax> Labels(Entry[] keys, KeyTable table, string key)
        {
            RawNode? value = keys[Slot(table, key, KeyShape.Labels)].Value;
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
                if (ScalarValue(pair.Value, $"label '{MessageText.Quote(language.Value)}'") is { } label) labels.Add(new LabelSyntax(Language: language, Text: label));
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

        /// <summary>The slot of a key, which must be in the table with that shape (a bug otherwise, which any test finds).</summary>
        private static int Slot(KeyTable table, string key, KeyShape shape)
        {
            KeyInfo info = table[key];
            if (info.Shape != shape) throw new InvalidOperationException($"The {table.Singular} key '{key}' is a {info.Shape}, not a {shape}.");
            return info.Slot;
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
