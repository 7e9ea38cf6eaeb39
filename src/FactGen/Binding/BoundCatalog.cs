using FactGen.Helpers;
using FactGen.Models;

namespace FactGen.Binding;

// The bind stage's output: the merged catalog of every fact file, resolved and validated. It holds
// no locations, so an edit that only moves text (a blank line, a comment) leaves it equal and
// Roslyn skips emission. References are indexes into the sorted fact lists; -1 means "none".
// Back references are not bound: the generated catalog computes them from these, on first use.

/// <summary>A date at year, month or day precision; 0 marks a missing month or day.</summary>
internal readonly record struct BoundDate(int Year, int Month, int Day)
{
    public int CompareTo(BoundDate other)
        => Year != other.Year ? Year.CompareTo(other.Year)
         : Month != other.Month ? Month.CompareTo(other.Month)
         : Day.CompareTo(other.Day);

    /// <summary>ISO 8601 at the date's precision: <c>2022</c>, <c>2022-07</c> or <c>2022-08-15</c>.</summary>
    public override string ToString()
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return Month == 0 ? string.Format(culture, "{0:D4}", Year)
             : Day == 0 ? string.Format(culture, "{0:D4}-{1:D2}", Year, Month)
             : string.Format(culture, "{0:D4}-{1:D2}-{2:D2}", Year, Month, Day);
    }
}

internal sealed record BoundLabel(string Language, string Text);

internal sealed record BoundSource(string Outlet, string? Title, BoundDate? Published, string? Language, string? Url);

internal sealed record BoundState(
    string Id,
    string MemberName,
    string Name,
    string? OfficialName,
    int Kind,
    string? Capital,
    int Within,
    EquatableArray<int> RecognizedBy,
    EquatableArray<string> Aliases,
    EquatableArray<BoundLabel> Labels,
    int Source)
{
    /// <summary>The fact has an error (the build fails): its values are placeholders where they failed a check.</summary>
    public bool HasErrors { get; init; }
}

internal sealed record BoundActor(
    string Id,
    string MemberName,
    string Name,
    int Kind,
    string? Role,
    int State,
    EquatableArray<string> Aliases,
    EquatableArray<BoundLabel> Labels,
    int Source)
{
    /// <summary>The fact has an error (the build fails): its values are placeholders where they failed a check.</summary>
    public bool HasErrors { get; init; }
}

/// <summary>Status values in the order of the generated <c>FactStatus</c> enum.</summary>
internal enum BoundStatus
{
    Reported,
    Confirmed,
    Disputed,
    Retracted,
}

internal sealed record BoundEvent(
    string Id,
    string MemberName,
    BoundDate Date,
    int Kind,
    string Summary,
    EquatableArray<int> Actors,
    EquatableArray<int> States,
    int Place,
    EquatableArray<int> ReportedBy,
    EquatableArray<int> Follows,
    BoundStatus Status,
    string? Retraction,
    string? Note,
    int Source)
{
    /// <summary>The fact has an error (the build fails): its values are placeholders where they failed a check.</summary>
    public bool HasErrors { get; init; }
}

/// <summary>
/// Every declared fact of the compilation (those with errors too, see <c>HasErrors</c>), each category sorted by id (ordinal), so the output is
/// the same whatever order the files arrive in.
/// </summary>
internal sealed record BoundCatalog(
    int FileCount,
    EquatableArray<BoundSource> Sources,
    EquatableArray<BoundState> States,
    EquatableArray<BoundActor> Actors,
    EquatableArray<BoundEvent> Events,
    EquatableArray<string> StateKinds,
    EquatableArray<string> ActorKinds,
    EquatableArray<string> EventKinds)
{
    /// <summary>The fact file of each source, by source index (the path as the compiler gives it).</summary>
    public EquatableArray<string> SourceFiles { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Null for a catalog of its own; else how it builds on the catalogs it references.</summary>
    public BoundComposition? Composition { get; init; }
}

/// <summary>
/// How a catalog builds on referenced ones: it uses the root catalog's types, and a reference
/// past a category's own facts (index <c>Count + i</c>) is its <c>i</c>-th import of that category.
/// </summary>
/// <param name="TypesNamespace">The namespace of the root catalog's types (<c>State</c>, <c>StateKind</c>, ...).</param>
/// <param name="UpstreamNamespaces">Every referenced catalog's namespace, for the whole views.</param>
/// <param name="Kinds">The value of every kind this catalog's facts use, for its manifest and its kind constants.</param>
/// <param name="Imports">The upstream facts referenced, per category in the order first referenced.</param>
internal sealed record BoundComposition(
    string TypesNamespace,
    EquatableArray<string> UpstreamNamespaces,
    EquatableArray<FactGen.Upstream.UpstreamKind> Kinds,
    EquatableArray<BoundImport> Imports);

/// <summary>A fact of a referenced catalog that this catalog's facts reference.</summary>
internal sealed record BoundImport(FactGen.Models.FactCategory Category, string Namespace, string Id);

internal sealed record BindResult(BoundCatalog Catalog, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// Every fact that has a member, with its file and line, for the manifest of a public catalog.
    /// Apart from the catalog, as the diagnostics are: moving text changes lines, not the catalog.
    /// </summary>
    public EquatableArray<FactGen.Upstream.UpstreamFact> Declared { get; init; } = EquatableArray<FactGen.Upstream.UpstreamFact>.Empty;

    /// <summary>The reports of each file that has a <c>reports</c> block, in path order (not yet named).</summary>
    public EquatableArray<BoundReportFile> Reports { get; init; } = EquatableArray<BoundReportFile>.Empty;
}
