using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using FactGen.Analyzers;
using FactGen.CodeFixes;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace FactGen.Tests.Analyzers;

/// <summary>
/// The analyzer and both code fixes on a catalog that the project references as an assembly (a
/// shared catalog that others build on), rather than on one generated into the project itself.
/// </summary>
public class UpstreamCodeFixTests
{
    /// <summary>The analyzer tests' catalog, built as the public catalog of an assembly named Shared.</summary>
    private static readonly Lazy<MetadataReference> s_shared = new(() =>
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Array.Empty<string>(), assemblyName: "Shared");
        GeneratorHarness.CreateDriver(
                new[] { new FactFile("/facts/news.facts.yaml", AnalyzerTestCatalog.Yaml) },
                new Dictionary<string, string> { ["FactGenAccessibility"] = "public", ["RootNamespace"] = "Shared" })
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        Assert.Empty(diagnostics);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Select(GeneratorHarness.Format)));
        return MetadataReference.CreateFromImage(stream.ToArray());
    });

    private sealed class Test : CSharpCodeFixTest<FactIdAnalyzer, FactIdCodeFixProvider, DefaultVerifier>
    {
        public Test(string before, Expected expected, string after, Expected? remaining, string key)
        {
            var marked = new MarkedCode(before);
            var fixedCode = new MarkedCode(after);
            ReferenceAssemblies = AnalyzerTestCatalog.NoPackages;
            TestState.MarkupHandling = MarkupMode.None;
            TestState.Sources.Add((MarkedCode.Path, marked.Code));
            TestState.AdditionalReferences.AddRange(Net100.References.All);
            TestState.AdditionalReferences.Add(s_shared.Value);
            ExpectedDiagnostics.Add(marked.Result(expected));
            FixedState.MarkupHandling = MarkupMode.None;
            FixedState.Sources.Add((MarkedCode.Path, fixedCode.Code));
            if (remaining is not null) FixedState.ExpectedDiagnostics.Add(fixedCode.Result(remaining));
            CodeActionEquivalenceKey = key;
        }

        protected override ParseOptions CreateParseOptions()
            => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
    }

    [Fact]
    public Task AMisspeltUpstreamIdBecomesTheSuggestion()
        => new Test(
            """
            static class Use
            {
                static object M() => Shared.Facts.Actors.Get(⟦"kim-jong-um"⟧);
            }
            """,
            Expected.Unknown(0, "actor", "kim-jong-um", "; did you mean 'kim-jong-un'?"),
            """
            static class Use
            {
                static object M() => ⟦Shared.Facts.Actors.Get("kim-jong-un")⟧;
            }
            """,
            Expected.UseMember(0, "Shared.Facts.Actors.Get(\"kim-jong-un\")", "Shared.Facts.Actors.KimJongUn"),
            FactIdCodeFixProvider.UseSuggestedIdKey).RunAsync(CancellationToken.None);

    [Fact]
    public Task AnUpstreamGetBecomesTheUpstreamMember()
        => new Test(
            """
            static class Use
            {
                static object M() => ⟦Shared.Facts.States.Get("north-korea")⟧;
            }
            """,
            Expected.UseMember(0, "Shared.Facts.States.Get(\"north-korea\")", "Shared.Facts.States.NorthKorea"),
            """
            static class Use
            {
                static object M() => Shared.Facts.States.NorthKorea;
            }
            """,
            remaining: null,
            FactIdCodeFixProvider.UseGeneratedMemberKey).RunAsync(CancellationToken.None);
}
