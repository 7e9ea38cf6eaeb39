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
        // Four files, every one of their 24 orders.
        FactFile[] files = Files().Concat(new[]
        {
            new FactFile("/facts/c/third.facts.yaml", Facts.MinimalSource + "\nstates:\n  oman: { name: Oman, kind: sovereign, recognized_by: [dprk-institute] }\n"),
            new FactFile("/facts/b.facts.yaml", Facts.MinimalSource.Replace("Test Wire", "Other Wire") + "\nactors:\n  envoy: { name: Envoy, kind: person, state: oman }\n"),
        }).ToArray();
        var expected = Generate(files);
        foreach (FactFile[] order in Permutations(files))
        {
            Assert.Equal(expected, Generate(order));
        }
    }

    private static IEnumerable<FactFile[]> Permutations(FactFile[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (int i = 0; i < items.Length; i++)
        {
            FactFile[] rest = items.Where((_, j) => j != i).ToArray();
            foreach (FactFile[] tail in Permutations(rest)) yield return new[] { items[i] }.Concat(tail).ToArray();
        }
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
