using System;
using System.Collections.Generic;
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
        if (!reader.CheckIsText(content))
        {
            return Unreadable(path, locations, diagnostics);
        }

        if (!new YamlTreeBuilder(locations, diagnostics).TryBuild(bom == 0 ? content : content.Substring(bom), cancellationToken, out RawNode? root))
        {
            return Unreadable(path, locations, diagnostics);
        }

        return reader.ReadFile(path, root);
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
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.YamlSyntaxError,
                _locations.Span(bad, Math.Min(bad + 1, content.Length)),
                "the file is not UTF-8 text (it holds a NUL or an undecodable byte); save it as UTF-8"));
            return false;
        }

        public FactFileSyntax ReadFile(string path, RawNode? root)
        {
            SourceSyntax? source = null;
            StateSyntax[] states = Array.Empty<StateSyntax>();
            ActorSyntax[] actors = Array.Empty<ActorSyntax>();
            EventSyntax[] events = Array.Empty<EventSyntax>();

            if (root is not null && !(root is ScalarSyntax { IsNull: true }))
            {
                if (Mapping(root, "the fact file") is { } top)
                {
                    // Keys in the order written, so diagnostics come out in file order.
                    Entry[] slots = _topSlots;
                    Keys(top, TopLevelKeys, slots, new Owner("the fact file", null));
                    var order = new List<int>(4);
                    for (int i = 0; i < slots.Length; i++)
                    {
                        if (slots[i].Key is not null) order.Add(i);
                    }
                    order.Sort((a, b) => slots[a].Order.CompareTo(slots[b].Order));
                    foreach (int key in order)
                    {
                        RawNode value = slots[key].Value!;
                        switch (key)
                        {
                            case 0:
                                source = ReadSource(slots[key]);
                                break;
                            case 1:
                                states = ReadFacts(value, "states", "state", StateKeys, _stateSlots, ReadState, static (s, errors) => s with { HasErrors = errors });
                                break;
                            case 2:
                                actors = ReadFacts(value, "actors", "actor", ActorKeys, _actorSlots, ReadActor, static (a, errors) => a with { HasErrors = errors });
                                break;
                            case 3:
                                events = ReadFacts(value, "events", "event", EventKeys, _eventSlots, ReadEvent, static (e, errors) => e with { HasErrors = errors });
                                break;
                        }
                    }
                }
            }

            return new FactFileSyntax(
                path,
                _locations.Lines,
                _locations.FileStart,
                IsUnreadable: false,
                source,
                new EquatableArray<StateSyntax>(states),
                new EquatableArray<ActorSyntax>(actors),
                new EquatableArray<EventSyntax>(events),
                _diagnostics.ToEquatableArray());
        }

        /// <summary>The source block; an empty one has no outlet, which the binder reports there.</summary>
        private SourceSyntax? ReadSource(Entry entry)
        {
            LocationInfo keyLocation = Location(entry.Key!);
            if (IsEmpty(entry.Value!)) return new SourceSyntax(keyLocation, null, null, null, null, null);
            int errorsBefore = _diagnostics.Count;
            Entry[] keys = _sourceSlots;
            Array.Clear(keys, 0, keys.Length);
            if (Mapping(entry.Value!, "source") is { } mapping) Keys(mapping, SourceKeys, keys, new Owner("source", null));
            var source = new SourceSyntax(
                keyLocation,
                Scalar(keys, SourceOutlet, "outlet"),
                Scalar(keys, SourceTitle, "title"),
                Scalar(keys, SourcePublished, "published"),
                Scalar(keys, SourceLanguage, "language"),
                Scalar(keys, SourceUrl, "url"));
            return HasErrorsSince(errorsBefore) ? source with { HasErrors = true } : source;
        }

        /// <summary>
        /// Reads each fact of a category. A fact whose own text has an error (wrong shape, a repeated
        /// key) is still declared, so references to it are not reported again, but it is marked so
        /// that the binder leaves it out.
        /// </summary>
        private T[] ReadFacts<T>(RawNode value, string category, string singular, string[] known, Entry[] keys, Func<ScalarSyntax, Entry[], T> read, Func<T, bool, T> markErrors)
        {
            if (IsEmpty(value)) return Array.Empty<T>();
            if (value is not RawMapping mapping)
            {
                Mapping(value, category, $"a mapping from {singular} id to its keys");
                return Array.Empty<T>();
            }
            var facts = new T[mapping.Entries.Count];
            int count = 0;
            foreach (KeyValuePair<RawNode, RawNode> pair in mapping.Entries)
            {
                if (KeyScalar(pair.Key) is not { } id) continue;
                int errorsBefore = _diagnostics.Count;
                RawNode factValue = pair.Value;
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
                facts[count++] = HasErrorsSince(errorsBefore) ? markErrors(fact, true) : fact;
            }
            if (count < facts.Length) Array.Resize(ref facts, count);
            return facts;
        }

        /// <summary>Whether an error (not a warning) was reported since the given count.</summary>
        private bool HasErrorsSince(int count)
        {
            for (int i = count; i < _diagnostics.Count; i++)
            {
                if (_diagnostics[i].Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) return true;
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
        /// Puts each known key's entry in its slot; reports unknown (FG0004) and repeated (FG0001)
        /// keys. The slots must be clear.
        /// </summary>
        private void Keys(RawMapping mapping, string[] known, Entry[] slots, Owner owner)
        {
            List<KeyValuePair<RawNode, RawNode>> entries = mapping.Entries;
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
                    _diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.UnknownKey,
                        Location(key),
                        MessageText.Quote(key.Value),
                        owner.ToString(),
                        Suggestions.DidYouMean(key.Value, known)));
                    continue;
                }
                if (slots[slot].Key is { } first)
                {
                    LocationInfo firstLocation = Location(first);
                    _diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.YamlSyntaxError,
                        Location(key),
                        firstLocation,
                        $"the key '{MessageText.Quote(key.Value)}' appears twice in {owner} (first at line {firstLocation.LineSpan.Start.Line + 1}); keep one"));
                    continue;
                }
                slots[slot] = new Entry(key, entries[e].Value, e);
            }
        }

        private ScalarSyntax? KeyScalar(RawNode key)
        {
            if (key is ScalarSyntax { IsNull: false } scalar) return scalar;
            ReportKeyShape(key);
            return null;
        }

        private void ReportKeyShape(RawNode key)
            => _diagnostics.Add(DiagnosticInfo.Create(
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
                return scalar.IsNull ? null : scalar;
            }
            _diagnostics.Add(DiagnosticInfo.Create(
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
                _diagnostics.Add(DiagnosticInfo.Create(
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
                    if (scalar.IsAlias) continue; // reported where it was read
                    if (scalar.IsNull)
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, Location(item), $"an item of {key}", "a value", "empty; remove it"));
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
            var seen = new Dictionary<string, ScalarSyntax>(StringComparer.Ordinal);
            foreach (KeyValuePair<RawNode, RawNode> pair in mapping.Entries)
            {
                if (KeyScalar(pair.Key) is not { } language) continue;
                if (seen.TryGetValue(language.Value, out ScalarSyntax? first))
                {
                    LocationInfo firstLocation = first.Location;
                    _diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.YamlSyntaxError,
                        language.Location,
                        firstLocation,
                        $"the label '{MessageText.Quote(language.Value)}' appears twice (first at line {firstLocation.LineSpan.Start.Line + 1}); keep one"));
                    continue;
                }
                seen.Add(language.Value, language);
                if (ScalarValue(pair.Value, $"label '{MessageText.Quote(language.Value)}'") is { } label) labels.Add(new LabelSyntax(language, label));
            }
            return labels.ToEquatableArray();
        }

        private RawMapping? Mapping(RawNode node, string what, string expected = "a mapping of keys to values")
        {
            if (node is RawMapping mapping) return mapping;
            _diagnostics.Add(DiagnosticInfo.Create(
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

        public override string ToString() => _id is null ? _what : $"{_what} '{MessageText.Quote(_id)}'";
    }

    /// <summary>A key, its value node and its position among the mapping's entries.</summary>
    private readonly struct Entry
    {
        public Entry(ScalarSyntax key, RawNode value, int order)
        {
            Key = key;
            Value = value;
            Order = order;
        }

        public ScalarSyntax? Key { get; }

        public RawNode? Value { get; }

        public int Order { get; }
    }
}
