using System.Collections.Generic;
using System.Linq;
using FactGen.Models;

namespace FactGen.Diagnostics;

/// <summary>
/// How many diagnostics one fact file reports. A file pasted from elsewhere, or a binary file
/// saved under a fact file's name, could otherwise bury the IDE's error list: past the cap, one
/// FG0013 says how many were left out.
/// <para>
/// Each stage caps its own diagnostics of a file once, through <see cref="FirstInFile"/>: the
/// reader to <see cref="PerFile"/> when the file is read (<c>FactFileReader</c>, which counts what
/// it leaves out), and the binder to the room the reader's leave, adding the one FG0013 that
/// counts what both left out (<c>CatalogBinder</c>). Line-based recovery also stops looking for
/// more syntax errors once it has reported <see cref="PerFile"/>: a bound on its work, as the
/// errors past it would not be shown.
/// </para>
/// </summary>
internal static class DiagnosticCap
{
    public const int PerFile = 100;

    /// <summary>
    /// The first <paramref name="room"/> of one file's diagnostics by position (those at one
    /// position in the order reported), in that order; <paramref name="leftOut"/> counts the rest.
    /// </summary>
    public static DiagnosticInfo[] FirstInFile(IEnumerable<DiagnosticInfo> diagnostics, int room, out int leftOut)
    {
        DiagnosticInfo[] sorted = diagnostics.OrderBy(static d => d.Location?.Span.Start ?? 0).ToArray();
        leftOut = sorted.Length > room ? sorted.Length - room : 0;
        return leftOut == 0 ? sorted : sorted.Take(room).ToArray();
    }
}
