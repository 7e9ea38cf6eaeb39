using FactGen.Helpers;
using FactGen.Models;

namespace FactGen.Binding;

// The reports of one fact file, bound: what its source says of facts that other files or
// referenced catalogs declare. They hold ids, not indexes, and no locations: the generated
// catalog finds each fact by id on first use and merges the reports into it (FactCatalogViews),
// so a report changes its own file's output alone.

/// <summary>A fact by id: of this catalog (<paramref name="Namespace"/> null) or of the referenced catalog in that namespace.</summary>
internal readonly record struct BoundRef(string Id, string? Namespace)
{
    /// <summary>As the generated code writes it: the id, or <c>namespace:id</c> for a referenced catalog's fact (ids hold no colon).</summary>
    public override string ToString() => Namespace is null ? Id : Namespace + ":" + Id;
}

/// <summary>
/// What one source says of one fact: its stance, the keys it prefers, and the values it gives
/// (each null or empty where it gives none). The keys that the fact's category lacks stay empty.
/// </summary>
internal sealed record BoundReport(
    FactCategory Category,
    BoundRef Target,
    bool Disputes,
    EquatableArray<string> Preferred,
    BoundDate? Date,
    string? Kind,
    string? Name,
    string? OfficialName,
    string? Capital,
    string? Role,
    string? Summary,
    string? Note,
    string? Retraction,
    int? Status,
    BoundRef? Within,
    BoundRef? State,
    BoundRef? Place,
    EquatableArray<BoundRef> RecognizedBy,
    EquatableArray<BoundRef> Actors,
    EquatableArray<BoundRef> States,
    EquatableArray<BoundRef> ReportedBy,
    EquatableArray<BoundRef> Follows,
    EquatableArray<string> Aliases,
    EquatableArray<BoundLabel> Labels);

/// <summary>
/// The reports of one fact file, with its source. <see cref="Name"/> is the file's name in the
/// catalog (as its part's: <c>CatalogIndex.PartNames</c>), set where the file is placed.
/// </summary>
internal sealed record BoundReportFile(string Path, BoundSource Source, EquatableArray<BoundReport> Reports)
{
    public string Name { get; init; } = string.Empty;

    public string HintName => "FactGen.Reports." + Name + ".g.cs";

    public string MethodName => "Reports_" + Name;
}
