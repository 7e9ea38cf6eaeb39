using System.Collections.Generic;
using System.Linq;
using FactGen.Emitting;
using FactGen.Helpers;
using FactGen.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace FactGen.Tests.Emitting;

/// <summary>
/// The templates in src/FactGen/EmbeddedResources: every token they hold is replaced for every
/// option, and nothing of the template's own namespace, row layout or directives is left over.
/// </summary>
public sealed class TemplateTests
{
    public static IEnumerable<object[]> Options()
    {
        foreach (string accessibility in new[] { "internal", "public" })
        {
            foreach (string @namespace in new[] { "TestProject.Facts", "Newsroom.Catalog" })
            {
                foreach (bool factAttribute in new[] { true, false }) yield return new object[] { accessibility, @namespace, factAttribute };
            }
        }
    }

    private static GeneratorOptions Create(string accessibility, string @namespace, bool factAttribute)
        => new(@namespace, accessibility, HasNotNullWhen: true, CanEmit: true, EquatableArray<DiagnosticInfo>.Empty) { EmitFactAttribute = factAttribute };

    [Theory]
    [MemberData(nameof(Options))]
    public void TypesFillEveryToken(string accessibility, string @namespace, bool factAttribute)
    {
        string types = TypesEmitter.Emit(Create(accessibility, @namespace, factAttribute));

        AssertNoTemplateLeftovers(types);
        Assert.StartsWith(EmitterText.Header + "namespace " + @namespace + "\n{\n", types);
        // The types read their catalog's storage, never a FactCatalogData of their own namespace:
        // a catalog built on this one stores its facts in objects of these types too.
        Assert.DoesNotContain("FactCatalogData", types);
        Assert.Contains("global::" + @namespace + ".States.All", types);
        Assert.Contains(EmitterText.GeneratedCodeAttribute, types);

        SyntaxTree tree = CSharpSyntaxTree.ParseText(types, new CSharpParseOptions(LanguageVersion.CSharp8));
        Assert.Empty(tree.GetDiagnostics());
        var declarations = tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Single().Members.OfType<BaseTypeDeclarationSyntax>().ToList();
        foreach (BaseTypeDeclarationSyntax type in declarations)
        {
            // The list type is an implementation detail; every other type takes the option.
            string expected = type.Identifier.Text == "FactCatalogList" ? "internal" : accessibility;
            Assert.True(type.Modifiers.Any(m => m.Text == expected), $"{type.Identifier.Text} is not {expected}");
        }
        Assert.Equal(factAttribute, declarations.Any(t => t.Identifier.Text == "FactAttribute"));
        // Members keep their own accessibility.
        Assert.Contains("        public string Id =>", types);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CatalogDataMembersFillEveryTokenAndKeepTheUtf8DecoderOnlyWhereAsked(bool utf8Tables)
    {
        string members = Templates.CatalogDataMembers("Newsroom.Catalog", utf8Tables);

        AssertNoTemplateLeftovers(members);
        Assert.Contains("global::Newsroom.Catalog.FactDate", members);
        Assert.Contains("Between(global::Newsroom.Catalog.FactDate from", members);
        // What every fact file's data class uses is here, once for the catalog.
        Assert.Contains("internal static int[] Decode(string data", members);
        Assert.Contains("internal sealed class Table", members);
        Assert.Contains("internal sealed class TextPool", members);
        Assert.Contains("internal sealed class Storage : global::Newsroom.Catalog.FactCatalogStorage", members);
        Assert.Equal(utf8Tables, members.Contains("Decode(global::System.ReadOnlySpan<byte> data, int count)"));
        Assert.False(members.EndsWith("\n"), "The members end without a line break; the writer adds one.");
        Assert.Empty(CSharpSyntaxTree.ParseText("class C {\n" + members + "\n}").GetDiagnostics());
    }

    [Fact]
    public void TheUtf8DecoderIsTheStringDecoderOverBytes()
    {
        // The template keeps both, so that both compile; they must not drift apart.
        Assert.Equal(
            DataEncoding.Decoder(utf8: false).Replace("Decode(string data", "Decode(global::System.ReadOnlySpan<byte> data"),
            DataEncoding.Decoder(utf8: true));
    }

    private static void AssertNoTemplateLeftovers(string text)
    {
        Assert.DoesNotContain(Templates.Namespace, text);
        Assert.DoesNotContain("RowLayout", text);
        Assert.DoesNotContain("$(FactGenVersion)", text);
        Assert.DoesNotContain("FACTGEN_", text);
        Assert.DoesNotContain("A template, not code", text);
        Assert.DoesNotContain("\r", text);
    }
}
