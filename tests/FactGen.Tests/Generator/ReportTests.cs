using System.Globalization;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// Reports (a fact file's <c>reports:</c> block on facts declared elsewhere): the generated code
/// compiled and run, the merged values and the sources of a reported fact, across files and across
/// catalogs; FG0016 and the other diagnostics of a report; what an edit to a report re-emits; and
/// a report with a mistake, which leaves the fact as declared.
/// </summary>
public class ReportTests
{
    /// <summary>The declaring file: Kontan dates the recognition to the year only.</summary>
    private static readonly FactFile Kontan = new("/facts/a-kontan.facts.yaml", """
        source:
          outlet: Kontan
          published: 2022-08-20
        states:
          north-korea:
            name: North Korea
            kind: sovereign
            aliases: [DPRK]
            labels: { id: Korea Utara }
          donetsk: { name: Donetsk People's Republic, kind: breakaway, recognized_by: [north-korea] }
          luhansk: { name: Luhansk People's Republic, kind: breakaway }
          russia: { name: Russia, kind: sovereign }
        actors:
          kim-jong-un:
            name: Kim Jong Un
            kind: person
            role: leader
            aliases: [Kim]
          kcna: { name: KCNA, kind: media, state: north-korea }
        events:
          recognition:
            date: 2022
            kind: recognition
            summary: North Korea recognized Donetsk.
            states: [north-korea, donetsk]
            reported_by: [kcna]
          talks:
            date: 2022-03-01
            kind: talks
            summary: Talks in March.
            states: [north-korea, russia]
        """);

    private static FactFile Reporting(string path, string outlet, string published, string reports)
        => new(path, $"source:\n  outlet: {outlet}\n  published: {published}\nreports:\n" + reports);

    private static string Run(string body, params FactFile[] files)
    {
        string probe = $$"""
            using System;
            using System.Linq;
            using System.Collections.Generic;
            using TestProject.Facts;

            namespace Consumer
            {
                internal static class Probe
                {
                    public static string Run()
                    {
                        {{body}}
                    }

                    static string Ids<T>(IEnumerable<T> facts) => string.Join(",", facts.Select(f => f switch { State s => s.Id, Actor a => a.Id, Event e => e.Id, _ => "?" }));
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(files, new[] { probe });
        Assert.Empty(run.Diagnostics.Select(GeneratorHarness.Format));
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
        return GeneratorHarness.Execute(run.Output, "Consumer.Probe");
    }

    // ---- one catalog: merged values and sources --------------------------------------------------

    [Fact]
    public void AReportRefinesTheDateAndAddsAStateAndIsASecondSource()
    {
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", """
              events:
                recognition:
                  date: 2022-07-13
                  states: [luhansk]
            """);
        string result = Run("""
            Event e = Events.Recognition;
            return string.Join("|",
                e.Date,
                e.Date.Precision,
                Ids(e.States),
                e.Sources.Count,
                string.Join(",", e.Sources.Select(s => s.Source.Outlet + ":" + s.IsDeclaration + ":" + s.Stance + ":" + s.Date)),
                e.Sources[1].Source.Published,
                Ids(e.Sources[1].States),
                Ids(e.Sources[0].States),
                e.Sources[1].Kind == null && e.Sources[1].Summary == null && e.Sources[1].Preferred.Count == 0,
                e.Summary,
                e.Kind == EventKind.Recognition,
                e.Status,
                Ids(e.ReportedBy),
                e.Source.Outlet,
                Ids(Events.Timeline),
                Ids(States.Luhansk.Events),
                ReferenceEquals(e.States[2], States.Luhansk),
                ReferenceEquals(Events.Get("recognition"), e),
                ReferenceEquals(Events.All.Single(x => x.Id == "recognition"), e),
                Events.On(new FactDate(2022, 7, 13)).Count);
            """, Kontan, reuters);

        Assert.Equal(string.Join("|",
            "2022-07-13",
            "Day",
            "north-korea,donetsk,luhansk",
            "2",
            "Kontan:True:Reports:2022,Reuters:False:Reports:2022-07-13",
            "2022-07-13",
            "luhansk",
            "north-korea,donetsk",
            "True",
            "North Korea recognized Donetsk.",
            "True",
            "Reported",
            "kcna",
            "Kontan",
            // The declared date (2022) sorts before March; the merged one (13 July) after it.
            "talks,recognition",
            "recognition",
            "True",
            "True",
            "True",
            "1"), result);
    }

    [Fact]
    public void SourcesAreTheDeclarationThenTheReportsInPathOrder()
    {
        // The reporting files' paths sort before and after the declaring file's.
        FactFile early = Reporting("/facts/0-ap.facts.yaml", "AP", "2022-07-14", "  events:\n    recognition: { states: [luhansk] }\n");
        FactFile late = Reporting("/facts/z-reuters.facts.yaml", "Reuters", "2022-07-13", "  events:\n    recognition: { date: 2022-07 }\n");
        string result = Run("""
            Event e = Events.Recognition;
            return string.Join("|",
                string.Join(",", e.Sources.Select(s => s.Source.Outlet + (s.IsDeclaration ? "*" : ""))),
                e.Date,
                Ids(e.States),
                e.Sources[1].Date == null,
                e.Sources[2].ToString());
            """, late, Kontan, early);

        Assert.Equal("Kontan*,AP,Reuters|2022-07|north-korea,donetsk,luhansk|True|Reuters, 2022-07-13", result);
    }

    [Fact]
    public void APreferredDateWinsAndSettlesTheDisagreement()
    {
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", "  events:\n    recognition: { date: 2022-07-13 }\n");
        FactFile ap = Reporting("/facts/c-ap.facts.yaml", "AP", "2022-07-14", """
              events:
                recognition:
                  preferred: [date]
                  date: 2022-07-14
            """);
        // Run asserts that there is no diagnostic at all: the preferred value settles the date (no FG0016).
        string result = Run("""
            Event e = Events.Recognition;
            return string.Join("|", e.Date, string.Join(",", e.Sources.Select(s => s.Date)), string.Join(",", e.Sources[2].Preferred), e.Sources[1].Preferred.Count);
            """, Kontan, reuters, ap);

        Assert.Equal("2022-07-14|2022,2022-07-13,2022-07-14|date|0", result);
    }

    [Fact]
    public void WithoutPreferredTwoReportsThatDisagreeKeepTheDeclaredDateAndWarn()
    {
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", "  events:\n    recognition: { date: 2022-07-13 }\n");
        FactFile ap = Reporting("/facts/c-ap.facts.yaml", "AP", "2022-07-14", "  events:\n    recognition: { date: 2022-07-14 }\n");
        GeneratorRun run = GeneratorHarness.Run(new[] { Kontan, reuters, ap }, new[] { """
            namespace Consumer
            {
                public static class Probe
                {
                    public static string Run() => TestProject.Facts.Events.Recognition.Date.ToString();
                }
            }
            """ });

        Diagnostic warning = Assert.Single(run.Diagnostics);
        Assert.Equal(
            "FG0016 c-ap.facts.yaml(6,26): Sources disagree on the date of the event 'recognition': Kontan: 2022; Reuters: 2022-07-13; AP: 2022-07-14; the fact keeps its declared '2022': correct the value that is wrong, or keep one with 'preferred: [date]' in its report",
            GeneratorHarness.Format(warning));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        // Neither day lies within the other: the merge keeps the first date given, as the message says.
        Assert.Equal("2022", GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }

    [Fact]
    public void ASourceThatDisputesTheEventMakesItDisputedAndGivesNoValues()
    {
        FactFile denial = Reporting("/facts/b-denial.facts.yaml", "Pyongyang Times", "2022-07-20", """
              events:
                recognition:
                  stance: disputes
                  date: 2021
                  states: [luhansk]
            """);
        // No FG0016 either: a source that disputes the fact claims none of its values.
        string result = Run("""
            Event e = Events.Recognition;
            return string.Join("|", e.Status, e.IsDisputed, e.IsRetracted, e.Sources.Count, e.Sources[1].Stance, e.Sources[0].Stance,
                e.Sources[1].Date, Ids(e.Sources[1].States), e.Date, Ids(e.States), e.Sources[1].ToString(), Events.Talks.IsDisputed);
            """, Kontan, denial);

        Assert.Equal("Disputed|True|False|2|Disputes|Reports|2021|luhansk|2022|north-korea,donetsk|Pyongyang Times, 2022-07-20 (disputes)|False", result);
    }

    [Fact]
    public void StatusFollowsTheSourcesConfirmedAndRetracted()
    {
        FactFile confirms = Reporting("/facts/b-confirms.facts.yaml", "Reuters", "2022-07-13", "  events:\n    recognition: { status: confirmed }\n    talks: { status: retracted, retraction: The talks never took place. }\n");
        string result = Run("""
            return string.Join("|", Events.Recognition.Status, Events.Talks.Status, Events.Talks.IsRetracted, Events.Talks.Retraction, Events.Recognition.Retraction == null);
            """, Kontan, confirms);

        Assert.Equal("Confirmed|Retracted|True|The talks never took place.|True", result);
    }

    [Fact]
    public void ReportsOnStatesAndActorsMergeTheirValues()
    {
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", """
              states:
                north-korea:
                  official_name: Democratic People's Republic of Korea
                  capital: Pyongyang
                  aliases: [North Korea (DPRK), DPRK]
                  labels: { fr: Corée du Nord, id: Korea Selatan }
                luhansk:
                  recognized_by: [russia, north-korea]
              actors:
                kim-jong-un:
                  preferred: [role]
                  role: Chairman of the State Affairs Commission
                  state: north-korea
                  aliases: [Kim Jong-un]
                  labels: { ko: 김정은 }
                kcna:
                  name: Korean Central News Agency
            """);
        string result = Run("""
            State korea = States.NorthKorea;
            Actor kim = Actors.KimJongUn;
            return string.Join("|",
                korea.OfficialName,
                korea.Capital,
                string.Join(",", korea.Aliases),
                string.Join(",", korea.Labels.OrderBy(l => l.Key).Select(l => l.Key + "=" + l.Value)),
                korea.NameIn("fr"),
                korea.Name,
                korea.Kind,
                korea.Sources.Count,
                korea.Sources[1].Capital,
                Ids(States.Luhansk.RecognizedBy),
                Ids(States.Russia.Recognizes),
                Ids(korea.Recognizes),
                kim.Role,
                kim.Sources[0].Role,
                ReferenceEquals(kim.State, korea),
                Ids(korea.Actors),
                string.Join(",", kim.Aliases),
                kim.NameIn("ko"),
                kim.Sources.Count,
                Actors.Kcna.Name,
                Actors.Kcna.Sources[0].Name,
                string.Join(",", States.Donetsk.Sources.Select(s => s.Source.Outlet)),
                States.Donetsk.Sources.Count);
            """, Kontan, reuters);

        Assert.Equal(string.Join("|",
            "Democratic People's Republic of Korea",
            "Pyongyang",
            "DPRK,North Korea (DPRK)",
            // A label the declaration gives is kept; the report adds the others.
            "fr=Corée du Nord,id=Korea Utara",
            "Corée du Nord",
            "North Korea",
            "Sovereign",
            "2",
            "Pyongyang",
            "russia,north-korea",
            "luhansk",
            "donetsk,luhansk",
            "Chairman of the State Affairs Commission",
            "leader",
            "True",
            "kcna,kim-jong-un",
            "Kim,Kim Jong-un",
            "김정은",
            "2",
            // The first name given is the declared one.
            "KCNA",
            "KCNA",
            "Kontan",
            "1"), result);
    }

    // ---- across catalogs -------------------------------------------------------------------------

    private const string SharedYaml = """
        source:
          outlet: Kontan
          published: 2022-08-20
        states:
          north-korea: { name: North Korea, kind: sovereign }
          donetsk: { name: Donetsk People's Republic, kind: breakaway }
          luhansk: { name: Luhansk People's Republic, kind: breakaway }
          ukraine: { name: Ukraine, kind: sovereign }
        events:
          recognition:
            date: 2022
            kind: recognition
            summary: North Korea recognized Donetsk.
            states: [north-korea, donetsk]
          talks:
            date: 2022-03-01
            kind: talks
            summary: Talks in March.
            states: [north-korea]
        """;

    private const string DeskYaml = """
        source:
          outlet: Reuters
          published: 2022-07-13
        events:
          ukraine-cuts-ties:
            date: 2022-07-14
            kind: severance
            summary: Ukraine broke off relations with North Korea.
            states: [ukraine, north-korea]
            follows: [recognition]
        reports:
          events:
            recognition:
              date: 2022-07-13
              states: [luhansk]
        """;

    private sealed record Built(string Name, ImmutableArray<Diagnostic> Diagnostics, Compilation Output, byte[] Image)
    {
        public MetadataReference Reference => MetadataReference.CreateFromImage(Image);
    }

    /// <summary>A project after the generator ran, emitted, as CompositionTests builds one.</summary>
    private static Built Build(string name, FactFile file, IEnumerable<MetadataReference> references, string code = "")
    {
        var input = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions, path: name + ".User.cs"), CSharpSyntaxTree.ParseText("global using System.Linq;", GeneratorHarness.ParseOptions, path: name + ".Usings.cs") },
            Net100.References.All.Concat(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { file }, new Dictionary<string, string> { ["FactGenAccessibility"] = "public", ["RootNamespace"] = name })
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", diagnostics.Concat(emitted.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Format)));
        return new Built(name, diagnostics, output, stream.ToArray());
    }

    private static string RunProbe(params Built[] assemblies) => GeneratorHarness.RunProbe("factgen-reports", assemblies.Select(b => b.Image));

    [Fact]
    public void ADownstreamReportMakesADownstreamObjectAndLeavesTheUpstreamOneAlone()
    {
        Built shared = Build("Shared", new FactFile("/shared/shared.facts.yaml", SharedYaml), Array.Empty<MetadataReference>());
        Built desk = Build("Desk", new FactFile("/desk/desk.facts.yaml", DeskYaml), new[] { shared.Reference }, code: """
            public static class Probe
            {
                public static string Run()
                {
                    Shared.Facts.Event upstream = Shared.Facts.Events.Recognition;
                    Shared.Facts.Event merged = Desk.Facts.Catalog.Timeline.Single(e => e.Id == "recognition");
                    Shared.Facts.Event severance = Desk.Facts.Events.UkraineCutsTies;
                    return string.Join("|",
                        merged.Date,
                        string.Join(",", merged.States.Select(s => s.Id)),
                        merged.Sources.Count,
                        string.Join(",", merged.Sources.Select(s => s.Source.Outlet + ":" + s.IsDeclaration + ":" + s.Date)),
                        ReferenceEquals(merged, upstream),
                        // Downstream, every way to the fact is the merged object.
                        ReferenceEquals(severance.Follows[0], merged),
                        ReferenceEquals(Desk.Facts.Catalog.Events.Single(e => e.Id == "recognition"), merged),
                        ReferenceEquals(Desk.Facts.Events.Timeline.Single(e => e.Id == "recognition"), merged),
                        string.Join(",", Desk.Facts.Catalog.Timeline.Select(e => e.Id)),
                        // The merged fact's references are the upstream objects.
                        ReferenceEquals(merged.States[2], Shared.Facts.States.Luhansk),
                        merged.Summary,
                        // Upstream, nothing changed.
                        upstream.Date,
                        upstream.Sources.Count,
                        string.Join(",", upstream.States.Select(s => s.Id)),
                        string.Join(",", Shared.Facts.Events.Timeline.Select(e => e.Id)),
                        Shared.Facts.States.Luhansk.Events.Count);
                }
            }
            """);
        Assert.Empty(desk.Diagnostics.Select(GeneratorHarness.Format));

        Assert.Equal(string.Join("|",
            "2022-07-13",
            "north-korea,donetsk,luhansk",
            "2",
            "Kontan:True:2022,Reuters:False:2022-07-13",
            "False",
            "True",
            "True",
            "True",
            "talks,recognition,ukraine-cuts-ties",
            "True",
            "North Korea recognized Donetsk.",
            "2022",
            "1",
            "north-korea,donetsk",
            "recognition,talks",
            "0"), RunProbe(shared, desk));
    }

    [Fact]
    public void ADownstreamReportOnAnUnknownUpstreamIdIsFG0007WithASuggestion()
    {
        Built shared = Build("Shared", new FactFile("/shared/shared.facts.yaml", SharedYaml), Array.Empty<MetadataReference>());
        var input = CSharpCompilation.Create("Desk", Array.Empty<SyntaxTree>(), Net100.References.All.Append(shared.Reference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorHarness.CreateDriver(new[] { new FactFile("/desk/desk.facts.yaml", DeskYaml.Replace("    recognition:\n      date", "    recognitoin:\n      date")) },
                new Dictionary<string, string> { ["FactGenAccessibility"] = "public", ["RootNamespace"] = "Desk" })
            .RunGeneratorsAndUpdateCompilation(input, out _, out ImmutableArray<Diagnostic> diagnostics);

        Assert.Equal(
            new[] { "FG0007 desk.facts.yaml(13,5): Unknown event id 'recognitoin' in 'reports'; did you mean 'recognition' (of the referenced catalog 'Shared')?" },
            diagnostics.Select(GeneratorHarness.Format));
    }

    // ---- diagnostics -----------------------------------------------------------------------------

    [Fact]
    public void FG0016IsAtTheReportsValueWithTheDeclaredValueAsAdditionalLocation()
    {
        FactFile declared = new("/facts/a-kontan.facts.yaml", Kontan.Yaml.Replace("    date: 2022\n", "    date: 2022-08\n"));
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", """
              events:
                recognition:
                  date: 2022-07-13
            """);
        GeneratorRun run = GeneratorHarness.Run(declared, reuters);

        Diagnostic warning = Assert.Single(run.Diagnostics);
        Assert.Equal(
            "FG0016 b-reuters.facts.yaml(7,13): Sources disagree on the date of the event 'recognition': Kontan: 2022-08; Reuters: 2022-07-13; the fact keeps its declared '2022-08': correct the value that is wrong, or keep one with 'preferred: [date]' in its report",
            GeneratorHarness.Format(warning));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(10, warning.Location.SourceSpan.Length);
        Location other = Assert.Single(warning.AdditionalLocations);
        FileLinePositionSpan span = other.GetLineSpan();
        Assert.Equal("/facts/a-kontan.facts.yaml", span.Path);
        int line = declared.Yaml.Split('\n').ToList().IndexOf("    date: 2022-08");
        Assert.Equal((line, 10), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Equal(7, other.SourceSpan.Length);
        // The catalog still builds: FG0016 is a warning.
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Format));
    }

    [Theory]
    [InlineData("2022", "2022-07-13")]
    [InlineData("2022-07", "2022-07-13")]
    [InlineData("2022-07-13", "2022")]
    [InlineData("2022-07-13", "2022-07-13")]
    public void DatesWhereOneLiesWithinTheOtherAgree(string declaredDate, string reportedDate)
    {
        FactFile declared = new("/facts/a-kontan.facts.yaml", Kontan.Yaml.Replace("    date: 2022\n", $"    date: {declaredDate}\n"));
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", $"  events:\n    recognition: {{ date: {reportedDate} }}\n");
        Assert.Empty(GeneratorHarness.Run(declared, reuters).Diagnostics.Select(GeneratorHarness.Format));
    }

    [Fact]
    public void FG0016OnKindPlaceAndStateButNotOnListsOrTexts()
    {
        FactFile declared = new("/facts/a-kontan.facts.yaml", Kontan.Yaml.Replace("    states: [north-korea, russia]", "    states: [north-korea, russia]\n    place: russia"));
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", """
              events:
                talks:
                  kind: summit
                  place: north-korea
                  summary: Other words for the talks.
                  states: [donetsk]
              actors:
                kcna:
                  state: russia
                  name: Korean Central News Agency
            """);
        GeneratorRun run = GeneratorHarness.Run(declared, reuters);

        Assert.Equal(
            new[]
            {
                "FG0016 b-reuters.facts.yaml(13,14): Sources disagree on the state of the actor 'kcna': Kontan: north-korea; Reuters: russia; the fact keeps its declared 'north-korea': correct the value that is wrong, or keep one with 'preferred: [state]' in its report",
                "FG0016 b-reuters.facts.yaml(7,13): Sources disagree on the kind of the event 'talks': Kontan: talks; Reuters: summit; the fact keeps its declared 'talks': correct the value that is wrong, or keep one with 'preferred: [kind]' in its report",
                "FG0016 b-reuters.facts.yaml(8,14): Sources disagree on the place of the event 'talks': Kontan: russia; Reuters: north-korea; the fact keeps its declared 'russia': correct the value that is wrong, or keep one with 'preferred: [place]' in its report",
            },
            run.Diagnostics.Select(GeneratorHarness.Format).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void AReportOnAMisspeltIdIsFG0007WithASuggestion()
    {
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", """
              events:
                recognitoin:
                  date: 2022-07-13
              states:
                north-koera: { capital: Pyongyang }
            """);
        GeneratorRun run = GeneratorHarness.Run(Kontan, reuters);

        Assert.Equal(
            new[]
            {
                "FG0007 b-reuters.facts.yaml(6,5): Unknown event id 'recognitoin' in 'reports'; did you mean 'recognition'?",
                "FG0007 b-reuters.facts.yaml(9,5): Unknown state id 'north-koera' in 'reports'; did you mean 'north-korea'?",
            },
            run.Diagnostics.Select(GeneratorHarness.Format).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void AReportInTheWrongCategoryIsFG0007NamingTheCategory()
    {
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", "  states:\n    recognition: { capital: Pyongyang }\n");
        Diagnostic error = Assert.Single(GeneratorHarness.Run(Kontan, reuters).Diagnostics);
        Assert.Equal("FG0007 b-reuters.facts.yaml(6,5): Unknown state id 'recognition' in 'reports'; 'recognition' is an event, but 'reports' takes a state id", GeneratorHarness.Format(error));
    }

    [Fact]
    public void DeclaringAnIdAgainInsteadOfReportingOnItIsStillFG0006()
    {
        FactFile again = new("/facts/b-reuters.facts.yaml", """
            source:
              outlet: Reuters
            events:
              recognition:
                date: 2022-07-13
                kind: recognition
                summary: North Korea recognized both republics.
            """);
        Diagnostic error = Assert.Single(GeneratorHarness.Run(Kontan, again).Diagnostics);
        Assert.Equal("FG0006", error.Id);
        Assert.Equal("FG0006 b-reuters.facts.yaml(4,3): Duplicate event id 'recognition': it is already defined at /facts/a-kontan.facts.yaml(21,3); ids must be unique per category across all fact files", GeneratorHarness.Format(error));
    }

    [Fact]
    public void BadStanceAndPreferredKeysAreFG0010()
    {
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", """
              events:
                recognition:
                  stance: dispute
                  date: 2022-07-13
                talks:
                  preferred: [colour, summary]
                  date: 2022-03-01
            """);
        GeneratorRun run = GeneratorHarness.Run(Kontan, reuters);

        Assert.Equal(
            new[]
            {
                "FG0010 b-reuters.facts.yaml(10,19): Invalid value 'colour' for 'preferred': name a key of the report, such as 'date' or 'kind'",
                "FG0010 b-reuters.facts.yaml(10,27): Invalid value 'summary' for 'preferred': this report gives no 'summary'; prefer only a key that it gives",
                "FG0010 b-reuters.facts.yaml(7,15): Invalid value 'dispute' for 'stance': use reports (the source reports the fact) or disputes (it says the fact is wrong); did you mean 'disputes'?",
            },
            run.Diagnostics.Select(GeneratorHarness.Format).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void WhereTheWholeCatalogIsBoundTheReportsAreTheSame()
    {
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", "  events:\n    recognition: { date: 2022-07-13, states: [luhansk] }\n");
        // A duplicate id in two other files: the file-by-file bind defers to the whole bind.
        FactFile first = new("/facts/c-first.facts.yaml", "source:\n  outlet: C\nstates:\n  chad: { name: Chad, kind: sovereign }\n");
        FactFile second = new("/facts/d-second.facts.yaml", "source:\n  outlet: D\nstates:\n  chad: { name: Chad, kind: sovereign }\n");
        string probe = """
            namespace Consumer
            {
                internal static class Probe
                {
                    public static string Run() => TestProject.Facts.Events.Recognition.Date + "|" + TestProject.Facts.Events.Recognition.Sources.Count;
                }
            }
            """;
        GeneratorRun byFile = GeneratorHarness.Run(new[] { Kontan, reuters }, new[] { probe });
        GeneratorRun whole = GeneratorHarness.Run(new[] { Kontan, reuters, first, second }, new[] { probe });

        Assert.Equal("FG0006", Assert.Single(whole.Diagnostics).Id);
        // The whole bind ran for one catalog and not for the other.
        Assert.NotNull(whole.Driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.BindCatalog].Single().Outputs.Single().Value);
        Assert.Null(byFile.Driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.BindCatalog].Single().Outputs.Single().Value);
        Assert.Equal(byFile.Sources["FactGen.Reports.b_reuters.g.cs"], whole.Sources["FactGen.Reports.b_reuters.g.cs"]);
        Assert.Equal("2022-07-13|2", GeneratorHarness.Execute(whole.Output, "Consumer.Probe"));
        Assert.Equal("2022-07-13|2", GeneratorHarness.Execute(byFile.Output, "Consumer.Probe"));
    }

    // ---- caching ---------------------------------------------------------------------------------

    [Fact]
    public void EditingAReportReEmitsThatFilesReportsAlone()
    {
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", "  events:\n    recognition: { date: 2022-07-13, states: [luhansk] }\n");
        FactFile ap = Reporting("/facts/c-ap.facts.yaml", "AP", "2022-07-14", "  states:\n    north-korea: { capital: Pyongyang }\n");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { Kontan, reuters, ap }).RunGenerators(compilation);
        Dictionary<string, string> before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Equal(
            new[] { "FactGen.Catalog.g.cs", "FactGen.Facts.a_kontan.g.cs", "FactGen.Reports.b_reuters.g.cs", "FactGen.Reports.c_ap.g.cs", "FactGen.Types.g.cs" },
            before.Keys.OrderBy(k => k, StringComparer.Ordinal));

        AdditionalText old = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.ReadFactFile]
            .Select(step => step.Inputs[0].Source.Outputs[0].Value).OfType<AdditionalText>()
            .Single(text => text.Path == reuters.Path);
        driver = driver.ReplaceAdditionalText(old, new InMemoryAdditionalText(reuters.Path, reuters.Yaml.Replace("date: 2022-07-13,", "date: 2022-07-12,")))
            .RunGenerators(compilation);
        GeneratorDriverRunResult second = driver.GetRunResult();
        GeneratorRunResult result = second.Results.Single();
        Assert.Empty(second.Diagnostics);

        // The edited file's reports alone were made again.
        var reports = ReportOutputs(result).ToDictionary(o => o.Report.HintName, o => o.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, reports["FactGen.Reports.b_reuters.g.cs"]);
        Assert.Equal(IncrementalStepRunReason.Cached, reports["FactGen.Reports.c_ap.g.cs"]);
        // No fact file's part, nor the index, the kinds or the shell, was made again.
        Assert.All(result.TrackedSteps[TrackingNames.CatalogParts].SelectMany(step => step.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        foreach (string name in new[] { TrackingNames.CatalogIndex, TrackingNames.CatalogKinds, TrackingNames.CatalogShell, TrackingNames.BindsPerFile, TrackingNames.EmitPlan })
        {
            Assert.All(result.TrackedSteps[name], step => Assert.All(step.Outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " " + o.Reason)));
        }
        // The whole bind did not run.
        Assert.All(result.TrackedSteps[TrackingNames.BindCatalog], step => Assert.All(step.Outputs, o => Assert.Null(o.Value)));

        // Of the outputs, only the one that writes the edited file's reports ran again.
        string[] rerun = result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(step => step.Outputs)
            .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .SelectMany(o => HintNames(o.Value))
            .ToArray();
        Assert.Equal(new[] { "FactGen.Reports.b_reuters.g.cs" }, rerun);

        Dictionary<string, string> after = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        foreach (string hint in before.Keys.Where(k => k != "FactGen.Reports.b_reuters.g.cs")) Assert.Equal(before[hint], after[hint]);
        Assert.Contains("date: 1035500", after["FactGen.Reports.b_reuters.g.cs"]);
        Assert.Contains("date: 1035501", before["FactGen.Reports.b_reuters.g.cs"]);
    }

    /// <summary>
    /// Hovering a reported fact shows every source: the declaring one's citation, then each file
    /// that reports on it or disputes it, in file order. The whole-catalog bind (forced here by an
    /// unknown id in a third file) writes the same doc comment as the file-by-file bind.
    /// </summary>
    [Fact]
    public void TheReportedFactsDocCommentNamesEverySource()
    {
        FactFile reuters = new("/facts/b-reuters.facts.yaml", "source:\n  outlet: Reuters\n  title: North Korea recognises Donetsk\n  published: 2022-07-13\nreports:\n  events:\n    recognition: { date: 2022-07-13 }\n");
        FactFile ap = Reporting("/facts/c-ap.facts.yaml", "AP", "2022-07-14", "  events:\n    recognition: { stance: disputes }\n");
        const string expected = "Source: Kontan, 2022-08-20. Also reported by: Reuters, \u201CNorth Korea recognises Donetsk\u201D, 2022-07-13. Disputed by: AP, 2022-07-14.";

        GeneratorRun run = GeneratorHarness.Run(new[] { Kontan, reuters, ap });
        Assert.Empty(run.Diagnostics.Select(GeneratorHarness.Format));
        Assert.Contains(expected, Remarks(run, "TestProject.Facts.Events", "Recognition"));
        // A fact no one reports on cites its declaration alone.
        Assert.EndsWith("Source: Kontan, 2022-08-20.", Remarks(run, "TestProject.Facts.States", "Russia"));

        FactFile broken = new("/facts/d-broken.facts.yaml", "source:\n  outlet: Wire\nevents:\n  other: { date: 2022, kind: talks, summary: Talks., states: [atlantis] }\n");
        GeneratorRun whole = GeneratorHarness.Run(new[] { Kontan, reuters, ap, broken });
        Assert.Contains(whole.Diagnostics, d => d.Id == "FG0007");
        Assert.Equal(Remarks(run, "TestProject.Facts.Events", "Recognition"), Remarks(whole, "TestProject.Facts.Events", "Recognition"));
    }

    /// <summary>The remarks of a catalog member's doc comment, as the IDE reads them for its hover.</summary>
    private static string Remarks(GeneratorRun run, string type, string member)
    {
        ISymbol symbol = run.Output.GetTypeByMetadataName(type)!.GetMembers(member).Single();
        string xml = symbol.GetDocumentationCommentXml(CultureInfo.InvariantCulture) ?? string.Empty;
        return System.Xml.Linq.XElement.Parse(xml).Element("remarks")?.Value ?? string.Empty;
    }

    [Fact]
    public void ACSharpEditRedoesNothingInACatalogWithReports()
    {
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", "  events:\n    recognition: { date: 2022-07-13, states: [luhansk] }\n");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { }" });
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { Kontan, reuters }).RunGenerators(compilation);
        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Typed { int x; }", GeneratorHarness.ParseOptions));
        GeneratorDriverRunResult second = driver.RunGenerators(edited).GetRunResult();

        IncrementalAssert.AllCachedOrUnchanged(second);
        IncrementalAssert.NoRoslynObjectsInPipeline(second);
        GeneratorRunResult result = second.Results.Single();
        // Here the reports are listed: Roslyn lists the steps an output reaches, so the reporting
        // file's alone (the declaring file's, null, is filtered out before the output).
        var report = Assert.Single(ReportOutputs(result));
        Assert.Equal("/facts/b-reuters.facts.yaml", report.Report.Path);
        Assert.Equal(IncrementalStepRunReason.Cached, report.Reason);
        Assert.Equal(2, result.TrackedSteps[TrackingNames.FileClaims].Length);
    }

    /// <summary>Each file's reports as the report step made them (a file without reports makes none), with the reason it ran.</summary>
    private static IEnumerable<(FactGen.Binding.BoundReportFile Report, IncrementalStepRunReason Reason)> ReportOutputs(GeneratorRunResult result)
        => result.TrackedSteps[TrackingNames.ReportFiles].SelectMany(step => step.Outputs)
            .SelectMany(o => ((IEnumerable<FactGen.Binding.BoundReportFile>)o.Value).Select(r => (r, o.Reason)));

    /// <summary>The hint names of the sources an output step added (its value holds them as Roslyn's GeneratedSourceText).</summary>
    private static IEnumerable<string> HintNames(object value)
    {
        var names = new List<string>();
        void Walk(object? item, int depth)
        {
            if (item is null || depth > 4 || item is string) return;
            if (item.GetType().GetProperty("HintName") is { } hint)
            {
                names.Add((string)hint.GetValue(item)!);
                return;
            }
            if (item is System.Runtime.CompilerServices.ITuple tuple)
            {
                for (int i = 0; i < tuple.Length; i++) Walk(tuple[i], depth + 1);
            }
            else if (item is System.Collections.IEnumerable items)
            {
                foreach (object? each in items) Walk(each, depth + 1);
            }
        }
        Walk(value, 0);
        return names;
    }

    // ---- recovery --------------------------------------------------------------------------------

    private const string RecoveryProbe = """
        namespace Consumer
        {
            using System.Linq;
            using TestProject.Facts;

            internal static class Probe
            {
                public static string Run()
                {
                    Event e = Events.Recognition;
                    return string.Join("|", e.Date, string.Join(",", e.States.Select(s => s.Id)), e.Place?.Id ?? "-", e.Sources.Count, e.Sources[0].IsDeclaration,
                        // The file's other report.
                        Events.Talks.Sources.Count, Events.Talks.Date);
                }
            }
        }
        """;

    /// <summary>A reporting file whose report on the recognition has <paramref name="line"/> among its keys, and a report on the talks after it.</summary>
    private static FactFile ReportWith(string line)
        => Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", $"  events:\n    recognition:\n      {line}\n      states: [luhansk]\n    talks:\n      date: 2022-03\n");

    [Theory]
    [InlineData("date: 2022-07-32", "FG0008", 13)]
    [InlineData("date: 2022-02-30", "FG0008", 13)]
    [InlineData("kind: Recognition", "FG0010", 13)]
    [InlineData("status: rumoured", "FG0010", 15)]
    [InlineData("summary: [one, two]", "FG0002", 16)]
    public void AReportWithAMistakeIsOneDiagnosticAndTheFactKeepsItsDeclaration(string line, string id, int column)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { Kontan, ReportWith(line) }, new[] { RecoveryProbe });

        Diagnostic only = Assert.Single(run.Diagnostics);
        Assert.Equal($"{id} b-reuters.facts.yaml(7,{column})", only.Id + " " + DiagnosticsHelper.Where(only));
        // The report is left out: the declared date and states, one source. The other report of the file stays.
        Assert.Equal("2022|north-korea,donetsk|-|1|True|2|2022-03-01", GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }

    [Fact]
    public void AMisspeltKeyInAReportIsReadAsTheKeyItMisspells()
    {
        // FG0014 reads 'dat' as 'date' (as in a fact): an error, but the report keeps its values.
        GeneratorRun run = GeneratorHarness.Run(new[] { Kontan, ReportWith("dat: 2022-07-13") }, new[] { RecoveryProbe });

        Diagnostic only = Assert.Single(run.Diagnostics);
        Assert.Equal("FG0014 b-reuters.facts.yaml(7,7): 'dat' in report on event 'recognition' is not a key; it is read as 'date', which is missing there: correct its spelling", GeneratorHarness.Format(only));
        Assert.Equal("2022-07-13|north-korea,donetsk,luhansk|-|2|True|2|2022-03-01", GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }

    [Fact]
    public void AnUnknownIdAmongAReportsValuesIsOneFG0007()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { Kontan, ReportWith("place: atlantis") }, new[] { RecoveryProbe });

        Diagnostic only = Assert.Single(run.Diagnostics);
        Assert.Equal("FG0007 b-reuters.facts.yaml(7,14): Unknown state id 'atlantis' in 'place'; declare it under 'states:' in a fact file", GeneratorHarness.Format(only));
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Format));
        // The report is left out whole, as after any mistake in it: the declared date and states,
        // one source. The other report of the file stays.
        Assert.Equal("2022|north-korea,donetsk|-|1|True|2|2022-03-01", GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }

    /// <summary>
    /// Recovery reads the reports block a level deeper than a category: the quote loses the
    /// report it is in, not every report on events of the file, and the message says so.
    /// </summary>
    [Fact]
    public void AnUnclosedQuoteInAReportLosesThatReportAlone()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { Kontan, ReportWith("date: \"2022-07-13") }, new[] { RecoveryProbe });

        Diagnostic only = Assert.Single(run.Diagnostics);
        Assert.Equal("FG0001 b-reuters.facts.yaml(7,13)", only.Id + " " + DiagnosticsHelper.Where(only));
        Assert.EndsWith("the report on 'recognition' is left out, and the fact keeps its other sources", only.GetMessage(CultureInfo.InvariantCulture));
        // As after an unclosed quote in a fact, whose next fact is still read: the report on the
        // talks, after the broken one, is still read and merged.
        Assert.Equal("2022|north-korea,donetsk|-|1|True|2|2022-03-01", GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }

    [Fact]
    public void AnUnknownKeyInAReportIsAWarningAndTheReportIsKept()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { Kontan, ReportWith("colour: red") }, new[] { RecoveryProbe });

        Diagnostic only = Assert.Single(run.Diagnostics);
        Assert.Equal("FG0004 b-reuters.facts.yaml(7,7): Unknown key 'colour' in report on event 'recognition'; it is ignored", GeneratorHarness.Format(only));
        Assert.Equal(DiagnosticSeverity.Warning, only.Severity);
        Assert.Equal("2022|north-korea,donetsk,luhansk|-|2|True|2|2022-03-01", GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }

    /// <summary>
    /// A report's kind that no declared fact uses is a member of the kind enum all the same: the
    /// report's generated <c>KindValue(2, "announcement")</c> finds it, rather than giving
    /// <c>(EventKind)(-1)</c>.
    /// </summary>
    [Fact]
    public void AReportedKindThatNoFactDeclaresIsTheMergedKind()
    {
        // 'announcement' is a kind no declared event uses: the report's preferred kind must still
        // be a member of EventKind, not an out-of-range value.
        FactFile reuters = Reporting("/facts/b-reuters.facts.yaml", "Reuters", "2022-07-13", """
              events:
                recognition:
                  preferred: [kind]
                  kind: announcement
            """);
        GeneratorRun run = GeneratorHarness.Run(new[] { Kontan, reuters }, new[] { """
            namespace Consumer
            {
                public static class Probe
                {
                    public static string Run()
                    {
                        var e = TestProject.Facts.Events.Recognition;
                        return e.Kind.ToString() + "|" + System.Enum.IsDefined(typeof(TestProject.Facts.EventKind), e.Kind) + "|" + e.Sources[1].Kind;
                    }
                }
            }
            """ });
        // FG0016 is settled by 'preferred'.
        Assert.Empty(run.Diagnostics.Select(GeneratorHarness.Format));
        Assert.Equal("Announcement|True|Announcement", GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }
}
