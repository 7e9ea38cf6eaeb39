using System.Collections.Generic;
using System.Linq;
using System.Text;
using Basic.Reference.Assemblies;
using FactGen.Emitting;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FactGen.Tests.Emitting;

/// <summary>
/// The int tables are written as encoded literals and decoded by generated code: the emitted
/// decoder must give back exactly what was encoded, over a string and over UTF-8 bytes.
/// </summary>
public sealed class DataEncodingTests
{
    public static IEnumerable<object[]> Modes() => new[] { new object[] { false }, new object[] { true } };

    [Theory]
    [MemberData(nameof(Modes))]
    public void EmittedDecoderReadsBackEveryInt(bool utf8)
    {
        var values = new List<int> { 0, 1, -1, 15, 16, -16, 31, 32, 1023, 1024, -1025, 65535, 1 << 20, int.MaxValue, int.MinValue, int.MaxValue - 1, int.MinValue + 1 };
        var random = new System.Random(7);
        for (int i = 0; i < 2000; i++) values.Add(random.Next(int.MinValue, int.MaxValue) >> random.Next(31));
        var encoded = new StringBuilder();
        DataEncoding.AppendInts(encoded, values.ToArray(), 0, values.Count);
        // The size the emitter budgets against the user-string heap is exact.
        Assert.Equal(encoded.Length, DataEncoding.Length(values.ToArray()));

        // Printable ASCII without quote or backslash: the literal needs no escapes.
        Assert.All(encoded.ToString(), c => Assert.True(c >= '#' && c <= 'c' && c != '\\', $"unexpected character U+{(int)c:X4}"));

        string literal = "\"" + encoded + "\"" + (utf8 ? "u8" : "");
        string source = "public static class D {\n" + DataEncoding.Decoder(utf8) + "\npublic static string Run() => string.Join(\",\", Decode(" + literal + ", " + values.Count + "));\n}";
        var compilation = CSharpCompilation.Create(
            "decoder",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.Equal(string.Join(",", values), GeneratorHarness.Execute(compilation, "D"));
    }

    [Fact]
    public void TextSpreadOverManyChunksReadsBackExactly()
    {
        // Enough text for several literal chunks, with escapes and non-ASCII text on the way, so
        // strings start and end at chunk boundaries somewhere.
        var summaries = new List<string>();
        var yaml = new StringBuilder(Facts.MinimalSource).Append("\nevents:\n");
        for (int i = 0; i < 400; i++)
        {
            string summary = $"Event {i}: " + string.Concat(Enumerable.Repeat($"\u00E9\u4E2D \\ \"q\" text {i} ", 20 + (i % 37)));
            summaries.Add(summary);
            yaml.Append($"  event-{i}: {{ date: 2022, kind: x, summary: \"{summary.Replace("\\", "\\\\").Replace("\"", "\\\"")}\" }}\n");
        }
        Assert.True(summaries.Sum(s => s.Length) > 3 * DataTableEmitter.TextChunkLength);
        const string probe = """
            namespace Consumer
            {
                /// <summary>Probe.</summary>
                public static class Probe
                {
                    /// <summary>Probe.</summary>
                    public static string Run()
                    {
                        var all = new System.Collections.Generic.List<string>();
                        foreach (var e in TestProject.Facts.Events.All) all.Add(e.Summary);
                        return string.Join("\n", all);
                    }
                }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(new[] { new FactFile("/facts/chunks.facts.yaml", yaml.ToString()) }, new[] { probe });

        Assert.Empty(run.Diagnostics.Select(GeneratorHarness.Format));
        string catalog = run.Catalog;
        Assert.Contains("private static string Text_chunks_3() => \"", catalog);
        Assert.Contains("private static string Data_chunks_1() => \"", catalog);
        Assert.DoesNotContain("u8;", catalog);
        // Events.All is in id order, which is ordinal order of "event-N".
        var expected = summaries.Select((s, i) => (Id: $"event-{i}", Summary: s)).OrderBy(e => e.Id, System.StringComparer.Ordinal).Select(e => e.Summary);
        Assert.Equal(string.Join("\n", expected), GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }
}
