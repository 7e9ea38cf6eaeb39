using System.Collections.Generic;
using FactGen.Diagnostics;
using FactGen.Models;
using Microsoft.CodeAnalysis;

namespace FactGen.Binding;

/// <summary>
/// What one bind reports, and whether a bind of one file met only what a bind of that file alone
/// decides (<see cref="IsExact"/>): a duplicate, a bad id, a clash of names or an unknown
/// reference is decided against the whole catalog (which id is first, which suggestion is free),
/// so the whole bind reports it.
/// </summary>
internal sealed class BindDiagnostics
{
    public List<DiagnosticInfo> Items { get; } = new();

    /// <summary>Binding one file: nothing came up that only the whole-catalog bind handles (see <see cref="FileBind.IsExact"/>).</summary>
    public bool IsExact { get; private set; } = true;

    /// <summary>Something came up that only the whole-catalog bind handles, with no diagnostic of its own here.</summary>
    public void NeedsWholeBind() => IsExact = false;

    public void Add(DiagnosticInfo diagnostic) => Items.Add(diagnostic);

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
        => Report(descriptor, location, null, arguments);

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, LocationInfo? additional, params string[] arguments)
    {
        if (descriptor == DiagnosticDescriptors.DuplicateId || descriptor == DiagnosticDescriptors.InvalidId
            || descriptor == DiagnosticDescriptors.NameClash || descriptor == DiagnosticDescriptors.UnknownReference)
        {
            IsExact = false;
        }
        Items.Add(DiagnosticInfo.Create(descriptor, location, additional, arguments));
    }
}
