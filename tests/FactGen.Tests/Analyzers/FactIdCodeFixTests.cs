using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FactGen.Analyzers;
using FactGen.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace FactGen.Tests.Analyzers;

/// <summary>The code fix test of the testing library, offline and on the real catalog.</summary>
internal sealed class FactIdCodeFixTest : CSharpCodeFixTest<FactIdAnalyzer, FactIdCodeFixProvider, DefaultVerifier>
{
    public FactIdCodeFixTest(MarkedCode before, IEnumerable<Expected> expected, MarkedCode after, IEnumerable<Expected> remaining)
    {
        ReferenceAssemblies = AnalyzerTestCatalog.NoPackages;
        TestState.MarkupHandling = MarkupMode.None;
        TestState.Sources.Add((MarkedCode.Path, before.Code));
        AnalyzerTestCatalog.Configure(TestState);
        ExpectedDiagnostics.AddRange(expected.Select(before.Result));

        FixedState.MarkupHandling = MarkupMode.None;
        FixedState.Sources.Add((MarkedCode.Path, after.Code));
        foreach ((string hintName, string text) in AnalyzerTestCatalog.Sources())
        {
            FixedState.Sources.Add(($"/0/Test0/generated/FactGen/{hintName}", text));
        }
        FixedState.ExpectedDiagnostics.AddRange(remaining.Select(after.Result));
    }

    protected override ParseOptions CreateParseOptions()
        => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    protected override CompilationOptions CreateCompilationOptions()
        => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}

public class FactIdCodeFixTests
{
    private static FactIdCodeFixTest Test(string before, Expected[] expected, string after, params Expected[] remaining)
    {
        var marked = new MarkedCode(before);
        var fixedCode = new MarkedCode(after);
        Assert.Equal(expected.Length, marked.Spans.Count);
        Assert.Equal(remaining.Length, fixedCode.Spans.Count);
        return new FactIdCodeFixTest(marked, expected, fixedCode, remaining);
    }

    [Fact]
    public Task MisspeltIdBecomesTheSuggestion()
    {
        FactIdCodeFixTest test = Test(
            """
            using TestProject.Facts;
            static class Use
            {
                static Actor M() => Actors.Get(/*before*/ ⟦"denis-pushlin"⟧ /*after*/);
            }
            """,
            new[] { Expected.Unknown(0, "actor", "denis-pushlin", "; did you mean 'denis-pushilin'?") },
            """
            using TestProject.Facts;
            static class Use
            {
                static Actor M() => ⟦Actors.Get(/*before*/ "denis-pushilin" /*after*/)⟧;
            }
            """,
            // Now valid, the id is an FG0101 suggestion of its own, which this fix does not apply.
            Expected.UseMember(0, "Actors.Get(/*before*/ \"denis-pushilin\" /*after*/)", "Actors.DenisPushilin"));
        test.CodeActionEquivalenceKey = FactIdCodeFixProvider.UseSuggestedIdKey;
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Use 'denis-pushilin'", action.Title);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task MisspeltIdsInAttributesAndConstantsAreFixedOneByOneAndAllAtOnce()
    {
        FactIdCodeFixTest test = Test(
            """
            using TestProject.Facts;
            [Fact(⟦"kim-jong-um"⟧)]
            [Fact(id: ⟦"north-kore"⟧)]
            static class Use
            {
                const string Typo = "kcn";
                static string Show([FactId(typeof(Actors.Ids))] string id) => id;
                static string M() => Show(⟦Typo⟧) + Show(⟦"kcna" + "a"⟧);
            }
            """,
            new[]
            {
                Expected.Unknown(0, "fact", "kim-jong-um", "; did you mean 'kim-jong-un'?"),
                Expected.Unknown(1, "fact", "north-kore", "; did you mean 'north-korea'?"),
                Expected.Unknown(2, "actor", "kcn", "; did you mean 'kcna'?"),
                Expected.Unknown(3, "actor", "kcnaa", "; did you mean 'kcna'?"),
            },
            """
            using TestProject.Facts;
            [Fact("kim-jong-un")]
            [Fact(id: "north-korea")]
            static class Use
            {
                const string Typo = "kcn";
                static string Show([FactId(typeof(Actors.Ids))] string id) => id;
                static string M() => Show("kcna") + Show("kcna");
            }
            """);
        // Four diagnostics, four single fixes; Fix All (same equivalence key for every suggestion) does them in one pass.
        test.NumberOfIncrementalIterations = 4;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task UnknownIdWithoutSuggestionOffersNoFix()
    {
        const string code = """
            using TestProject.Facts;
            static class Use
            {
                static Actor M() => Actors.Get(⟦"zzz"⟧);
            }
            """;
        FactIdCodeFixTest test = Test(
            code,
            new[] { Expected.Unknown(0, "actor", "zzz", "; no actor in the catalog has this id") },
            code,
            Expected.Unknown(0, "actor", "zzz", "; no actor in the catalog has this id"));
        test.NumberOfIncrementalIterations = 0;
        test.NumberOfFixAllIterations = 0;
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task GetBecomesTheGeneratedMemberKeepingReceiverAndTrivia()
    {
        FactIdCodeFixTest test = Test(
            """
            using TestProject.Facts;
            static class Use
            {
                static object[] M() => new object[]
                {
                    /*lead*/ ⟦Actors.Get("denis-pushilin")⟧ /*trail*/,
                    ⟦TestProject.Facts.Events.Get("pushilin-letter-to-kim")⟧,
                    ⟦global::TestProject.Facts.States.Get(States.Ids.NorthKorea)⟧.Name,
                };
            }
            """,
            new[]
            {
                Expected.UseMember(0, "Actors.Get(\"denis-pushilin\")", "Actors.DenisPushilin"),
                Expected.UseMember(1, "TestProject.Facts.Events.Get(\"pushilin-letter-to-kim\")", "TestProject.Facts.Events.PushilinLetterToKim"),
                Expected.UseMember(2, "global::TestProject.Facts.States.Get(States.Ids.NorthKorea)", "global::TestProject.Facts.States.NorthKorea"),
            },
            """
            using TestProject.Facts;
            static class Use
            {
                static object[] M() => new object[]
                {
                    /*lead*/ Actors.DenisPushilin /*trail*/,
                    TestProject.Facts.Events.PushilinLetterToKim,
                    global::TestProject.Facts.States.NorthKorea.Name,
                };
            }
            """);
        test.CodeActionEquivalenceKey = FactIdCodeFixProvider.UseGeneratedMemberKey;
        test.NumberOfIncrementalIterations = 3;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task FixTitleNamesTheMember()
    {
        FactIdCodeFixTest test = Test(
            """
            using TestProject.Facts;
            static class Use
            {
                static Actor M() => ⟦Actors.Get("denis-pushilin")⟧;
            }
            """,
            new[] { Expected.UseMember(0, "Actors.Get(\"denis-pushilin\")", "Actors.DenisPushilin") },
            """
            using TestProject.Facts;
            static class Use
            {
                static Actor M() => Actors.DenisPushilin;
            }
            """);
        test.CodeActionVerifier = (action, verifier) =>
        {
            verifier.Equal("Use Actors.DenisPushilin", action.Title);
            verifier.Equal(FactIdCodeFixProvider.UseGeneratedMemberKey, action.EquivalenceKey);
        };
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task GetThroughUsingStaticBecomesTheBareMemberOrTheQualifiedOneWhenShadowed()
    {
        FactIdCodeFixTest test = Test(
            """
            using static TestProject.Facts.Actors;
            static class Use
            {
                static TestProject.Facts.Actor A() => ⟦Get("kim-jong-un")⟧;
                static object B()
                {
                    int KimJongUn = 1;
                    return (KimJongUn, ⟦Get("kim-jong-un")⟧);
                }
            }
            """,
            new[]
            {
                Expected.UseMember(0, "Get(\"kim-jong-un\")", "KimJongUn"),
                Expected.UseMember(1, "Get(\"kim-jong-un\")", "TestProject.Facts.Actors.KimJongUn"),
            },
            """
            using static TestProject.Facts.Actors;
            static class Use
            {
                static TestProject.Facts.Actor A() => KimJongUn;
                static object B()
                {
                    int KimJongUn = 1;
                    return (KimJongUn, TestProject.Facts.Actors.KimJongUn);
                }
            }
            """);
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync(CancellationToken.None);
    }
}
