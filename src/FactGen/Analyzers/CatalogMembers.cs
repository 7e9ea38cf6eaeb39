using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FactGen.Analyzers;

/// <summary>
/// Name lookups shared by the analyzer (FactGen.dll) and the code fix (FactGen.CodeFixes.dll,
/// which compiles this file in too).
/// </summary>
internal static class CatalogMembers
{
    /// <summary>
    /// Whether the bare <paramref name="name"/> at <paramref name="position"/> means the catalog's
    /// static property (through <c>using static</c>, or inside the class or a class deriving from it).
    /// </summary>
    public static bool BindsToMember(SemanticModel model, int position, INamedTypeSymbol catalogClass, string name)
    {
        ImmutableArray<ISymbol> found = model.LookupSymbols(position, name: name);
        if (found.Length != 1 || found[0] is not IPropertySymbol { IsStatic: true } property) return false;
        for (INamedTypeSymbol? current = catalogClass; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, property.ContainingType.OriginalDefinition)) return true;
        }
        return false;
    }
}
