using System;
using System.Linq;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Binding;

/// <summary>The bind stage: ids, required keys, values and references across files.</summary>
public class CatalogBinderTests
{
    private static FactFile File(string yaml, string name = "test") => new($"/facts/{name}.facts.yaml", yaml);

    [Fact]
    public void MissingRequiredKeyIsFG0003AtTheFactsId()
    {
        const string yaml = Facts.MinimalSource + "\nactors:\n  kim-jong-un:\n    kind: person\n";

        Diagnostic error = DiagnosticsHelper.Single("FG0003", File(yaml));

        Assert.Equal("test.facts.yaml(8,3)", DiagnosticsHelper.Where(error));
        Assert.Equal("Actor 'kim-jong-un' is missing the required key 'name'; add 'name: ...'", DiagnosticsHelper.Message(error));
    }

    [Fact]
    public void MissingSourceIsFG0003AtTheStartOfTheFile()
    {
        Diagnostic error = DiagnosticsHelper.Single("FG0003", File("states:\n  russia: { name: Russia, kind: sovereign }\n"));

        Assert.Equal("test.facts.yaml(1,1)", DiagnosticsHelper.Where(error));
        Assert.Contains("'source'", DiagnosticsHelper.Message(error));
    }

    [Fact]
    public void DuplicateIdAcrossFilesIsFG0006ShowingBothPlaces()
    {
        FactFile first = File(Facts.MinimalSource + "\nstates:\n  russia: { name: Russia, kind: sovereign }\n", "a");
        FactFile second = File(Facts.MinimalSource + "\nstates:\n  syria: { name: Syria, kind: sovereign }\n  russia: { name: Russian Federation, kind: sovereign }\n", "b");

        Diagnostic error = DiagnosticsHelper.Single("FG0006", second, first);

        Assert.Equal("b.facts.yaml(9,3)", DiagnosticsHelper.Where(error));
        FileLinePositionSpan original = error.AdditionalLocations.Single().GetLineSpan();
        Assert.Equal(("/facts/a.facts.yaml", 8, 3), (original.Path, original.StartLinePosition.Line + 1, original.StartLinePosition.Character + 1));
        Assert.Contains("already defined at /facts/a.facts.yaml(8,3)", DiagnosticsHelper.Message(error));
    }

    [Fact]
    public void SameIdInDifferentCategoriesIsFine()
    {
        const string yaml = Facts.MinimalSource + """

            states:
              kcna: { name: Not really a state, kind: test }
            actors:
              kcna: { name: KCNA, kind: media }
            """;

        Assert.Empty(DiagnosticsHelper.Locations(File(yaml)));
    }

    [Fact]
    public void MisspeltReferenceIsFG0007AtTheReferenceWithASuggestion()
    {
        const string yaml = Facts.MinimalSource + """

            actors:
              denis-pushilin: { name: Denis Pushilin, kind: person }
              kim-jong-un: { name: Kim Jong Un, kind: person }
            events:
              letter:
                date: 2022-08-15
                kind: letter
                summary: A letter.
                actors: [denis-pushilin, kim-jong-um]
            """;

        Diagnostic error = DiagnosticsHelper.Single("FG0007", File(yaml));

        Assert.Equal("test.facts.yaml(15,30)", DiagnosticsHelper.Where(error));
        Assert.Equal("Unknown actor id 'kim-jong-um' in 'actors'; did you mean 'kim-jong-un'?", DiagnosticsHelper.Message(error));
    }

    [Fact]
    public void ThousandsOfMissesAreCappedPerFileAndOnlyTheFirstDistinctOnesGetSuggestions()
    {
        // A deleted or renamed states file can leave thousands of dangling references; looking
        // each up against every id would be quadratic, so suggestions stop after 200 distinct
        // misses. The file reports its first 100 diagnostics, and FG0013 counts the rest.
        var yaml = new System.Text.StringBuilder(Facts.MinimalSource).Append("\nstates:\n");
        for (int i = 0; i < 300; i++) yaml.Append($"  state-{i}: {{ name: S{i}, kind: k }}\n");
        yaml.Append("actors:\n");
        for (int i = 0; i < 300; i++) yaml.Append($"  actor-{i}: {{ name: A{i}, kind: k, state: stat-{i} }}\n");

        Diagnostic[] diagnostics = GeneratorHarness.Run(File(yaml.ToString())).Diagnostics.ToArray();
        Diagnostic[] misses = diagnostics.Where(d => d.Id == "FG0007").ToArray();

        Assert.Equal(100, misses.Length);
        Assert.All(misses, d => Assert.Contains("did you mean", DiagnosticsHelper.Message(d), StringComparison.Ordinal));
        // The first 100 in the file: the references of actor-0 to actor-99.
        Assert.Equal(
            Enumerable.Range(0, 100).Select(i => $"stat-{i}"),
            misses.Select(d => System.Text.RegularExpressions.Regex.Match(DiagnosticsHelper.Message(d), "'(stat-\\d+)'").Groups[1].Value));
        Diagnostic leftOut = Assert.Single(diagnostics, d => d.Id == "FG0013");
        Assert.StartsWith("200 more diagnostics in this file are not shown", DiagnosticsHelper.Message(leftOut), StringComparison.Ordinal);
        Assert.Equal(101, diagnostics.Length);
    }

    [Fact]
    public void EveryReferenceToOneUnknownIdGivesOneFG0007NamingTheOthers()
    {
        const string yaml = Facts.MinimalSource + """

            states:
              russia: { name: Russia, kind: sovereign, recognized_by: [atlantis] }
            actors:
              envoy: { name: Envoy, kind: person, state: atlantis }
            events:
              talks: { date: 2022, kind: talks, summary: Talks., states: [russia, atlantis], place: atlantis }
            """;

        Diagnostic miss = DiagnosticsHelper.Single("FG0007", File(yaml));

        Assert.Equal("test.facts.yaml(8,60)", DiagnosticsHelper.Where(miss));
        Assert.Contains("also referenced 3 more times, at line 10, line 12, line 12", DiagnosticsHelper.Message(miss), StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspeltDeclarationIsOneFG0007AtTheDeclarationLinkingTheReferences()
    {
        const string yaml = Facts.MinimalSource + """

            states:
              north-kerea: { name: North Korea, kind: sovereign }
              russia: { name: Russia, kind: sovereign, recognized_by: [north-korea] }
            actors:
              envoy: { name: Envoy, kind: person, state: north-korea }
            """;

        Diagnostic miss = DiagnosticsHelper.Single("FG0007", File(yaml));

        Assert.Equal("test.facts.yaml(8,3)", DiagnosticsHelper.Where(miss));
        Assert.Equal(
            "Unknown state id 'north-korea' in 'recognized_by'; it is referenced 2 times (first at line 9) and declared nowhere, "
            + "while 'north-kerea', declared here, is referenced nowhere: correct the spelling of one or the other",
            DiagnosticsHelper.Message(miss));
    }

    [Fact]
    public void AMisspeltReferenceUsedOnceIsReportedAtTheReference()
    {
        // One reference against an unreferenced declaration: the reference is the likelier typo.
        const string yaml = Facts.MinimalSource + """

            states:
              north-korea: { name: North Korea, kind: sovereign }
              russia: { name: Russia, kind: sovereign, recognized_by: [north-kerea] }
            """;

        Diagnostic miss = DiagnosticsHelper.Single("FG0007", File(yaml));

        Assert.Equal("test.facts.yaml(9,60)", DiagnosticsHelper.Where(miss));
        Assert.Contains("did you mean 'north-korea'?", DiagnosticsHelper.Message(miss), StringComparison.Ordinal);
    }

    [Fact]
    public void ReferenceToTheWrongCategoryIsFG0007SayingSo()
    {
        const string yaml = Facts.MinimalSource + """

            states:
              north-korea: { name: North Korea, kind: sovereign }
            actors:
              kcna: { name: KCNA, kind: media, state: north-korea }
            events:
              report:
                date: 2022-08-17
                kind: report
                summary: A report.
                states: [kcna]
            """;

        Diagnostic error = DiagnosticsHelper.Single("FG0007", File(yaml));

        Assert.Equal("test.facts.yaml(16,14)", DiagnosticsHelper.Where(error));
        Assert.Contains("'kcna' is an actor, but 'states' takes a state id", DiagnosticsHelper.Message(error));
    }

    [Fact]
    public void ReferencesResolveAcrossFiles()
    {
        FactFile states = File(Facts.MinimalSource + "\nstates:\n  russia: { name: Russia, kind: sovereign }\n", "states");
        FactFile actors = File(Facts.MinimalSource + "\nactors:\n  envoy: { name: Envoy, kind: person, state: russia }\n", "actors");

        Assert.Empty(DiagnosticsHelper.Locations(actors, states));
    }

    [Fact]
    public void FactsWithErrorsKeepTheirMembersAndReferencesToThemBindQuietly()
    {
        const string yaml = Facts.MinimalSource + """

            states:
              russia: { name: Russia, kind: sovereign }
              broken: { kind: sovereign }
            actors:
              envoy: { name: Envoy, kind: person, state: broken }
            events:
              meeting:
                date: 2022-13
                kind: meeting
                summary: Never happened.
              talks:
                date: 2022-07
                kind: talks
                summary: Talks.
                states: [russia, broken]
                follows: [meeting]
            """;
        const string usage = """
            namespace Use;
            public static class UsesAll
            {
                public static string Run()
                    => string.Join(",", TestProject.Facts.States.Broken.Name, TestProject.Facts.Events.Meeting.Summary, TestProject.Facts.Actors.Envoy.State!.Id);
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(new[] { File(yaml) }, new[] { usage });

        // One diagnostic per mistake, none for the references to 'broken' and 'meeting'.
        Assert.Equal(new[] { "FG0003", "FG0008" }, run.Diagnostics.Select(d => d.Id).OrderBy(i => i));
        string catalog = run.Catalog;
        Assert.Contains(" Russia => ", catalog);
        Assert.Contains(" Envoy => ", catalog);
        Assert.Contains(" Talks => ", catalog);
        Assert.Contains(" Broken => ", catalog);
        Assert.Contains(" Meeting => ", catalog);
        // The code that uses them compiles; the values of a fact with errors are placeholders
        // (its id for a missing name), and its hover text says so.
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Format));
        Assert.Equal("broken,Never happened.,broken", GeneratorHarness.Execute(run.Output, "Use.UsesAll"));
        Assert.Contains("This fact has an error in its fact file", catalog, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2022-02-30", "2022-02 has no day 30")]
    [InlineData("2022-00", "there is no month 00")]
    [InlineData("15/08/2022", "not of the form")]
    [InlineData("0000", "0001 or later")]
    public void InvalidDateIsFG0008(string date, string reason)
    {
        string yaml = Facts.MinimalSource + $"\nevents:\n  e:\n    date: {date}\n    kind: x\n    summary: s\n";

        Diagnostic error = DiagnosticsHelper.Single("FG0008", File(yaml));

        Assert.Equal("test.facts.yaml(9,11)", DiagnosticsHelper.Where(error));
        Assert.Contains(reason, DiagnosticsHelper.Message(error));
    }

    [Fact]
    public void LeapDayIsAValidDate()
    {
        string yaml = Facts.MinimalSource + "\nevents:\n  e: { date: 2024-02-29, kind: x, summary: s }\n";

        Assert.Empty(DiagnosticsHelper.Locations(File(yaml)));
    }

    [Theory]
    [InlineData("NorthKorea", "north-korea")]
    [InlineData("north_korea", "north-korea")]
    [InlineData("north--korea", "north-korea")]
    [InlineData("7-eleven", "eleven")]
    public void IdThatIsNotKebabCaseIsFG0005WithASuggestion(string id, string suggestion)
    {
        string yaml = Facts.MinimalSource + $"\nstates:\n  {id}: {{ name: X, kind: sovereign }}\n";

        Diagnostic error = DiagnosticsHelper.Single("FG0005", File(yaml));

        Assert.Equal("test.facts.yaml(8,3)", DiagnosticsHelper.Where(error));
        Assert.Contains($"write it like '{suggestion}'", DiagnosticsHelper.Message(error));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("ids")]
    [InlineData("try-get")]
    [InlineData("states")]
    [InlineData("to-string")]
    public void IdThatClashesWithAGeneratedMemberIsFG0009(string id)
    {
        string yaml = Facts.MinimalSource + $"\nstates:\n  {id}: {{ name: X, kind: sovereign }}\n  fine: {{ name: Y, kind: sovereign }}\n";

        GeneratorRun run = GeneratorHarness.Run(File(yaml));

        Assert.Equal("FG0009", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
    }

    [Fact]
    public void TwoIdsWithTheSameCSharpNameAreFG0009()
    {
        string yaml = Facts.MinimalSource + "\nstates:\n  g-7: { name: G7, kind: group }\n  g7: { name: G 7, kind: group }\n";

        GeneratorRun run = GeneratorHarness.Run(File(yaml));

        Diagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("FG0009", error.Id);
        Assert.Single(error.AdditionalLocations);
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
    }

    [Fact]
    public void UnknownStatusIsFG0010WithASuggestion()
    {
        string yaml = Facts.MinimalSource + "\nevents:\n  e: { date: 2022, kind: x, summary: s, status: confimred }\n";

        Diagnostic error = DiagnosticsHelper.Single("FG0010", File(yaml));

        Assert.Contains("did you mean 'confirmed'?", DiagnosticsHelper.Message(error));
    }

    [Fact]
    public void DiagnosticsCarryNoHelpLinkUntilTheProjectHasAnAddress()
    {
        GeneratorRun run = GeneratorHarness.Run(File(Facts.MinimalSource + "\nevents:\n  e: { date: 2022, kind: x, summary: s, actors: [nobody] }\n"));

        Diagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal(string.Empty, error.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void TheHelpLinkBaseComesFromTheAssemblysMetadataWhenSet()
    {
        const string Base = "https://example.org/factgen/blob/main/docs/diagnostics.md#";
        object[] set = [new System.Reflection.AssemblyMetadataAttribute("Other", "x"), new System.Reflection.AssemblyMetadataAttribute("FactGenDiagnosticsHelp", Base)];
        object[] empty = [new System.Reflection.AssemblyMetadataAttribute("FactGenDiagnosticsHelp", "")];

        Assert.Equal(Base, FactGen.Diagnostics.DiagnosticDescriptors.ReadHelpLinkBase(set));
        Assert.Null(FactGen.Diagnostics.DiagnosticDescriptors.ReadHelpLinkBase(empty));
        Assert.Null(FactGen.Diagnostics.DiagnosticDescriptors.ReadHelpLinkBase([]));
        Assert.Equal(Base + "fg0007", FactGen.Diagnostics.DiagnosticDescriptors.HelpLink(Base, "FG0007"));
        Assert.Null(FactGen.Diagnostics.DiagnosticDescriptors.HelpLink(null, "FG0007"));
    }
}
