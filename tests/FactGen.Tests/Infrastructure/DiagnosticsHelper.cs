using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactGen.Tests.Infrastructure;

public static class DiagnosticsHelper
{
    /// <summary>Runs the generator and returns its diagnostics as <c>ID file(line,col)</c>, sorted.</summary>
    public static string[] Locations(params FactFile[] files)
        => GeneratorHarness.Run(files).Diagnostics
            .Select(d => $"{d.Id} {Where(d)}")
            .OrderBy(s => s, System.StringComparer.Ordinal)
            .ToArray();

    public static Diagnostic Single(string id, params FactFile[] files)
        => GeneratorHarness.Run(files).Diagnostics.Single(d => d.Id == id);

    public static string Where(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        return $"{System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }

    public static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
