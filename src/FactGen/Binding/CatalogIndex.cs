using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;
using FactGen.Upstream;

namespace FactGen.Binding;

/// <summary>
/// What one fact file declares, without locations or values: its ids per category (as written,
/// in file order), its retracted events, the ids it references and the kinds it names. A value
/// edit (a summary, a date, a name) leaves it equal, and then the <see cref="CatalogIndex"/> is
/// not built again.
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
    /// <summary>The ids the file's facts reference, per category (state, actor, event), each once.</summary>
    public EquatableArray<EquatableArray<string>> References { get; init; } = EquatableArray<EquatableArray<string>>.Empty;

    /// <summary>The kinds the file's facts name, per category (state, actor, event), each once.</summary>
    public EquatableArray<EquatableArray<string>> Kinds { get; init; } = EquatableArray<EquatableArray<string>>.Empty;

    /// <summary>A set in ordinal order, so that equal sets compare equal.</summary>
    private static EquatableArray<string> Sorted(HashSet<string> set)
    {
        var items = new string[set.Count];
        set.CopyTo(items);
        Array.Sort(items, StringComparer.Ordinal);
        return new EquatableArray<string>(items);
    }

    public static FileDeclarations Of(FactFileSyntax file)
    {
        bool trouble = file.IsUnreadable;
        var references = new[] { new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal) };
        var kinds = new[] { new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal) };
        void ReferAll(FactCategory category, EquatableArray<ScalarSyntax> ids)
        {
            foreach (ScalarSyntax id in ids) references[(int)category].Add(id.Value);
        }
        EquatableArray<string> Ids<T>(EquatableArray<T> facts, Func<T, ScalarSyntax> id, Func<T, bool> idMissing, Func<T, ScalarSyntax?> kind, FactCategory category)
            where T : IEquatable<T>
        {
            var ids = new string[facts.Count];
            for (int i = 0; i < ids.Length; i++)
            {
                T fact = facts[i];
                string value = id(fact).Value;
                if (idMissing(fact) || !Naming.IsKebabCase(value) || CategoryInfo.Of(category).IsReserved(Naming.ToPascalCase(value))) trouble = true;
                ids[i] = value;
                if (kind(fact) is { } k) kinds[(int)category].Add(k.Value);
            }
            return new EquatableArray<string>(ids);
        }
        EquatableArray<string> states = Ids(file.States, static s => s.Id, static s => s.Outcome == ReadOutcome.IdMissing, static s => s.Kind, FactCategory.State);
        EquatableArray<string> actors = Ids(file.Actors, static a => a.Id, static a => a.Outcome == ReadOutcome.IdMissing, static a => a.Kind, FactCategory.Actor);
        EquatableArray<string> events = Ids(file.Events, static e => e.Id, static e => e.Outcome == ReadOutcome.IdMissing, static e => e.Kind, FactCategory.Event);
        // Every reference key of the key tables, whatever its category.
        void ReferKeys<T>(EquatableArray<T> facts, KeyTable<T> table)
            where T : IEquatable<T>
        {
            foreach (T fact in facts)
            {
                foreach (Key<T> key in table.References) ReferAll(key.References!.Value, key.ValuesOf(fact));
            }
        }
        ReferKeys(file.States, FactKeys.State);
        ReferKeys(file.Actors, FactKeys.Actor);
        ReferKeys(file.Events, FactKeys.Event);
        // A report names the fact it reports on, and ids among its values, as references do.
        foreach (ReportSyntax report in file.Reports)
        {
            references[(int)report.Category].Add(report.Target.Value);
            foreach (Key<ReportSyntax> key in FactKeys.ReportOn(report.Category).References) ReferAll(key.References!.Value, key.ValuesOf(report));
            if (report.Outcome == ReadOutcome.IdMissing) trouble = true;
            ScalarSyntax? kind = report.Category switch { FactCategory.State => report.State!.Kind, FactCategory.Actor => report.Actor!.Kind, _ => report.Event!.Kind };
            if (kind is not null) kinds[(int)report.Category].Add(kind.Value);
        }
        var retracted = new List<string>();
        foreach (EventSyntax e in file.Events)
        {
            if (e.Status is { Value: "retracted" }) retracted.Add(e.Id.Value);
        }
        return new FileDeclarations(file.Path, trouble, states, actors, events, retracted.ToEquatableArray())
        {
            References = references.Select(Sorted).ToEquatableArray(),
            Kinds = kinds.Select(Sorted).ToEquatableArray(),
            HasReports = !file.Reports.IsEmpty,
        };
    }

    /// <summary>The file has a <c>reports</c> block: it gets a source of reports.</summary>
    public bool HasReports { get; init; }
}

/// <summary>
/// A fact file's place in the catalog: its generated source and storage, its position among the
/// files with facts, and where its members go when a category is spread over several types.
/// </summary>
internal sealed record PartPlace(string FieldName, string HintName, int Ordinal, EquatableArray<int> Spread);

/// <summary>
/// The catalog-wide index of declared ids, built from every file's <see cref="FileDeclarations"/>
/// and the referenced catalogs: each file's place (its generated source, its position, its link
/// of base classes), what the catalog-wide shell needs (the files, each fact's file in id order,
/// an example id per category), and whether the files can be bound one by one.
/// <para>
/// Each file binds alone (<see cref="CatalogBinder.BindFile"/>): a reference its own facts do not
/// declare is an import by id, of a referenced catalog where one declares it, else of another
/// file. <see cref="IsExact"/> says whether that is exactly what binding the catalog as a whole
/// gives: every file is readable with every id in place, no id is declared twice (here or
/// upstream) or takes another's member name or a reserved one, every reference resolves, no
/// <c>follows</c> names another file's retracted event, and no two kinds give one C# name. Where it
/// is false, the whole-catalog bind decides (<see cref="CatalogBinder.Bind(ImmutableArray{FactFileSyntax}, UpstreamIndex, CancellationToken)"/>):
/// its cross-file diagnostics need every file.
/// </para>
/// <para>
/// What a file declares holds no values and no locations, so a value edit leaves it, and this
/// index, equal. The index holds no ids either, only positions, so renaming an id that keeps its
/// place in id order leaves it equal too.
/// </para>
/// </summary>
internal sealed class CatalogIndex : IEquatable<CatalogIndex>
{
    public static readonly CatalogIndex Empty = new(0, true, new Dictionary<string, PartPlace>(), EquatableArray<string>.Empty,
        EquatableArray<EquatableArray<int>>.Empty, EquatableArray<string>.Empty, EquatableArray<int>.Empty);

    private readonly Dictionary<string, PartPlace> _places;

    private readonly Dictionary<string, string> _reportNames = new(StringComparer.Ordinal);

    private CatalogIndex(int fileCount, bool isExact, Dictionary<string, PartPlace> places, EquatableArray<string> partFields,
        EquatableArray<EquatableArray<int>> orders, EquatableArray<string> exampleIds, EquatableArray<int> spread)
    {
        FileCount = fileCount;
        IsExact = isExact;
        _places = places;
        PartFields = partFields;
        Orders = orders;
        ExampleIds = exampleIds;
        Spread = spread;
    }

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



    /// <summary>The names of the files with reports, in file order: the shell lists their sources of reports.</summary>
    public EquatableArray<string> ReportNames { get; private set; } = EquatableArray<string>.Empty;

    /// <summary>The name of a file with reports in the catalog (its part's name), or null.</summary>
    public string? ReportNameOf(string path) => _reportNames.TryGetValue(path, out string? name) ? name : null;

    /// <summary>The file's reports, named as the index names the file; null where the index has no such file.</summary>
    public BoundReportFile? Name(BoundReportFile? reports) => reports is not null && ReportNameOf(reports.Path) is { } name ? reports with { Name = name } : null;

    /// <summary>The file's place, or null for a file without facts.</summary>
    public PartPlace? PlaceOf(string path) => _places.TryGetValue(path, out PartPlace? place) ? place : null;

    public static CatalogIndex Build(ImmutableArray<FileDeclarations> files, UpstreamIndex upstream, CancellationToken cancellationToken)
    {
        if (files.IsEmpty) return Empty;
        // The same order as the whole-catalog bind: by path, with one separator on every OS.
        FileDeclarations[] sorted = files.OrderBy(static f => f.Path.Replace('\\', '/'), StringComparer.Ordinal).ToArray();
        bool exact = upstream.Catalogs.Problems.IsEmpty;
        var ids = new string[3][];
        var fileOf = new Dictionary<string, int>[3];
        foreach (FactCategory category in CategoryInfo.All.Select(c => c.Category))
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

        // Every reference resolves (to a fact of the catalog or of a referenced catalog); a
        // `follows` of another file's retracted event is warned about (FG0012) by the whole bind;
        // two kinds that give one C# name clash (FG0009).
        var retractedBy = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int f = 0; f < sorted.Length; f++)
        {
            foreach (string id in sorted[f].RetractedEvents) retractedBy[id] = f;
        }
        var kindMembers = new[] { new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal) };
        for (int f = 0; f < sorted.Length && exact; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FileDeclarations file = sorted[f];
            for (int c = 0; c < 3 && c < file.References.Count; c++)
            {
                foreach (string id in file.References[c])
                {
                    if (!fileOf[c].ContainsKey(id) && !upstream.Facts((FactCategory)c).ContainsKey(id)) exact = false;
                    else if (c == (int)FactCategory.Event && retractedBy.TryGetValue(id, out int declaredIn) && declaredIn != f) exact = false;
                }
            }
            for (int c = 0; c < 3 && c < file.Kinds.Count; c++)
            {
                foreach (string kind in file.Kinds[c])
                {
                    string member = Naming.ToPascalCase(kind);
                    if (kindMembers[c].TryGetValue(member, out string? other) && other != kind) exact = false;
                    else kindMembers[c][member] = kind;
                }
            }
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
        var index = new CatalogIndex(
            fileCount: sorted.Length,
            isExact: exact,
            places: places,
            partFields: fields.ToEquatableArray(),
            orders: orders.ToEquatableArray(),
            exampleIds: ids.Select(c => c.Length > 0 ? c[0] : "an-id").ToEquatableArray(),
            spread: links.Select(l => l is null ? -1 : l[l.Length - 1]).ToEquatableArray());
        var reportNames = new List<string>();
        for (int f = 0; f < sorted.Length; f++)
        {
            if (!sorted[f].HasReports || index._reportNames.ContainsKey(sorted[f].Path)) continue;
            index._reportNames.Add(sorted[f].Path, names[f]);
            reportNames.Add(names[f]);
        }
        index.ReportNames = reportNames.ToEquatableArray();
        return index;
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
        if (FileCount != other.FileCount || IsExact != other.IsExact) return false;
        if (_places.Count != other._places.Count) return false;
        foreach (KeyValuePair<string, PartPlace> place in _places)
        {
            if (!other._places.TryGetValue(place.Key, out PartPlace? theirs) || !place.Value.Equals(theirs)) return false;
        }
        return PartFields.Equals(other.PartFields) && Orders.Equals(other.Orders) && ExampleIds.Equals(other.ExampleIds)
            && Spread.Equals(other.Spread) && ReportNames.Equals(other.ReportNames) && _reportNames.Count == other._reportNames.Count
            && _reportNames.All(r => other._reportNames.TryGetValue(r.Key, out string? theirs) && theirs == r.Value);
    }

    public override bool Equals(object? obj) => Equals(obj as CatalogIndex);

    public override int GetHashCode() => (FileCount * 31) ^ PartFields.GetHashCode();
}
