namespace FactGen.Diagnostics;

/// <summary>
/// How many diagnostics one fact file reports. A file pasted from elsewhere, or a binary file
/// saved under a fact file's name, could otherwise bury the IDE's error list: past the cap, one
/// FG0013 says how many were left out.
/// </summary>
internal static class DiagnosticCap
{
    public const int PerFile = 100;
}
