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

    public ProcessResult RunSample() => DotNet.Run(Root, TimeSpan.FromMinutes(5), "run", "--project", Project);

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
}
