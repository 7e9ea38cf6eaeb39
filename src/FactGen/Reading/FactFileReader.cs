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
    internal static readonly string[] EventKeys = { "date", "kind", "summary", "actors", "states", "place", "reported_by", "follows", "status", "note" };

    public static bool IsFactFile(string path)
        => path.EndsWith(".facts.yaml", StringComparison.OrdinalIgnoreCase)
           || path.EndsWith(".facts.yml", StringComparison.OrdinalIgnoreCase);

    public static FactFileSyntax Read(string path, SourceText? text, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (text is null)
        {
            var none = new FactFileLocations(path, SourceText.From(string.Empty));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntaxError, none.FileStart, "the file could not be read; check that it exists and is readable"));
            return Unreadable(path, none, diagnostics);
        }
        string content = text.ToString();
        // The compiler strips one byte order mark; a second one (an editor that added its own) is
        // text to YamlDotNet. Skip it, and shift positions back so they still match the file.
        int bom = content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;
        var locations = new FactFileLocations(path, text, bom);
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
            locations.FileStart,
            IsUnreadable: true,
            Source: null,
            EquatableArray<StateSyntax>.Empty,
            EquatableArray<ActorSyntax>.Empty,
            EquatableArray<EventSyntax>.Empty,
            diagnostics.ToEquatableArray());

    private sealed class Reader
    {
        private readonly FactFileLocations _locations;
        private readonly List<DiagnosticInfo> _diagnostics;

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
            var states = new List<StateSyntax>();
            var actors = new List<ActorSyntax>();
            var events = new List<EventSyntax>();

            if (root is not null && !(root is RawScalar { IsNull: true }))
            {
                if (Mapping(root, "the fact file") is { } top)
                {
                    foreach (KeyValuePair<string, Entry> entry in Keys(top, TopLevelKeys, "the fact file"))
                    {
                        Entry value = entry.Value;
                        switch (entry.Key)
                        {
                            case "source":
                                source = ReadSource(value);
                                break;
                            case "states":
                                ReadFacts(value, "states", states, ReadState, static (s, errors) => s with { HasErrors = errors });
                                break;
                            case "actors":
                                ReadFacts(value, "actors", actors, ReadActor, static (a, errors) => a with { HasErrors = errors });
                                break;
                            case "events":
                                ReadFacts(value, "events", events, ReadEvent, static (e, errors) => e with { HasErrors = errors });
                                break;
                        }
                    }
                }
            }

            return new FactFileSyntax(
                path,
                _locations.FileStart,
                IsUnreadable: false,
                source,
                states.ToEquatableArray(),
                actors.ToEquatableArray(),
                events.ToEquatableArray(),
                _diagnostics.ToEquatableArray());
        }

        /// <summary>The source block; an empty one has no outlet, which the binder reports there.</summary>
        private SourceSyntax? ReadSource(Entry entry)
        {
            if (IsEmpty(entry.Value)) return new SourceSyntax(entry.KeyLocation, null, null, null, null, null);
            int errorsBefore = _diagnostics.Count;
            RawMapping? mapping = Mapping(entry.Value, "source");
            Dictionary<string, Entry> keys = mapping is null ? new() : Keys(mapping, SourceKeys, "source");
            var source = new SourceSyntax(
                entry.KeyLocation,
                Scalar(keys, "outlet"),
                Scalar(keys, "title"),
                Scalar(keys, "published"),
                Scalar(keys, "language"),
                Scalar(keys, "url"));
            return source with { HasErrors = HasErrorsSince(errorsBefore) };
        }

        /// <summary>
        /// Reads each fact of a category. A fact whose own text has an error (wrong shape, a repeated
        /// key) is still declared, so references to it are not reported again, but it is marked so
        /// that the binder leaves it out.
        /// </summary>
        private void ReadFacts<T>(Entry entry, string category, List<T> facts, Func<ScalarSyntax, Dictionary<string, Entry>, T> read, Func<T, bool, T> markErrors)
        {
            if (IsEmpty(entry.Value)) return;
            if (Mapping(entry.Value, category, $"a mapping from {SingularOf(category)} id to its keys") is not { } mapping) return;
            foreach (KeyValuePair<RawNode, RawNode> pair in mapping.Entries)
            {
                if (KeyScalar(pair.Key) is not { } id) continue;
                int errorsBefore = _diagnostics.Count;
                RawNode value = pair.Value;
                Dictionary<string, Entry> keys = new();
                if (!IsEmpty(value) && Mapping(value, MessageText.Quote(id.Value)) is { } fields)
                {
                    keys = Keys(fields, KeysOf(category), $"{SingularOf(category)} '{MessageText.Quote(id.Value)}'");
                }
                T fact = read(id, keys);
                facts.Add(HasErrorsSince(errorsBefore) ? markErrors(fact, true) : fact);
            }
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

        private StateSyntax ReadState(ScalarSyntax id, Dictionary<string, Entry> keys)
            => new(
                id,
                Scalar(keys, "name"),
                Scalar(keys, "official_name"),
                Scalar(keys, "kind"),
                Scalar(keys, "capital"),
                Scalar(keys, "within"),
                List(keys, "recognized_by"),
                List(keys, "aliases"),
                Labels(keys));

        private ActorSyntax ReadActor(ScalarSyntax id, Dictionary<string, Entry> keys)
            => new(
                id,
                Scalar(keys, "name"),
                Scalar(keys, "kind"),
                Scalar(keys, "role"),
                Scalar(keys, "state"),
                List(keys, "aliases"),
                Labels(keys));

        private EventSyntax ReadEvent(ScalarSyntax id, Dictionary<string, Entry> keys)
            => new(
                id,
                Scalar(keys, "date"),
                Scalar(keys, "kind"),
                Scalar(keys, "summary"),
                List(keys, "actors"),
                List(keys, "states"),
                Scalar(keys, "place"),
                List(keys, "reported_by"),
                List(keys, "follows"),
                Scalar(keys, "status"),
                Scalar(keys, "note"));

        /// <summary>The keys of a mapping, by name; reports unknown (FG0004) and repeated (FG0001) keys.</summary>
        private Dictionary<string, Entry> Keys(RawMapping mapping, string[] known, string owner)
        {
            var keys = new Dictionary<string, Entry>(StringComparer.Ordinal);
            foreach (KeyValuePair<RawNode, RawNode> pair in mapping.Entries)
            {
                if (KeyScalar(pair.Key) is not { } key) continue;
                if (Array.IndexOf(known, key.Value) < 0)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.UnknownKey,
                        key.Location,
                        MessageText.Quote(key.Value),
                        owner,
                        Suggestions.DidYouMean(key.Value, known)));
                    continue;
                }
                if (keys.TryGetValue(key.Value, out Entry first))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.YamlSyntaxError,
                        key.Location,
                        first.KeyLocation,
                        $"the key '{MessageText.Quote(key.Value)}' appears twice in {owner} (first at line {first.KeyLocation.LineSpan.Start.Line + 1}); keep one"));
                    continue;
                }
                keys.Add(key.Value, new Entry(key.Location, pair.Value));
            }
            return keys;
        }

        private ScalarSyntax? KeyScalar(RawNode key)
        {
            if (key is RawScalar { IsNull: false } scalar)
            {
                return new ScalarSyntax(scalar.Value, Location(scalar));
            }
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.WrongShape,
                Location(key),
                "key",
                "a single word",
                key.Describe()));
            return null;
        }

        private ScalarSyntax? Scalar(Dictionary<string, Entry> keys, string key)
        {
            if (!keys.TryGetValue(key, out Entry entry)) return null;
            return ScalarValue(entry.Value, key);
        }

        private ScalarSyntax? ScalarValue(RawNode node, string what)
        {
            switch (node)
            {
                case RawScalar { IsNull: true }:
                    return null;
                case RawScalar scalar:
                    return new ScalarSyntax(scalar.Value, Location(scalar));
                default:
                    _diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.WrongShape,
                        Location(node),
                        what,
                        "a single value",
                        node.Describe()));
                    return null;
            }
        }

        private EquatableArray<ScalarSyntax> List(Dictionary<string, Entry> keys, string key)
        {
            if (!keys.TryGetValue(key, out Entry entry) || IsEmpty(entry.Value)) return EquatableArray<ScalarSyntax>.Empty;
            if (entry.Value is not RawSequence sequence)
            {
                _diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.WrongShape,
                    Location(entry.Value),
                    key,
                    "a list, like [a, b]",
                    entry.Value.Describe()));
                return EquatableArray<ScalarSyntax>.Empty;
            }
            var items = new List<ScalarSyntax>(sequence.Items.Count);
            foreach (RawNode item in sequence.Items)
            {
                if (item is RawScalar { IsAlias: true }) continue; // reported where it was read
                if (item is RawScalar { IsNull: true })
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, Location(item), $"an item of {key}", "a value", "empty; remove it"));
                    continue;
                }
                if (ScalarValue(item, $"an item of {key}") is { } value) items.Add(value);
            }
            return items.ToEquatableArray();
        }

        private EquatableArray<LabelSyntax> Labels(Dictionary<string, Entry> keys)
        {
            if (!keys.TryGetValue("labels", out Entry entry) || IsEmpty(entry.Value)) return EquatableArray<LabelSyntax>.Empty;
            if (Mapping(entry.Value, "labels", "a mapping from language tag to name, like { id: Korea Utara }") is not { } mapping)
            {
                return EquatableArray<LabelSyntax>.Empty;
            }
            var labels = new List<LabelSyntax>(mapping.Entries.Count);
            var seen = new Dictionary<string, LocationInfo>(StringComparer.Ordinal);
            foreach (KeyValuePair<RawNode, RawNode> pair in mapping.Entries)
            {
                if (KeyScalar(pair.Key) is not { } language) continue;
                if (seen.TryGetValue(language.Value, out LocationInfo? first))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.YamlSyntaxError,
                        language.Location,
                        first,
                        $"the label '{MessageText.Quote(language.Value)}' appears twice (first at line {first.LineSpan.Start.Line + 1}); keep one"));
                    continue;
                }
                seen.Add(language.Value, language.Location);
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

        private static bool IsEmpty(RawNode node) => node is RawScalar { IsNull: true };

        private LocationInfo Location(RawNode node) => _locations.Span(node.Start, node.End);

        private static string[] KeysOf(string category) => category switch
        {
            "states" => StateKeys,
            "actors" => ActorKeys,
            _ => EventKeys,
        };

        private static string SingularOf(string category) => category switch
        {
            "states" => "state",
            "actors" => "actor",
            _ => "event",
        };
    }

    /// <summary>A key's location and its value node.</summary>
    private readonly record struct Entry(LocationInfo KeyLocation, RawNode Value);
}
