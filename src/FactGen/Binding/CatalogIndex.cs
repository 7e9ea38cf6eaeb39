using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using FactGen.Helpers;
using FactGen.Reading;
using FactGen.Upstream;

namespace FactGen.Binding;

/// <summary>
/// What one fact file declares, without locations or values: its ids per category (as written,
/// in file order) and its retracted events. A value edit (a summary, a date, a name) leaves it
/// equal, and then the <see cref="CatalogIndex"/> is not built again.
/// </summary>
/// <param name="Trouble">
/// The file holds something that only the whole-catalog bind handles exactly: it is unreadable,
/// has keys without an id line, or an id that is not kebab-case or takes a reserved name.
/// </param>
internal sealed record FileDeclarations(
    string Path,
    bool Trouble,
    EquatableArray<string> States,
    EquatableArray<string> Actors,
    EquatableArray<string> Events,
    EquatableArray<string> RetractedEvents)
{
    public static FileDeclarations Of(FactFileSyntax file)
    {
        bool trouble = file.IsUnreadable;
        EquatableArray<string> Ids<T>(EquatableArray<T> facts, Func<T, ScalarSyntax> id, Func<T, bool> idMissing, FactCategory category)
            where T : IEquatable<T>
        {
            var ids = new string[facts.Count];
            for (int i = 0; i < ids.Length; i++)
            {
                T fact = facts[i];
                string value = id(fact).Value;
                if (idMissing(fact) || !Naming.IsKebabCase(value) || CatalogIndex.IsReserved(category, Naming.ToPascalCase(value))) trouble = true;
                ids[i] = value;
            }
            return new EquatableArray<string>(ids);
        }
        EquatableArray<string> states = Ids(file.States, static s => s.Id, static s => s.IdMissing, FactCategory.State);
        EquatableArray<string> actors = Ids(file.Actors, static a => a.Id, static a => a.IdMissing, FactCategory.Actor);
        EquatableArray<string> events = Ids(file.Events, static e => e.Id, static e => e.IdMissing, FactCategory.Event);
        var retracted = new List<string>();
        foreach (EventSyntax e in file.Events)
        {
            if (e.Status is { Value: "retracted" }) retracted.Add(e.Id.Value);
        }
        return new FileDeclarations(file.Path, trouble, states, actors, events, retracted.ToEquatableArray());
    }
}

/// <summary>
/// A fact file's place in the catalog: its generated source and storage, its position among the
/// files with facts, and where its members go when a category is spread over several types.
/// </summary>
internal sealed record PartPlace(string FieldName, string HintName, int Ordinal, EquatableArray<int> Spread);

/// <summary>
/// The catalog-wide index of declared ids that each fact file binds against: per category, every
/// id of every file (a reference to another file's fact is an import by id), and each file's place.
/// Built from the files' <see cref="FileDeclarations"/> and the referenced catalogs, so an edit that
/// changes no id leaves it equal and no other file binds again.
/// <para>
/// <see cref="IsExact"/> says whether binding each file against it gives exactly what binding
/// the catalog as a whole gives: no id is declared twice (here or upstream), none takes another's
/// member name, and every file is readable with every id in place. Where it is false, the
/// whole-catalog bind decides (<see cref="CatalogBinder.Bind(ImmutableArray{FactFileSyntax}, UpstreamIndex, CancellationToken)"/>):
/// its cross-file diagnostics need every file.
/// </para>
/// </summary>
internal sealed class CatalogIndex : IEquatable<CatalogIndex>
{
    public static readonly CatalogIndex Empty = new(0, false, Array.Empty<string[]>(), new Dictionary<string, PartPlace>(), EquatableArray<string>.Empty,
        EquatableArray<EquatableArray<int>>.Empty, EquatableArray<string>.Empty, EquatableArray<int>.Empty, EquatableArray<string>.Empty);

    /// <summary>Names every generated catalog class has, which no fact may take.</summary>
    private static readonly string[] s_objectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize" };

    private static readonly HashSet<string>[] s_reserved =
    {
        Reserved("States"),
        Reserved("Actors"),
        Reserved("Events", "Timeline", "Between", "On"),
    };

    private static HashSet<string> Reserved(string className, params string[] extra)
        => new(s_objectMembers.Concat(new[] { "All", "Ids", "TryGet", "Get", className }).Concat(extra), StringComparer.Ordinal);

    /// <summary>Whether a member name is taken by the generated class of the category.</summary>
    public static bool IsReserved(FactCategory category, string memberName) => s_reserved[(int)category].Contains(memberName);

    // Per category, every declared id in id order: what equality compares.
    private readonly string[][] _ids;
    private readonly Dictionary<string, PartPlace> _places;
    private readonly HashSet<string>[] _lookup;

    private CatalogIndex(int fileCount, bool isExact, string[][] ids, Dictionary<string, PartPlace> places, EquatableArray<string> partFields,
        EquatableArray<EquatableArray<int>> orders, EquatableArray<string> exampleIds, EquatableArray<int> spread, EquatableArray<string> retractedEvents)
    {
        FileCount = fileCount;
        IsExact = isExact;
        _ids = ids;
        _places = places;
        PartFields = partFields;
        Orders = orders;
        ExampleIds = exampleIds;
        Spread = spread;
        RetractedEvents = retractedEvents;
        _lookup = ids.Select(c => new HashSet<string>(c, StringComparer.Ordinal)).ToArray();
        _retracted = new HashSet<string>(retractedEvents, StringComparer.Ordinal);
    }

    private readonly HashSet<string> _retracted;

    /// <summary>Whether an event of the catalog is marked retracted.</summary>
    public bool IsRetracted(string id) => _retracted.Contains(id);

    /// <summary>How many fact files the project has (unreadable ones too).</summary>
    public int FileCount { get; }

    /// <summary>Binding file by file against this index is exactly the whole-catalog bind.</summary>
    public bool IsExact { get; }

    /// <summary>The storage fields of the files with facts, in file order (for the shell).</summary>
    public EquatableArray<string> PartFields { get; }

    /// <summary>Per category, for each fact in id order, the position in <see cref="PartFields"/> of its file.</summary>
    public EquatableArray<EquatableArray<int>> Orders { get; }

    /// <summary>An id per category, for the docs of <c>Get</c>.</summary>
    public EquatableArray<string> ExampleIds { get; }

    /// <summary>Per category, -1, or where it is spread over several types, how many.</summary>
    public EquatableArray<int> Spread { get; }

    /// <summary>Retracted events, which a <c>follows</c> in another file is warned about (FG0012) by the whole-catalog bind.</summary>
    public EquatableArray<string> RetractedEvents { get; }

    /// <summary>Whether a fact file of the catalog declares the id.</summary>
    public bool Declares(FactCategory category, string id) => _lookup.Length > 0 && _lookup[(int)category].Contains(id);

    /// <summary>The file's place, or null for a file without facts.</summary>
    public PartPlace? PlaceOf(string path) => _places.TryGetValue(path, out PartPlace? place) ? place : null;

    public static CatalogIndex Build(ImmutableArray<FileDeclarations> files, UpstreamIndex upstream, CancellationToken cancellationToken)
    {
        if (files.IsEmpty) return Empty;
        // The same order as the whole-catalog bind: by path, with one separator on every OS.
        FileDeclarations[] sorted = files.OrderBy(static f => f.Path.Replace('\\', '/'), StringComparer.Ordinal).ToArray();
        bool exact = upstream.Catalogs.Problems.IsEmpty;
        var categories = new FactCategory[] { FactCategory.State, FactCategory.Actor, FactCategory.Event };
        var ids = new string[3][];
        var fileOf = new Dictionary<string, int>[3];
        foreach (FactCategory category in categories)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int c = (int)category;
            var owner = new Dictionary<string, int>(StringComparer.Ordinal);
            var members = new HashSet<string>(StringComparer.Ordinal);
            IReadOnlyDictionary<string, (UpstreamCatalog, UpstreamFact)> inUpstream = upstream.Facts(category);
            for (int f = 0; f < sorted.Length; f++)
            {
                FileDeclarations file = sorted[f];
                if (file.Trouble) exact = false;
                EquatableArray<string> declared = category switch { FactCategory.State => file.States, FactCategory.Actor => file.Actors, _ => file.Events };
                foreach (string id in declared)
                {
                    if (owner.ContainsKey(id) || inUpstream.ContainsKey(id) || !members.Add(Naming.ToPascalCase(id)))
                    {
                        exact = false;
                        continue;
                    }
                    owner.Add(id, f);
                }
            }
            string[] byId = owner.Keys.ToArray();
            Array.Sort(byId, StringComparer.Ordinal);
            ids[c] = byId;
            fileOf[c] = owner;
        }

        // Each file's name, field and position, as the whole-catalog split gives them.
        string[] names = PartNames(sorted.Select(f => f.Path));
        var counts = new int[3][];
        for (int c = 0; c < 3; c++)
        {
            counts[c] = new int[sorted.Length];
            foreach (int f in fileOf[c].Values) counts[c][f]++;
        }
        int[]?[] links = counts.Select((perFile, c) => Links(perFile, ids[c].Length)).ToArray();
        var places = new Dictionary<string, PartPlace>(StringComparer.Ordinal);
        var fields = new List<string>();
        var position = new int[sorted.Length];
        for (int f = 0; f < sorted.Length; f++)
        {
            position[f] = fields.Count;
            if (counts[0][f] + counts[1][f] + counts[2][f] == 0) continue;
            string field = CatalogParts.FieldName(names[f]);
            EquatableArray<int> spread = links.Select(l => l is null ? -1 : l[f]).ToEquatableArray();
            // A path twice (which the compiler does not give) would make the file's place ambiguous.
            if (places.ContainsKey(sorted[f].Path)) exact = false;
            else places.Add(sorted[f].Path, new PartPlace(field, "FactGen.Facts." + names[f] + ".g.cs", fields.Count, spread));
            fields.Add(field);
        }
        var orders = new EquatableArray<int>[3];
        for (int c = 0; c < 3; c++)
        {
            var order = new int[ids[c].Length];
            for (int i = 0; i < order.Length; i++) order[i] = position[fileOf[c][ids[c][i]]];
            orders[c] = new EquatableArray<int>(order);
        }
        var retracted = new List<string>();
        foreach (FileDeclarations file in sorted) retracted.AddRange(file.RetractedEvents);
        retracted.Sort(StringComparer.Ordinal);
        return new CatalogIndex(
            fileCount: sorted.Length,
            isExact: exact,
            ids: ids,
            places: places,
            partFields: fields.ToEquatableArray(),
            orders: orders.ToEquatableArray(),
            exampleIds: ids.Select(c => c.Length > 0 ? c[0] : "an-id").ToEquatableArray(),
            spread: links.Select(l => l is null ? -1 : l[l.Length - 1]).ToEquatableArray(),
            retractedEvents: retracted.Distinct(StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>
    /// Null where the category fits one type; else for each file the number of its first link,
    /// and last the number of links in all. A file takes a link per
    /// <see cref="CatalogParts.MaxMembersPerType"/> facts of the category (none where it has none).
    /// </summary>
    internal static int[]? Links(int[] perFile, int count)
    {
        if (count <= CatalogParts.MaxMembersPerType) return null;
        var first = new int[perFile.Length + 1];
        for (int f = 0; f < perFile.Length; f++) first[f + 1] = first[f] + (perFile[f] + CatalogParts.MaxMembersPerType - 1) / CatalogParts.MaxMembersPerType;
        return first;
    }

    /// <summary>
    /// A name per fact file, in file order: the file name without <c>.facts.yaml</c>, as an
    /// identifier; files of the same name (in other folders) get <c>_2</c>, <c>_3</c>, ...
    /// </summary>
    internal static string[] PartNames(IEnumerable<string> paths)
    {
        var names = new List<string>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in paths)
        {
            string file = System.IO.Path.GetFileName(path.Replace('\\', '/'));
            const string Suffix = ".facts.yaml";
            if (file.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)) file = file.Substring(0, file.Length - Suffix.Length);
            var b = new System.Text.StringBuilder(file.Length);
            foreach (char c in file) b.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : '_');
            string name = b.Length == 0 ? "_" : b.ToString();
            string unique = name;
            for (int n = 2; !taken.Add(unique); n++) unique = name + "_" + n.ToString(CultureInfo.InvariantCulture);
            names.Add(unique);
        }
        return names.ToArray();
    }

    public bool Equals(CatalogIndex? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (FileCount != other.FileCount || IsExact != other.IsExact || _ids.Length != other._ids.Length) return false;
        for (int c = 0; c < _ids.Length; c++)
        {
            string[] mine = _ids[c], theirs = other._ids[c];
            if (mine.Length != theirs.Length) return false;
            for (int i = 0; i < mine.Length; i++)
            {
                if (!string.Equals(mine[i], theirs[i], StringComparison.Ordinal)) return false;
            }
        }
        if (_places.Count != other._places.Count) return false;
        foreach (KeyValuePair<string, PartPlace> place in _places)
        {
            if (!other._places.TryGetValue(place.Key, out PartPlace? theirs) || !place.Value.Equals(theirs)) return false;
        }
        return PartFields.Equals(other.PartFields) && Orders.Equals(other.Orders) && ExampleIds.Equals(other.ExampleIds)
            && Spread.Equals(other.Spread) && RetractedEvents.Equals(other.RetractedEvents);
    }

    public override bool Equals(object? obj) => Equals(obj as CatalogIndex);

    public override int GetHashCode() => (FileCount * 31) ^ PartFields.GetHashCode();
}
