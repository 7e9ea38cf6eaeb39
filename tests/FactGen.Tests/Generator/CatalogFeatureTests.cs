using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// What the catalog offers beyond one member per fact: retracted and disputed events, string ids
/// looked up at run time, dates across precisions, names by language, and the relation graph.
/// Each test compiles real generator output and runs it.
/// </summary>
public class CatalogFeatureTests
{
    private const string Reason = "KCNA withdrew the report; \"workers\" was a mistranslation.";

    /// <summary>A catalog with a retracted and a disputed event, labels, and an actor that both acts and reports.</summary>
    private static FactFile Catalog => new("/facts/features.facts.yaml", Facts.MinimalSource + """

        states:
          north-korea:
            name: North Korea
            kind: sovereign
            labels: { id: Korea Utara, zh-Hant: 北韓, "en-GB": "North Korea (GB)" }
          taiwan-test:
            name: "Quote \" and #hash & <b>"
            kind: sovereign
            recognized_by: [north-korea]
        actors:
          kcna:
            name: KCNA
            kind: media
            state: north-korea
            labels: { id: Kantor Berita Korea }
          envoy:
            name: Envoy
            kind: person
        events:
          workers-sent:
            date: 2022-08
            kind: plan
            summary: Workers were said to be sent.
            status: retracted
            retraction: "KCNA withdrew the report; \"workers\" was a mistranslation."
          declaration:
            date: 2022-07
            kind: declaration
            summary: A declaration the record contradicts.
            status: disputed
          kcna-report:
            date: 2022-08-17
            kind: report
            summary: KCNA reported its own statement.
            actors: [kcna]
            reported_by: [kcna]
          letter:
            date: 2022-08-15
            kind: letter
            summary: A letter.
            actors: [envoy]
            reported_by: [kcna]
          year-only:
            date: 2022
            kind: talks
            summary: Talks at some point in 2022.
          first-of-july:
            date: 2022-07-01
            kind: meeting
            summary: A meeting on the first of July.
          liberation:
            date: 1945-08-15
            kind: liberation
            summary: Liberation.
        """);

    private static string Run(string body, params FactFile[] files) => Run(body, extraTypes: string.Empty, files);

    private static string Run(string body, string extraTypes, params FactFile[] files)
    {
        string probe = $$"""
            using System;
            using System.Linq;
            using System.Collections.Generic;
            using TestProject.Facts;

            namespace Consumer
            {
                public static class Probe
                {
                    public static string Run()
                    {
                        {{body}}
                    }

                    static string Ids(IEnumerable<Event> events) => string.Join(",", events.Select(e => e.Id));

                    static string Throws(Action action)
                    {
                        try { action(); return "no exception"; }
                        catch (Exception e) { return e.GetType().Name + ": " + e.Message; }
                    }
                }

                {{extraTypes}}
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(files.Length == 0 ? new[] { Catalog } : files, new[] { probe });
        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Format));
        return GeneratorHarness.Execute(run.Output, "Consumer.Probe");
    }

    // ---- retracted and disputed ------------------------------------------------------------------

    [Fact]
    public void UsingARetractedEventWarnsCS0618WithTheReasonThroughTheMemberAndItsId()
    {
        const string user = """
            using TestProject.Facts;
            static class Uses
            {
                static object Member() => Events.WorkersSent;
                static string Id() => Events.Ids.WorkersSent;
                static object Fine() => Events.Declaration;
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { Catalog }, new[] { user });

        Diagnostic[] obsolete = run.CompilationDiagnostics.Where(d => d.Id == "CS0618").ToArray();
        Assert.Equal(2, obsolete.Length);
        Assert.All(obsolete, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains(obsolete, d => d.GetMessage().Contains("'Events.WorkersSent' is obsolete: 'Retracted: " + Reason + "'"));
        Assert.Contains(obsolete, d => d.GetMessage().Contains("'Events.Ids.WorkersSent' is obsolete: 'Retracted: " + Reason + "'"));
        // Nothing else warns: the generated code itself never uses the retracted members.
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Id != "CS0618").Select(GeneratorHarness.Format));
    }

    [Fact]
    public void RetractedAndDisputedEventsSayWhatTheyAreAtRunTimeAndInTheirDocs()
    {
        string result = Run("""
            Event retracted = Events.Get("workers-sent");
            Event disputed = Events.Declaration;
            Event plain = Events.Letter;
            return string.Join("|", retracted.Status, retracted.IsRetracted, retracted.IsDisputed, retracted.Retraction,
                disputed.Status, disputed.IsDisputed, disputed.IsRetracted, disputed.Retraction ?? "null",
                plain.IsDisputed, plain.IsRetracted, plain.Retraction ?? "null");
            """);

        Assert.Equal($"Retracted|True|False|{Reason}|Disputed|True|False|null|False|False|null", result);

        string catalog = GeneratorHarness.Run(Catalog).Catalog;
        Assert.Contains("/// <summary>Disputed. 2022-07, declaration: A declaration the record contradicts.</summary>", catalog);
        Assert.Contains("/// <summary>Retracted: KCNA withdrew the report; &quot;workers&quot; was a mistranslation. 2022-08, plan:", catalog);
    }

    // ---- Get(string) and FactAttribute -------------------------------------------------------------

    [Fact]
    public void GetReturnsTheSameObjectAsTheMemberAndNamesTheNearestIdWhenItThrows()
    {
        string result = Run("""
            return string.Join("|",
                ReferenceEquals(Actors.Get("kcna"), Actors.Kcna),
                ReferenceEquals(States.Get("north-korea"), States.NorthKorea),
                ReferenceEquals(Events.Get("letter"), Events.Letter),
                Throws(() => Actors.Get("kcan")),
                Throws(() => States.Get("nowhere-at-all")),
                Throws(() => Events.Get(null!)),
                Throws(() => Events.Get("Letter")));
            """);

        Assert.Equal(
            "True|True|True"
            + "|KeyNotFoundException: No actor in the fact catalog has the id 'kcan'; did you mean 'kcna'?"
            + "|KeyNotFoundException: No state in the fact catalog has the id 'nowhere-at-all'."
            + "|ArgumentNullException: Value cannot be null. (Parameter 'id')"
            + "|KeyNotFoundException: No event in the fact catalog has the id 'Letter'; did you mean 'letter'?",
            result);
    }

    [Fact]
    public void FactAttributeCarriesTheIdAndGetsParameterIsMarkedForTheAnalyzer()
    {
        string result = Run("""
            var attributes = typeof(Tagged).GetCustomAttributes(typeof(FactAttribute), inherit: false).Cast<FactAttribute>().Select(a => a.Id);
            var marker = (FactIdAttribute)typeof(Actors).GetMethod("Get")!.GetParameters()[0].GetCustomAttributes(typeof(FactIdAttribute), false).Single();
            var factMarker = (FactIdAttribute)typeof(FactAttribute).GetConstructors().Single().GetParameters()[0].GetCustomAttributes(typeof(FactIdAttribute), false).Single();
            return string.Join(",", attributes.OrderBy(s => s)) + "|" + string.Join(",", marker.IdClasses.Select(t => t.FullName))
                + "|" + string.Join(",", factMarker.IdClasses.Select(t => t.FullName));
            """,
            """
            [Fact("kcna")]
            [Fact(Events.Ids.Letter)]
            class Tagged { }
            """);

        Assert.Equal(
            "kcna,letter|TestProject.Facts.Actors+Ids|TestProject.Facts.States+Ids,TestProject.Facts.Actors+Ids,TestProject.Facts.Events+Ids",
            result);
    }

    [Fact]
    public void FactAttributeCanBeLeftOutWhereXunitsFactWouldBeAmbiguous()
    {
        const string testProject = """
            namespace Xunit { public sealed class FactAttribute : System.Attribute { } }
            namespace Tests
            {
                using Xunit;
                using TestProject.Facts;
                public class CatalogTests { [Fact] public void Letter() { _ = Events.Letter; } }
            }
            """;
        string[] Errors(Dictionary<string, string> properties)
            => GeneratorHarness.Run(new[] { Catalog }, new[] { testProject }, properties)
                .CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().ToArray();

        Assert.Equal(new[] { "CS0104" }, Errors(new Dictionary<string, string>()));
        Assert.Empty(Errors(new Dictionary<string, string> { ["FactGenFactAttribute"] = "false" }));

        GeneratorRun invalid = GeneratorHarness.Run(new[] { Catalog }, null, new Dictionary<string, string> { ["FactGenFactAttribute"] = "no" });
        Assert.Contains(invalid.Diagnostics, d => d.Id == "FG0010" && d.GetMessage().Contains("FactGenFactAttribute"));
        Assert.Contains("class FactAttribute", invalid.Sources["FactGen.Types.g.cs"]);
    }

    // ---- time --------------------------------------------------------------------------------------

    [Fact]
    public void FactDatesSortAcrossPrecisionsAndKnowWhatTheyContain()
    {
        string result = Run("""
            var dates = new[] { new FactDate(2022, 8, 15), new FactDate(2022, 7), new FactDate(2022), new FactDate(2022, 1), new FactDate(2021, 12, 31), new FactDate(2022, 8) };
            Array.Sort(dates);
            FactDate july = new FactDate(2022, 7), august15 = new FactDate(2022, 8, 15), year = new FactDate(2022), august = new FactDate(2022, 8);
            return string.Join(",", dates) + "|" + string.Join(",",
                july < august15, year < new FactDate(2022, 1), year < july, august < august15,
                august.Contains(august15), august.Contains(august), august.Contains(year), year.Contains(august15),
                year.Overlaps(july), july.Overlaps(august), august15.Overlaps(august),
                august.Start.ToString("yyyy-MM-dd"), august.End.ToString("yyyy-MM-dd"), year.End.ToString("yyyy-MM-dd"),
                new FactDate(2024, 2).End.ToString("yyyy-MM-dd"), august15.End.ToString("yyyy-MM-dd"));
            """);

        Assert.Equal(
            "2021-12-31,2022,2022-01,2022-07,2022-08,2022-08-15|"
            + "True,True,True,True,"
            + "True,True,False,True,"
            + "True,False,True,"
            + "2022-08-01,2022-08-31,2022-12-31,2024-02-29,2022-08-15",
            result);
    }

    [Fact]
    public void BetweenAndOnTakeEachDateAtItsPrecisionInTimelineOrder()
    {
        string result = Run("""
            return string.Join("|",
                Ids(Events.Between(new FactDate(2022, 7), new FactDate(2022, 8))),
                Ids(Events.Between(new FactDate(2022, 7, 1), new FactDate(2022, 8, 31))),
                Ids(Events.Between(new FactDate(2022, 7, 2), new FactDate(2022, 8, 16))),
                Ids(Events.On(new FactDate(2022, 8, 15))),
                Ids(Events.On(new FactDate(2022, 8))),
                Ids(Events.On(new FactDate(2022))),
                Ids(Events.On(new FactDate(1945))),
                Ids(Events.Between(new FactDate(2023), new FactDate(2022))),
                Ids(Events.Between(new FactDate(1900), new FactDate(9999))),
                Throws(() => Events.On(default)));
            """);

        Assert.Equal(string.Join("|",
            // July and August 2022, each at its precision; 'year-only' (2022) might be outside them.
            "declaration,first-of-july,workers-sent,letter,kcna-report",
            // From the first of July: the whole month of July is inside it.
            "declaration,first-of-july,workers-sent,letter,kcna-report",
            // From 2 July to 16 August: neither month is wholly inside.
            "letter",
            "letter",
            "workers-sent,letter,kcna-report",
            "year-only,declaration,first-of-july,workers-sent,letter,kcna-report",
            "liberation",
            "",
            "liberation,year-only,declaration,first-of-july,workers-sent,letter,kcna-report",
            "ArgumentException: default(FactDate) is not a date. (Parameter 'date')"), result);
    }

    [Fact]
    public void ActorTimelineMergesWhatItDidAndWhatItReportedOnceEachInDateOrder()
    {
        string result = Run("""
            return string.Join("|", Ids(Actors.Kcna.Events), Ids(Actors.Kcna.Reports), Ids(Actors.Kcna.Timeline), Ids(Actors.Envoy.Timeline));
            """);

        // KCNA took part in kcna-report and reported both letter and kcna-report: each appears once.
        Assert.Equal("kcna-report|letter,kcna-report|letter,kcna-report|letter", result);
    }

    [Fact]
    public void SeedTimelineOfJulyAndAugust2022()
    {
        string result = Run("""
            return Ids(Events.Between(new FactDate(2022, 7), new FactDate(2022, 8))) + "|" + Ids(Actors.Kcna.Timeline);
            """, Facts.Seed);

        // From the seed by hand: three events dated July 2022 (ties by id), then August 2022, the
        // 15th and the 17th. The two events dated only 2022 and the 1945 one are not in the window.
        Assert.Equal(
            "donetsk-luhansk-independence-declaration,makeeva-sin-moscow-meeting,sin-sees-cooperation-potential,"
            + "north-korea-weighs-sending-workers,pushilin-letter-to-kim,kcna-reports-pushilin-letter"
            + "|pushilin-letter-to-kim,kcna-reports-pushilin-letter",
            result);
    }

    // ---- labels ------------------------------------------------------------------------------------

    [Fact]
    public void NameInFallsBackFromTheFullTagToItsPrefixAndThenToTheName()
    {
        string result = Run("""
            State korea = States.NorthKorea;
            return string.Join("|", korea.NameIn("id"), korea.NameIn("ID-id"), korea.NameIn("zh-Hant-TW"), korea.NameIn("zh"),
                korea.NameIn("en-gb"), korea.NameIn("en"), korea.NameIn("fr"), korea.NameIn(" ".Trim()), korea.NameIn(""),
                korea.NameIn("iD"), Actors.Kcna.NameIn("id"), Actors.Envoy.NameIn("id"), korea.NameIn(null));
            """);

        Assert.Equal("Korea Utara|Korea Utara|北韓|North Korea|North Korea (GB)|North Korea|North Korea|North Korea|North Korea|Korea Utara|Kantor Berita Korea|Envoy|North Korea", result);
    }

    [Fact]
    public void LabelsIgnoreTheCaseOfTheirTagsAsNameInDoes()
    {
        string result = Run("""
            var labels = States.NorthKorea.Labels;
            return string.Join("|", labels["id"], labels["ID"], labels["Id"], labels.ContainsKey("ZH-HANT"));
            """);

        Assert.Equal("Korea Utara|Korea Utara|Korea Utara|True", result);
    }

    [Fact]
    public void TwoLabelsWhoseTagsDifferOnlyInCaseAreOneRepeatedLabel()
    {
        string yaml = Facts.MinimalSource + "\nstates:\n  korea: { name: Korea, kind: sovereign, labels: { id: Korea, ID: Koréa } }\n";

        Diagnostic repeated = DiagnosticsHelper.Single("FG0001", new FactFile("/facts/test.facts.yaml", yaml));

        Assert.Equal("test.facts.yaml(8,63)", DiagnosticsHelper.Where(repeated));
        Assert.Contains("first at line 8, as 'id'", DiagnosticsHelper.Message(repeated), StringComparison.Ordinal);
    }

    // ---- the relation graph ------------------------------------------------------------------------

    [Fact]
    public void ToMermaidDrawsNodesAndTheFourKindsOfEdgeWithLabelsEscaped()
    {
        string result = Run("return Catalog.ToMermaid() + \"=====\\n\" + Catalog.ToMermaid(\"id\");");
        string[] parts = result.Split("=====\n");

        Assert.Equal("""
            flowchart LR
                subgraph states [States]
                    state_north_korea[["North Korea"]]
                    state_taiwan_test[["Quote #quot; and #35;hash #amp; #lt;b#gt;"]]
                end
                subgraph actors [Actors]
                    actor_envoy(["Envoy"])
                    actor_kcna(["KCNA"])
                end
                subgraph events [Events]
                    event_declaration["2022-07<br/>declaration"]
                    event_first_of_july["2022-07-01<br/>first-of-july"]
                    event_kcna_report["2022-08-17<br/>kcna-report"]
                    event_letter["2022-08-15<br/>letter"]
                    event_liberation["1945-08-15<br/>liberation"]
                    event_workers_sent["2022-08<br/>workers-sent"]
                    event_year_only["2022<br/>year-only"]
                end
                state_taiwan_test -->|recognized by| state_north_korea
                actor_kcna -->|state| state_north_korea
                event_kcna_report -->|actor| actor_kcna
                event_kcna_report -->|reported by| actor_kcna
                event_letter -->|actor| actor_envoy
                event_letter -->|reported by| actor_kcna
                classDef disputed stroke-dasharray: 6 3
                class event_declaration disputed
                classDef retracted stroke-dasharray: 2 2,color:#777
                class event_workers_sent retracted

            """.Replace("\r\n", "\n"), parts[0]);
        Assert.Contains("state_north_korea[[\"Korea Utara\"]]", parts[1]);
        Assert.Contains("actor_kcna([\"Kantor Berita Korea\"])", parts[1]);
    }

    [Fact]
    public void ToMermaidLeavesOutEmptyCategories()
    {
        var onlyStates = new FactFile("/facts/states.facts.yaml", Facts.MinimalSource + "\nstates:\n  atlantis: { name: Atlantis, kind: sunken }\n");

        string result = Run("return Catalog.ToMermaid();", onlyStates);

        Assert.Equal("flowchart LR\n    subgraph states [States]\n        state_atlantis[[\"Atlantis\"]]\n    end\n", result);
    }

    [Fact]
    public void TheApiDocEmbedsTheMermaidDiagramOfTheSeedCatalogAsItIsGenerated()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "api.md")).Replace("\r\n", "\n");
        Match block = Regex.Match(doc, "```mermaid\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "docs/api.md has no ```mermaid block.");

        string generated = Run("return Catalog.ToMermaid();", Facts.Seed);

        // If this fails, paste the output of: dotnet run --project samples/FactGen.Sample -- --mermaid
        Assert.Equal(generated, block.Groups[1].Value);
    }
}
