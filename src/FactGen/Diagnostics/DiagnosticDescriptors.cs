using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FactGen.Diagnostics;

/// <summary>
/// Every diagnostic FactGen reports. The ids are a public contract: never renumber one, and
/// document each in docs/diagnostics.md (its <c>helpLinkUri</c> points at its section once the
/// project has a public address).
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "FactGen";
    /// <summary>
    /// Where docs/diagnostics.md is published, from the MSBuild property <c>FactGenRepositoryUrl</c>
    /// of FactGen.csproj (through an assembly attribute), so that the package and the help links
    /// name one address; null while the property is unset, and then no diagnostic carries a help
    /// link (the message and the README carry the help). Declared before the descriptors, which
    /// read it as they are created.
    /// </summary>
    internal static readonly string? HelpLinkBase = ReadHelpLinkBase(
        typeof(DiagnosticDescriptors).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), inherit: false));

    /// <summary>FG0001: <c>Fact file is not valid YAML: {0}</c>.</summary>
    public static readonly DiagnosticDescriptor YamlSyntaxError = Create(
        "FG0001",
        "Fact file is not valid YAML",
        "Fact file is not valid YAML: {0}",
        DiagnosticSeverity.Error);

    /// <summary>FG0002: <c>'{0}' must be {1}, not {2}</c>.</summary>
    public static readonly DiagnosticDescriptor WrongShape = Create(
        "FG0002",
        "Node of the wrong shape",
        "'{0}' must be {1}, not {2}",
        DiagnosticSeverity.Error);

    /// <summary>FG0003: <c>{0} '{1}' is missing the required key '{2}'; add '{2}: ...'</c>.</summary>
    public static readonly DiagnosticDescriptor RequiredKeyMissing = Create(
        "FG0003",
        "Required key missing",
        "{0} '{1}' is missing the required key '{2}'; add '{2}: ...'",
        DiagnosticSeverity.Error);

    /// <summary>FG0004: <c>Unknown key '{0}' in {1}; it is ignored{2}</c>.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = Create(
        "FG0004",
        "Unknown key",
        "Unknown key '{0}' in {1}; it is ignored{2}",
        DiagnosticSeverity.Warning);

    /// <summary>FG0005: <c>Id '{0}' {1}</c>, where {1} says what is wrong and how to write it.</summary>
    public static readonly DiagnosticDescriptor InvalidId = Create(
        "FG0005",
        "Id is not lowercase kebab-case",
        "Id '{0}' {1}",
        DiagnosticSeverity.Error);

    /// <summary>FG0006: <c>Duplicate {0} id '{1}': it is already defined at {2}</c>.</summary>
    public static readonly DiagnosticDescriptor DuplicateId = Create(
        "FG0006",
        "Duplicate id",
        "Duplicate {0} id '{1}': it is already defined at {2}; ids must be unique per category across all fact files",
        DiagnosticSeverity.Error);

    /// <summary>FG0007: <c>Unknown {0} id '{1}' in '{2}'{3}</c>.</summary>
    public static readonly DiagnosticDescriptor UnknownReference = Create(
        "FG0007",
        "Reference to an unknown id",
        "Unknown {0} id '{1}' in '{2}'{3}",
        DiagnosticSeverity.Error);

    /// <summary>FG0008: <c>Invalid date '{0}': {1}</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidDate = Create(
        "FG0008",
        "Invalid date",
        "Invalid date '{0}': {1}; write YYYY, YYYY-MM or YYYY-MM-DD",
        DiagnosticSeverity.Error);

    /// <summary>FG0009: <c>{0} id '{1}' gives the C# name '{2}', which {3}</c>.</summary>
    public static readonly DiagnosticDescriptor NameClash = Create(
        "FG0009",
        "Generated C# name clashes",
        "{0} '{1}' gives the C# name '{2}', which {3}; rename it",
        DiagnosticSeverity.Error);

    /// <summary>FG0010: <c>Invalid value '{0}' for '{1}': {2}</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidValue = Create(
        "FG0010",
        "Invalid value",
        "Invalid value '{0}' for '{1}': {2}",
        DiagnosticSeverity.Error);

    /// <summary>FG0011: <c>Event '{0}' {1}</c>: a retraction without a reason, or a reason without a retraction.</summary>
    public static readonly DiagnosticDescriptor RetractionWithoutReason = Create(
        DiagnosticIds.RetractionWithoutReason,
        "Retracted fact without a reason",
        "Event '{0}' {1}",
        DiagnosticSeverity.Error);

    /// <summary>FG0012: <c>'{0}' refers to the retracted event '{1}' in '{2}': {3}</c>.</summary>
    public static readonly DiagnosticDescriptor ReferenceToRetracted = Create(
        DiagnosticIds.ReferenceToRetracted,
        "Reference to a retracted fact",
        "'{0}' refers to the retracted event '{1}' in '{2}' (retracted: {3}); remove the reference or say why it stays in a note",
        DiagnosticSeverity.Warning);

    /// <summary>FG0013: <c>{0} more diagnostics in this file are not shown ...</c>, past <see cref="DiagnosticCap.PerFile"/>.</summary>
    public static readonly DiagnosticDescriptor DiagnosticsLeftOut = Create(
        "FG0013",
        "More diagnostics left out",
        "{0} more diagnostics in this file are not shown (at most {1} are reported per file); fix the ones shown and build again",
        DiagnosticSeverity.Warning);

    /// <summary>
    /// FG0014: <c>'{0}' in {1} is not a key; it is read as '{2}', ...</c>: an unknown key that
    /// misspells a known key the mapping lacks. An error with an id of its own, so that turning
    /// FG0004 off for extension keys never turns a misspelling into a clean build.
    /// </summary>
    public static readonly DiagnosticDescriptor MisspeltKey = Create(
        "FG0014",
        "Misspelt key",
        "'{0}' in {1} is not a key; it is read as '{2}', which is missing there: correct its spelling",
        DiagnosticSeverity.Error);

    /// <summary>
    /// FG0015: <c>The {0} '{1}' ends at ' #': YAML reads '{2}' as a comment ...</c>: a plain value
    /// of a key that holds prose (a summary, a note, a retraction, a title) followed, one space
    /// on, by a comment: most often text the value lost. A comment set off by two spaces or more
    /// is taken to be meant.
    /// </summary>
    public static readonly DiagnosticDescriptor ValueCutByComment = Create(
        "FG0015",
        "Comment cuts a text value",
        "The {0} '{1}' ends at ' #': YAML reads '{2}' as a comment, not as part of the {0}; put the whole {0} in quotes to keep it, or the comment on a line of its own",
        DiagnosticSeverity.Warning);

    /// <summary>
    /// FG0016: <c>Sources disagree on the {0} of the {1} '{2}': {3}; ...</c>: two sources that
    /// report one fact give values that cannot both be true (dates of which neither lies within
    /// the other, two kinds, two places). A warning: the fact keeps its declared value until a
    /// report marks the value to keep <c>preferred</c>, or the wrong one is corrected.
    /// </summary>
    public static readonly DiagnosticDescriptor SourcesDisagree = Create(
        "FG0016",
        "Sources disagree on a fact",
        "Sources disagree on the {0} of the {1} '{2}': {3}; the fact keeps {4}: correct the value that is wrong, or keep one with 'preferred: [{0}]' in its report",
        DiagnosticSeverity.Warning);

    /// <summary>FG0017 (a hint): two events of one catalog look like one, with the same kind, states and actors, on dates that agree.</summary>
    public static readonly DiagnosticDescriptor LooksLikeSameFact = Create(
        "FG0017",
        "Two events look like one",
        "The event '{0}' looks like the event '{1}': the same kind, states and actors, on dates that agree; if they are one event, {2}",
        DiagnosticSeverity.Info);

    /// <summary>FG0100: <c>Unknown {0} id '{1}'{2}</c>, reported on C# code by the analyzer.</summary>
    public static readonly DiagnosticDescriptor UnknownIdInCode = Create(
        DiagnosticIds.UnknownIdInCode,
        "Unknown fact id in code",
        "Unknown {0} id '{1}'{2}",
        DiagnosticSeverity.Error);

    /// <summary>FG0102: <c>The {0} id '{1}' is of a retracted fact: {2}</c>, the string form of CS0618.</summary>
    public static readonly DiagnosticDescriptor RetractedIdInCode = Create(
        DiagnosticIds.RetractedIdInCode,
        "Id of a retracted fact in code",
        "The {0} id '{1}' is of a retracted fact: {2}",
        DiagnosticSeverity.Warning);

    /// <summary>FG0101: <c>'{0}' can be '{1}'</c>, a suggestion the code fix applies.</summary>
    public static readonly DiagnosticDescriptor UseGeneratedMember = Create(
        DiagnosticIds.UseGeneratedMember,
        "Use the generated member instead of a constant id",
        "'{0}' can be '{1}', which the compiler checks and which follows a rename",
        DiagnosticSeverity.Info);

    /// <summary>The help link base among an assembly's metadata attributes, or null when none is set.</summary>
    internal static string? ReadHelpLinkBase(IEnumerable<object> attributes)
    {
        foreach (object attribute in attributes)
        {
            if (attribute is System.Reflection.AssemblyMetadataAttribute { Key: "FactGenDiagnosticsHelp", Value: { Length: > 0 } value }) return value;
        }
        return null;
    }

    /// <summary>The help link of diagnostic <paramref name="id"/> under <paramref name="helpLinkBase"/>, or null without one.</summary>
    internal static string? HelpLink(string? helpLinkBase, string id)
        => helpLinkBase is null ? null : helpLinkBase + id.ToLowerInvariant();

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(
            id,
            title,
            message,
            Category,
            severity,
            isEnabledByDefault: true,
            helpLinkUri: HelpLink(HelpLinkBase, id));
}
