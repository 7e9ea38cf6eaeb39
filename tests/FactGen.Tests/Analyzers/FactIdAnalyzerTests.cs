using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using FactGen.Analyzers;
using FactGen.Diagnostics;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactGen.Tests.Analyzers;

/// <summary>
/// The catalog the analyzer and code fix tests compile against: the real generator's output for a
/// small fact file, made in-process once per accessibility.
/// </summary>
internal static class AnalyzerTestCatalog
{
    public const string Yaml = """
        source:
          outlet: Test Wire
        states:
          north-korea: { name: North Korea, kind: sovereign }
          donetsk-peoples-republic: { name: Donetsk People's Republic, kind: breakaway }
        actors:
          denis-pushilin: { name: Denis Pushilin, kind: person, state: donetsk-peoples-republic }
          kim-jong-un: { name: Kim Jong Un, kind: person, state: north-korea }
          kcna: { name: KCNA, kind: media, state: north-korea }
        events:
          pushilin-letter-to-kim:
            date: 2022-08-15
            kind: letter
            summary: Pushilin wrote to Kim.
            actors: [denis-pushilin, kim-jong-un]
          kcna-denial:
            date: 2022-08-16
            kind: report
            summary: A report, withdrawn.
            status: retracted
            retraction: The agency withdrew it the next day.
        """;

    private static readonly Lazy<ImmutableArray<(string HintName, string Text)>> s_internal = new(() => Generate("internal"));
    private static readonly Lazy<ImmutableArray<(string HintName, string Text)>> s_public = new(() => Generate("public"));

    /// <summary>The generated files, by hint name, in a stable order.</summary>
    public static ImmutableArray<(string HintName, string Text)> Sources(string accessibility = "internal")
        => accessibility == "public" ? s_public.Value : s_internal.Value;

    private static ImmutableArray<(string HintName, string Text)> Generate(string accessibility)
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[] { new FactFile("/facts/news.facts.yaml", Yaml) },
            buildProperties: new Dictionary<string, string> { ["FactGenAccessibility"] = accessibility });
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics.Select(GeneratorHarness.Format)));
        Assert.True(run.CompilationDiagnostics.IsEmpty, string.Join("\n", run.CompilationDiagnostics.Select(GeneratorHarness.Format)));
        // The contract the analyzer relies on; if the generator drops it, these tests must say so.
        string all = string.Concat(run.Sources.Values);
        Assert.Contains("class FactIdAttribute", all);
        Assert.Contains("Get([global::TestProject.Facts.FactId(typeof(global::TestProject.Facts.Actors.Ids))] string id)", all);
        return run.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value)).ToImmutableArray();
    }

    /// <summary>
    /// A test state with no reference package to download: the .NET 10 reference assemblies come
    /// from Basic.Reference.Assemblies, and the catalog is added as generated sources.
    /// </summary>
    public static void Configure(SolutionState state)
    {
        foreach ((string hintName, string text) in Sources())
        {
            state.Sources.Add(($"/0/Test0/generated/FactGen/{hintName}", text));
        }
        state.AdditionalReferences.AddRange(Net100.References.All);
    }

    /// <summary>No package: nothing is resolved from a feed, the references are all in <see cref="Configure"/>.</summary>
    public static readonly ReferenceAssemblies NoPackages = new("net10.0");
}

/// <summary>
/// Test code with its expected diagnostics marked <c>⟦like this⟧</c>. The testing library's own
/// markup (<c>[|...|]</c>, <c>{|...|}</c>, <c>$$</c>) cannot be used: it would be read in the
/// generated catalog too, whose encoded data tables may hold those characters. So markup is off
/// and the spans are computed here.
/// </summary>
internal sealed class MarkedCode
{
    public const string Path = "/0/Test0.cs";

    private readonly List<FileLinePositionSpan> _spans = new();

    public MarkedCode(string marked)
    {
        var text = new System.Text.StringBuilder();
        var starts = new Stack<LinePosition>();
        int line = 0, column = 0;
        foreach (char c in marked)
        {
            if (c == '⟦')
            {
                starts.Push(new LinePosition(line, column));
                continue;
            }
            if (c == '⟧')
            {
                _spans.Add(new FileLinePositionSpan(Path, starts.Pop(), new LinePosition(line, column)));
                continue;
            }
            text.Append(c);
            if (c == '\n') { line++; column = 0; }
            else column++;
        }
        Assert.Empty(starts);
        Code = text.ToString();
    }

    public string Code { get; }

    /// <summary>The marked spans, in the order their ends appear.</summary>
    public IReadOnlyList<FileLinePositionSpan> Spans => _spans;

    public DiagnosticResult Result(Expected expected)
    {
        FileLinePositionSpan span = _spans[expected.Marker];
        return new DiagnosticResult(expected.Id, expected.Severity)
            .WithSpan(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1)
            .WithArguments(expected.Arguments);
    }
}

/// <summary>A diagnostic expected at the marker with this index.</summary>
internal sealed record Expected(int Marker, string Id, DiagnosticSeverity Severity, params object[] Arguments)
{
    public static Expected Unknown(int marker, string noun, string id, string hint)
        => new(marker, DiagnosticIds.UnknownIdInCode, DiagnosticSeverity.Error, noun, id, hint);

    public static Expected UseMember(int marker, string written, string replacement)
        => new(marker, DiagnosticIds.UseGeneratedMember, DiagnosticSeverity.Info, written, replacement);
}

/// <summary>The analyzer test of the testing library, offline and on the real catalog.</summary>
internal sealed class FactIdAnalyzerTest : CSharpAnalyzerTest<FactIdAnalyzer, DefaultVerifier>
{
    public FactIdAnalyzerTest(MarkedCode code, IEnumerable<Expected> expected)
    {
        ReferenceAssemblies = AnalyzerTestCatalog.NoPackages;
        TestState.MarkupHandling = MarkupMode.None;
        TestState.Sources.Add((MarkedCode.Path, code.Code));
        AnalyzerTestCatalog.Configure(TestState);
        ExpectedDiagnostics.AddRange(expected.Select(code.Result));
    }

    protected override ParseOptions CreateParseOptions()
        => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    protected override CompilationOptions CreateCompilationOptions()
        => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}

public class FactIdAnalyzerTests
{
    private static Expected Unknown(int marker, string noun, string id, string hint) => Expected.Unknown(marker, noun, id, hint);

    private static Expected UseMember(int marker, string written, string replacement) => Expected.UseMember(marker, written, replacement);

    private static Task Verify(string marked, params Expected[] expected)
    {
        var code = new MarkedCode(marked);
        Assert.Equal(expected.Length, code.Spans.Count);
        return new FactIdAnalyzerTest(code, expected).RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task MisspeltIdInGetIsFG0100WithDidYouMeanAtTheArgument()
        => Verify("""
            using TestProject.Facts;
            static class Use
            {
                static Actor M() => Actors.Get(⟦"denis-pushlin"⟧);
            }
            """,
            Unknown(0, "actor", "denis-pushlin", "; did you mean 'denis-pushilin'?"));

    [Fact]
    public Task UnknownIdWithNothingNearSaysNoFactHasIt()
        => Verify("""
            using TestProject.Facts;
            static class Use
            {
                static State M() => States.Get(⟦"atlantis"⟧);
            }
            """,
            Unknown(0, "state", "atlantis", "; no state in the catalog has this id"));

    [Fact]
    public Task IdOfAnotherCategorySaysWhichCategoryItIs()
        => Verify("""
            using TestProject.Facts;
            static class Use
            {
                static Actor M() => Actors.Get(⟦"north-korea"⟧);
            }
            """,
            Unknown(0, "actor", "north-korea", "; it is a state id, not an actor id"));

    [Fact]
    public Task ValidIdInGetIsOnlyFG0101()
        => Verify("""
            using TestProject.Facts;
            static class Use
            {
                static Actor M() => ⟦Actors.Get("denis-pushilin")⟧;
                static Event E() => ⟦TestProject.Facts.Events.Get("pushilin-letter-to-kim")⟧;
                // Called for its check alone: the bare member would be no statement (CS0201).
                static void Check() => Actors.Get("kim-jong-un");
                static void Checks() { Actors.Get("kcna"); System.Action a = () => Actors.Get("kcna"); }
                static object Kept() { _ = ⟦Actors.Get("kcna")⟧; return 0; }
            }
            """,
            UseMember(0, "Actors.Get(\"denis-pushilin\")", "Actors.DenisPushilin"),
            UseMember(1, "TestProject.Facts.Events.Get(\"pushilin-letter-to-kim\")", "TestProject.Facts.Events.PushilinLetterToKim"),
            UseMember(2, "Actors.Get(\"kcna\")", "Actors.Kcna"));

    [Fact]
    public Task IdOfARetractedFactWarnsFG0102WithTheReasonAndIsNotSuggestedAsAMember()
        => Verify("""
            using TestProject.Facts;
            [Fact(⟦"kcna-denial"⟧)]
            static class Use
            {
                // The member is [Obsolete] (CS0618); the string warns the same, and FG0101 would
                // only turn a warning into another.
                static Event R() => Events.Get(⟦"kcna-denial"⟧);
                // Through the obsolete constant, CS0618 has said it already: no second warning.
            #pragma warning disable CS0618
                static Event C() => Events.Get(Events.Ids.KcnaDenial);
            #pragma warning restore CS0618
            }
            """,
            new Expected(0, DiagnosticIds.RetractedIdInCode, DiagnosticSeverity.Warning, "fact", "kcna-denial", "Retracted: The agency withdrew it the next day."),
            new Expected(1, DiagnosticIds.RetractedIdInCode, DiagnosticSeverity.Warning, "event", "kcna-denial", "Retracted: The agency withdrew it the next day."));

    [Fact]
    public Task GetThroughUsingStaticSuggestsTheBareMember()
        => Verify("""
            using static TestProject.Facts.Actors;
            static class Use
            {
                static TestProject.Facts.Actor M() => ⟦Get("kim-jong-un")⟧;
            }
            """,
            UseMember(0, "Get(\"kim-jong-un\")", "KimJongUn"));

    [Fact]
    public Task FactAttributeAcceptsAnIdOfAnyCategoryAndRejectsAnUnknownOne()
        => Verify("""
            using TestProject.Facts;
            [Fact("north-korea"), Fact("kcna"), Fact("pushilin-letter-to-kim")]
            [Fact(⟦"kim-jong-um"⟧)]
            [Fact(id: ⟦"nowhere-at-all"⟧)]
            static class Use
            {
                [return: Fact(⟦"kcn"⟧)]
                static int M([Fact("denis-pushilin")] int x) => x;
            }
            """,
            Unknown(0, "fact", "kim-jong-um", "; did you mean 'kim-jong-un'?"),
            Unknown(1, "fact", "nowhere-at-all", "; no fact in the catalog has this id"),
            Unknown(2, "fact", "kcn", "; did you mean 'kcna'?"));

    [Fact]
    public Task UserMethodWithItsOwnFactIdParameterIsChecked()
        => Verify("""
            using TestProject.Facts;
            static class Use
            {
                static string Show([FactId(typeof(Actors.Ids))] string actorId) => actorId;
                static string Either([FactId(typeof(Actors.Ids), typeof(States.Ids))] string id, string other) => id + other;
                sealed class Card
                {
                    public Card([FactId(typeof(Events.Ids))] string eventId) { }
                }

                static void M()
                {
                    Show("kcna");
                    Show(⟦"kcnn"⟧);
                    Show(actorId: ⟦"kim-jong-u"⟧);
                    Either("north-korea", "not an id");
                    Either("kcna", "not an id either");
                    Either(⟦"north-kore"⟧, "x");
                    _ = new Card("pushilin-letter-to-kim");
                    _ = new Card(⟦"pushilin-letter"⟧);
                }
            }
            """,
            Unknown(0, "actor", "kcnn", "; did you mean 'kcna'?"),
            Unknown(1, "actor", "kim-jong-u", "; did you mean 'kim-jong-un'?"),
            Unknown(2, "fact", "north-kore", "; did you mean 'north-korea'?"),
            Unknown(3, "event", "pushilin-letter", "; no event in the catalog has this id"));

    /// <summary>
    /// An Ids class of one's own need not name its constants after their values: valid ids are
    /// found by value, not only by the generator's naming.
    /// </summary>
    [Fact]
    public Task OwnIdsClassWithOtherNamesIsCheckedByValue()
        => Verify("""
            using TestProject.Facts;
            static class Desk
            {
                public static class Ids
                {
                    public const string Boss = "denis-pushilin";
                    public const string KimJongUn = "kim-jong-un-2"; // named like another id, holding this one
                }

                static string Assign([FactId(typeof(Ids))] string id) => id;

                static void M()
                {
                    Assign("denis-pushilin");
                    Assign("kim-jong-un-2");
                    Assign(⟦"kim-jong-un"⟧);
                    Assign(⟦"denis-pushilim"⟧);
                }
            }
            """,
            Unknown(0, "fact", "kim-jong-un", "; did you mean 'kim-jong-un-2'?"),
            Unknown(1, "fact", "denis-pushilim", "; did you mean 'denis-pushilin'?"));

    [Fact]
    public Task NonConstantArgumentsAreNotChecked()
        => Verify("""
            using TestProject.Facts;
            static class Use
            {
                static Actor M(string id, System.Func<string> f)
                {
                    string local = "denis-pushlin";
                    Actors.TryGet("denis-pushlin", out _); // TryGet takes any string: not a [FactId] parameter
                    Actors.Get(local);
                    Actors.Get(f());
                    return Actors.Get(id + "-x");
                }
            }
            """);

    [Fact]
    public Task ConstantExpressionsAreChecked()
        => Verify("""
            using TestProject.Facts;
            static class Use
            {
                const string Kim = "kim-jong-";
                const string Typo = "denis-" + "pushlin";
                static Actor A() => ⟦Actors.Get(Kim + "un")⟧;
                static Actor B() => Actors.Get(⟦Typo⟧);
                static Actor C() => Actors.Get(⟦Kim + "um"⟧);
                static Actor D() => ⟦Actors.Get(Actors.Ids.Kcna)⟧;
            }
            """,
            UseMember(0, "Actors.Get(Kim + \"un\")", "Actors.KimJongUn"),
            Unknown(1, "actor", "denis-pushlin", "; did you mean 'denis-pushilin'?"),
            Unknown(2, "actor", "kim-jong-um", "; did you mean 'kim-jong-un'?"),
            UseMember(3, "Actors.Get(Actors.Ids.Kcna)", "Actors.Kcna"));

    [Fact]
    public Task ParamsArrayOfIdsChecksEachElement()
        => Verify("""
            using TestProject.Facts;
            static class Use
            {
                static int Count([FactId(typeof(States.Ids))] params string[] ids) => ids.Length;
                static int M() => Count("north-korea", ⟦"north-koreaa"⟧) + Count(new[] { ⟦"donetsk"⟧ });
            }
            """,
            Unknown(0, "state", "north-koreaa", "; did you mean 'north-korea'?"),
            Unknown(1, "state", "donetsk", "; no state in the catalog has this id"));

    /// <summary>The properties the code fix reads, and the message as the build shows it.</summary>
    [Fact]
    public async Task DiagnosticsCarryTheSuggestionAndTheMemberName()
    {
        ImmutableArray<Diagnostic> diagnostics = await Analyze(
            AnalyzerTestCatalog.Sources(),
            """
            using TestProject.Facts;
            static class Use
            {
                static Actor A() => Actors.Get("denis-pushlin");
                static Actor B() => Actors.Get("denis-pushilin");
                static Actor C() => Actors.Get("zzz");
            }
            """);

        Assert.Equal(3, diagnostics.Length);
        Diagnostic unknown = diagnostics.Single(d => d.Id == "FG0100" && d.GetMessage(CultureInfo.InvariantCulture).Contains("pushlin"));
        Assert.Equal("Unknown actor id 'denis-pushlin'; did you mean 'denis-pushilin'?", unknown.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("denis-pushilin", unknown.Properties[DiagnosticIds.SuggestionProperty]);
        Assert.Equal(DiagnosticSeverity.Error, unknown.Severity);

        Diagnostic noSuggestion = diagnostics.Single(d => d.Id == "FG0100" && d.GetMessage(CultureInfo.InvariantCulture).Contains("zzz"));
        Assert.False(noSuggestion.Properties.ContainsKey(DiagnosticIds.SuggestionProperty));

        Diagnostic member = diagnostics.Single(d => d.Id == "FG0101");
        Assert.Equal("DenisPushilin", member.Properties[DiagnosticIds.MemberNameProperty]);
        Assert.Equal(DiagnosticSeverity.Info, member.Severity);
        Assert.Equal(
            "'Actors.Get(\"denis-pushilin\")' can be 'Actors.DenisPushilin', which the compiler checks and which follows a rename",
            member.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(string.Empty, member.Descriptor.HelpLinkUri);
    }

    /// <summary>A public catalog in another assembly: the attribute and the ids come from metadata.</summary>
    [Fact]
    public async Task CatalogInAReferencedAssemblyIsCheckedToo()
    {
        CSharpCompilation library = GeneratorHarness.CreateCompilation(
            AnalyzerTestCatalog.Sources("public").Select(s => s.Text), assemblyName: "FactLibrary");
        using var stream = new System.IO.MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = library.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Select(GeneratorHarness.Format)));
        MetadataReference reference = MetadataReference.CreateFromImage(stream.ToArray());

        ImmutableArray<Diagnostic> diagnostics = await Analyze(
            Array.Empty<(string, string)>(),
            """
            using TestProject.Facts;
            [Fact("kcna")]
            static class Use
            {
                static Actor A() => Actors.Get("kim-jong-um");
                static Actor B() => Actors.Get("kim-jong-un");
                [Fact("kim-jong-um")] static void C() { }
            }
            """,
            reference);

        Assert.Equal(
            new[]
            {
                "FG0100 (5,36): Unknown actor id 'kim-jong-um'; did you mean 'kim-jong-un'?",
                "FG0101 (6,25): 'Actors.Get(\"kim-jong-un\")' can be 'Actors.KimJongUn', which the compiler checks and which follows a rename",
                "FG0100 (7,11): Unknown fact id 'kim-jong-um'; did you mean 'kim-jong-un'?",
            },
            diagnostics.Select(d =>
            {
                FileLinePositionSpan span = d.Location.GetLineSpan();
                return $"{d.Id} ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.GetMessage(CultureInfo.InvariantCulture)}";
            }));
    }

    /// <summary>Generated code is not analyzed, and a catalog whose attribute names a missing type reports nothing.</summary>
    [Fact]
    public async Task BrokenFactIdAttributeReportsNothingAndDoesNotThrow()
    {
        ImmutableArray<Diagnostic> diagnostics = await Analyze(
            AnalyzerTestCatalog.Sources(),
            """
            using TestProject.Facts;
            static class Use
            {
                static string Show([FactId(typeof(NoSuchType))] string id) => id;
                static string Empty([FactId] string id) => id;
                static string M() => Show("anything") + Empty("anything");
            }
            """,
            allowCompilerErrors: true);

        Assert.Empty(diagnostics);
    }

    /// <summary>
    /// The analyzer narrows the candidates before the edit distance (a catalog may hold 100,000
    /// ids): the suggestion must be the one the distance alone would give, whatever the ids.
    /// </summary>
    [Fact]
    public void NarrowedCandidatesGiveTheSameSuggestion()
    {
        var random = new Random(20220815);
        const string alphabet = "abcde-0é";
        string Word(int maxLength) => new(Enumerable.Range(0, random.Next(maxLength + 1)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        int suggested = 0;
        for (int round = 0; round < 5000; round++)
        {
            string input = Word(12);
            string[] candidates = Enumerable.Range(0, random.Next(1, 30)).Select(_ => Word(12)).ToArray();
            // Some candidates one edit away, so there are suggestions to get right.
            if (input.Length > 1 && random.Next(2) == 0) candidates[0] = input.Remove(random.Next(input.Length), 1);
            if (input.Length > 2 && random.Next(2) == 0) candidates[^1] = input.Substring(1) + input[0];

            string? expected = FactGen.Helpers.Suggestions.Nearest(input, candidates);
            string? actual = FactGen.Helpers.Suggestions.Nearest(input, FactIdAnalyzer.CloseCandidates(input, candidates));
            Assert.True(expected == actual, $"'{input}' among [{string.Join(", ", candidates)}]: '{expected}' but narrowed '{actual}'");
            if (expected is not null) suggested++;
        }
        Assert.True(suggested > 1000, $"only {suggested} rounds had a suggestion");
        // And it does narrow: of ids that share no letters with the input, none is left.
        Assert.Empty(FactIdAnalyzer.CloseCandidates("kim-jong-um", new[] { "paris", "brasil", "warsaw", "pyongyang" }));
        Assert.Equal(new[] { "kim-jong-un" }, FactIdAnalyzer.CloseCandidates("kim-jong-um", new[] { "kim-jong-un", "north-korea" }));
    }

    internal static async Task<ImmutableArray<Diagnostic>> Analyze(
        IEnumerable<(string HintName, string Text)> catalog,
        string code,
        MetadataReference? reference = null,
        bool allowCompilerErrors = false)
    {
        var trees = catalog
            .Select(s => CSharpSyntaxTree.ParseText(s.Text, GeneratorHarness.ParseOptions, path: "/generated/" + s.HintName))
            .Append(CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions, path: "/src/Use.cs"));
        CSharpCompilation compilation = CSharpCompilation.Create(
            "TestProject",
            trees,
            reference is null ? Net100.References.All : Net100.References.All.Append(reference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        if (!allowCompilerErrors)
        {
            Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, string.Join("\n", errors.Select(GeneratorHarness.Format)));
        }
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new FactIdAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        ImmutableArray<Diagnostic> all = await withAnalyzers.GetAllDiagnosticsAsync();
        // An exception in the analyzer would be AD0001: it must never throw.
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        return (await withAnalyzers.GetAnalyzerDiagnosticsAsync())
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }
}
