using System.Linq;
using FactGen.Models;
using FactGen.Reading;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Emitting;

/// <summary>
/// The one definition of the categories (<see cref="CategoryInfo"/>) agrees with the key tables
/// and with the code the generator writes, so that nothing spells a category apart from it.
/// </summary>
public sealed class CategoryInfoTests
{
    [Fact]
    public void TheKeyTablesAreTheCategoriesInTheirOrder()
    {
        Assert.Equal(CategoryInfo.All.Select(c => c.Key), FactKeys.Categories.Select(t => t.Key));
        Assert.Equal(CategoryInfo.All, FactKeys.Categories.Select(t => t.Category));
        Assert.Equal(new[] { 0, 1, 2 }, CategoryInfo.All.Select(c => (int)c.Category));
        Assert.All(CategoryInfo.All, c => Assert.Same(c, CategoryInfo.Of(c.Category)));
    }

    /// <summary>
    /// Every member of a generated category class that is not a fact is reserved, so that no
    /// fact's id can clash with it; and the class, the fact type and the kind enum have the names
    /// the descriptor gives them.
    /// </summary>
    [Fact]
    public void EveryGeneratedMemberThatIsNoFactIsReserved()
    {
        GeneratorRun run = GeneratorHarness.Run(Facts.Small());
        Assert.Empty(run.Diagnostics);
        foreach (CategoryInfo category in CategoryInfo.All)
        {
            INamedTypeSymbol? type = run.Output.GetTypeByMetadataName("TestProject.Facts." + category.ClassName);
            Assert.NotNull(type);
            Assert.NotNull(run.Output.GetTypeByMetadataName("TestProject.Facts." + category.TypeName));
            Assert.NotNull(run.Output.GetTypeByMetadataName("TestProject.Facts." + category.KindTypeName));
            string[] notFacts = type!.GetMembers()
                .Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsImplicitlyDeclared && m is not IMethodSymbol { AssociatedSymbol: not null })
                .Where(m => m is not IPropertySymbol property || property.Type.Name != category.TypeName)
                .Select(m => m.Name)
                .Concat(type.GetTypeMembers().Select(t => t.Name))
                .Distinct()
                .ToArray();
            Assert.NotEmpty(notFacts);
            Assert.All(notFacts, name => Assert.True(category.IsReserved(name), $"{category.ClassName}.{name} is generated but not reserved"));
            Assert.All(new[] { "ToString", "GetHashCode", category.ClassName }, name => Assert.True(category.IsReserved(name)));
            Assert.False(category.IsReserved("Ukraine"));
        }
    }
}
