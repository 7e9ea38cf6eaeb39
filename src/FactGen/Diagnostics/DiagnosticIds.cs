namespace FactGen.Diagnostics;

/// <summary>
/// Ids and property names shared by the analyzer (in FactGen.dll) and the code fixes (in
/// FactGen.CodeFixes.dll, which compiles this file in too: it may not reference the generator).
/// </summary>
internal static class DiagnosticIds
{
    public const string RetractionWithoutReason = "FG0011";
    public const string ReferenceToRetracted = "FG0012";
    public const string UnknownIdInCode = "FG0100";
    public const string UseGeneratedMember = "FG0101";
    public const string RetractedIdInCode = "FG0102";

    /// <summary>FG0100's property: the nearest id, when there is one close enough.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <summary>FG0101's property: the generated member's name, such as <c>DenisPushilin</c>.</summary>
    public const string MemberNameProperty = "MemberName";
}
