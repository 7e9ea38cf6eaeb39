using System;
using System.IO;
using System.Linq;
using FactGen.Tests.Infrastructure;
using Xunit;

namespace FactGen.Tests.EndToEnd;

/// <summary>
/// The fact id analyzer (FG0100, FG0101) in a real <c>dotnet build</c> of a copy of the sample,
/// which takes the generator and the code fixes as a ProjectReference.
/// </summary>
public class AnalyzerBuildTests(SampleCopy sample) : IClassFixture<SampleCopy>
{
    [Fact]
    public void MisspeltIdInCodeFailsTheBuildWithFG0100AtItsLineAndColumn()
    {
        const string call = "FactGen.Sample.Facts.Actors.Get(\"denis-pushlin\")";
        const string added = "static class Broken\n{\n    static object Use() => " + call + ";\n}\n";
        string original = File.ReadAllText(sample.Program);
        string[] lines = (original + "\n" + added).Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains(call, StringComparison.Ordinal)) + 1;
        int column = lines[line - 1].IndexOf("\"denis-pushlin\"", StringComparison.Ordinal) + 1;

        using (sample.Edit(sample.Program, text => text + "\n" + added))
        {
            ProcessResult result = sample.Build();

            Assert.NotEqual(0, result.ExitCode);
            string expected = $"Program.cs({line},{column}): error FG0100: Unknown actor id 'denis-pushlin'; did you mean 'denis-pushilin'?";
            Assert.True(result.Output.Contains(expected), $"Expected '{expected}' in:\n{result}");
            // The id is the only mistake: the code compiles otherwise, and no analyzer failed to load or threw.
            Assert.DoesNotContain("error CS", result.Output);
            Assert.DoesNotContain("AD0001", result.Output);
            Assert.DoesNotContain("CS8032", result.Output);
            Assert.DoesNotContain("CS8785", result.Output);
        }
    }

    [Fact]
    public void ValidIdInCodeBuildsWithoutAWarning()
    {
        // FG0101 is a suggestion (Info): it must not fail a build that treats warnings as errors,
        // and the code fix assembly loaded next to the generator must not warn either.
        const string added = """
            static class Valid
            {
                static object Use() => FactGen.Sample.Facts.Actors.Get("denis-pushilin");

                [FactGen.Sample.Facts.Fact("kim-jong-un")]
                static void Tagged() { }
            }

            """;
        using (sample.Edit(sample.Program, text => text + "\n" + added))
        {
            ProcessResult result = sample.Build();

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("FG0100", result.Output);
            Assert.DoesNotContain(result.Output.Split('\n'), l => l.Contains("warning", StringComparison.OrdinalIgnoreCase) && !l.Contains("0 Warning(s)", StringComparison.Ordinal));
        }
    }
}
