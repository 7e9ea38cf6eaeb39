using System.Linq;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Reading;

/// <summary>The read stage: YAML syntax, node shapes and keys, each reported where it is written.</summary>
public class FactFileReaderTests
{
    private static FactFile File(string yaml) => new("/facts/test.facts.yaml", yaml);

    [Fact]
    public void YamlSyntaxErrorIsFG0001AtItsPosition()
    {
        const string yaml = """
            source:
              outlet: Kontan
            states:
              russia:
                name: "Russia
                kind: sovereign
            """;
        Diagnostic error = DiagnosticsHelper.Single("FG0001", File(yaml));

        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        // The unterminated quote opens on line 5; YamlDotNet reports where it gave up.
        Assert.Equal(5, error.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.EndsWith("test.facts.yaml", error.Location.GetLineSpan().Path);
    }

    [Fact]
    public void UnreadableFileStillLetsOtherFilesGenerate()
    {
        GeneratorRun run = GeneratorHarness.Run(File("source: [unclosed"), Facts.Small("/facts/ok.facts.yaml"));

        Assert.Equal(new[] { "FG0001" }, run.Diagnostics.Select(d => d.Id));
        Assert.Contains("NorthKorea", run.Catalog);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void UnknownKeyIsAWarningThatSuggestsTheNearestKey()
    {
        const string yaml = Facts.MinimalSource + """

            states:
              russia:
                nmae: Russia
                name: Russia
                kind: sovereign
            """;
        Diagnostic warning = DiagnosticsHelper.Single("FG0004", File(yaml));

        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("test.facts.yaml(9,5)", DiagnosticsHelper.Where(warning));
        Assert.Contains("did you mean 'name'?", DiagnosticsHelper.Message(warning));
    }

    [Fact]
    public void UnknownKeyFarFromAnyKnownKeyGetsNoSuggestion()
    {
        const string yaml = Facts.MinimalSource + "\nstates:\n  russia: { name: Russia, kind: sovereign, population: 140 }\n";

        Diagnostic warning = DiagnosticsHelper.Single("FG0004", File(yaml));

        Assert.DoesNotContain("did you mean", DiagnosticsHelper.Message(warning));
    }

    [Fact]
    public void ListWhereAMappingBelongsIsFG0002()
    {
        const string yaml = Facts.MinimalSource + "\nstates:\n  - russia\n  - syria\n";

        Assert.Equal(new[] { "FG0002 test.facts.yaml(8,3)" }, DiagnosticsHelper.Locations(File(yaml)));
    }

    [Fact]
    public void ScalarWhereAListBelongsIsFG0002()
    {
        const string yaml = Facts.MinimalSource + """

            states:
              russia: { name: Russia, kind: sovereign }
            events:
              talks:
                date: 2022
                kind: talks
                summary: They talked.
                states: russia
            """;

        Assert.Equal(new[] { "FG0002 test.facts.yaml(14,13)" }, DiagnosticsHelper.Locations(File(yaml)));
    }

    [Fact]
    public void EmptyItemInAListIsFG0002()
    {
        const string yaml = Facts.MinimalSource + "\nstates:\n  russia: { name: Russia, kind: sovereign, recognized_by: [russia, ~] }\n";

        Assert.Equal(new[] { "FG0002 test.facts.yaml(8,68)" }, DiagnosticsHelper.Locations(File(yaml)));
    }

    [Fact]
    public void RepeatedKeyIsFG0001PointingAtTheSecond()
    {
        const string yaml = Facts.MinimalSource + "\nstates:\n  russia:\n    name: Russia\n    name: Rusia\n    kind: sovereign\n";

        Diagnostic error = DiagnosticsHelper.Single("FG0001", File(yaml));

        Assert.Equal("test.facts.yaml(10,5)", DiagnosticsHelper.Where(error));
        Assert.Equal(9, error.AdditionalLocations.Single().GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void AliasesAreRefusedNotExpanded()
    {
        const string yaml = Facts.MinimalSource + "\nstates:\n  russia: &r { name: Russia, kind: sovereign }\n  syria: *r\n";

        string[] diagnostics = DiagnosticsHelper.Locations(File(yaml));

        // The alias is the one error: 'syria' keeps its member, and is not also missing its keys.
        Assert.Equal(new[] { "FG0002 test.facts.yaml(9,10)" }, diagnostics);
    }

    [Fact]
    public void DeepNestingIsADiagnosticNotAStackOverflow()
    {
        string yaml = Facts.MinimalSource + "\nstates:\n  deep: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        string[] ids = DiagnosticsHelper.Locations(File(yaml)).Select(d => d.Split(' ')[0]).Distinct().ToArray();

        Assert.Contains("FG0002", ids);
    }

    [Fact]
    public void BracketsInQuotedTextAndCommentsAreNotNesting()
    {
        string brackets = new string('[', 100);
        string yaml = Facts.MinimalSource + $"\n# {brackets}\nevents:\n  e:\n    date: 2022\n    kind: x\n    summary: \"{brackets}\"\n    note: '{brackets} it''s {brackets}'\n";

        GeneratorRun run = GeneratorHarness.Run(File(yaml));

        Assert.Empty(run.Diagnostics);
        Assert.Contains(brackets + " it's " + brackets, run.Catalog);
    }

    [Fact]
    public void AMegabyteOfOpenBracketsStopsTheReaderAtTheCap()
    {
        // YamlDotNet's work per token grows with the flow depth: read to the end, this takes hours.
        string yaml = Facts.MinimalSource + "\nstates:\n  deep: " + new string('[', 1024 * 1024) + "\n";

        Diagnostic error = Assert.Single(GeneratorHarness.Run(File(yaml)).Diagnostics);

        Assert.Equal("FG0002", error.Id);
        // The file's mapping, 'states' and 62 lists make 64 levels: the 63rd '[' (column 9 + 62) is refused.
        Assert.Equal("test.facts.yaml(8,71)", DiagnosticsHelper.Where(error));
    }

    [Fact]
    public void BinaryFileIsFG0001()
    {
        Diagnostic error = DiagnosticsHelper.Single("FG0001", File("source:\n  outlet: A\0B\n"));

        Assert.Contains("not UTF-8 text", DiagnosticsHelper.Message(error));
        Assert.Equal("test.facts.yaml(2,12)", DiagnosticsHelper.Where(error));
    }

    [Fact]
    public void SecondYamlDocumentIsFG0001()
    {
        Diagnostic error = DiagnosticsHelper.Single("FG0001", File(Facts.MinimalSource + "\n---\nsource:\n  outlet: B\n"));

        Assert.Contains("one YAML document", DiagnosticsHelper.Message(error));
        Assert.Equal("test.facts.yaml(7,1)", DiagnosticsHelper.Where(error));
    }

    [Fact]
    public void CrlfAndLfGiveTheSameLocations()
    {
        const string yaml = Facts.MinimalSource + "\nevents:\n  talks:\n    date: 2022\n    kind: talks\n    summary: Talks.\n    states: [atlantis]\n";

        string[] lf = DiagnosticsHelper.Locations(File(yaml));
        string[] crlf = DiagnosticsHelper.Locations(File(yaml.Replace("\n", "\r\n")));

        Assert.Equal(new[] { "FG0007 test.facts.yaml(12,14)" }, lf);
        Assert.Equal(lf, crlf);
    }

    [Fact]
    public void EmptyFileNeedsASource()
    {
        Assert.Equal(new[] { "FG0003 test.facts.yaml(1,1)" }, DiagnosticsHelper.Locations(File("")));
    }
}
