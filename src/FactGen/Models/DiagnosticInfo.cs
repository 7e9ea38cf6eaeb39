using System.Linq;
using FactGen.Helpers;
using Microsoft.CodeAnalysis;

namespace FactGen.Models;

/// <summary>
/// A diagnostic as plain values. It travels through the cached pipeline and becomes a
/// <see cref="Diagnostic"/> only in the output step.
/// </summary>
internal sealed record DiagnosticInfo(
    DiagnosticDescriptor Descriptor,
    LocationInfo? Location,
    LocationInfo? AdditionalLocation,
    EquatableArray<string> Arguments)
{
    /// <summary>
    /// The severity when it differs from the descriptor's: FG0004 is an error where a misspelt
    /// key is read as the key it misspells.
    /// </summary>
    public DiagnosticSeverity? Severity { get; init; }

    /// <summary>The severity the build sees (before any <c>.globalconfig</c> setting).</summary>
    public DiagnosticSeverity EffectiveSeverity => Severity ?? Descriptor.DefaultSeverity;

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
        => new(descriptor, location, null, new EquatableArray<string>(arguments));

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, LocationInfo? additionalLocation, params string[] arguments)
        => new(descriptor, location, additionalLocation, new EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic()
        => Severity is { } severity
            ? Diagnostic.Create(
                Descriptor,
                Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
                severity,
                AdditionalLocation is null ? null : new[] { AdditionalLocation.ToLocation() },
                properties: null,
                Arguments.Cast<object>().ToArray())
            : Diagnostic.Create(
                Descriptor,
                Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
                AdditionalLocation is null ? null : new[] { AdditionalLocation.ToLocation() },
                Arguments.Cast<object>().ToArray());
}
