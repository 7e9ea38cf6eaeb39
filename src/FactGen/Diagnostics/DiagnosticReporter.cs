using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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

    /// <summary>
    /// The binder's diagnostics in one order whichever bind made them (file by file, or the whole
    /// catalog at once): those without a place first, then by file (one separator on every OS),
    /// position and id.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> InReportOrder(IEnumerable<DiagnosticInfo> diagnostics)
        => diagnostics
            .OrderBy(static d => d.Location is null ? 0 : 1)
            .ThenBy(static d => d.Location?.FilePath.Replace('\\', '/') ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(static d => d.Location?.Span.Start ?? 0)
            .ThenBy(static d => d.Descriptor.Id, StringComparer.Ordinal)
            .ToEquatableArray();

    /// <summary>FG0010 for a catalog too large to emit: it has no place in a fact file.</summary>
    public static DiagnosticInfo CatalogTooLarge(string problem)
        => DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, location: null, "too much text", "the fact catalog", problem);
}
