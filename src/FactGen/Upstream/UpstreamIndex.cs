using System;
using System.Collections.Generic;
using System.Threading;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;

namespace FactGen.Upstream;

/// <summary>
/// The referenced catalogs as lookup tables: each category's upstream ids, the kind values, and
/// the ids of catalogs of another root. Built in a pipeline step of its own, so that it is built
/// once per change of the references and shared by every bind after a fact-file edit, rather
/// than rebuilt from a possibly very large upstream catalog on each of them. Read-only.
/// </summary>
internal sealed class UpstreamIndex : IEquatable<UpstreamIndex>
{
    public static readonly UpstreamIndex None = new(UpstreamCatalogs.None, CancellationToken.None);

    private readonly Dictionary<string, (UpstreamCatalog Catalog, UpstreamFact Fact)>[] _facts;
    private readonly Dictionary<string, int>[] _kinds;
    private readonly Dictionary<string, UpstreamCatalog>[] _otherRoots;

    private UpstreamIndex(UpstreamCatalogs catalogs, CancellationToken cancellationToken)
    {
        Catalogs = catalogs;
        _facts = NewTables<(UpstreamCatalog, UpstreamFact)>();
        _kinds = NewTables<int>();
        _otherRoots = NewTables<UpstreamCatalog>();
        // In assembly-name order: the first catalog that declares an id or a kind wins; an id
        // that other catalogs declare too is reported (FG0006) once, naming every declaration.
        var alsoDeclared = new Dictionary<(FactCategory, string), List<(UpstreamCatalog, UpstreamFact)>>();
        var duplicated = new List<(FactCategory Category, string Id)>();
        foreach (UpstreamCatalog catalog in catalogs.Catalogs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (UpstreamFact fact in catalog.Facts)
            {
                var facts = _facts[(int)fact.Category];
                if (!facts.TryGetValue(fact.Id, out var first)) facts.Add(fact.Id, (catalog, fact));
                else if (first.Catalog != catalog)
                {
                    if (!alsoDeclared.TryGetValue((fact.Category, fact.Id), out var more))
                    {
                        alsoDeclared.Add((fact.Category, fact.Id), more = new List<(UpstreamCatalog, UpstreamFact)>());
                        duplicated.Add((fact.Category, fact.Id));
                    }
                    more.Add((catalog, fact));
                }
            }
            foreach (UpstreamKind kind in catalog.Kinds)
            {
                var kinds = _kinds[(int)kind.Category];
                if (!kinds.ContainsKey(kind.Name)) kinds.Add(kind.Name, kind.Value);
            }
        }
        var duplicates = new DiagnosticInfo[duplicated.Count];
        for (int i = 0; i < duplicates.Length; i++)
        {
            (FactCategory category, string id) = duplicated[i];
            duplicates[i] = Duplicate(category, id, _facts[(int)category][id], alsoDeclared[(category, id)]);
        }
        Duplicates = duplicates.ToEquatableArray();
        foreach (UpstreamCatalog catalog in catalogs.OtherRoots)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (UpstreamFact fact in catalog.Facts)
            {
                var others = _otherRoots[(int)fact.Category];
                if (!others.ContainsKey(fact.Id)) others.Add(fact.Id, catalog);
            }
        }
    }

    public static UpstreamIndex Build(UpstreamCatalogs catalogs, CancellationToken cancellationToken)
        => catalogs.IsEmpty ? None : new UpstreamIndex(catalogs, cancellationToken);

    public UpstreamCatalogs Catalogs { get; }

    /// <summary>
    /// FG0006 for each id that two or more referenced catalogs declare in one category: a
    /// reference to it, <c>Get</c> and the whole-catalog views would silently take the first
    /// catalog's. No location in this project holds the mistake, so the diagnostic has none; it
    /// is one per id and names every declaration.
    /// </summary>
    public EquatableArray<DiagnosticInfo> Duplicates { get; } = EquatableArray<DiagnosticInfo>.Empty;

    private static DiagnosticInfo Duplicate(FactCategory category, string id, (UpstreamCatalog Catalog, UpstreamFact Fact) first, List<(UpstreamCatalog Catalog, UpstreamFact Fact)> others)
    {
        string also = others.Count == 1
            ? $"the referenced catalog '{others[0].Catalog.AssemblyName}' declares it too ({Where(others[0].Fact)})"
            : $"the referenced catalogs {MessageText.List(others.ConvertAll(o => $"'{o.Catalog.AssemblyName}' ({Where(o.Fact)})"))} declare it too";
        return DiagnosticInfo.Create(
            DiagnosticDescriptors.DuplicateId,
            null,
            CategoryInfo.Of(category).Singular,
            MessageText.Quote(id),
            $"{Place(first)}, and {also}; references to it bind to the first: rename all but one of them, each in its own catalog");
    }

    private static string Place((UpstreamCatalog Catalog, UpstreamFact Fact) declared)
        => $"the referenced catalog '{declared.Catalog.AssemblyName}' ({Where(declared.Fact)})";

    private static string Where(UpstreamFact fact) => fact.File.Length == 0 ? "its fact files" : $"{fact.File}, line {fact.Line}";

    /// <summary>The upstream facts of a category, by id.</summary>
    public IReadOnlyDictionary<string, (UpstreamCatalog Catalog, UpstreamFact Fact)> Facts(FactCategory category) => _facts[(int)category];

    /// <summary>The enum value of each kind the referenced catalogs name in a category.</summary>
    public IReadOnlyDictionary<string, int> Kinds(FactCategory category) => _kinds[(int)category];

    /// <summary>A referenced catalog of another root that declares the id, which the project cannot build on.</summary>
    public UpstreamCatalog? OtherRootOf(FactCategory category, string id)
        => _otherRoots[(int)category].TryGetValue(id, out UpstreamCatalog? catalog) ? catalog : null;

    public bool Equals(UpstreamIndex? other) => other is not null && (ReferenceEquals(this, other) || Catalogs.Equals(other.Catalogs));

    public override bool Equals(object? obj) => Equals(obj as UpstreamIndex);

    public override int GetHashCode() => Catalogs.GetHashCode();

    private static Dictionary<string, T>[] NewTables<T>()
        => new[] { new Dictionary<string, T>(StringComparer.Ordinal), new Dictionary<string, T>(StringComparer.Ordinal), new Dictionary<string, T>(StringComparer.Ordinal) };
}
