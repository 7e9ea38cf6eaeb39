using System;
using FactGen.Helpers;
using FactGen.Models;

namespace FactGen.Upstream;

/// <summary>A fact of a referenced catalog: enough to resolve a reference to it and to report a clash.</summary>
/// <param name="Category">Which category declares it.</param>
/// <param name="Id">Its id, as written in the upstream fact file.</param>
/// <param name="File">The upstream fact file's name (no folder: paths of another machine mean nothing here).</param>
/// <param name="Line">The one-based line of its declaration.</param>
internal sealed record UpstreamFact(FactCategory Category, string Id, string File, int Line);

/// <summary>A kind member of a referenced catalog, with the enum value it has in the root catalog's types.</summary>
internal sealed record UpstreamKind(FactCategory Category, string Name, int Value);

/// <summary>
/// A catalog built by FactGen into a referenced assembly, as its manifest describes it
/// (<see cref="CatalogManifest"/>). Value-equal, so a downstream pipeline step that depends on it
/// runs again only when a referenced catalog really changed.
/// </summary>
/// <param name="AssemblyName">The referenced assembly.</param>
/// <param name="Namespace">The namespace of its <c>States</c>, <c>Actors</c> and <c>Events</c> classes.</param>
/// <param name="TypesNamespace">The namespace of <c>State</c>, <c>Actor</c>, <c>Event</c> and the kind enums: the root catalog's.</param>
internal sealed record UpstreamCatalog(
    string AssemblyName,
    string Namespace,
    string TypesNamespace,
    EquatableArray<UpstreamKind> Kinds,
    EquatableArray<UpstreamFact> Facts)
;

/// <summary>
/// Every catalog the compilation references, sorted by assembly name, and what could not be read.
/// </summary>
/// <param name="Catalogs">The readable catalogs.</param>
/// <param name="Problems">One line per referenced catalog whose manifest could not be read, for a diagnostic.</param>
internal sealed record UpstreamCatalogs(EquatableArray<UpstreamCatalog> Catalogs, EquatableArray<string> Problems)
{
    public static readonly UpstreamCatalogs None = new(EquatableArray<UpstreamCatalog>.Empty, EquatableArray<string>.Empty);

    /// <summary>
    /// Referenced catalogs of another root than <see cref="Catalogs"/>: the project cannot build on
    /// them (one set of fact types per project), which matters only if its facts reference them.
    /// </summary>
    public EquatableArray<UpstreamCatalog> OtherRoots { get; init; } = EquatableArray<UpstreamCatalog>.Empty;

    public bool IsEmpty => Catalogs.IsEmpty && Problems.IsEmpty && OtherRoots.IsEmpty;
}

/// <summary>Values of kinds that the root catalog's enum does not name.</summary>
internal static class UpstreamKinds
{
    /// <summary>The least value of an added kind; the root's enum numbers its kinds from 0, each catalog far below this.</summary>
    public const int FirstAddedValue = 0x10000;

    /// <summary>
    /// The value of a kind that a downstream catalog adds: from its name alone (FNV-1a), so two
    /// catalogs that add the same kind agree without knowing of each other, and above any value
    /// the root's enum numbers (those count up from 0).
    /// </summary>
    public static int ValueOf(string kind)
    {
        uint hash = 2166136261;
        foreach (char c in kind)
        {
            hash ^= c;
            hash *= 16777619;
        }
        return FirstAddedValue + (int)(hash % 0x7FFE0000u);
    }
}
