using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Upstream;

namespace FactGen.Binding;

/// <summary>
/// One fact file's share of the catalog, as its own generated source: its facts, with references
/// to its own facts as positions in its lists and to any other fact (of another file, or of a
/// referenced catalog) as an import by id. It depends on no other file's values, so an edit to
/// one fact file changes that file's part alone, and Roslyn keeps every other generated tree.
/// </summary>
/// <param name="FieldName">The part's storage, a field of the catalog's <c>FactCatalogData</c>, such as <c>Part_Seed</c>.</param>
/// <param name="HintName">The generated file, such as <c>FactGen.Facts.Seed.g.cs</c>.</param>
/// <param name="Ordinal">The part's position among the catalog's parts (file order).</param>
/// <param name="Facts">
/// The file's facts: one source (index 0); in each category the file's own facts in id order,
/// where a reference past the category's own count is its import at that position; a kind is a
/// position in the category's list of <see cref="Kinds"/>.
/// </param>
/// <param name="Imports">The facts of other files and catalogs that the file references, per category in the order first referenced.</param>
/// <param name="Kinds">The kinds the file's facts use, per category in name order.</param>
/// <param name="Spread">
/// Per category (state, actor, event): -1, or where the catalog's category has more facts than one
/// type may hold, the number of the first link of the chain of base classes that this file's
/// members go into (a link per <see cref="CatalogParts.MaxMembersPerType"/> facts).
/// </param>
/// <param name="TypesNamespace">The namespace of the fact types: null for the catalog's own, else the root catalog's.</param>
internal sealed record BoundPart(
    string FieldName,
    string HintName,
    int Ordinal,
    BoundCatalog Facts,
    EquatableArray<PartImport> Imports,
    EquatableArray<PartKind> Kinds,
    EquatableArray<int> Spread,
    string? TypesNamespace)
{
    /// <summary>
    /// What the part's references to states and actors are called where only this file's values
    /// may show (its doc comments): the name of a fact the file declares, the id of an import,
    /// whose name is another file's value.
    /// </summary>
    public ReferenceLabels Labels() => new(this);

    /// <summary>The reports that other files of the catalog make on the part's facts, for their doc comments (<see cref="Binding.ReportedBy.For"/>).</summary>
    public EquatableArray<FactReporter> ReportedBy { get; init; } = EquatableArray<FactReporter>.Empty;
}

/// <summary>A part's references, resolved to what its own text may say of them (<see cref="BoundPart.Labels"/>).</summary>
internal sealed class ReferenceLabels
{
    private readonly BoundCatalog _facts;
    private readonly string[] _importedStates;
    private readonly string[] _importedActors;

    public ReferenceLabels(BoundPart part)
    {
        _facts = part.Facts;
        // A reference past a category's own facts is the import at that position.
        _importedStates = part.Imports.Where(static i => i.Category == FactCategory.State).Select(static i => i.Id).ToArray();
        _importedActors = part.Imports.Where(static i => i.Category == FactCategory.Actor).Select(static i => i.Id).ToArray();
    }

    public string State(int index) => index < _facts.States.Count ? _facts.States[index].Name : _importedStates[index - _facts.States.Count];

    public string Actor(int index) => index < _facts.Actors.Count ? _facts.Actors[index].Name : _importedActors[index - _facts.Actors.Count];
}

/// <summary>A fact of another file (<paramref name="Namespace"/> null) or of a referenced catalog that a part's facts reference.</summary>
internal sealed record PartImport(FactCategory Category, string? Namespace, string Id, string MemberName);

/// <summary>A kind a part's facts use: its name, and for a catalog built on others its value in the root catalog's enum (else -1: the enum member of that name).</summary>
internal sealed record PartKind(FactCategory Category, string Name, int Value);

/// <summary>
/// What the catalog-wide file (<c>FactGen.Catalog.g.cs</c>) depends on: the parts by name, the
/// kinds, how the catalog builds on others, and an id per category for the docs. No fact's
/// values, so an edit to a fact's text leaves it equal.
/// </summary>
/// <param name="Orders">
/// Per category (state, actor, event), for each fact in id order, the position in
/// <paramref name="PartFields"/> of the file it belongs to. It changes only when an id does.
/// </param>
internal sealed record CatalogShell(
    EquatableArray<string> PartFields,
    EquatableArray<EquatableArray<int>> Orders,
    EquatableArray<string> StateKinds,
    EquatableArray<string> ActorKinds,
    EquatableArray<string> EventKinds,
    EquatableArray<string> ExampleIds,
    EquatableArray<int> Spread,
    BoundComposition? Composition)
{
    /// <summary>The names of the files with reports, in file order (each has a source of reports, <c>Reports_name()</c>).</summary>
    public EquatableArray<string> ReportNames { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The kinds of the category, in the order of their enum.</summary>
    public EquatableArray<string> KindsOf(FactCategory category)
        => category switch { FactCategory.State => StateKinds, FactCategory.Actor => ActorKinds, _ => EventKinds };

    /// <summary>
    /// Every kind the catalog's files may name, with its value: in a catalog built on others,
    /// the root catalog's value (or one it adds); in a catalog of its own, -1 (the member of that
    /// name in the catalog's own enum).
    /// </summary>
    public IEnumerable<PartKind> ResolvedKinds(FactCategory category)
        => Composition is { } composition
            ? composition.Kinds.Where(k => k.Category == category).Select(k => new PartKind(category, k.Name, k.Value))
            : KindsOf(category).Select(k => new PartKind(category, k, -1));
}

/// <summary>A catalog cut into parts by the whole-catalog bind: each part with the path of its fact file.</summary>
internal sealed record CatalogSplit(EquatableArray<string> Paths, EquatableArray<BoundPart> Parts)
{
    public static readonly CatalogSplit None = new(EquatableArray<string>.Empty, EquatableArray<BoundPart>.Empty);

    private Dictionary<string, BoundPart>? _byPath;

    /// <summary>The part of a fact file, or null where it has none.</summary>
    public BoundPart? PartOf(string path)
    {
        if (_byPath is null)
        {
            var byPath = new Dictionary<string, BoundPart>(StringComparer.Ordinal);
            for (int i = 0; i < Paths.Count; i++) byPath[Paths[i]] = Parts[i];
            _byPath = byPath;
        }
        return _byPath.TryGetValue(path, out BoundPart? part) ? part : null;
    }

    // The lookup is a cache: equality is the paths' and parts'.
    public bool Equals(CatalogSplit? other) => other is not null && Paths.Equals(other.Paths) && Parts.Equals(other.Parts);

    public override int GetHashCode() => Parts.GetHashCode();
}

/// <summary>The kinds of a catalog's parts, per category in name order (a clash of their C# names is the index's to find).</summary>
internal sealed record CatalogKinds(EquatableArray<PartKind> Kinds);

/// <summary>Cuts a bound catalog into one part per fact file, and its catalog-wide shell.</summary>
internal static class CatalogParts
{
    /// <summary>
    /// The most fact members in one generated type. The runtime refuses to load a type with more
    /// than 65,535 methods (TypeLoadException); each property is one, and the class has a few more.
    /// </summary>
    internal const int MaxMembersPerType = 50_000;

    public static CatalogShell Shell(BoundCatalog catalog)
    {
        string[] names = PartNames(catalog);
        var index = new FileIndex(catalog);
        var fields = new List<string>();
        var position = new int[names.Length];
        for (int f = 0; f < names.Length; f++)
        {
            position[f] = fields.Count;
            if (index.HasFacts(f)) fields.Add(FieldName(names[f]));
        }
        EquatableArray<int> Order(FileIndex.Category category) => category.Source.Select(f => position[f]).ToEquatableArray();
        return new CatalogShell(
            PartFields: fields.ToEquatableArray(),
            Orders: new[] { Order(index.States), Order(index.Actors), Order(index.Events) }.ToEquatableArray(),
            StateKinds: catalog.StateKinds,
            ActorKinds: catalog.ActorKinds,
            EventKinds: catalog.EventKinds,
            ExampleIds: new[]
            {
                catalog.States.Count > 0 ? catalog.States[0].Id : "an-id",
                catalog.Actors.Count > 0 ? catalog.Actors[0].Id : "an-id",
                catalog.Events.Count > 0 ? catalog.Events[0].Id : "an-id",
            }.ToEquatableArray(),
            Spread: Links(catalog, names.Length).Select(l => l is null ? -1 : l[l.Length - 1]).ToEquatableArray(),
            // The parts import upstream facts by id: the shell needs none of them.
            Composition: catalog.Composition is { } composition ? composition with { Imports = EquatableArray<BoundImport>.Empty } : null);
    }

    /// <summary>
    /// The shell of a catalog bound file by file: its files, orders and example ids from the
    /// index, its kinds from the parts (<paramref name="kinds"/>).
    /// </summary>
    public static CatalogShell Shell(CatalogIndex index, CatalogKinds kinds, UpstreamIndex upstream)
    {
        EquatableArray<string> Names(FactCategory category) => kinds.Kinds.Where(k => k.Category == category).Select(k => k.Name).ToEquatableArray();
        UpstreamCatalogs catalogs = upstream.Catalogs;
        return new CatalogShell(
            PartFields: index.PartFields,
            Orders: index.Orders,
            StateKinds: Names(FactCategory.State),
            ActorKinds: Names(FactCategory.Actor),
            EventKinds: Names(FactCategory.Event),
            ExampleIds: index.ExampleIds,
            Spread: index.Spread,
            Composition: catalogs.Catalogs.IsEmpty ? null : new BoundComposition(
                TypesNamespace: catalogs.Catalogs[0].TypesNamespace,
                UpstreamNamespaces: catalogs.Catalogs.Select(static c => c.Namespace).ToEquatableArray(),
                Kinds: kinds.Kinds.Select(static k => new UpstreamKind(k.Category, k.Name, k.Value)).ToEquatableArray(),
                Imports: EquatableArray<BoundImport>.Empty));
    }

    /// <summary>A file's part, bound alone, at its place in the catalog (its source, storage, position and links).</summary>
    public static BoundPart Place(BoundPart part, PartPlace place)
        => part with { FieldName = place.FieldName, HintName = place.HintName, Ordinal = place.Ordinal, Spread = place.Spread };

    /// <summary>Every kind the parts use, per category in name order.</summary>
    public static CatalogKinds Kinds(IEnumerable<EquatableArray<PartKind>> parts)
    {
        var byCategory = new SortedDictionary<string, int>[] { new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal) };
        foreach (EquatableArray<PartKind> part in parts)
        {
            foreach (PartKind kind in part) byCategory[(int)kind.Category][kind.Name] = kind.Value;
        }
        var kinds = new List<PartKind>();
        for (int c = 0; c < 3; c++)
        {
            foreach (KeyValuePair<string, int> kind in byCategory[c]) kinds.Add(new PartKind((FactCategory)c, kind.Key, kind.Value));
        }
        return new CatalogKinds(kinds.ToEquatableArray());
    }

    public static EquatableArray<BoundPart> Split(BoundCatalog catalog) => SplitByFile(catalog).Parts;

    /// <summary>The parts, with the fact file each belongs to.</summary>
    public static CatalogSplit SplitByFile(BoundCatalog catalog)
    {
        string[] names = PartNames(catalog);
        int[]?[] links = Links(catalog, names.Length);
        var index = new FileIndex(catalog);
        var parts = new List<BoundPart>(names.Length);
        var paths = new List<string>(names.Length);
        for (int f = 0; f < names.Length; f++)
        {
            if (!index.HasFacts(f)) continue;
            EquatableArray<int> spread = links.Select(l => l is null ? -1 : l[f]).ToEquatableArray();
            parts.Add(Part(catalog, index, f, names[f], parts.Count, spread));
            paths.Add(catalog.SourceFiles[f]);
        }
        return new CatalogSplit(paths.ToEquatableArray(), parts.ToEquatableArray());
    }

    /// <summary>
    /// Which file each fact belongs to and its position there, per category, computed once for
    /// all parts: splitting costs one pass over the catalog, not one per file.
    /// </summary>
    private sealed class FileIndex
    {
        public FileIndex(BoundCatalog catalog)
        {
            int files = catalog.SourceFiles.Count;
            States = new Category(catalog.States.Select(s => s.Source), files);
            Actors = new Category(catalog.Actors.Select(a => a.Source), files);
            Events = new Category(catalog.Events.Select(e => e.Source), files);
            var upstream = new List<BoundImport>[3] { new(), new(), new() };
            if (catalog.Composition is { } composition)
            {
                foreach (BoundImport import in composition.Imports) upstream[(int)import.Category].Add(import);
            }
            Upstream = upstream;
        }

        public Category States { get; }

        public Category Actors { get; }

        public Category Events { get; }

        /// <summary>The binder's upstream imports per category, in order: a reference past the catalog's own facts is one of these.</summary>
        public List<BoundImport>[] Upstream { get; }

        public bool HasFacts(int file) => States.Of(file).Count > 0 || Actors.Of(file).Count > 0 || Events.Of(file).Count > 0;

        public sealed class Category
        {
            private readonly List<int>[] _perFile;

            public Category(IEnumerable<int> sources, int files)
            {
                _perFile = new List<int>[files];
                for (int f = 0; f < files; f++) _perFile[f] = new List<int>();
                var source = new List<int>();
                var local = new List<int>();
                int global = 0;
                foreach (int file in sources)
                {
                    source.Add(file);
                    local.Add(_perFile[file].Count);
                    _perFile[file].Add(global++);
                }
                Source = source.ToArray();
                Local = local.ToArray();
            }

            /// <summary>The file of each fact, by its index in the catalog.</summary>
            public int[] Source { get; }

            /// <summary>Each fact's position among its own file's facts of the category.</summary>
            public int[] Local { get; }

            /// <summary>The catalog indexes of a file's facts, in id order.</summary>
            public List<int> Of(int file) => _perFile[file];
        }
    }

    /// <summary>
    /// Per category, null where it fits one type; else for each source file the number of its
    /// first link, and last the number of links in all. A file takes a link per
    /// <see cref="MaxMembersPerType"/> facts of the category (none where it has none).
    /// </summary>
    private static int[]?[] Links(BoundCatalog catalog, int files)
    {
        int[]? Of(IEnumerable<int> sources, int count)
        {
            var perFile = new int[files];
            foreach (int source in sources) perFile[source]++;
            return CatalogIndex.Links(perFile, count);
        }
        return new[]
        {
            Of(catalog.States.Select(s => s.Source), catalog.States.Count),
            Of(catalog.Actors.Select(a => a.Source), catalog.Actors.Count),
            Of(catalog.Events.Select(e => e.Source), catalog.Events.Count),
        };
    }

    public static string FieldName(string partName) => "Part_" + partName;

    private static string[] PartNames(BoundCatalog catalog) => CatalogIndex.PartNames(catalog.SourceFiles);

    private static BoundPart Part(BoundCatalog catalog, FileIndex index, int source, string name, int ordinal, EquatableArray<int> spread)
    {
        var imports = new List<PartImport>();
        var states = new Map(index.States, source);
        var actors = new Map(index.Actors, source);
        var events = new Map(index.Events, source);
        var kinds = new KindMap(catalog);
        // Every kind first, so that a kind's number (its position in name order) is final.
        foreach (int i in index.States.Of(source)) kinds.Register(FactCategory.State, catalog.States[i].Kind);
        foreach (int i in index.Actors.Of(source)) kinds.Register(FactCategory.Actor, catalog.Actors[i].Kind);
        foreach (int i in index.Events.Of(source)) kinds.Register(FactCategory.Event, catalog.Events[i].Kind);

        // Imports are numbered per category, in the order the file's facts first reference them.
        int Reference(Map map, FactCategory category, int global)
        {
            if (global < 0) return -1;
            if (map.Local(global) is int local) return local;
            if (!map.Imports.TryGetValue(global, out int position))
            {
                position = map.Imports.Count;
                map.Imports.Add(global, position);
                imports.Add(Import(catalog, index, category, global));
            }
            return map.OwnCount + position;
        }
        EquatableArray<int> References(Map map, FactCategory category, EquatableArray<int> globals)
            => globals.IsEmpty ? globals : globals.Select(g => Reference(map, category, g)).ToEquatableArray();

        BoundState[] ownStates = index.States.Of(source).Select(i => catalog.States[i]).Select(s => s with
        {
            Kind = kinds.Local(FactCategory.State, s.Kind),
            Within = Reference(states, FactCategory.State, s.Within),
            RecognizedBy = References(states, FactCategory.State, s.RecognizedBy),
            Source = 0,
        }).ToArray();
        BoundActor[] ownActors = index.Actors.Of(source).Select(i => catalog.Actors[i]).Select(a => a with
        {
            Kind = kinds.Local(FactCategory.Actor, a.Kind),
            State = Reference(states, FactCategory.State, a.State),
            Source = 0,
        }).ToArray();
        BoundEvent[] ownEvents = index.Events.Of(source).Select(i => catalog.Events[i]).Select(e => e with
        {
            Kind = kinds.Local(FactCategory.Event, e.Kind),
            Actors = References(actors, FactCategory.Actor, e.Actors),
            States = References(states, FactCategory.State, e.States),
            Place = Reference(states, FactCategory.State, e.Place),
            ReportedBy = References(actors, FactCategory.Actor, e.ReportedBy),
            Follows = References(events, FactCategory.Event, e.Follows),
            Source = 0,
        }).ToArray();

        // Imports listed per category, each category's in the order its positions were given.
        PartImport[] ordered = imports.Where(i => i.Category == FactCategory.State)
            .Concat(imports.Where(i => i.Category == FactCategory.Actor))
            .Concat(imports.Where(i => i.Category == FactCategory.Event)).ToArray();
        var facts = new BoundCatalog(
            FileCount: 1,
            Sources: new[] { catalog.Sources[source] }.ToEquatableArray(),
            States: new EquatableArray<BoundState>(ownStates),
            Actors: new EquatableArray<BoundActor>(ownActors),
            Events: new EquatableArray<BoundEvent>(ownEvents),
            StateKinds: kinds.Names(FactCategory.State),
            ActorKinds: kinds.Names(FactCategory.Actor),
            EventKinds: kinds.Names(FactCategory.Event));
        return new BoundPart(
            FieldName: FieldName(name),
            HintName: "FactGen.Facts." + name + ".g.cs",
            Ordinal: ordinal,
            Facts: facts,
            Imports: ordered.ToEquatableArray(),
            Kinds: kinds.All(),
            Spread: spread,
            TypesNamespace: catalog.Composition?.TypesNamespace);
    }

    private static PartImport Import(BoundCatalog catalog, FileIndex index, FactCategory category, int global)
    {
        (int count, Func<int, (string Id, string Member)> fact) = category switch
        {
            FactCategory.State => (catalog.States.Count, new Func<int, (string, string)>(i => (catalog.States[i].Id, catalog.States[i].MemberName))),
            FactCategory.Actor => (catalog.Actors.Count, i => (catalog.Actors[i].Id, catalog.Actors[i].MemberName)),
            _ => (catalog.Events.Count, i => (catalog.Events[i].Id, catalog.Events[i].MemberName)),
        };
        if (global < count)
        {
            (string id, string member) = fact(global);
            return new PartImport(category, Namespace: null, Id: id, MemberName: member);
        }
        // Past the catalog's own facts: the binder's upstream imports of the category, in order.
        BoundImport upstream = index.Upstream[(int)category][global - count];
        return new PartImport(category, Namespace: upstream.Namespace, Id: upstream.Id, MemberName: Naming.ToPascalCase(upstream.Id));
    }

    /// <summary>A category's facts of one file: global index to the file's own position.</summary>
    private sealed class Map
    {
        private readonly FileIndex.Category _category;
        private readonly int _file;

        public Map(FileIndex.Category category, int file)
        {
            _category = category;
            _file = file;
            OwnCount = category.Of(file).Count;
        }

        public int OwnCount { get; }

        public Dictionary<int, int> Imports { get; } = new();

        public int? Local(int global) => global < _category.Source.Length && _category.Source[global] == _file ? _category.Local[global] : null;
    }

    /// <summary>The kinds a file uses, numbered per category in name order.</summary>
    private sealed class KindMap
    {
        private readonly BoundCatalog _catalog;
        private readonly SortedDictionary<string, int>[] _used = { new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal) };
        private readonly Dictionary<string, int>[] _values = { new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal) };

        public KindMap(BoundCatalog catalog) => _catalog = catalog;

        /// <summary>The kind's name for a bound kind value (an enum position of the catalog, or for a catalog built on others the root enum's value).</summary>
        private string? NameOf(FactCategory category, int kind)
        {
            if (kind < 0) return null;
            if (_catalog.Composition is { } composition)
            {
                foreach (UpstreamKind known in composition.Kinds)
                {
                    if (known.Category == category && known.Value == kind) return known.Name;
                }
                return null;
            }
            EquatableArray<string> names = category switch
            {
                FactCategory.State => _catalog.StateKinds,
                FactCategory.Actor => _catalog.ActorKinds,
                _ => _catalog.EventKinds,
            };
            return names[kind];
        }

        public void Register(FactCategory category, int kind)
        {
            if (NameOf(category, kind) is not { } name) return;
            int c = (int)category;
            if (_used[c].ContainsKey(name)) return;
            _used[c].Add(name, 0);
            _values[c][name] = _catalog.Composition is null ? -1 : kind;
        }

        /// <summary>The file's own number for the kind: its position in name order among the file's kinds.</summary>
        public int Local(FactCategory category, int kind)
        {
            if (NameOf(category, kind) is not { } name) return -1;
            _positions ??= _used.Select(used => used.Keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal)).ToArray();
            return _positions[(int)category][name];
        }

        private Dictionary<string, int>[]? _positions;

        public EquatableArray<string> Names(FactCategory category) => _used[(int)category].Keys.ToEquatableArray();

        public EquatableArray<PartKind> All()
        {
            var kinds = new List<PartKind>();
            for (int c = 0; c < 3; c++)
            {
                foreach (string name in _used[c].Keys) kinds.Add(new PartKind((FactCategory)c, name, _values[c][name]));
            }
            return kinds.ToEquatableArray();
        }
    }
}
