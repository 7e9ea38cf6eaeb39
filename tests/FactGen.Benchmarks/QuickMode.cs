using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FactGen.Benchmarks;

/// <summary>
/// <c>--quick</c>: every comparison of the issue in one run of under three minutes. Each
/// comparison runs its two sides interleaved (A B A B ...) after a warm-up, and reports the
/// median of each side and the median of the per-pair ratios, so a noisy neighbour slows both
/// sides of a pair rather than one side of the comparison.
/// </summary>
internal static class QuickMode
{
    private static readonly List<string> Rows = new();

    public static int Run()
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine($"FactGen quick benchmark: .NET {Environment.Version}, {Environment.ProcessorCount} cores, {Environment.OSVersion}, Roslyn {typeof(Compilation).Assembly.GetName().Version}");
        Console.WriteLine($"catalogs: {SyntheticCatalog.DefaultFileCount} fact files, 10% states / 30% actors / 60% events; C# parsed as a command-line build does (doc comments as comments)");
        Console.WriteLine();
        Row("N", "comparison", "median A", "median B", "A/B", "notes");
        Row("---:", "---", "---:", "---:", "---:", "---");

        var stub = Workload.StubTree();
        var genMedian = new Dictionary<int, double>();
        var summary = new Dictionary<string, string>();
        string[] generated10k = Array.Empty<string>();
        string[] resx10k = Array.Empty<string>();
        string[] generated100k = Array.Empty<string>();

        // Warm-ups per size: enough runs for the JIT's tiering to finish, as in a build server
        // or the IDE, where the generator runs again and again (and as BenchmarkDotNet does).
        foreach ((int n, int reps, int warmups) in new[] { (1_000, 15, 40), (10_000, 9, 15), (100_000, 3, 1) })
        {
            FactFile[] files = SyntheticCatalog.Build(n);
            ImmutableArray<AdditionalText> texts = Workload.FactTexts(files);
            ImmutableArray<AdditionalText> resx = Workload.ResxTexts(n);

            GeneratorDriver checkedRun = Workload.FactGenRun(texts, stub);
            var diagnostics = Workload.GeneratorDiagnostics(checkedRun);
            if (diagnostics.Length > 0) throw new InvalidOperationException($"The synthetic catalog of {n} facts has diagnostics: {string.Join(" | ", diagnostics.Take(3))}");
            string[] generated = Workload.GeneratedSources(checkedRun);
            GeneratorDriver resxRun = Workload.ResxRun(resx, stub);
            if (Workload.GeneratorDiagnostics(resxRun).Length > 0) throw new InvalidOperationException("The Resx peer reported diagnostics.");
            if (n == 10_000) { generated10k = generated; resx10k = Workload.GeneratedSources(resxRun); }
            if (n == 100_000) generated100k = generated;
            long yamlChars = files.Sum(f => (long)f.Text.Length);

            var a = Pair(n, "(a) FactGen run vs bare YamlDotNet Parser pass", reps, warmups,
                () => Workload.FactGenRun(texts, stub), () => Workload.ParserPass(files),
                $"{yamlChars / 1048576.0:F1} MiB YAML in, {generated.Sum(s => (long)s.Length) / 1048576.0:F1} MiB C# out");
            genMedian[n] = a.MedianA;
            var b = Pair(n, "(b) FactGen run vs ResxSourceGenerator run", reps, warmups,
                () => Workload.FactGenRun(texts, stub), () => Workload.ResxRun(resx, stub), "same number of facts / entries, 100 files each");
            if (n == 10_000) { summary["gen_vs_read_10k"] = F(a.Ratio); summary["gen_vs_resx_10k"] = F(b.Ratio); }

            if (n == 100_000)
            {
                // (c) Cached reruns, on the driver of a completed run, as in the IDE.
                GeneratorDriver driver = Workload.FactGenDriver(texts).RunGenerators(Workload.NewCompilation(stub));
                var baseCompilation = Workload.NewCompilation(stub);
                int generation = 0;
                var noop = Times(25, () => driver = driver.RunGenerators(baseCompilation.AddSyntaxTrees(Workload.CSharpEdit(++generation))));
                Single(n, "(c) cached rerun after a C#-only edit, ms", noop, "fresh compilation with one edited C# tree");

                GeneratorDriver tracked = Workload.FactGenDriver(texts, trackSteps: true).RunGenerators(baseCompilation);
                tracked = tracked.RunGenerators(baseCompilation.AddSyntaxTrees(Workload.CSharpEdit(-1)));
                int readOnCsEdit = Workload.FilesRead(tracked);
                FactFile edited = SyntheticCatalog.EditOneFact(files[37], 1);
                tracked = tracked.ReplaceAdditionalText(texts[37], new MemoryText(edited.Path, Microsoft.CodeAnalysis.Text.SourceText.From(edited.Text, System.Text.Encoding.UTF8)));
                tracked = tracked.RunGenerators(baseCompilation);
                int readOnFileEdit = Workload.FilesRead(tracked);
                Single(n, "(c) fact files re-read: C# edit / 1-of-100 file edit", new List<double> { readOnCsEdit }, $"{readOnCsEdit} / {readOnFileEdit} (tracked ReadFactFile steps that ran)");

                // The time of a one-file edit (untracked driver), alternating two versions of the file.
                AdditionalText current = texts[37];
                int version = 0;
                var oneFile = Times(5, () =>
                {
                    FactFile next = SyntheticCatalog.EditOneFact(files[37], ++version);
                    var text = new MemoryText(next.Path, Microsoft.CodeAnalysis.Text.SourceText.From(next.Text, System.Text.Encoding.UTF8));
                    driver = driver.ReplaceAdditionalText(current, text).RunGenerators(baseCompilation);
                    current = text;
                });
                Single(n, "(c) rerun after editing 1 of 100 fact files, ms", oneFile, "re-read one file, re-bind, re-emit");
                summary["noop_rerun_ms_100k"] = F(Timing.Median(noop));
                summary["reparsed_on_cs_edit"] = readOnCsEdit.ToString(CultureInfo.InvariantCulture);
                summary["reparsed_on_one_file_edit"] = readOnFileEdit.ToString(CultureInfo.InvariantCulture);
            }
        }
        summary["per_fact_growth_1k_100k"] = F((genMedian[100_000] / 100_000) / (genMedian[1_000] / 1_000));
        Single(100_000, "(a) growth of generator cost per fact, 1k to 100k", new List<double> { (genMedian[100_000] / 100_000) / (genMedian[1_000] / 1_000) },
            $"{genMedian[1_000] * 1000 / 1_000:F1} µs/fact at 1k, {genMedian[100_000] * 1000 / 100_000:F1} µs/fact at 100k");

        // (d) Compiling what was generated, parse included, against N trivial members and against Resx's output.
        string trivial = Workload.TrivialSource(10_000);
        CheckCompiles("FactGen 10k", generated10k);
        CheckCompiles("Resx 10k", resx10k);
        CheckCompiles("trivial 10k", new[] { trivial });
        var dt = Pair(10_000, "(d) compile FactGen output vs N trivial members", 7,
            () => Workload.Compile(generated10k), () => Workload.Compile(new[] { trivial }), "parse + emit; `public static int P1 => 1;`");
        var dr = Pair(10_000, "(d) compile FactGen output vs Resx output", 7,
            () => Workload.Compile(generated10k), () => Workload.Compile(resx10k), "parse + emit");
        Pair(10_000, "(d) same, doc comments parsed (IDE, GenerateDocumentationFile)", 3,
            () => Workload.Compile(generated10k, Workload.IdeParseOptions), () => Workload.Compile(resx10k, Workload.IdeParseOptions), "informational");
        summary["compile_vs_trivial_10k"] = F(dt.Ratio);
        summary["compile_vs_resx_10k"] = F(dr.Ratio);

        // (e) First access at run time: load into a fresh context, then time the first call.
        byte[] assembly = Workload.CompileWithProbe(generated10k);
        List<double> first = Timing.FirstAccess(assembly, runs: 12, warmups: 2, out string probeResult);
        Single(10_000, "(e) first access to the catalog, ms", first, $"Events.Timeline[0].Summary + Actors.All[0].Name in a fresh load context");
        summary["first_access_ms_10k"] = F(Timing.Median(first));

        // The largest catalog that compiles: 100k and 300k (1M in the BenchmarkDotNet run).
        int maxCompiled = 0;
        foreach (int n in new[] { 100_000, 300_000 })
        {
            var sw = Stopwatch.StartNew();
            string[] sources = n == 100_000 ? generated100k : Workload.GeneratedSources(Workload.FactGenRun(Workload.FactTexts(SyntheticCatalog.Build(n)), stub));
            double genMs = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            // With the probe, so the catalog is also loaded and used: a type with more than
            // 65,535 methods compiles, but the runtime refuses to load it.
            var stream = new System.IO.MemoryStream();
            var result = Workload.Compile(sources.Append(Workload.FirstAccessProbe), Workload.ParseOptions, stream);
            double compileMs = sw.Elapsed.TotalMilliseconds;
            string errors = result.Success ? "no errors" : string.Join(" | ", result.Errors.Take(2).Select(e => e.Id + " " + e.GetMessage(CultureInfo.InvariantCulture)));
            string loaded = "not run";
            if (result.Success)
            {
                try
                {
                    var (context, probe) = Workload.LoadProbe(stream.ToArray(), "max" + n);
                    var firstWatch = Stopwatch.StartNew();
                    probe();
                    loaded = $"loads and runs, first access {firstWatch.Elapsed.TotalMilliseconds:F1} ms";
                    context.Unload();
                }
                catch (Exception exception)
                {
                    loaded = "FAILS TO LOAD: " + exception.GetType().Name + ": " + exception.Message;
                }
            }
            Single(n, "compiles without errors?", new List<double> { compileMs },
                $"{(result.Success ? "yes" : "NO")}: {errors}; {loaded}; dll {result.Bytes / 1048576.0:F1} MiB; generated in {genMs:F0} ms");
            // Stricter than "compiled": a catalog counts only if it also loads and answers.
            if (result.Success && loaded.StartsWith("loads", StringComparison.Ordinal)) maxCompiled = n;
            sources = Array.Empty<string>();
            Timing.Clean();
        }
        summary["max_facts_compiled"] = maxCompiled.ToString(CultureInfo.InvariantCulture);

        Console.WriteLine();
        Console.WriteLine($"probe returned \"{probeResult}\"; total time {total.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine("summary: " + string.Join(" ", new[]
        {
            "gen_vs_read_10k", "gen_vs_resx_10k", "compile_vs_trivial_10k", "compile_vs_resx_10k", "noop_rerun_ms_100k",
            "reparsed_on_cs_edit", "reparsed_on_one_file_edit", "per_fact_growth_1k_100k", "first_access_ms_10k", "max_facts_compiled",
        }.Select(k => $"{k}={summary[k]}")));
        return 0;
    }

    private static void CheckCompiles(string what, string[] sources)
    {
        var result = Workload.Compile(sources);
        if (!result.Success) throw new InvalidOperationException($"{what} does not compile: {string.Join(" | ", result.Errors.Take(3))}");
    }

    private static (double MedianA, double MedianB, double Ratio) Pair(int n, string label, int reps, Action a, Action b, string notes = "")
        => Pair(n, label, reps, 1, a, b, notes);

    private static (double MedianA, double MedianB, double Ratio) Pair(int n, string label, int reps, int warmups, Action a, Action b, string notes = "")
    {
        for (int i = 0; i < warmups; i++)
        {
            a();
            b();
        }
        var ta = new List<double>();
        var tb = new List<double>();
        for (int i = 0; i < reps; i++)
        {
            ta.Add(Timing.Time(a));
            tb.Add(Timing.Time(b));
        }
        var ratios = ta.Zip(tb, (x, y) => x / y).ToList();
        var result = (Timing.Median(ta), Timing.Median(tb), Timing.Median(ratios));
        Row(n.ToString("N0", CultureInfo.InvariantCulture), label, $"{result.Item1:F1} ms", $"{result.Item2:F1} ms", F(result.Item3),
            $"{reps} pairs after {warmups} warm-up{(warmups == 1 ? "" : "s")}, ratio range {ratios.Min():F2}–{ratios.Max():F2}" + (notes.Length > 0 ? "; " + notes : ""));
        return result;
    }

    private static void Single(int n, string label, List<double> values, string notes)
        => Row(n.ToString("N0", CultureInfo.InvariantCulture), label, values.Count == 1 ? $"{values[0]:F2}" : $"{Timing.Median(values):F2} ms", "", "", notes);

    private static List<double> Times(int reps, Action action)
    {
        action();
        var times = new List<double>();
        for (int i = 0; i < reps; i++) times.Add(Timing.Time(action));
        return times;
    }

    private static string F(double value) => value.ToString(value >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture);

    private static void Row(params string[] cells)
    {
        string row = "| " + string.Join(" | ", cells) + " |";
        Rows.Add(row);
        Console.WriteLine(row);
    }
}
