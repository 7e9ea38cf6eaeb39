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
    /// <summary>The severity the build sees (before any <c>.globalconfig</c> setting).</summary>
    public DiagnosticSeverity EffectiveSeverity => Descriptor.DefaultSeverity;

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
        => new(descriptor, location, null, new EquatableArray<string>(arguments));

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, LocationInfo? additionalLocation, params string[] arguments)
        => new(descriptor, location, additionalLocation, new EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic()
        => Diagnostic.Create(
            Descriptor,
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            AdditionalLocation is null ? null : new[] { AdditionalLocation.ToLocation() },
            Arguments.Cast<object>().ToArray());
}
