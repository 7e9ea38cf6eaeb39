using System.Collections.Immutable;
using FactGen.Helpers;
using FactGen.Models;
using Microsoft.CodeAnalysis;

namespace FactGen.Diagnostics;

/// <summary>
/// The one place where the generator's diagnostics become Roslyn <see cref="Diagnostic"/>s. Every
/// stage makes <see cref="DiagnosticInfo"/> values (equatable, so the pipeline caches them), and
/// only an output step reports them, through here.
/// </summary>
internal static class DiagnosticReporter
{
    public static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics) Report(output, diagnostic);
    }

    public static void Report(SourceProductionContext output, ImmutableArray<EquatableArray<DiagnosticInfo>> diagnostics)
    {
        foreach (EquatableArray<DiagnosticInfo> group in diagnostics) Report(output, group);
    }

    public static void Report(SourceProductionContext output, DiagnosticInfo? diagnostic)
    {
        if (diagnostic is not null) output.ReportDiagnostic(diagnostic.ToDiagnostic());
    }

    /// <summary>FG0010 for a catalog too large to emit: it has no place in a fact file.</summary>
    public static DiagnosticInfo CatalogTooLarge(string problem)
        => DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, location: null, "too much text", "the fact catalog", problem);
}
