using System;
using System.IO;
using System.Linq;
using FactGen.Tests.Infrastructure;
using Xunit;

namespace FactGen.Tests.EndToEnd;

/// <summary>
/// Catalogs that build on each other, with the real SDK: the composition sample
/// (shared catalog → desk app), a three-project graph (shared → desk library → app), and a
/// shared catalog packed into a nupkg and referenced by a brand-new project.
/// </summary>
public class CompositionBuildTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Fact]
    public void TheCompositionSampleRunsAndHandsOutTheSharedCatalogsObjects()
    {
        string copy = DotNet.CopyRepositoryForBuild();
        try
        {
            ProcessResult run = DotNet.Run(copy, Limit, "run", "--project", Path.Combine(copy, "samples", "FactGen.DeskSample"));
            Succeeds(run);
            Assert.Contains("North Korea is the shared catalog's own object: True", run.Output);
            Assert.Contains("ukraine-cuts-ties-with-north-korea is a severance: True", run.Output);
            // The whole timeline holds the events of both catalogs, in date order.
            string[] timeline = run.Output.Split('\n').Where(l => l.StartsWith("  20", StringComparison.Ordinal) || l.StartsWith("  19", StringComparison.Ordinal)).ToArray();
            Assert.Contains(timeline, l => l.Contains("shared") && l.Contains("korea-liberation-day"));
            Assert.Contains(timeline, l => l.Contains("desk") && l.Contains("ukraine-cuts-ties-with-north-korea"));
            // The desk's Reuters file reports on the shared recognition event: one event, dated to
            // Reuters's day, with both sources; no second recognition event.
            Assert.Single(timeline, l => l.Contains("north-korea-recognizes"));
            Assert.Contains(timeline, l => l.Contains("2022-07-13  shared  north-korea-recognizes-donetsk"));
            Assert.Contains("  Kontan declares it, dated 2022\n", run.Output.Replace("\r\n", "\n"));
            Assert.Contains("  Reuters reports it, dated 2022-07-13\n", run.Output.Replace("\r\n", "\n"));
            Assert.Contains("the shared catalog's own view of it is unchanged: 2022, 1 source", run.Output);
            Assert.Equal(9 + 3, timeline.Length);
            string[] dates = timeline.Select(l => l.Trim().Split(' ')[0]).ToArray();
            Assert.Equal(dates.OrderBy(d => d, StringComparer.Ordinal), dates);
            Assert.DoesNotContain("CS8785", run.Output);
        }
        finally
        {
            TryDelete(copy);
        }
    }

    [Fact]
    public void AThreeProjectGraphSharesOneObjectPerFactAndReportsUpstreamMistakesAtTheYamlLine()
    {
        string copy = DotNet.CopyRepositoryForBuild();
        string work = Path.Combine(copy, "graph");
        try
        {
            string generator = Path.Combine(copy, "src", "FactGen", "FactGen.csproj");
            string shared = Path.Combine(copy, "samples", "FactGen.SharedCatalog", "FactGen.SharedCatalog.csproj");

            // The desk: a public catalog of its own on top of the shared one.
            string desk = Path.Combine(work, "Desk");
            Directory.CreateDirectory(desk);
            File.WriteAllText(Path.Combine(desk, "Desk.csproj"), Project("Library", generator, accessibility: "public", references: shared));
            File.WriteAllText(Path.Combine(desk, "desk.facts.yaml"), """
                source:
                  outlet: Desk Wire
                actors:
                  desk-editor: { name: Desk Editor, kind: person, state: north-korea }
                events:
                  desk-briefing:
                    date: 2022-08-20
                    kind: briefing
                    summary: The desk briefed its readers on the letter.
                    actors: [desk-editor]
                    states: [north-korea, donetsk-peoples-republic]
                    reported_by: [reuters]
                    follows: [pushilin-letter-to-kim]
                """);

            // The app: references the desk only; the shared catalog comes transitively.
            string app = Path.Combine(work, "App");
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "App.csproj"), Project("Exe", generator, accessibility: "internal", references: Path.Combine(desk, "Desk.csproj")));
            string appFacts = Path.Combine(app, "app.facts.yaml");
            const string appYaml = """
                source:
                  outlet: App Wire
                events:
                  app-follow-up:
                    date: 2022-08-21
                    kind: commentary
                    summary: The app's own follow-up.
                    actors: [desk-editor, kim-jong-un]
                    states: [north-korea]
                    follows: [desk-briefing]
                """;
            File.WriteAllText(appFacts, appYaml);
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using Shared = FactGen.SharedCatalog.Facts;
                using DeskFacts = Desk.Facts;
                using AppFacts = App.Facts;

                Shared.Event followUp = AppFacts.Events.AppFollowUp;
                Console.WriteLine($"state same: {ReferenceEquals(followUp.States[0], Shared.States.NorthKorea)}");
                Console.WriteLine($"desk actor same: {ReferenceEquals(followUp.Actors[0], DeskFacts.Actors.DeskEditor)}");
                Console.WriteLine($"shared actor same: {ReferenceEquals(followUp.Actors[1], Shared.Actors.KimJongUn)}");
                Console.WriteLine($"follows desk: {ReferenceEquals(followUp.Follows[0], DeskFacts.Events.DeskBriefing)}");
                Console.WriteLine($"desk follows shared: {ReferenceEquals(DeskFacts.Events.DeskBriefing.Follows[0], Shared.Events.PushilinLetterToKim)}");
                Console.WriteLine($"one type: {typeof(Shared.Event) == followUp.GetType()}");
                Console.WriteLine($"upstream unchanged: {Shared.Actors.KimJongUn.Timeline.Contains(followUp)}");
                Console.WriteLine($"whole timeline: {AppFacts.Catalog.Timeline.Count}");
                Console.WriteLine($"new kind: {followUp.Kind == AppFacts.EventKinds.Commentary}");
                Console.WriteLine($"mermaid: {AppFacts.Catalog.ToMermaid().Contains("event_app_follow_up -->|actor| actor_kim_jong_un")}");
                """);

            ProcessResult run = DotNet.Run(app, Limit, "run", "-nodeReuse:false");
            Succeeds(run);
            foreach (string expected in new[] { "state same: True", "desk actor same: True", "shared actor same: True", "follows desk: True", "desk follows shared: True", "one type: True", "upstream unchanged: False", "whole timeline: 11", "new kind: True", "mermaid: True" })
            {
                Assert.True(run.Output.Contains(expected), $"Expected '{expected}' in:\n{run}");
            }

            // A misspelt upstream id: FG0007 at its line and column, with the nearest id and its catalog.
            string misspelt = appYaml.Replace("actors: [desk-editor, kim-jong-un]", "actors: [desk-editor, kim-jong-um]");
            File.WriteAllText(appFacts, misspelt);
            (int line, int column) = Position(misspelt, "kim-jong-um");
            ProcessResult broken = DotNet.Run(app, Limit, "build", "-nodeReuse:false");
            Assert.NotEqual(0, broken.ExitCode);
            string fg0007 = $"app.facts.yaml({line},{column}): error FG0007: Unknown actor id 'kim-jong-um' in 'actors'; did you mean 'kim-jong-un' (of the referenced catalog 'FactGen.SharedCatalog')?";
            Assert.True(broken.Output.Contains(fg0007), $"Expected '{fg0007}' in:\n{broken}");

            // Declaring an upstream id again: FG0006, naming the catalog, its file and line.
            string redeclared = appYaml + "\nstates:\n  north-korea: { name: North Korea, kind: sovereign }\n";
            File.WriteAllText(appFacts, redeclared);
            (line, column) = Position(redeclared, "north-korea:");
            ProcessResult duplicate = DotNet.Run(app, Limit, "build", "-nodeReuse:false");
            Assert.NotEqual(0, duplicate.ExitCode);
            string[] seed = File.ReadAllLines(Path.Combine(copy, "seeds", "kontan-2022-08-pushilin-letter.facts.yaml"));
            int seedLine = Array.FindIndex(seed, l => l == "  north-korea:") + 1;
            string fg0006 = $"app.facts.yaml({line},{column}): error FG0006: Duplicate state id 'north-korea': it is already defined at the referenced catalog 'FactGen.SharedCatalog' (kontan-2022-08-pushilin-letter.facts.yaml, line {seedLine})";
            Assert.True(duplicate.Output.Contains(fg0006), $"Expected '{fg0006}' in:\n{duplicate}");
        }
        finally
        {
            TryDelete(copy);
        }
    }

    [Fact]
    public void APackedSharedCatalogIsReferencedByABrandNewProject()
    {
        string copy = DotNet.CopyRepositoryForBuild();
        string work = Path.Combine(copy, "consumer");
        string feed = Path.Combine(work, "feed");
        string app = Path.Combine(work, "Newsroom");
        // Versions no cache has seen, so no package is served stale.
        string version = "0.0.1-ci." + Guid.NewGuid().ToString("N").Substring(0, 12);
        try
        {
            Succeeds(DotNet.Run(copy, Limit, "pack", Path.Combine(copy, "src", "FactGen"), "-o", feed, $"-p:Version={version}", "-nodeReuse:false"));
            Succeeds(DotNet.Run(copy, Limit, "pack", Path.Combine(copy, "samples", "FactGen.SharedCatalog"), "-o", feed, $"-p:Version={version}", "-nodeReuse:false"));

            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                  </packageSources>
                  <config>
                    <add key="globalPackagesFolder" value="{Path.Combine(work, "packages")}" />
                  </config>
                </configuration>
                """);
            Succeeds(DotNet.Run(app, Limit, "new", "console", "--name", "Newsroom", "--output", app, "--framework", "net10.0"));
            Succeeds(DotNet.Run(app, Limit, "add", "package", "FactGen", "--source", feed, "--version", version));
            Succeeds(DotNet.Run(app, Limit, "add", "package", "FactGen.SharedCatalog", "--source", feed, "--version", version));
            File.WriteAllText(Path.Combine(app, "news.facts.yaml"), """
                source:
                  outlet: Newsroom Wire
                events:
                  newsroom-recap:
                    date: 2022-09
                    kind: recap
                    summary: The newsroom recapped the letter.
                    states: [north-korea]
                    reported_by: [kcna]
                    follows: [kcna-reports-pushilin-letter]
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using Shared = FactGen.SharedCatalog.Facts;
                var recap = Newsroom.Facts.Events.NewsroomRecap;
                Console.WriteLine($"{recap.Date} {recap.States[0].Name} same={ReferenceEquals(recap.ReportedBy[0], Shared.Actors.Kcna)} follows={recap.Follows[0].Id}");
                """);
            ProcessResult run = DotNet.Run(app, Limit, "run");
            Succeeds(run);
            Assert.Contains("2022-09 North Korea same=True follows=kcna-reports-pushilin-letter", run.Output);
            Assert.DoesNotContain("CS8785", run.Output);
        }
        finally
        {
            TryDelete(copy);
        }
    }

    private static string Project(string outputType, string generator, string accessibility, string references) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <Import Project="{Path.Combine(Path.GetDirectoryName(generator)!, "build", "FactGen.props")}" />
          <PropertyGroup>
            <OutputType>{outputType}</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <FactGenAccessibility>{accessibility}</FactGenAccessibility>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{generator}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <ProjectReference Include="{references}" />
            <AdditionalFiles Include="*.facts.yaml" />
          </ItemGroup>
        </Project>
        """;

    private static (int Line, int Column) Position(string text, string token)
    {
        string[] lines = text.Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains(token, StringComparison.Ordinal));
        return (line + 1, lines[line].IndexOf(token, StringComparison.Ordinal) + 1);
    }

    private static void Succeeds(ProcessResult result) => Assert.True(result.ExitCode == 0, result.ToString());

    private static void TryDelete(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
