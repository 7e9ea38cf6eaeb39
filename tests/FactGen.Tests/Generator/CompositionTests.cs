using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// Catalogs that build on referenced catalogs, in memory: the seed as a public shared catalog,
/// a desk catalog on top of it, and an app on top of both. The real builds are in
/// EndToEnd/CompositionBuildTests.
/// </summary>
public class CompositionTests
{
    private const string DeskYaml = """
        source:
          outlet: Desk Wire
          published: 2022-08-20
        actors:
          desk-editor: { name: Desk Editor, kind: editor, state: north-korea }
        events:
          desk-briefing:
            date: 2022-08-20
            kind: briefing
            summary: The desk briefed its readers on the letter.
            actors: [desk-editor, kim-jong-un]
            states: [north-korea, donetsk-peoples-republic]
            place: russia
            reported_by: [reuters]
            follows: [pushilin-letter-to-kim]
        """;

    /// <summary>A project's compilation after the generator ran, as an assembly others can reference.</summary>
    private sealed record Built(string Name, CSharpCompilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriver Driver, CSharpCompilation Input, byte[] Image)
    {
        public MetadataReference Reference => MetadataReference.CreateFromImage(Image);

        public IEnumerable<string> Errors => Diagnostics.Concat(Output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Format);
    }

    private static Built Build(string name, IEnumerable<FactFile> facts, IEnumerable<MetadataReference> references, string accessibility = "public", string code = "", bool expectSuccess = true)
    {
        var input = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions, path: name + ".User.cs"), CSharpSyntaxTree.ParseText("global using System.Linq;", GeneratorHarness.ParseOptions, path: name + ".Usings.cs") },
            Net100.References.All.Concat(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = GeneratorHarness.CreateDriver(facts, new Dictionary<string, string> { ["FactGenAccessibility"] = accessibility, ["RootNamespace"] = name })
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        if (expectSuccess) Assert.True(emitted.Success, string.Join("\n", diagnostics.Concat(emitted.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Format)));
        return new Built(name, (CSharpCompilation)output, diagnostics, driver, input, stream.ToArray());
    }

    private static Built Shared() => Build("Shared", new[] { Facts.Seed }, Array.Empty<MetadataReference>());

    private static string Run(params Built[] assemblies) => GeneratorHarness.RunProbe("factgen-composition", assemblies.Select(b => b.Image));

    [Fact]
    public void UpstreamIdsResolveToTheUpstreamObjectsOfTheOneSetOfTypes()
    {
        Built shared = Shared();
        Built desk = Build("Desk", new[] { new FactFile("/desk/desk.facts.yaml", DeskYaml) }, new[] { shared.Reference }, code: """
            public static class Probe
            {
                public static string Run()
                {
                    Shared.Facts.Event briefing = Desk.Facts.Events.DeskBriefing;
                    return string.Join(" ",
                        ReferenceEquals(briefing.States[0], Shared.Facts.States.NorthKorea),
                        ReferenceEquals(briefing.Place, Shared.Facts.States.Russia),
                        ReferenceEquals(briefing.Actors[1], Shared.Facts.Actors.KimJongUn),
                        ReferenceEquals(briefing.ReportedBy[0], Shared.Facts.Actors.Reuters),
                        ReferenceEquals(briefing.Follows[0], Shared.Facts.Events.PushilinLetterToKim),
                        ReferenceEquals(Desk.Facts.Actors.DeskEditor.State, Shared.Facts.States.NorthKorea),
                        briefing.GetType() == typeof(Shared.Facts.Event),
                        // Upstream objects do not change: the letter is not followed by the desk's event there.
                        Shared.Facts.Events.PushilinLetterToKim.FollowedBy.Contains(briefing),
                        Shared.Facts.States.NorthKorea.Events.Contains(briefing),
                        // The desk's own back references hold it.
                        Desk.Facts.Actors.DeskEditor.Events.Count,
                        // A kind the shared catalog never used, and one it did.
                        Desk.Facts.Actors.DeskEditor.Kind == Desk.Facts.ActorKinds.Editor,
                        Shared.Facts.Actors.KimJongUn.Kind == Shared.Facts.ActorKind.Person,
                        briefing.Kind == Desk.Facts.EventKinds.Briefing,
                        // The whole view: both catalogs.
                        Desk.Facts.Catalog.Events.Count,
                        Desk.Facts.Events.Timeline.Count,
                        Desk.Facts.Events.All.Count,
                        Desk.Facts.Catalog.Timeline[Desk.Facts.Catalog.Timeline.Count - 2] == Shared.Facts.Events.KcnaReportsPushilinLetter,
                        Desk.Facts.Catalog.ToMermaid().Contains("event_desk_briefing -->|actor| actor_kim_jong_un"),
                        Desk.Facts.Catalog.ToMermaid().Contains("subgraph states"));
                }
            }
            """);
        Assert.Empty(desk.Errors);
        Assert.DoesNotContain(desk.Output.SyntaxTrees, t => t.FilePath.EndsWith("FactGen.Types.g.cs", StringComparison.Ordinal));
        Assert.Equal("True True True True True True True False False 1 True True True 10 10 1 True True True", Run(shared, desk));
    }

    [Fact]
    public void AThirdProjectBuildsOnBothAndSeesOneObjectPerFact()
    {
        Built shared = Shared();
        Built desk = Build("Desk", new[] { new FactFile("/desk/desk.facts.yaml", DeskYaml) }, new[] { shared.Reference });
        Built app = Build("App", new[] { new FactFile("/app/app.facts.yaml", """
            source:
              outlet: App Wire
            events:
              app-follow-up:
                date: 2022-08-21
                kind: briefing
                summary: The app's follow-up.
                actors: [desk-editor, kim-jong-un]
                follows: [desk-briefing]
            """) }, new[] { shared.Reference, desk.Reference }, accessibility: "internal", code: """
            public static class Probe
            {
                public static string Run()
                {
                    var e = App.Facts.Events.AppFollowUp;
                    return string.Join(" ",
                        ReferenceEquals(e.Actors[0], Desk.Facts.Actors.DeskEditor),
                        ReferenceEquals(e.Actors[1], Shared.Facts.Actors.KimJongUn),
                        ReferenceEquals(e.Follows[0], Desk.Facts.Events.DeskBriefing),
                        e.Kind == Desk.Facts.EventKinds.Briefing && e.Kind == App.Facts.EventKinds.Briefing,
                        App.Facts.Catalog.Timeline.Count,
                        App.Facts.Catalog.Actors.Count);
                }
            }
            """);
        Assert.Empty(app.Errors);
        // An internal catalog records no manifest: nothing can build on it.
        Assert.DoesNotContain(app.Output.SyntaxTrees, t => t.FilePath.EndsWith("FactGen.Manifest.g.cs", StringComparison.Ordinal));
        Assert.Equal("True True True True 11 10", Run(shared, desk, app));
    }

    /// <summary>
    /// Two referenced catalogs that both declare one id: a reference, <c>Get</c> and the whole
    /// views would take the first silently, so the project that references both gets one FG0006
    /// naming both declarations; a catalog and the catalog it builds on never clash this way.
    /// </summary>
    [Fact]
    public void TwoReferencedCatalogsThatDeclareOneIdAreOneDiagnostic()
    {
        Built shared = Shared();
        const string editor = """
            source:
              outlet: Desk Wire
            actors:
              desk-editor: { name: Desk Editor, kind: editor, state: north-korea }
            """;
        Built first = Build("DeskA", new[] { new FactFile("/a/desk.facts.yaml", editor) }, new[] { shared.Reference });
        Built second = Build("DeskB", new[] { new FactFile("/b/desk.facts.yaml", editor) }, new[] { shared.Reference });
        FactFile[] appFacts = { new FactFile("/app/app.facts.yaml", """
            source:
              outlet: App Wire
            events:
              app-note:
                date: 2022-08-21
                kind: briefing
                summary: The app's note.
                actors: [kim-jong-un]
            """) };
        Built app = Build("App", appFacts, new[] { shared.Reference, first.Reference, second.Reference }, accessibility: "internal");

        Diagnostic duplicate = Assert.Single(app.Diagnostics);
        Assert.Equal("FG0006", duplicate.Id);
        Assert.Equal(Location.None, duplicate.Location);
        string message = duplicate.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'desk-editor'", message);
        Assert.Contains("'DeskA' (desk.facts.yaml, line 4)", message);
        Assert.Contains("'DeskB' declares it too (desk.facts.yaml, line 4)", message);
        // Three catalogs: still one diagnostic for the id, naming the other two.
        Built third = Build("DeskC", new[] { new FactFile("/c/desk.facts.yaml", editor) }, new[] { shared.Reference });
        Built three = Build("App", appFacts, new[] { shared.Reference, first.Reference, second.Reference, third.Reference }, accessibility: "internal");
        Diagnostic once = Assert.Single(three.Diagnostics);
        Assert.Contains("'DeskA' (desk.facts.yaml, line 4), and the referenced catalogs 'DeskB' (desk.facts.yaml, line 4) and 'DeskC' (desk.facts.yaml, line 4) declare it too",
            once.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        // A catalog and the one it builds on: no clash (the upstream's ids are its own).
        Built desk = Build("Desk", new[] { new FactFile("/desk/desk.facts.yaml", DeskYaml) }, new[] { shared.Reference });
        Built chained = Build("Chained", new[] { new FactFile("/c/c.facts.yaml", "source:\n  outlet: C\nstates:\n  c-land: { name: C Land, kind: region }\n") }, new[] { shared.Reference, desk.Reference }, accessibility: "internal");
        Assert.Empty(chained.Diagnostics);
    }

    [Fact]
    public void UpstreamMistakesAreReportedOnceAtTheYamlLine()
    {
        Built shared = Shared();
        string yaml = """
            source:
              outlet: Desk Wire
            states:
              russia: { name: Russia, kind: sovereign }
            events:
              desk-briefing:
                date: 2022-08-20
                kind: briefing
                summary: Misspelt and misplaced ids.
                actors: [kim-jong-um]
                states: [kim-jong-un]
            """;
        Built desk = Build("Desk", new[] { new FactFile("/desk/desk.facts.yaml", yaml) }, new[] { shared.Reference }, expectSuccess: false);
        string[] seed = File.ReadAllLines(RepositoryPaths.SeedFile);
        int russia = Array.FindIndex(seed, l => l == "  russia:") + 1;
        Assert.Equal(
            new[]
            {
                $"FG0006 desk.facts.yaml(4,3): Duplicate state id 'russia': it is already defined at the referenced catalog 'Shared' (kontan-2022-08-pushilin-letter.facts.yaml, line {russia}); ids must be unique per category across all fact files",
                "FG0007 desk.facts.yaml(10,14): Unknown actor id 'kim-jong-um' in 'actors'; did you mean 'kim-jong-un' (of the referenced catalog 'Shared')?",
                "FG0007 desk.facts.yaml(11,14): Unknown state id 'kim-jong-un' in 'states'; 'kim-jong-un' is an actor, but 'states' takes a state id",
            },
            desk.Diagnostics.Where(d => d.Id.StartsWith("FG", StringComparison.Ordinal)).Select(GeneratorHarness.Format).OrderBy(s => s, StringComparer.Ordinal));
        // The C# still compiles: the error is the YAML's alone.
        Assert.Empty(desk.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void ACSharpEditReadsNoYamlAndNoUpstreamMetadata()
    {
        Built shared = Shared();
        Built desk = Build("Desk", new[] { new FactFile("/desk/desk.facts.yaml", DeskYaml) }, new[] { shared.Reference });
        CSharpCompilation edited = desk.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Typed { int x; }", GeneratorHarness.ParseOptions));
        GeneratorRunResult second = desk.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        IncrementalAssert.AllCachedOrUnchanged(desk.Driver.RunGenerators(edited).GetRunResult());
        foreach (string step in new[] { TrackingNames.ReadFactFile, TrackingNames.ReadUpstreamCatalogs, TrackingNames.IndexUpstreamCatalogs, TrackingNames.CatalogIndex, TrackingNames.BindFile, TrackingNames.BindCatalog })
        {
            Assert.All(second.TrackedSteps[step], s => Assert.All(s.Outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason)));
        }
        // The references themselves are compared, and are the same objects.
        Assert.All(second.TrackedSteps[TrackingNames.ReadReferences], s => Assert.All(s.Outputs, o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason)));

        // A fact-file edit binds again, on the upstream tables built before: they are not rebuilt.
        GeneratorRunResult edit = desk.Driver
            .AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/desk/more.facts.yaml", "source:\n  outlet: More\nactors:\n  more-editor: { name: More, kind: editor, state: russia }\n")))
            .RunGenerators(desk.Input).GetRunResult().Results.Single();
        Assert.All(edit.TrackedSteps[TrackingNames.IndexUpstreamCatalogs], s => Assert.All(s.Outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason)));
        Assert.All(edit.TrackedSteps[TrackingNames.CatalogIndex], s => Assert.All(s.Outputs, o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason)));
        // The new file binds; the desk file, bound alone, does not bind again.
        var binds = edit.TrackedSteps[TrackingNames.BindFile].SelectMany(s => s.Outputs).ToDictionary(o => ((FactGen.Binding.FileBind)o.Value).Path, o => o.Reason);
        Assert.Equal(IncrementalStepRunReason.New, binds["/desk/more.facts.yaml"]);
        Assert.Equal(IncrementalStepRunReason.Cached, binds["/desk/desk.facts.yaml"]);
        Assert.Empty(edit.Diagnostics);
    }

    [Fact]
    public void ADamagedOrForeignManifestIsOneDiagnosticAndNotACrash()
    {
        Built fake = Build("Fake", Array.Empty<FactFile>(), Array.Empty<MetadataReference>(), code: """
            [assembly: Fake.FactCatalogManifest("factgen-catalog 99\nn\tFake\nt\tFake\n")]
            namespace Fake
            {
                [System.AttributeUsage(System.AttributeTargets.Assembly)]
                public sealed class FactCatalogManifestAttribute : System.Attribute
                {
                    public FactCatalogManifestAttribute(string manifest) { }
                }
            }
            """);
        Built desk = Build("Desk", new[] { Facts.Small("/desk/small.facts.yaml") }, new[] { fake.Reference }, expectSuccess: false);
        Assert.Equal(
            new[] { "FG0010 (no location): Invalid value 'FactCatalogManifestAttribute' for 'a referenced fact catalog': 'Fake' was built with a FactGen whose catalog format (99) this FactGen (1) does not read; use the same FactGen version in both projects" },
            desk.Diagnostics.Select(GeneratorHarness.Format));
        // The project's own catalog is still generated, on its own types.
        Assert.Contains(desk.Output.SyntaxTrees, t => t.FilePath.EndsWith("FactGen.Types.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task TheAnalyzerChecksUpstreamIdsInCode()
    {
        Built shared = Shared();
        Built desk = Build("Desk", new[] { new FactFile("/desk/desk.facts.yaml", DeskYaml) }, new[] { shared.Reference }, code: """
            public static class Use
            {
                public static object A() => Shared.Facts.States.Get("north-korae");
                public static object B() => Shared.Facts.States.Get("north-korea");
                [Desk.Facts.Fact("desk-briefing")] [Desk.Facts.Fact("north-korea")] [Desk.Facts.Fact("kim-jong-un")]
                public static void C() { }
                [Desk.Facts.Fact("nowhere-at-all")]
                public static void D() { }
            }
            """);
        var analyzers = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new FactGen.Analyzers.FactIdAnalyzer());
        string[] found = (await desk.Output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync())
            .Select(d => d.Id + " " + d.Location.GetLineSpan().StartLinePosition.Line).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "FG0100 2", "FG0100 6", "FG0101 3" }, found);
    }

    [Fact]
    public void CatalogsOfAnotherRootAreIgnoredUntilAFactReferencesThem()
    {
        Built shared = Shared();
        Built other = Build("Zother", new[] { new FactFile("/z/z.facts.yaml", """
            source:
              outlet: Z Wire
            states:
              atlantis: { name: Atlantis, kind: legend }
            """) }, Array.Empty<MetadataReference>());

        // Referencing both is fine: nothing in the project's facts needs the other root.
        Built fine = Build("Desk", new[] { new FactFile("/desk/desk.facts.yaml", DeskYaml) }, new[] { shared.Reference, other.Reference });
        Assert.Empty(fine.Diagnostics);
        // So is a project with FactGen and no facts of its own.
        Built empty = Build("App", Array.Empty<FactFile>(), new[] { shared.Reference, other.Reference });
        Assert.Empty(empty.Diagnostics);

        // A reference to the other root's fact says why it cannot be used.
        Built broken = Build("Desk", new[] { new FactFile("/desk/desk.facts.yaml", DeskYaml.Replace("states: [north-korea, donetsk-peoples-republic]", "states: [north-korea, atlantis]")) },
            new[] { shared.Reference, other.Reference }, expectSuccess: false);
        Assert.Equal(
            new[] { "FG0007 desk.facts.yaml(12,27): Unknown state id 'atlantis' in 'states'; 'atlantis' is declared by the referenced catalog 'Zother', which builds on the fact types of 'Zother.Facts', not on those of the project's other referenced catalogs ('Shared.Facts'): a project builds on catalogs of one root only" },
            broken.Diagnostics.Select(GeneratorHarness.Format));
    }
}
