using System.Linq;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// The generator runs on every keystroke in the IDE, so it must redo only what an edit touched:
/// a C# edit re-reads no YAML, and a fact-file edit re-reads that file alone.
/// </summary>
public class IncrementalityTests
{
    private static readonly FactFile First = Facts.Small("/facts/first.facts.yaml");

    private static readonly FactFile Second = new("/facts/second.facts.yaml", Facts.MinimalSource + """

        states:
          syria:
            name: Syria
            kind: sovereign
            recognized_by: [north-korea]
        """);

    [Fact]
    public void CSharpOnlyEditLeavesEveryStepCachedOrUnchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { First, Second }).RunGenerators(compilation);

        // A new compilation, as after typing in a .cs file.
        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Typed { int x; }", GeneratorHarness.ParseOptions));
        GeneratorDriverRunResult second = driver.RunGenerators(edited).GetRunResult();

        IncrementalAssert.AllCachedOrUnchanged(second);
        // Not one fact file was read again: the read step's outputs all came from the cache.
        var reads = second.Results.Single().TrackedSteps[TrackingNames.ReadFactFile];
        Assert.Equal(2, reads.Length);
        Assert.All(reads, step => Assert.All(step.Outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason)));
    }

    [Fact]
    public void EditToOneFactFileRereadsOnlyThatFile()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { First, Second }).RunGenerators(compilation);

        AdditionalText old = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.ReadFactFile]
            .Select(step => step.Inputs[0].Source.Outputs[0].Value).OfType<AdditionalText>()
            .Single(text => text.Path == Second.Path);
        var edited = new InMemoryAdditionalText(Second.Path, Second.Yaml.Replace("name: Syria", "name: Syrian Arab Republic"));
        GeneratorDriverRunResult second = driver.ReplaceAdditionalText(old, edited).RunGenerators(compilation).GetRunResult();

        var reads = second.Results.Single().TrackedSteps[TrackingNames.ReadFactFile];
        var rerun = reads.Where(step => step.Outputs.Any(o => o.Reason != IncrementalStepRunReason.Cached)).ToArray();
        IncrementalGeneratorRunStep only = Assert.Single(rerun);
        Assert.Contains(only.Outputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(Second.Path, ((AdditionalText)only.Inputs[0].Source.Outputs[only.Inputs[0].OutputIndex].Value).Path);
        Assert.All(reads.Except(rerun), step => Assert.All(step.Outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason)));

        // The change reached the output.
        Assert.Contains("Syrian Arab Republic", string.Concat(second.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString())));
    }

    [Fact]
    public void SyntaxErrorInOneFileRereadsOnlyThatFileAndKeepsItsMembers()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { First, Second }).RunGenerators(compilation);

        AdditionalText old = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.ReadFactFile]
            .Select(step => step.Inputs[0].Source.Outputs[0].Value).OfType<AdditionalText>()
            .Single(text => text.Path == Second.Path);
        // An unclosed quote, as typed halfway through a value.
        var edited = new InMemoryAdditionalText(Second.Path, Second.Yaml.Replace("name: Syria", "name: \"Syria"));
        GeneratorDriverRunResult second = driver.ReplaceAdditionalText(old, edited).RunGenerators(compilation).GetRunResult();

        var reads = second.Results.Single().TrackedSteps[TrackingNames.ReadFactFile];
        IncrementalGeneratorRunStep only = Assert.Single(reads.Where(step => step.Outputs.Any(o => o.Reason != IncrementalStepRunReason.Cached)));
        Assert.Equal(Second.Path, ((AdditionalText)only.Inputs[0].Source.Outputs[only.Inputs[0].OutputIndex].Value).Path);
        // One diagnostic, and 'syria' is still declared, so nothing that uses it breaks.
        Assert.Equal("FG0001", Assert.Single(second.Diagnostics).Id);
        Assert.Contains(" Syria => ", string.Concat(second.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString())));
    }

    [Fact]
    public void EditThatOnlyMovesTextDoesNotEmitAgain()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        var file = new InMemoryAdditionalText(First.Path, First.Yaml);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new FactCatalogGenerator().AsSourceGenerator() },
            new AdditionalText[] { file },
            GeneratorHarness.ParseOptions,
            new TestOptionsProvider(null),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true)).RunGenerators(compilation);

        // A comment line at the top shifts every location but changes no fact.
        var moved = new InMemoryAdditionalText(First.Path, "# curated by the desk\n" + First.Yaml);
        GeneratorDriverRunResult second = driver.ReplaceAdditionalText(file, moved).RunGenerators(compilation).GetRunResult();
        GeneratorRunResult result = second.Results.Single();

        Assert.All(result.TrackedSteps[TrackingNames.ReadFactFile], step => Assert.All(step.Outputs, o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason)));
        // The bound catalog holds no locations, so it compares equal and nothing is emitted again.
        Assert.All(result.TrackedSteps[TrackingNames.CatalogModel], step => Assert.All(step.Outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString())));
        Assert.All(result.TrackedOutputSteps.SelectMany(p => p.Value), step => Assert.All(step.Outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step.Name + " " + o.Reason)));
    }

    [Fact]
    public void PipelineHoldsNoSymbolsSyntaxOrCompilations()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { First, Second, Facts.Seed }).RunGenerators(compilation);
        GeneratorDriverRunResult run = driver.RunGenerators(compilation.Clone()).GetRunResult();

        IncrementalAssert.NoRoslynObjectsInPipeline(run);
        IncrementalAssert.AllCachedOrUnchanged(run);
    }

    /// <summary>The part of each fact file after an edit, by hint name, with the step's reason for it.</summary>
    private static (GeneratorDriver Driver, System.Collections.Generic.Dictionary<string, IncrementalStepRunReason> Parts, GeneratorDriverRunResult Result) Edit(
        GeneratorDriver driver, CSharpCompilation compilation, FactFile file, string yaml)
    {
        AdditionalText old = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.ReadFactFile]
            .Select(step => step.Inputs[0].Source.Outputs[0].Value).OfType<AdditionalText>()
            .Single(text => text.Path == file.Path);
        driver = driver.ReplaceAdditionalText(old, new InMemoryAdditionalText(file.Path, yaml)).RunGenerators(compilation);
        GeneratorDriverRunResult result = driver.GetRunResult();
        var parts = result.Results.Single().TrackedSteps[TrackingNames.CatalogParts]
            .SelectMany(step => step.Outputs)
            .Where(o => o.Value is FactGen.Binding.BoundPart)
            .ToDictionary(o => ((FactGen.Binding.BoundPart)o.Value).HintName, o => o.Reason);
        return (driver, parts, result);
    }

    /// <summary>Each fact file's bind step after an edit, by path, with the step's reason for it.</summary>
    private static System.Collections.Generic.Dictionary<string, IncrementalStepRunReason> BindReasons(GeneratorDriverRunResult result)
        => result.Results.Single().TrackedSteps[TrackingNames.BindFile]
            .SelectMany(step => step.Outputs)
            .Where(o => o.Reason != IncrementalStepRunReason.Removed)
            .ToDictionary(o => ((FactGen.Binding.FileBind)o.Value).Path, o => o.Reason);

    [Theory]
    [InlineData("name: Syria", "name: Syrian Arab Republic")]
    [InlineData("kind: sovereign", "kind: sovereign\n    capital: Damascus")]
    public void ValueEditToOneFileReEmitsThatFileAloneAndLeavesTheOtherSourceIdentical(string from, string to)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { First, Second }).RunGenerators(compilation);
        string firstBefore = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "FactGen.Facts.first.g.cs").SourceText.ToString();

        (_, var parts, GeneratorDriverRunResult result) = Edit(driver, compilation, Second, Second.Yaml.Replace(from, to));

        // Only the edited file was bound again: the index of ids did not change, so the other
        // file did not bind at all, and its part and the catalog-wide source were not made
        // again; their output steps do not run and Roslyn keeps their trees.
        Assert.Equal(IncrementalStepRunReason.Modified, parts["FactGen.Facts.second.g.cs"]);
        Assert.Equal(IncrementalStepRunReason.Cached, parts["FactGen.Facts.first.g.cs"]);
        var binds = BindReasons(result);
        Assert.Equal(IncrementalStepRunReason.Modified, binds[Second.Path]);
        Assert.Equal(IncrementalStepRunReason.Cached, binds[First.Path]);
        Assert.All(result.Results.Single().TrackedSteps[TrackingNames.CatalogIndex], step => Assert.All(step.Outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason)));
        Assert.All(result.Results.Single().TrackedSteps[TrackingNames.CatalogShell], step => Assert.All(step.Outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason)));
        Assert.Equal(firstBefore, result.Results.Single().GeneratedSources.Single(s => s.HintName == "FactGen.Facts.first.g.cs").SourceText.ToString());
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void RenamingAnIdReEmitsOnlyTheFilesWhoseTextChanges()
    {
        // third.facts.yaml references nothing of second; first references nothing of second either.
        FactFile third = new("/facts/third.facts.yaml", Facts.MinimalSource + "\nstates:\n  libya: { name: Libya, kind: sovereign }\n");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { First, Second, third }).RunGenerators(compilation);

        (_, var parts, GeneratorDriverRunResult result) = Edit(driver, compilation, Second, Second.Yaml.Replace("syria:", "syrian-arab-republic:"));

        // Each file binds alone, so the other files did not bind again; the index may place
        // their parts again (an id's position changed), but they compare equal and are not
        // emitted again.
        Assert.Equal(IncrementalStepRunReason.Modified, parts["FactGen.Facts.second.g.cs"]);
        Assert.Contains(parts["FactGen.Facts.first.g.cs"], new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.Contains(parts["FactGen.Facts.third.g.cs"], new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        var binds = BindReasons(result);
        Assert.Equal(IncrementalStepRunReason.Modified, binds[Second.Path]);
        Assert.Equal(IncrementalStepRunReason.Cached, binds[First.Path]);
        Assert.Equal(IncrementalStepRunReason.Cached, binds[third.Path]);
        Assert.Contains("SyrianArabRepublic", result.Results.Single().GeneratedSources.Single(s => s.HintName == "FactGen.Facts.second.g.cs").SourceText.ToString());
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void RenamingAReferencedIdReEmitsTheFileThatReferencesIt()
    {
        // second.facts.yaml's syria is recognized by first's north-korea: renaming north-korea in
        // first breaks second's reference (FG0007), so second's part changes too.
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { First, Second }).RunGenerators(compilation);

        (_, var parts, GeneratorDriverRunResult result) = Edit(driver, compilation, First, First.Yaml.Replace("north-korea", "dprk"));

        // An unknown reference needs the whole catalog (its suggestion, a misspelt declaration):
        // the whole bind makes every part, which the file-by-file bind made before.
        Assert.Contains(parts["FactGen.Facts.first.g.cs"], new[] { IncrementalStepRunReason.New, IncrementalStepRunReason.Modified });
        Assert.Contains(parts["FactGen.Facts.second.g.cs"], new[] { IncrementalStepRunReason.New, IncrementalStepRunReason.Modified });
        Assert.DoesNotContain("north-korea", result.Results.Single().GeneratedSources.Single(s => s.HintName == "FactGen.Facts.second.g.cs").SourceText.ToString());
        Assert.Contains(result.Diagnostics, d => d.Id == "FG0007");
    }

    [Fact]
    public void InACatalogPastTheLiteralLimitAnEditMeasuresTheEditedFileAlone()
    {
        // Two files of large text pass the literal limit, so every file is measured exactly; a
        // value edit to a third file measures that file again, and the others' measures are cached.
        string text = new string('x', (int)(FactGen.Emitting.DataTableEmitter.MaxLiteralTextLength / 2) + 1);
        FactFile large1 = new("/facts/large1.facts.yaml", Facts.MinimalSource + "\nevents:\n  one: { date: 2022, kind: x, summary: " + text + "a }\n");
        FactFile large2 = new("/facts/large2.facts.yaml", Facts.MinimalSource + "\nevents:\n  two: { date: 2022, kind: x, summary: " + text + "b }\n");
        FactFile small = new("/facts/small.facts.yaml", Facts.MinimalSource + "\nstates:\n  libya: { name: Libya, kind: sovereign }\n");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { large1, large2, small }).RunGenerators(compilation);

        (_, var parts, GeneratorDriverRunResult result) = Edit(driver, compilation, small, small.Yaml.Replace("name: Libya", "name: State of Libya"));

        var measures = result.Results.Single().TrackedSteps[TrackingNames.PartMeasures]
            .SelectMany(step => step.Outputs)
            .Where(o => o.Reason != IncrementalStepRunReason.Removed)
            .Select(o => (Measure: o.Value as FactGen.Emitting.DataTableEmitter.PartMeasure, o.Reason))
            .ToArray();
        Assert.Equal(3, measures.Length);
        Assert.All(measures, m => Assert.NotNull(m.Measure));
        Assert.Equal(1, measures.Count(m => m.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(2, measures.Count(m => m.Reason == IncrementalStepRunReason.Cached));
        Assert.Equal(IncrementalStepRunReason.Modified, parts["FactGen.Facts.small.g.cs"]);
        Assert.Equal(IncrementalStepRunReason.Cached, parts["FactGen.Facts.large1.g.cs"]);
        Assert.Contains("u8;", result.Results.Single().GeneratedSources.Single(s => s.HintName == "FactGen.Facts.large1.g.cs").SourceText.ToString());
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void AddingAndDeletingAFileLeavesTheOtherFilesPartsUnchanged()
    {
        // The new file sorts after the others (parts are compared position by position).
        FactFile added = new("/facts/zz-added.facts.yaml", Facts.MinimalSource + "\nstates:\n  libya: { name: Libya, kind: sovereign }\n");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { First, Second }).RunGenerators(compilation);

        driver = driver.AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(added.Path, added.Yaml))).RunGenerators(compilation);
        var parts = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.CatalogParts].SelectMany(step => step.Outputs)
            .Where(o => o.Value is FactGen.Binding.BoundPart)
            .ToDictionary(o => ((FactGen.Binding.BoundPart)o.Value).HintName, o => o.Reason);
        Assert.Equal(IncrementalStepRunReason.New, parts["FactGen.Facts.zz_added.g.cs"]);
        Assert.Contains(parts["FactGen.Facts.first.g.cs"], new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.Contains(parts["FactGen.Facts.second.g.cs"], new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });

        AdditionalText toRemove = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.ReadFactFile]
            .Select(step => step.Inputs[0].Source.Outputs[0].Value).OfType<AdditionalText>().Single(t => t.Path == added.Path);
        driver = driver.RemoveAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create(toRemove)).RunGenerators(compilation);
        GeneratorDriverRunResult removed = driver.GetRunResult();
        var after = removed.Results.Single().TrackedSteps[TrackingNames.CatalogParts].SelectMany(step => step.Outputs)
            .Where(o => o.Reason != IncrementalStepRunReason.Removed && o.Value is FactGen.Binding.BoundPart)
            .ToDictionary(o => ((FactGen.Binding.BoundPart)o.Value).HintName, o => o.Reason);
        Assert.Contains(after["FactGen.Facts.first.g.cs"], new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.Contains(after["FactGen.Facts.second.g.cs"], new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.DoesNotContain(removed.Results.Single().GeneratedSources, s => s.HintName == "FactGen.Facts.zz_added.g.cs");
    }
}
