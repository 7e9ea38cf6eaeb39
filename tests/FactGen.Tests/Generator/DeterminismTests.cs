using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FactGen.Tests.Infrastructure;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>The same facts give byte-identical output, whatever the order, line endings or culture.</summary>
public class DeterminismTests
{
    private static FactFile[] Files() => new[]
    {
        Facts.Seed,
        Facts.Small("/facts/small.facts.yaml") with
        {
            // Ids and kinds with 'i' catch culture-sensitive casing (the Turkish dotless i).
            Yaml = Facts.Small().Yaml
                .Replace("north-korea", "dprk-institute").Replace("kind: media", "kind: institution")
                .Replace("denis-pushilin", "pushilin-i").Replace("kcna", "kcna-i"),
        },
    };

    private static IReadOnlyDictionary<string, string> Generate(IEnumerable<FactFile> files)
    {
        GeneratorRun run = GeneratorHarness.Run(files.ToArray());
        Assert.Empty(run.Diagnostics.Select(GeneratorHarness.Format)); // determinism of a clean catalog
        return run.Sources;
    }

    [Fact]
    public void FileOrderDoesNotChangeTheOutput()
    {
        FactFile[] files = Files();
        var expected = Generate(files);
        Assert.Equal(expected, Generate(files.Reverse()));
    }

    [Fact]
    public void LineEndingsDoNotChangeTheOutput()
    {
        FactFile[] files = Files();
        var expected = Generate(files);
        var crlf = Generate(files.Select(f => f with { Yaml = f.Yaml.Replace("\r\n", "\n").Replace("\n", "\r\n") }));
        Assert.Equal(expected, crlf);
        Assert.DoesNotContain('\r', string.Concat(crlf.Values));
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void CultureDoesNotChangeTheOutput(string culture)
    {
        FactFile[] files = Files();
        var expected = Generate(files);
        CultureInfo saved = CultureInfo.CurrentCulture, savedUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            if (culture == "tr-TR")
            {
                // Guard against a runtime in invariant-globalization mode, where this test would prove nothing.
                Assert.Equal("\u0130", "i".ToUpper(CultureInfo.CurrentCulture));
            }
            Assert.Equal(expected, Generate(files));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }
}
