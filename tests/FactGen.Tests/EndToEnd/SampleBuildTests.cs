using System;
using System.IO;
using System.Linq;
using FactGen.Tests.Infrastructure;
using Xunit;

namespace FactGen.Tests.EndToEnd;

/// <summary>A copy of the repository's sample, built and run with the real dotnet CLI.</summary>
public sealed class SampleCopy : IDisposable
{
    public SampleCopy() => Root = DotNet.CopyRepositoryForBuild();

    public string Root { get; }

    public string Project => Path.Combine(Root, "samples", "FactGen.Sample");

    public string Program => Path.Combine(Project, "Program.cs");

    public string Seed => Path.Combine(Root, "seeds", "kontan-2022-08-pushilin-letter.facts.yaml");

    public ProcessResult Build() => DotNet.Run(Root, TimeSpan.FromMinutes(5), "build", Project, "-nodeReuse:false", "-clp:NoSummary");

    public ProcessResult RunSample(params string[] arguments)
        => DotNet.Run(Root, TimeSpan.FromMinutes(5), new[] { "run", "--project", Project }.Concat(arguments.Length == 0 ? Array.Empty<string>() : new[] { "--" }.Concat(arguments)).ToArray());

    /// <summary>Changes a file for one test and puts it back afterwards.</summary>
    public IDisposable Edit(string path, Func<string, string> change)
    {
        string original = File.ReadAllText(path);
        File.WriteAllText(path, change(original));
        return new Restore(() => File.WriteAllText(path, original));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}

/// <summary>The sample as a user meets it: it runs, and broken facts break its build.</summary>
public class SampleBuildTests(SampleCopy sample) : IClassFixture<SampleCopy>
{
    [Fact]
    public void SampleRunsAndShowsTheLetterRecognitionsAndActors()
    {
        ProcessResult result = sample.RunSample();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("CS8785", result.Output);
        string[] lines = result.Output.Split('\n');
        // The timeline row of Pushilin's letter: its date, its kind and its author on one line.
        Assert.Contains(lines, line => line.Contains("2022-08-15 letter") && line.Contains("Denis Pushilin"));
        // The recognitions, in the order the article gives them.
        int russia = Array.FindIndex(lines, l => l.Contains("1. Russia"));
        int syria = Array.FindIndex(lines, l => l.Contains("2. Syria"));
        int korea = Array.FindIndex(lines, l => l.Contains("3. North Korea"));
        Assert.True(russia >= 0 && syria > russia && korea > syria, result.Output);
        // The actors, with state and role.
        Assert.Contains(lines, line => line.Contains("Olga Makeeva") && line.Contains("ambassador"));
    }

    [Fact]
    public void SampleShowsJulyAndAugust2022AndPrintsIndonesianNamesAndTheMermaidGraph()
    {
        ProcessResult english = sample.RunSample();
        Assert.True(english.ExitCode == 0, english.ToString());
        string[] lines = english.Output.Split('\n');
        int window = Array.FindIndex(lines, l => l.Contains("What happened in July–August 2022"));
        int recognizes = Array.FindIndex(lines, l => l.Contains("Who recognizes"));
        Assert.True(window >= 0 && recognizes > window, english.Output);
        string[] view = lines[window..recognizes];
        // The window's rows, in timeline order: three July events, then August at each precision.
        string[] rows = { "2022-07 declaration", "2022-07 meeting", "2022-07 statement", "2022-08 plan", "2022-08-15 letter", "2022-08-17 report" };
        int[] at = rows.Select(r => Array.FindIndex(view, l => l.Contains(r))).ToArray();
        Assert.True(at.All(i => i >= 0) && at.SequenceEqual(at.Order()), string.Join("\n", view));
        Assert.DoesNotContain(view, l => l.Contains("1945"));

        ProcessResult indonesian = sample.RunSample("--lang", "id");
        Assert.True(indonesian.ExitCode == 0, indonesian.ToString());
        // Labels from the seed where it has them, the plain name where it has none.
        Assert.Contains("1. Rusia", indonesian.Output);
        Assert.Contains("3. Korea Utara", indonesian.Output);
        Assert.Contains("Dewan Keamanan PBB", indonesian.Output);
        Assert.Contains("Kementerian Luar Negeri Donetsk", indonesian.Output);
        Assert.Contains("Denis Pushilin", indonesian.Output);
        Assert.DoesNotContain("North Korea (sovereign)", indonesian.Output);

        ProcessResult mermaid = sample.RunSample("--mermaid");
        Assert.True(mermaid.ExitCode == 0, mermaid.ToString());
        Assert.StartsWith("flowchart LR\n", mermaid.Output.Replace("\r\n", "\n"));
        Assert.Contains("state_donetsk_peoples_republic -->|recognized by| state_russia", mermaid.Output);
        Assert.Contains("event_pushilin_letter_to_kim -->|reported by| actor_kcna", mermaid.Output);
    }

    [Fact]
    public void UsingAFactTheYamlRetractsWarnsCS0618WithTheReason()
    {
        const string reason = "KCNA withdrew the worker report";
        const string anchor = "  north-korea-weighs-sending-workers:\n";
        string use = "\nstatic class UsesRetracted { static object Use() => Events.NorthKoreaWeighsSendingWorkers; }\n";
        using (sample.Edit(sample.Seed, text => text.Replace("\r\n", "\n").Replace(anchor, anchor + $"    status: retracted\n    retraction: \"{reason}\"\n").Replace("status: reported\n    note: >-\n      Still under", "note: >-\n      Still under")))
        using (sample.Edit(sample.Program, text => text + use))
        {
            ProcessResult result = sample.Build();

            // The sample keeps CS0618 a warning (WarningsNotAsErrors), so the build succeeds and says why.
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains($"warning CS0618: 'Events.NorthKoreaWeighsSendingWorkers' is obsolete: 'Retracted: {reason}'", result.Output);
            Assert.Contains("Program.cs(", result.Output);
            Assert.DoesNotContain("CS8785", result.Output);
        }
    }

    [Fact]
    public void ReferenceToAMissingFactInCSharpFailsTheBuildWithCS0117()
    {
        using (sample.Edit(sample.Program, text => text + "\nstatic class Broken { static object Use() => Actors.NoSuchActor; }\n"))
        {
            ProcessResult result = sample.Build();

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("error CS0117", result.Output);
            Assert.Contains("NoSuchActor", result.Output);
            Assert.DoesNotContain("CS8785", result.Output);
        }
    }

    [Fact]
    public void MisspeltIdInTheSeedFailsTheBuildWithFG0007AtItsLineAndColumn()
    {
        const string original = "actors: [denis-pushilin, kim-jong-un]";
        string[] seedLines = File.ReadAllLines(sample.Seed);
        int line = Array.FindIndex(seedLines, l => l.Contains(original)) + 1;
        Assert.True(line > 0, "The seed's letter event no longer lists its actors as expected.");
        int column = seedLines[line - 1].IndexOf("kim-jong-un", StringComparison.Ordinal) + 1;

        using (sample.Edit(sample.Seed, text => text.Replace(original, "actors: [denis-pushilin, kim-jong-um]")))
        {
            ProcessResult result = sample.Build();

            Assert.NotEqual(0, result.ExitCode);
            string expected = $"{Path.Combine("seeds", "kontan-2022-08-pushilin-letter.facts.yaml")}({line},{column}): error FG0007";
            Assert.True(result.Output.Contains(expected), $"Expected '{expected}' in:\n{result.Output}");
            Assert.Contains("did you mean 'kim-jong-un'?", result.Output);
            Assert.DoesNotContain("CS8785", result.Output);
        }
    }

    /// <summary>
    /// The mistakes a user makes while typing, in a real build of the sample: the build fails with
    /// one error, at the mistake, and Program.cs, which uses the broken fact, still compiles.
    /// </summary>
    [Theory]
    [InlineData("    name: Donetsk People's Republic", "    name: \"Donetsk People's Republic", "\"")]
    [InlineData("  syria:", "   syria:", " ")]
    [InlineData("states:", "stetes:", "stetes")]
    public void OneMistakeInTheSeedIsOneErrorAndTheCSharpStillCompiles(string line, string edited, string marker)
    {
        string[] seedLines = File.ReadAllLines(sample.Seed);
        int number = Array.FindIndex(seedLines, l => l == line) + 1;
        Assert.True(number > 0, $"The seed no longer has the line '{line}'.");
        int column = edited.IndexOf(marker, StringComparison.Ordinal) + 1;

        using (sample.Edit(sample.Seed, text => text.Replace("\n" + line + "\n", "\n" + edited + "\n")))
        {
            ProcessResult result = sample.Build();

            Assert.NotEqual(0, result.ExitCode);
            string[] errors = result.Output.Split('\n')
                .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\((\d+),(\d+)\): error (\w+)"))
                .Where(m => m.Success)
                .Select(m => $"{m.Groups[3].Value} {m.Groups[1].Value}:{m.Groups[2].Value}")
                .Distinct()
                .ToArray();
            string id = marker == "stetes" ? "FG0014" : "FG0001";
            Assert.True(errors.SequenceEqual(new[] { $"{id} {number}:{column}" }), $"Expected only {id} at {number}:{column}, got [{string.Join(", ", errors)}] in:\n{result.Output}");
            Assert.DoesNotContain("CS8785", result.Output);
        }
    }

    [Fact]
    public void EveryKindOfMistakeIsReportedWithItsFileLineAndColumn()
    {
        // One mistake of each kind. Each marker is unique in the file, so its position is known.
        const string everyMistake = """
            source:
              outlet: Test Wire
            states:
              Bad_Id: { name: X, kind: sovereign }
              atlantis: { name: Atlantis, kind: sunken }
              atlantis-2: [not, a, mapping]
              all: { name: All, kind: sovereign }
              atlantis: { name: Atlantis again, kind: sunken }
            actors:
              envoy: { kind: person }
              spy: { name: Spy, kind: person, colour: red }
              scout: { nmae: Scout, kind: person }
            events:
              talks: { date: 2022-13, kind: talks, summary: s }
              meeting: { date: 2022, kind: meeting, summary: s, actors: [envy] }
              rumour: { date: 2022, kind: talks, summary: s, status: rumoured }
              unexplained: { date: 2022, kind: claim, summary: s, status: retracted }
              withdrawn: { date: 2022, kind: claim, summary: s, status: retracted, retraction: The wire withdrew it }
              reaction: { date: 2022, kind: talks, summary: s, follows: [withdrawn] }
            """;
        var expected = new (string Id, string Severity, string Marker, int Occurrence)[]
        {
            ("FG0005", "error", "Bad_Id", 1),
            ("FG0002", "error", "[not", 1),
            ("FG0009", "error", "all:", 1),
            ("FG0006", "error", "atlantis:", 2),
            ("FG0003", "error", "envoy", 1),
            ("FG0004", "error", "colour", 1), // a warning, made an error by the sample's TreatWarningsAsErrors
            ("FG0014", "error", "nmae", 1),
            ("FG0008", "error", "2022-13", 1),
            ("FG0007", "error", "envy", 1),
            ("FG0010", "error", "rumoured", 1),
            ("FG0011", "error", "retracted }", 1),
            ("FG0012", "error", "withdrawn]", 1), // a warning, made an error by the sample's TreatWarningsAsErrors
        };
        string seeds = Path.Combine(sample.Root, "seeds");
        string mistakes = Path.Combine(seeds, "every-mistake.facts.yaml");
        string syntax = Path.Combine(seeds, "broken-syntax.facts.yaml");
        File.WriteAllText(mistakes, everyMistake);
        File.WriteAllText(syntax, "source:\n  outlet: Test Wire\nstates: [unclosed\n");
        try
        {
            ProcessResult result = sample.Build();

            Assert.NotEqual(0, result.ExitCode);
            Assert.DoesNotContain("CS8785", result.Output);
            string[] lines = everyMistake.Split('\n');
            foreach ((string id, string severity, string marker, int occurrence) in expected)
            {
                (int line, int column) = Find(lines, marker, occurrence);
                string text = $"every-mistake.facts.yaml({line},{column}): {severity} {id}";
                Assert.True(result.Output.Contains(text), $"Expected '{text}' in:\n{result.Output}");
            }
            Assert.Matches(@"broken-syntax\.facts\.yaml\([34],\d+\): error FG0001", result.Output);
        }
        finally
        {
            File.Delete(mistakes);
            File.Delete(syntax);
        }
    }

    [Theory]
    [InlineData(".globalconfig", "is_global = true\ndotnet_diagnostic.FG0004.severity = none\n")]
    [InlineData(".editorconfig", "is_global = true\ndotnet_diagnostic.FG0004.severity = none\n")]
    public void SeverityCanBeTunedInAGlobalAnalyzerConfig(string configFile, string config)
    {
        string facts = Path.Combine(sample.Root, "seeds", "tuned.facts.yaml");
        string configPath = Path.Combine(sample.Project, configFile);
        const string factLine = "  atlantis: { name: Atlantis, kind: sunken, colour: blue }";
        File.WriteAllText(facts, "source:\n  outlet: Test Wire\nstates:\n" + factLine + "\n");
        int column = factLine.IndexOf("colour", StringComparison.Ordinal) + 1;
        try
        {
            // Without the config, the unknown key is a warning, and the sample treats warnings as errors.
            ProcessResult strict = sample.Build();
            Assert.NotEqual(0, strict.ExitCode);
            Assert.Contains($"tuned.facts.yaml(4,{column}): error FG0004", strict.Output);

            File.WriteAllText(configPath, config);
            ProcessResult tuned = sample.Build();
            Assert.True(tuned.ExitCode == 0, tuned.ToString());
            Assert.DoesNotContain("FG0004", tuned.Output);
        }
        finally
        {
            File.Delete(facts);
            File.Delete(configPath);
        }
    }

    private static (int Line, int Column) Find(string[] lines, string marker, int occurrence)
    {
        int seen = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            int column = lines[i].IndexOf(marker, StringComparison.Ordinal);
            if (column >= 0 && ++seen == occurrence) return (i + 1, column + 1);
        }
        throw new InvalidOperationException($"Marker '{marker}' #{occurrence} not found.");
    }
}
