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
        // that a second catalog declares too is reported (FG0006), once.
        var duplicates = new List<DiagnosticInfo>();
        foreach (UpstreamCatalog catalog in catalogs.Catalogs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (UpstreamFact fact in catalog.Facts)
            {
                var facts = _facts[(int)fact.Category];
                if (!facts.TryGetValue(fact.Id, out var first)) facts.Add(fact.Id, (catalog, fact));
                else if (first.Catalog != catalog) duplicates.Add(Duplicate(fact.Category, fact.Id, first, (catalog, fact)));
            }
            foreach (UpstreamKind kind in catalog.Kinds)
            {
                var kinds = _kinds[(int)kind.Category];
                if (!kinds.ContainsKey(kind.Name)) kinds.Add(kind.Name, kind.Value);
            }
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
    /// FG0006 for each id that two referenced catalogs both declare in one category: a reference
    /// to it, <c>Get</c> and the whole-catalog views would silently take the first catalog's.
    /// No location in this project holds the mistake, so the diagnostic has none; it names both
    /// declarations.
    /// </summary>
    public EquatableArray<DiagnosticInfo> Duplicates { get; } = EquatableArray<DiagnosticInfo>.Empty;

    private static DiagnosticInfo Duplicate(FactCategory category, string id, (UpstreamCatalog Catalog, UpstreamFact Fact) first, (UpstreamCatalog Catalog, UpstreamFact Fact) second)
        => DiagnosticInfo.Create(
            DiagnosticDescriptors.DuplicateId,
            null,
            CategoryInfo.Of(category).Singular,
            MessageText.Quote(id),
            $"{Place(first)}, and the referenced catalog '{second.Catalog.AssemblyName}' declares it too ({Where(second.Fact)}); references to it bind to the first: rename one of them in its own catalog");

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
