using FactGen.Helpers;
using FactGen.Models;

namespace FactGen.Reading;

// The read stage's output: one fact file as written, with a location for every key and value.
// Nothing is resolved or validated beyond shape; that is the binder's job.

/// <summary>A single YAML value and where it was written.</summary>
internal sealed record ScalarSyntax(string Value, LocationInfo Location);

/// <summary>One entry of a <c>labels</c> mapping: a BCP 47 tag and the name in that language.</summary>
internal sealed record LabelSyntax(ScalarSyntax Language, ScalarSyntax Text);

internal sealed record SourceSyntax(
    LocationInfo Location,
    ScalarSyntax? Outlet,
    ScalarSyntax? Title,
    ScalarSyntax? Published,
    ScalarSyntax? Language,
    ScalarSyntax? Url)
{
    /// <summary>The reader already reported an error inside this block; the binder leaves it out.</summary>
    public bool HasErrors { get; init; }
}

internal sealed record StateSyntax(
    ScalarSyntax Id,
    ScalarSyntax? Name,
    ScalarSyntax? OfficialName,
    ScalarSyntax? Kind,
    ScalarSyntax? Capital,
    ScalarSyntax? Within,
    EquatableArray<ScalarSyntax> RecognizedBy,
    EquatableArray<ScalarSyntax> Aliases,
    EquatableArray<LabelSyntax> Labels)
{
    /// <summary>The reader already reported an error inside this fact; the binder leaves it out.</summary>
    public bool HasErrors { get; init; }
}

internal sealed record ActorSyntax(
    ScalarSyntax Id,
    ScalarSyntax? Name,
    ScalarSyntax? Kind,
    ScalarSyntax? Role,
    ScalarSyntax? State,
    EquatableArray<ScalarSyntax> Aliases,
    EquatableArray<LabelSyntax> Labels)
{
    /// <summary>The reader already reported an error inside this fact; the binder leaves it out.</summary>
    public bool HasErrors { get; init; }
}

internal sealed record EventSyntax(
    ScalarSyntax Id,
    ScalarSyntax? Date,
    ScalarSyntax? Kind,
    ScalarSyntax? Summary,
    EquatableArray<ScalarSyntax> Actors,
    EquatableArray<ScalarSyntax> States,
    ScalarSyntax? Place,
    EquatableArray<ScalarSyntax> ReportedBy,
    EquatableArray<ScalarSyntax> Follows,
    ScalarSyntax? Status,
    ScalarSyntax? Note)
{
    /// <summary>The reader already reported an error inside this fact; the binder leaves it out.</summary>
    public bool HasErrors { get; init; }
}

/// <summary>One fact file as read. <see cref="IsUnreadable"/> files contribute no facts.</summary>
internal sealed record FactFileSyntax(
    string Path,
    LocationInfo Start,
    bool IsUnreadable,
    SourceSyntax? Source,
    EquatableArray<StateSyntax> States,
    EquatableArray<ActorSyntax> Actors,
    EquatableArray<EventSyntax> Events,
    EquatableArray<DiagnosticInfo> Diagnostics);
