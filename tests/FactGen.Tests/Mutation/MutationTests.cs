using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace FactGen.Tests.Mutation;

/// <summary>
/// "One mistake, one diagnostic": single-point edits of the kinds people make while typing, applied
/// to the seed catalog and to a second real fact file that refers to it, each run through the
/// generator together with C# code that uses every generated fact member. An edit that gives an FG
/// error or a C# error is <em>caught</em>; for a caught edit, the number of diagnostics a user sees
/// (FG errors and warnings plus C# errors) should be one, rarely two, and C# errors (a member gone
/// from the catalog, so every use of it fails) should be rare: the mistake is in the YAML, and the
/// diagnostic belongs at the YAML line.
/// <para>
/// The edits are deterministic (a fixed seed), so the numbers change only with the generator or the
/// two files. <see cref="Summary"/> gives the distribution as text, for a doc to quote; the test
/// also writes it to <c>mutation-summary.txt</c> in its output directory.
/// </para>
/// </summary>
public sealed class MutationTests(ITestOutputHelper output)
{
    /// <summary>The distribution of diagnostics per caught edit, as the test prints it.</summary>
    public static string Summary() => MutationSweep.Result.Value.Summary;

    [Fact]
    public void TheUneditedFilesGenerateCleanlyAndTheUsageCompiles()
    {
        FactFile[] files = MutationSweep.UneditedFiles();
        string usage = MutationSweep.Usage.Value;

        GeneratorRun run = GeneratorHarness.Run(files, new[] { usage });

        Assert.True(run.Diagnostics.IsEmpty, "The unedited files gave diagnostics:\n" + string.Join("\n", run.Diagnostics.Select(GeneratorHarness.Format)));
        Diagnostic[] errors = run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The usage code does not compile against the unedited catalog:\n" + string.Join("\n", errors.Select(GeneratorHarness.Format)) + "\n" + usage);

        // The usage reaches facts of both files and of every category, or it measures nothing.
        foreach (string member in new[] { "States.NorthKorea", "States.LuhanskPeoplesRepublic", "Actors.Reuters", "Actors.UkraineForeignMinistry", "Events.PushilinLetterToKim", "Events.UkraineCutsTiesWithNorthKorea" })
        {
            Assert.Contains("." + member + ";", usage);
        }
        Assert.Equal(MutationSweep.FactCount(files), usage.Split('\n').Count(l => l.TrimStart().StartsWith("_ = global::", StringComparison.Ordinal)));
    }

    [Fact]
    public void OneMistakeGivesOneDiagnostic()
    {
        SweepResult result = MutationSweep.Result.Value;
        output.WriteLine(result.Summary);
        try
        {
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "mutation-summary.txt"), result.Summary, new UTF8Encoding(false));
        }
        catch (IOException e)
        {
            output.WriteLine("Could not write mutation-summary.txt: " + e.Message);
        }

        Assert.True(result.Exceptions.Count == 0, $"The generator threw on {result.Exceptions.Count} edit(s):\n" + string.Join("\n\n", result.Exceptions) + "\n\n" + result.Summary);
        Assert.True(result.IncrementalMismatches.Count == 0, "The reused driver disagreed with a fresh GeneratorHarness.Run:\n" + string.Join("\n\n", result.IncrementalMismatches));
        Assert.True(result.Caught > 0, "No edit was caught.\n" + result.Summary);
        Assert.True(result.FailedTargets.Count == 0, "Targets missed: " + string.Join("; ", result.FailedTargets) + "\n\n" + result.Summary);
    }
}

internal enum EditKind
{
    DeleteCharacter,
    InsertQuote,
    IndentLine,
    DeleteLine,
    DuplicateLine,
    ChangeLetter,
}

/// <summary>One single-point edit of one file. <see cref="Line"/> is 1-based.</summary>
internal sealed record Edit(int FileIndex, string FileName, EditKind Kind, int Line, int Column, string Before, string After, string Text)
{
    public string Describe()
    {
        string where = Column > 0 ? $"{FileName}({Line},{Column})" : $"{FileName}({Line})";
        return $"{where} {Kind}: {Show(Before)} -> {Show(After)}";
    }

    private static string Show(string line) => line.Length == 0 ? "(nothing)" : "`" + line.TrimEnd('\r').Replace("\n", "⏎", StringComparison.Ordinal) + "`";
}

internal sealed record EditOutcome(Edit Edit, ImmutableArray<Diagnostic> Fg, ImmutableArray<Diagnostic> CsErrors)
{
    public bool HasFgError => Fg.Any(d => d.Severity == DiagnosticSeverity.Error);

    public bool Caught => HasFgError || !CsErrors.IsEmpty;

    public int Total => Fg.Length + CsErrors.Length;
}

internal sealed record SweepResult(
    string Summary,
    int Caught,
    IReadOnlyList<string> FailedTargets,
    IReadOnlyList<string> Exceptions,
    IReadOnlyList<string> IncrementalMismatches);

internal static class MutationSweep
{
    public const int Seed = 20221202;

    /// <summary>Random positions per character-level edit kind and file.</summary>
    public const int CharacterEditsPerKind = 120;

    /// <summary>Every this many edits, the reused driver is checked against a fresh harness run.</summary>
    private const int CrossCheckEvery = 97;

    public static readonly Lazy<string> Usage = new(BuildUsage, LazyThreadSafetyMode.ExecutionAndPublication);

    public static readonly Lazy<SweepResult> Result = new(Sweep, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string SecondFile => RepositoryPaths.DeskFile;

    public static FactFile[] UneditedFiles() => new[]
    {
        new FactFile(RepositoryPaths.SeedFile, File.ReadAllText(RepositoryPaths.SeedFile)),
        new FactFile(SecondFile, File.ReadAllText(SecondFile)),
    };

    /// <summary>
    /// Ids declared under states, actors and events: the lines indented by exactly two spaces that
    /// end in a colon, under one of those top-level keys (not under <c>reports:</c>, whose ids are
    /// other files' facts).
    /// </summary>
    public static int FactCount(IEnumerable<FactFile> files)
    {
        int count = 0;
        foreach (FactFile file in files)
        {
            bool declaring = false;
            foreach (string line in file.Yaml.Split('\n').Select(l => l.TrimEnd('\r')))
            {
                if (line.Length > 0 && line[0] is not ' ' and not '#') declaring = line is "states:" or "actors:" or "events:";
                else if (declaring && line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal) && line.EndsWith(':') && !line.TrimStart().StartsWith('#')) count++;
            }
        }
        return count;
    }

    /// <summary>A C# file that reads every per-fact property of the unedited catalog.</summary>
    private static string BuildUsage()
    {
        GeneratorRun run = GeneratorHarness.Run(UneditedFiles(), userSources: null);
        var builder = new StringBuilder();
        builder.AppendLine("#pragma warning disable CS0618 // a retracted fact's member warns; that is not the edit's diagnostic");
        builder.AppendLine("namespace MutationUsage");
        builder.AppendLine("{");
        builder.AppendLine("    internal static class UsesEveryFact");
        builder.AppendLine("    {");
        builder.AppendLine("        internal static void Use()");
        builder.AppendLine("        {");
        foreach ((string category, string factType) in new[] { ("States", "State"), ("Actors", "Actor"), ("Events", "Event") })
        {
            INamedTypeSymbol type = run.Output.GetSymbolsWithName(category, SymbolFilter.Type).OfType<INamedTypeSymbol>().Single(t => t.ContainingType is null);
            string qualified = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            foreach (IPropertySymbol property in type.GetMembers().OfType<IPropertySymbol>()
                         .Where(p => p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal && p.Type.Name == factType)
                         .OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                builder.Append("            _ = ").Append(qualified).Append('.').Append(property.Name).AppendLine(";");
            }
        }
        builder.AppendLine("        }");
        builder.AppendLine("    }");
        builder.AppendLine("}");
        return builder.ToString();
    }

    // ---------------------------------------------------------------- edits

    public static List<Edit> Edits(FactFile[] files)
    {
        var random = new Random(Seed);
        var edits = new List<Edit>();
        for (int f = 0; f < files.Length; f++)
        {
            string text = files[f].Yaml;
            string name = Path.GetFileName(files[f].Path);
            LineEdits(edits, f, name, text);
            CharacterEdits(edits, f, name, text, random);
        }
        return edits;
    }

    private static void LineEdits(List<Edit> edits, int file, string name, string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            Add(edits, text, new Edit(file, name, EditKind.IndentLine, i + 1, 0, lines[i], " " + lines[i], Replace(lines, i, " " + lines[i])));
            Add(edits, text, new Edit(file, name, EditKind.DeleteLine, i + 1, 0, lines[i], "", string.Join("\n", lines.Where((_, j) => j != i))));
            Add(edits, text, new Edit(file, name, EditKind.DuplicateLine, i + 1, 0, lines[i], lines[i] + "\n" + lines[i], Replace(lines, i, lines[i] + "\n" + lines[i])));
        }
    }

    private static void CharacterEdits(List<Edit> edits, int file, string name, string text, Random random)
    {
        List<int> content = ContentPositions(text);
        List<int> letters = content.Where(p => text[p] is >= 'a' and <= 'z').ToList();
        foreach (EditKind kind in new[] { EditKind.DeleteCharacter, EditKind.InsertQuote, EditKind.ChangeLetter })
        {
            List<int> candidates = kind == EditKind.ChangeLetter ? letters : content;
            foreach (int position in Sample(candidates, CharacterEditsPerKind, random))
            {
                string edited = kind switch
                {
                    EditKind.DeleteCharacter => text.Remove(position, 1),
                    EditKind.InsertQuote => text.Insert(position, "\""),
                    _ => text.Remove(position, 1).Insert(position, OtherLetter(text[position], random).ToString()),
                };
                int lineStart = text.LastIndexOf('\n', Math.Max(position - 1, 0)) + 1;
                if (position == 0) lineStart = 0;
                int lineEnd = text.IndexOf('\n', position);
                if (lineEnd < 0) lineEnd = text.Length;
                int line = text.Take(position).Count(c => c == '\n') + 1;
                string before = text.Substring(lineStart, lineEnd - lineStart);
                int editedEnd = edited.IndexOf('\n', lineStart);
                string after = edited.Substring(lineStart, (editedEnd < 0 ? edited.Length : editedEnd) - lineStart);
                Add(edits, text, new Edit(file, name, kind, line, position - lineStart + 1, before, after, edited));
            }
        }
    }

    private static void Add(List<Edit> edits, string original, Edit edit)
    {
        if (!string.Equals(edit.Text, original, StringComparison.Ordinal)) edits.Add(edit);
    }

    private static string Replace(string[] lines, int index, string replacement)
    {
        string[] copy = (string[])lines.Clone();
        copy[index] = replacement;
        return string.Join("\n", copy);
    }

    private static char OtherLetter(char letter, Random random)
    {
        int offset = random.Next(1, 26);
        return (char)('a' + (letter - 'a' + offset) % 26);
    }

    /// <summary>Up to <paramref name="count"/> distinct positions, in the order drawn.</summary>
    private static IEnumerable<int> Sample(List<int> candidates, int count, Random random)
    {
        int[] pool = candidates.ToArray();
        int n = Math.Min(count, pool.Length);
        for (int i = 0; i < n; i++)
        {
            int j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
            yield return pool[i];
        }
    }

    /// <summary>
    /// Offsets of non-whitespace characters outside comments. A <c>#</c> starts a comment at the
    /// start of a line or after whitespace, outside a quoted scalar; a quote opens a scalar only
    /// where a value may start. Block scalars are treated as plain lines: good enough for sampling.
    /// </summary>
    private static List<int> ContentPositions(string text)
    {
        var positions = new List<int>();
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            char quote = '\0';
            for (int i = lineStart; i < lineEnd; i++)
            {
                char c = text[i];
                char previous = i > lineStart ? text[i - 1] : ' ';
                if (quote == '\0')
                {
                    if (c == '#' && char.IsWhiteSpace(previous)) break;
                    if ((c is '"' or '\'') && (char.IsWhiteSpace(previous) || previous is '[' or '{' or ',')) quote = c;
                }
                else if (quote == '"' && c == '\\')
                {
                    positions.Add(i);
                    if (i + 1 < lineEnd) positions.Add(++i);
                    continue;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
                if (!char.IsWhiteSpace(c)) positions.Add(i);
            }
            lineStart = lineEnd + 1;
        }
        return positions;
    }

    // ---------------------------------------------------------------- running

    private static long s_generatorTicks, s_compileTicks;

    private static SweepResult Sweep()
    {
        FactFile[] files = UneditedFiles();
        string usage = Usage.Value;
        List<Edit> edits = Edits(files);
        var clock = Stopwatch.StartNew();
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        // One compilation of the user code for every run, and per worker one driver that has seen
        // the unedited files: each edit replaces one additional text, so only that file is read again.
        // Doc comments are not parsed here (the harness diagnoses them): they can only ever give
        // warnings, and skipping them makes each compilation about three times cheaper. The generator
        // reads nothing from the parse options but the language version, and the cross-check runs
        // the harness as it is.
        CSharpParseOptions parseOptions = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.None);
        // A fixed path (the harness names user files by a GUID), so that the summary is the same every
        // run; no concurrent build, since the workers already keep the cores busy.
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Array.Empty<string>(), parseOptions)
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(usage, parseOptions, path: "UsesEveryFact.cs"));
        compilation = compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));
        var outcomes = new EditOutcome?[edits.Count];
        var exceptions = new ConcurrentBag<(int Index, string Text)>();
        var mismatches = new ConcurrentBag<(int Index, string Text)>();
        var cache = new ConcurrentDictionary<string, ImmutableArray<Diagnostic>>(StringComparer.Ordinal);
        int workers = Math.Max(1, Environment.ProcessorCount);

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Yaml)).ToArray();
            GeneratorDriver baseline = CSharpGeneratorDriver.Create(
                new[] { new FactCatalogGenerator().AsSourceGenerator() },
                texts,
                parseOptions,
                new TestOptionsProvider(null),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
            baseline = baseline.RunGenerators(compilation);

            for (int i = worker; i < edits.Count; i += workers)
            {
                Edit edit = edits[i];
                var replacement = new InMemoryAdditionalText(files[edit.FileIndex].Path, edit.Text);
                long t0 = Stopwatch.GetTimestamp();
                GeneratorDriver driver = baseline.ReplaceAdditionalText(texts[edit.FileIndex], replacement)
                    .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
                GeneratorDriverRunResult runResult = driver.GetRunResult();
                if (runResult.Results.Single().Exception is { } exception)
                {
                    exceptions.Add((i, $"{edit.Describe()}\n{exception}"));
                    continue;
                }
                long t1 = Stopwatch.GetTimestamp();
                var outcome = new EditOutcome(edit, FgDiagnostics(diagnostics), CSharpErrors(output, runResult, cache));
                outcomes[i] = outcome;
                Interlocked.Add(ref s_generatorTicks, t1 - t0);
                Interlocked.Add(ref s_compileTicks, Stopwatch.GetTimestamp() - t1);

                if (i % CrossCheckEvery == 0)
                {
                    mismatches.Add((i, CrossCheck(files, edit, usage, outcome)));
                }
            }
        });

        TimeSpan elapsed = clock.Elapsed;
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        EditOutcome[] done = outcomes.Where(o => o is not null).Select(o => o!).ToArray();
        return Report(files, edits.Count, done, elapsed, cpu, cache.Count,
            exceptions.OrderBy(e => e.Index).Select(e => e.Text).ToList(),
            mismatches.Where(m => m.Text.Length > 0).OrderBy(m => m.Index).Select(m => m.Text).ToList());
    }

    private static ImmutableArray<Diagnostic> FgDiagnostics(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Where(d => d.Id.StartsWith("FG", StringComparison.Ordinal)).ToImmutableArray();

    /// <summary>
    /// The C# errors of <paramref name="output"/>, computed once per distinct generated code: the
    /// user code is the same compilation every time, so equal generated text means equal errors.
    /// Many edits (every one that breaks a file's YAML, every edit of a comment) generate the same code.
    /// </summary>
    private static ImmutableArray<Diagnostic> CSharpErrors(Compilation output, GeneratorDriverRunResult run, ConcurrentDictionary<string, ImmutableArray<Diagnostic>> cache)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        foreach (GeneratedSourceResult source in run.Results.Single().GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            byte[] name = Encoding.UTF8.GetBytes(source.HintName + "\0");
            sha.TransformBlock(name, 0, name.Length, null, 0);
            byte[] text = Encoding.UTF8.GetBytes(source.SourceText.ToString() + "\0");
            sha.TransformBlock(text, 0, text.Length, null, 0);
        }
        sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
        string key = Convert.ToHexString(sha.Hash!);
        return cache.GetOrAdd(key, _ => output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray());
    }

    /// <summary>
    /// The same edit through a fresh <see cref="GeneratorHarness.Run"/> and a full compilation: empty
    /// if it agrees with the reused driver and the cache of C# errors.
    /// </summary>
    private static string CrossCheck(FactFile[] files, Edit edit, string usage, EditOutcome reused)
    {
        FactFile[] edited = files.Select((f, j) => j == edit.FileIndex ? f with { Yaml = edit.Text } : f).ToArray();
        GeneratorRun run;
        try
        {
            run = GeneratorHarness.Run(edited, new[] { usage });
        }
        catch (InvalidOperationException e)
        {
            return $"{edit.Describe()}: a fresh run threw, the reused driver did not.\n{e.Message}";
        }
        var fresh = new EditOutcome(edit, FgDiagnostics(run.Diagnostics), run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray());
        string[] a = Keys(reused), b = Keys(fresh);
        return a.SequenceEqual(b) ? "" : $"{edit.Describe()}\n  reused: {string.Join(" | ", a)}\n  fresh:  {string.Join(" | ", b)}";

        static string[] Keys(EditOutcome o) => o.Fg.Concat(o.CsErrors)
            .Select(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("FG", StringComparison.Ordinal)
                ? $"{d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}" // C# locations name a per-run generated path
                : GeneratorHarness.Format(d))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
    }

    // ---------------------------------------------------------------- report

    private static SweepResult Report(FactFile[] files, int editCount, EditOutcome[] outcomes, TimeSpan elapsed, TimeSpan cpu, int distinctOutputs, List<string> exceptions, List<string> mismatches)
    {
        EditOutcome[] caught = outcomes.Where(o => o.Caught).ToArray();
        var s = new StringBuilder();
        CultureInfo inv = CultureInfo.InvariantCulture;

        s.AppendLine(inv, $"Mutation sweep (seed {Seed}, {CharacterEditsPerKind} character edits per kind and file, every line edit): {string.Join(" + ", files.Select(f => Path.GetFileName(f.Path)))}");
        s.AppendLine(inv, $"edits: {editCount}; generator threw: {exceptions.Count}; caught (FG error or C# error): {caught.Length}; not caught: {outcomes.Length - caught.Length} (of which FG warnings only: {outcomes.Count(o => !o.Caught && !o.Fg.IsEmpty)}); {distinctOutputs} distinct generated outputs");
        s.AppendLine();
        s.AppendLine("diagnostics per caught edit (FG errors and warnings + C# errors):");
        AppendDistribution(s, caught, "  ");
        s.AppendLine();
        s.AppendLine("by edit kind:");
        s.AppendLine("  kind             edits  caught  =1      p50  p90  max  C# errors");
        foreach (EditKind kind in Enum.GetValues<EditKind>())
        {
            EditOutcome[] all = outcomes.Where(o => o.Edit.Kind == kind).ToArray();
            EditOutcome[] c = caught.Where(o => o.Edit.Kind == kind).ToArray();
            s.AppendLine(inv, $"  {kind,-15} {all.Length,6} {c.Length,7}  {Percent(c.Count(o => o.Total == 1), c.Length),6} {Percentile(c, 0.5),4} {Percentile(c, 0.9),4} {(c.Length == 0 ? 0 : c.Max(o => o.Total)),4}  {Percent(c.Count(o => !o.CsErrors.IsEmpty), c.Length),6}");
        }
        s.AppendLine();
        s.AppendLine("by file:");
        foreach (IGrouping<string, EditOutcome> group in outcomes.GroupBy(o => o.Edit.FileName))
        {
            EditOutcome[] c = group.Where(o => o.Caught).ToArray();
            s.AppendLine(inv, $"  {group.Key}: {group.Count()} edits, {c.Length} caught, exactly one {Percent(c.Count(o => o.Total == 1), c.Length)}, p90 {Percentile(c, 0.9)}, max {(c.Length == 0 ? 0 : c.Max(o => o.Total))}, C# errors {Percent(c.Count(o => !o.CsErrors.IsEmpty), c.Length)}");
        }
        s.AppendLine();
        s.AppendLine("diagnostic ids over caught edits (edits in which the id appears):");
        foreach (var id in caught.SelectMany(o => o.Fg.Concat(o.CsErrors).Select(d => d.Id).Distinct()).GroupBy(i => i).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            s.AppendLine(inv, $"  {id.Key,-7} {id.Count(),5}");
        }
        s.AppendLine();
        s.AppendLine("15 worst edits:");
        foreach (EditOutcome o in caught.OrderByDescending(o => o.Total).ThenBy(o => o.Edit.FileIndex).ThenBy(o => o.Edit.Line).ThenBy(o => o.Edit.Kind).ThenBy(o => o.Edit.Column).Take(15))
        {
            s.AppendLine(inv, $"  [{o.Total}: {o.Fg.Length} FG, {o.CsErrors.Length} C#] {o.Edit.Describe()}");
            var shown = o.Fg.OrderBy(d => d.Location.SourceSpan.Start).Concat(o.CsErrors).Select(GeneratorHarness.Format).ToArray();
            foreach (string line in shown.Take(8)) s.AppendLine("      " + line);
            if (shown.Length > 8) s.AppendLine(inv, $"      ... and {shown.Length - 8} more");
        }

        var failed = new List<string>();
        if (caught.Length > 0)
        {
            double exactlyOne = (double)caught.Count(o => o.Total == 1) / caught.Length;
            double csShare = (double)caught.Count(o => !o.CsErrors.IsEmpty) / caught.Length;
            int p90 = Percentile(caught, 0.9), max = caught.Max(o => o.Total);
            if (exactlyOne < 0.80) failed.Add($"exactly one diagnostic for {exactlyOne.ToString("P1", inv)} of caught edits (target ≥ 80%)");
            if (p90 > 2) failed.Add($"p90 is {p90} (target ≤ 2)");
            if (max > 8) failed.Add($"max is {max} (target ≤ 8)");
            if (csShare > 0.10) failed.Add($"{csShare.ToString("P1", inv)} of caught edits give a C# error (target ≤ 10%)");
        }
        s.AppendLine();
        s.AppendLine(inv, $"time: {elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores, {cpu.TotalSeconds:F1} s of CPU; summed over the workers, the generator took {Stopwatch.GetElapsedTime(0, s_generatorTicks).TotalSeconds:F1} s and the C# diagnostics {Stopwatch.GetElapsedTime(0, s_compileTicks).TotalSeconds:F1} s");
        s.AppendLine("targets: exactly one ≥ 80%, p90 ≤ 2, max ≤ 8, C# errors ≤ 10% of caught edits: " + (failed.Count == 0 ? "all met" : "missed: " + string.Join("; ", failed)));

        return new SweepResult(s.ToString(), caught.Length, failed, exceptions, mismatches);
    }

    private static void AppendDistribution(StringBuilder s, EditOutcome[] caught, string indent)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        int n = caught.Length;
        (string Label, Func<int, bool> In)[] buckets =
        {
            ("1", t => t == 1), ("2", t => t == 2), ("3", t => t == 3), ("4-8", t => t is >= 4 and <= 8), (">8", t => t > 8),
        };
        foreach ((string label, Func<int, bool> inBucket) in buckets)
        {
            int count = caught.Count(o => inBucket(o.Total));
            s.AppendLine(inv, $"{indent}{label,4}: {count,5}  {Percent(count, n),6}  {new string('#', n == 0 ? 0 : (int)Math.Round(40.0 * count / n))}");
        }
        s.AppendLine(inv, $"{indent}exactly one: {Percent(caught.Count(o => o.Total == 1), n)}; p50 {Percentile(caught, 0.5)}; p90 {Percentile(caught, 0.9)}; max {(n == 0 ? 0 : caught.Max(o => o.Total))}");
        s.AppendLine(inv, $"{indent}with a C# error: {caught.Count(o => !o.CsErrors.IsEmpty)} ({Percent(caught.Count(o => !o.CsErrors.IsEmpty), n)}); C# errors in all: {caught.Sum(o => o.CsErrors.Length)}; FG diagnostics in all: {caught.Sum(o => o.Fg.Length)}");
    }

    /// <summary>Nearest-rank percentile of the totals.</summary>
    private static int Percentile(EditOutcome[] outcomes, double p)
    {
        if (outcomes.Length == 0) return 0;
        int[] sorted = outcomes.Select(o => o.Total).OrderBy(t => t).ToArray();
        int rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static string Percent(int count, int of) => of == 0 ? "-" : ((double)count / of).ToString("P1", CultureInfo.InvariantCulture);
}
