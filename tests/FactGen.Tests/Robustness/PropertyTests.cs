using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Property-based tests: on random valid catalogs and on random mutations of valid fact files,
/// the generator never throws, every diagnostic lies inside its file, and whenever no error was
/// reported the generated code compiles with no errors.
/// <para>
/// CI runs a few thousand cases. The long sweep runs many more:
/// <c>FACTGEN_PROPERTY_CASES=100000 dotnet test FactGen.sln --filter FullyQualifiedName~PropertyTests</c>.
/// </para>
/// </summary>
public class PropertyTests(ITestOutputHelper output)
{
    /// <summary>Cases per property; CI's default keeps the suite well inside its budget.</summary>
    private static long Cases(long ciDefault)
        => long.TryParse(Environment.GetEnvironmentVariable("FACTGEN_PROPERTY_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out long cases) && cases > 0
            ? cases
            : ciDefault;

    [Fact]
    public void RandomValidCatalogsGenerateCodeThatCompiles()
    {
        long cases = Cases(300);
        Gen.Int.Select(Gen.Int[1, 12]).Sample(
            (seed, size) =>
            {
                string yaml = RandomCatalog.Build(new Random(seed), size);
                GeneratorRun run = GeneratorHarness.Run(new FactFile("/facts/random.facts.yaml", yaml));
                AssertLocationsInside(run, yaml);
                Assert.True(run.Diagnostics.IsEmpty, "A valid catalog gave diagnostics:\n" + string.Join("\n", run.Diagnostics.Select(GeneratorHarness.Format)) + "\n" + yaml);
                Assert.True(run.CompilationDiagnostics.IsEmpty, "Generated code did not compile cleanly:\n" + string.Join("\n", run.CompilationDiagnostics.Select(GeneratorHarness.Format)) + "\n" + yaml);
            },
            iter: cases,
            writeLine: output.WriteLine);
        output.WriteLine($"{cases} random catalogs: no exception, no diagnostic, clean compilation.");
    }

    [Fact]
    public void MutatedFactFilesNeverCrashTheGenerator()
    {
        long cases = Cases(3000);
        string[] bases = { File(RepositoryPaths.SeedFile), Facts.Small().Yaml, RandomCatalog.Build(new Random(7), 8) };
        int compiled = 0;
        Gen.Int[0, bases.Length - 1].Select(Gen.Int[0, Mutations.Count - 1], Gen.Int[1, 4], Gen.Int).Sample(
            (baseIndex, mutation, times, seed) =>
            {
                var random = new Random(seed);
                string yaml = bases[baseIndex];
                for (int i = 0; i < times; i++) yaml = Mutations.Apply((mutation + i) % Mutations.Count, yaml, random);

                GeneratorRun run = GeneratorHarness.Run(new FactFile("/facts/mutated.facts.yaml", yaml));

                AssertLocationsInside(run, yaml);
                if (!run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    System.Threading.Interlocked.Increment(ref compiled);
                    // Not even a warning: consumers build with TreatWarningsAsErrors.
                    Assert.True(
                        run.CompilationDiagnostics.IsEmpty,
                        "No FG error, yet the generated code does not compile cleanly:\n" + string.Join("\n", run.CompilationDiagnostics.Select(GeneratorHarness.Format)) + "\n--- input ---\n" + yaml);
                }
            },
            iter: cases,
            writeLine: output.WriteLine);
        output.WriteLine($"{cases} mutated files: no exception; {compiled} had no FG error and compiled.");
        // Some mutations leave the file valid (a swapped pair of lines, a deleted comment): the
        // "no FG error, so it compiles" half of the property must actually have been exercised.
        Assert.True(compiled > 0, "No mutated file was free of errors, so compilation was never checked.");
    }

    private static string File(string path) => System.IO.File.ReadAllText(path);

    private static void AssertLocationsInside(GeneratorRun run, string yaml)
    {
        // Lines as the compiler counts them: CR, LF, CRLF, U+0085, U+2028 and U+2029 all end one.
        int lines = Microsoft.CodeAnalysis.Text.SourceText.From(yaml).Lines.Count;
        foreach (Diagnostic diagnostic in run.Diagnostics)
        {
            // Only MSBuild options have no place in a fact file, and these runs set none.
            Assert.True(diagnostic.Location != Location.None, $"A diagnostic without a location: {GeneratorHarness.Format(diagnostic)}");
            Assert.True(diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile, GeneratorHarness.Format(diagnostic));
            Assert.True(diagnostic.Location.SourceSpan.End <= yaml.Length, $"Span past the end of the file: {GeneratorHarness.Format(diagnostic)}");
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            Assert.True(span.EndLinePosition.Line < lines, $"Line past the end of the file: {GeneratorHarness.Format(diagnostic)}");
            Assert.True(span.StartLinePosition <= span.EndLinePosition, GeneratorHarness.Format(diagnostic));
        }
    }

    /// <summary>Random mutations of a fact file's text, of the kinds people and tools make.</summary>
    private static class Mutations
    {
        private static readonly Func<string, Random, string>[] s_all =
        {
            DeleteLine,
            ShiftIndentation,
            Truncate,
            InsertRandomCharacters,
            DuplicateLine,
            SwapLines,
            ReplaceWithHostileText,
        };

        public static int Count => s_all.Length;

        public static string Apply(int index, string text, Random random) => s_all[index](text, random);

        private static string DeleteLine(string text, Random random)
        {
            var lines = text.Split('\n').ToList();
            if (lines.Count > 1) lines.RemoveAt(random.Next(lines.Count));
            return string.Join("\n", lines);
        }

        private static string ShiftIndentation(string text, Random random)
        {
            string[] lines = text.Split('\n');
            int i = random.Next(lines.Length);
            lines[i] = random.Next(3) switch
            {
                0 => "  " + lines[i],
                1 => lines[i].TrimStart(),
                _ => "\t" + lines[i].TrimStart(' '),
            };
            return string.Join("\n", lines);
        }

        private static string Truncate(string text, Random random) => text.Substring(0, random.Next(text.Length + 1));

        private static string InsertRandomCharacters(string text, Random random)
        {
            // U+FFFD is what the compiler makes of bytes that are not UTF-8.
            const string interesting = ":-[]{}&*!|>'\"%@`#,?\\\t\r\n \u0000\u2028\u202E\uFEFF\uD800\uFFFD";
            var builder = new StringBuilder();
            int count = random.Next(1, 6);
            for (int i = 0; i < count; i++)
            {
                builder.Append(random.Next(3) == 0 ? (char)random.Next(0x20, 0x2FFF) : interesting[random.Next(interesting.Length)]);
            }
            return text.Insert(random.Next(text.Length + 1), builder.ToString());
        }

        private static string DuplicateLine(string text, Random random)
        {
            var lines = text.Split('\n').ToList();
            int i = random.Next(lines.Count);
            lines.Insert(i, lines[i]);
            return string.Join("\n", lines);
        }

        private static string SwapLines(string text, Random random)
        {
            string[] lines = text.Split('\n');
            int a = random.Next(lines.Length), b = random.Next(lines.Length);
            (lines[a], lines[b]) = (lines[b], lines[a]);
            return string.Join("\n", lines);
        }

        private static string ReplaceWithHostileText(string text, Random random)
        {
            string[] hostile =
            {
                "\"*/ #error x\"", "\"</summary><![CDATA[\"", "\"\\u202E\\u2066\"", "all", "ids", "class", "&a [1]", "*a", "!!binary AAAA",
                "2022-02-30", "North_Korea", "\"\\0\\x01\"", "\"\u0662\u0660\u0662\u0662\"", "\"\uFF12\uFF10\uFF12\uFF12-\uFF10\uFF18\"",
                "\"\\uFFFE\\uFFFF\"", "\"abc\\n\"", "\"group\\n\"", "\"\\U0001F600\"", "\"x\\u2028y\"",
            };
            string[] lines = text.Split('\n');
            int i = random.Next(lines.Length);
            int colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
            string replacement = hostile[random.Next(hostile.Length)];
            // Either the value after "key: ", or the key itself (ids and keys are hostile too).
            lines[i] = colon >= 0 && random.Next(2) == 0
                ? lines[i].Substring(0, colon + 2) + replacement
                : new string(' ', lines[i].Length - lines[i].TrimStart().Length) + replacement + (colon >= 0 ? lines[i].Substring(colon) : ":");
            return string.Join("\n", lines);
        }
    }
}

/// <summary>Random valid fact files: ids, names with hostile characters, references, dates.</summary>
internal static class RandomCatalog
{
    private static readonly string[] s_words = { "north", "korea", "donetsk", "kim", "a1", "x", "all", "ids", "class", "event", "state", "try", "get", "timeline", "to", "string", "new", "i", "ı" };

    // Text that has broken generators before: quotes, comment ends, XML, line separators,
    // preprocessor lines, bidi controls, NUL, astral characters.
    private static readonly string[] s_hostile =
    {
        "\\\"", "\\\\", "*/", "/*", "</summary>", "<![CDATA[", "]]>", "&amp;", "\\n#error boom\\n", "\\r\\n", "\\u2028", "\\u2029",
        "\\0", "\\x7F", "\\u202E", "\\u2066", "\\u200F", "{0}", "\\U0001F600", "İı", "ß", "\\t", "'", "#", ": ", "- ", "}", ";",
        "\\uFFFE", "\\uFFFF", "\u0662\u0660", "\\x85",
    };

    public static string Build(Random random, int size)
    {
        var states = Ids(random, size, "s");
        var actors = Ids(random, size, "a");
        var events = Ids(random, size, "e");
        var yaml = new StringBuilder();
        yaml.Append("source:\n  outlet: ").Append(Quoted(random)).Append("\n  title: ").Append(Quoted(random))
            .Append("\n  published: ").Append(Date(random)).Append("\n  language: ").Append(random.Next(2) == 0 ? "id" : "en-GB").Append('\n');
        if (random.Next(2) == 0) yaml.Append("  url: https://example.org/a?b=c&d=\"e\"\n");

        yaml.Append("states:\n");
        foreach (string id in states)
        {
            yaml.Append("  ").Append(id).Append(":\n    name: ").Append(Quoted(random)).Append("\n    kind: ").Append(Kind(random)).Append('\n');
            if (random.Next(2) == 0) yaml.Append("    official_name: ").Append(Quoted(random)).Append('\n');
            if (random.Next(2) == 0) yaml.Append("    capital: ").Append(Quoted(random)).Append('\n');
            if (random.Next(3) == 0) yaml.Append("    within: ").Append(Pick(random, states)).Append('\n');
            yaml.Append("    recognized_by: ").Append(List(random, states)).Append('\n');
            yaml.Append("    aliases: [").Append(Quoted(random)).Append("]\n");
            yaml.Append("    labels: { id: ").Append(Quoted(random)).Append(", en-GB: ").Append(Quoted(random)).Append(" }\n");
        }
        yaml.Append("actors:\n");
        foreach (string id in actors)
        {
            yaml.Append("  ").Append(id).Append(":\n    name: ").Append(Quoted(random)).Append("\n    kind: ").Append(Kind(random)).Append('\n');
            if (random.Next(2) == 0) yaml.Append("    role: ").Append(Quoted(random)).Append('\n');
            if (random.Next(2) == 0) yaml.Append("    state: ").Append(Pick(random, states)).Append('\n');
        }
        yaml.Append("events:\n");
        // About one event in four is retracted; nothing follows those, since that would warn (FG0012).
        var retracted = new HashSet<string>(events.Where(_ => random.Next(4) == 0), StringComparer.Ordinal);
        List<string> followable = events.Where(e => !retracted.Contains(e)).ToList();
        if (followable.Count == 0) followable = events.ToList();
        foreach (string id in events)
        {
            yaml.Append("  ").Append(id).Append(":\n    date: ").Append(Date(random)).Append("\n    kind: ").Append(Kind(random))
                .Append("\n    summary: ").Append(Quoted(random)).Append('\n');
            yaml.Append("    actors: ").Append(List(random, actors)).Append('\n');
            yaml.Append("    states: ").Append(List(random, states)).Append('\n');
            if (random.Next(2) == 0) yaml.Append("    place: ").Append(Pick(random, states)).Append('\n');
            yaml.Append("    reported_by: ").Append(List(random, actors)).Append('\n');
            yaml.Append("    follows: ").Append(retracted.Count == events.Count ? "[]" : List(random, followable)).Append('\n');
            if (retracted.Contains(id))
            {
                yaml.Append("    status: retracted\n    retraction: ").Append(Quoted(random)).Append('\n');
            }
            else
            {
                yaml.Append("    status: ").Append(new[] { "reported", "confirmed", "disputed" }[random.Next(3)]).Append('\n');
            }
            if (random.Next(2) == 0) yaml.Append("    note: ").Append(Quoted(random)).Append('\n');
        }
        return yaml.ToString();
    }

    /// <summary>Distinct kebab-case ids whose C# names are distinct and not reserved.</summary>
    private static List<string> Ids(Random random, int count, string prefix)
    {
        var ids = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < count)
        {
            string id = prefix + "-" + string.Join("-", Enumerable.Range(0, random.Next(1, 4)).Select(_ => s_words[random.Next(s_words.Length - 1)]));
            string name = string.Concat(id.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
            if (names.Add(name)) ids.Add(id);
        }
        return ids;
    }

    private static string Kind(Random random) => new[] { "sovereign", "person", "media", "letter", "g7", "talks-round" }[random.Next(6)];

    private static string Pick(Random random, List<string> ids) => ids[random.Next(ids.Count)];

    private static string List(Random random, List<string> ids)
        => "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Pick(random, ids))) + "]";

    private static string Date(Random random)
    {
        int year = random.Next(1, 10000);
        return random.Next(3) switch
        {
            0 => year.ToString("D4", CultureInfo.InvariantCulture),
            1 => $"{year:D4}-{random.Next(1, 13):D2}",
            _ => $"{year:D4}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}",
        };
    }

    /// <summary>
    /// A YAML double-quoted scalar mixing words and hostile text (as YAML escapes). No bidi
    /// controls: every text value refuses them (FG0010), and these catalogs are valid.
    /// </summary>
    private static string Quoted(Random random)
    {
        var builder = new StringBuilder("\"");
        int parts = random.Next(1, 6);
        for (int i = 0; i < parts; i++)
        {
            if (random.Next(3) == 0)
            {
                string hostile = s_hostile[random.Next(s_hostile.Length)];
                if (hostile is "\\u202E" or "\\u2066") hostile = "x";
                builder.Append(hostile);
            }
            else
            {
                builder.Append(s_words[random.Next(s_words.Length)]);
            }
            builder.Append(' ');
        }
        return builder.Append("end\"").ToString();
    }
}
