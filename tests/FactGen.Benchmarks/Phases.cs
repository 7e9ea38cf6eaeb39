using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Benchmarks;

/// <summary>
/// <c>--phases N</c>: where compiling the generated code spends its time (parse, declarations,
/// method bodies, emit), for FactGen's output, N trivial members and Resx's output. A diagnostic
/// aid for the design, not a benchmark: one warm run each.
/// </summary>
internal static class Phases
{
    public static int Run(int facts)
    {
        var stub = Workload.StubTree();
        string[] factGen = Workload.GeneratedSources(Workload.FactGenRun(Workload.FactTexts(SyntheticCatalog.Build(facts)), stub));
        string[] resx = Workload.GeneratedSources(Workload.ResxRun(Workload.ResxTexts(facts), stub));
        string[] trivial = { Workload.TrivialSource(facts) };
        Console.WriteLine($"FactGen output: {string.Join(", ", factGen.Select(s => $"{s.Length / 1024} KiB"))}");
        // The catalog-wide source and every fact file's, as one text (the fixed types apart).
        string catalog = string.Join("\n", factGen.Where(s => !s.Contains("class FactCatalogStorage")));
        string[] others = factGen.Where(s => s.Contains("class FactCatalogStorage")).ToArray();
        string noDocs = string.Join("\n", catalog.Split('\n').Where(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal)));
        string noIds = System.Text.RegularExpressions.Regex.Replace(catalog, @"public static class Ids\n\s*\{[^}]*\}", "");
        string noData = System.Text.RegularExpressions.Regex.Replace(catalog, "(TextPool = |Decode\\()\"[^\"]*\"", "$1\"\"");
        var totals = new System.Collections.Generic.Dictionary<string, System.Collections.Generic.List<double>>();
        void Add(string name, double ms) { if (!totals.ContainsKey(name)) totals[name] = new(); totals[name].Add(ms); }
        bool bisect = Environment.GetEnvironmentVariable("FACTGEN_PHASES_BISECT") == "1";
        for (int round = 0; round < (bisect ? 7 : 3); round++)
        {
            Add("trivial", Measure("trivial", trivial));
            Add("FactGen", Measure("FactGen", factGen));
            Add("Resx", Measure("Resx", resx));
            if (bisect)
            {
                Add("-docs", Measure("-docs", others.Append(noDocs).ToArray()));
                Add("-ids", Measure("-ids", others.Append(noIds).ToArray()));
                Add("-data", Measure("-data", others.Append(noData).ToArray()));
                Add("-docs-ids", Measure("-docs-ids", others.Append(string.Join("\n", noIds.Split('\n').Where(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal)))).ToArray()));
            }
        }
        foreach (var (name, values) in totals)
        {
            values.Sort();
            Console.WriteLine($"median total {name,-10} {values[values.Count / 2],7:F1} ms");
        }
        return 0;
    }

    /// <summary><c>--steps N</c>: time per tracked pipeline step of a full run (Roslyn's own step timings).</summary>
    public static int Steps(int facts)
    {
        var texts = Workload.FactTexts(SyntheticCatalog.Build(facts));
        var stub = Workload.StubTree();
        for (int round = 0; round < 4; round++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var driver = Workload.FactGenDriver(texts, trackSteps: true).RunGenerators(Workload.NewCompilation(stub));
            double total = sw.Elapsed.TotalMilliseconds;
            var result = driver.GetRunResult().Results[0];
            var parts = result.TrackedSteps
                .Select(kv => (kv.Key, Ms: kv.Value.Sum(s => s.ElapsedTime.TotalMilliseconds)))
                .Concat(result.TrackedOutputSteps.Select(kv => ("output:" + kv.Key, kv.Value.Sum(s => s.ElapsedTime.TotalMilliseconds))))
                .Where(p => p.Item2 >= 0.5)
                .OrderByDescending(p => p.Item2);
            Console.WriteLine($"total {total:F1} ms (tracking on): " + string.Join(", ", parts.Select(p => $"{p.Item1} {p.Item2:F1}")));
        }
        return 0;
    }

    /// <summary>
    /// <c>--edit-steps N</c>: where a one-file value edit's rerun spends its time, step by step
    /// (tracked driver, so the steps are slower than untracked; compare them with each other).
    /// </summary>
    public static int EditSteps(int facts)
    {
        FactFile[] files = SyntheticCatalog.Build(facts).ToArray();
        var texts = Workload.FactTexts(files);
        var compilation = Workload.NewCompilation(Workload.StubTree());
        GeneratorDriver driver = Workload.FactGenDriver(texts, trackSteps: true).RunGenerators(compilation);
        AdditionalText current = texts[37];
        for (int round = 1; round <= 6; round++)
        {
            FactFile next = SyntheticCatalog.EditOneFact(files[37], round);
            var text = new MemoryText(next.Path, SourceText.From(next.Text, Encoding.UTF8));
            driver = driver.ReplaceAdditionalText(current, text);
            current = text;
            GC.Collect();
            var sw = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            double total = sw.Elapsed.TotalMilliseconds;
            var result = driver.GetRunResult().Results[0];
            var parts = result.TrackedSteps
                .Select(kv => (kv.Key, Ms: kv.Value.Sum(s => s.ElapsedTime.TotalMilliseconds)))
                .Concat(result.TrackedOutputSteps.Select(kv => ("output:" + kv.Key, kv.Value.Sum(s => s.ElapsedTime.TotalMilliseconds))))
                .Where(p => p.Item2 >= 0.1)
                .OrderByDescending(p => p.Item2);
            Console.WriteLine($"edit rerun {total:F1} ms (tracking on): " + string.Join(", ", parts.Select(p => $"{p.Item1} {p.Item2:F1}")));
        }
        return 0;
    }

    /// <summary><c>--first-access N</c>: only the first-access measurement, for iterating on the data layout.</summary>
    public static int FirstAccess(int facts)
    {
        string[] sources = Workload.GeneratedSources(Workload.FactGenRun(Workload.FactTexts(SyntheticCatalog.Build(facts)), Workload.StubTree()));
        // For experiments: the sources of a dump (FACTGEN_DUMP), edited by hand.
        if (Environment.GetEnvironmentVariable("FACTGEN_SOURCES") is { } edited) sources = Directory.GetFiles(edited, "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        byte[] assembly = Workload.CompileWithProbe(sources);
        if (Environment.GetEnvironmentVariable("FACTGEN_DUMP") is { } dump)
        {
            Directory.CreateDirectory(dump);
            for (int i = 0; i < sources.Length; i++) File.WriteAllText(Path.Combine(dump, $"source{i:D3}.cs"), sources[i]);
        }
        string? probeCode = Environment.GetEnvironmentVariable("FACTGEN_PROBE");
        if (probeCode is not null)
        {
            var stream = new MemoryStream();
            var result = Workload.Compile(sources.Append("namespace Bench { public static class Probe { public static string Run() { " + probeCode + " } } }"), Workload.ParseOptions, stream);
            if (!result.Success) throw new InvalidOperationException(string.Join(" | ", result.Errors.Take(3)));
            assembly = stream.ToArray();
        }
        // The compile above leaves the runtime re-compiling Roslyn's hot methods (tiering) on
        // background threads, which on two cores would compete with the runs: wait until it is done.
        Timing.SettleJit();
        using var jit = Environment.GetEnvironmentVariable("FACTGEN_JIT_EVENTS") == "1" ? new JitListener() : null;
        // FACTGEN_FIRST_ACCESS_RUNS: more runs, to attach a CPU trace (dotnet-trace collect -p)
        // after the line "first access runs" and sample the first accesses alone.
        int runs = int.TryParse(Environment.GetEnvironmentVariable("FACTGEN_FIRST_ACCESS_RUNS"), out int more) ? more : 15;
        Console.WriteLine("first access runs");
        var times = Timing.FirstAccess(assembly, runs, warmups: 3, out string probeResult, (i, before) =>
        {
            // The JIT's events of the last run only, with time for the listener to catch up.
            if (jit is null || i != runs - 1) return;
            if (before)
            {
                System.Threading.Thread.Sleep(200);
                jit.Recording = true;
                return;
            }
            jit.Recording = false;
            System.Threading.Thread.Sleep(200);
            jit.Report();
        });
        times.Sort();
        if (probeCode is not null) Console.WriteLine("probe returned: " + probeResult);
        Console.WriteLine($"first access at {facts}: median {times[times.Count / 2]:F2} ms, min {times[0]:F2}, max {times[^1]:F2}");
        return 0;
    }

    private static double Measure(string name, string[] sources)
    {
        GC.Collect();
        var sw = Stopwatch.StartNew();
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s, Encoding.UTF8), Workload.ParseOptions)).Prepend(Workload.StubTree()).ToArray();
        double parse = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var compilation = Workload.NewCompilation(trees);
        compilation.GetDeclarationDiagnostics();
        double declarations = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        compilation.GetMethodBodyDiagnostics();
        double bodies = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var result = compilation.Emit(new MemoryStream());
        double emit = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine($"{name,-8} parse {parse,7:F1}  declarations {declarations,7:F1}  bodies {bodies,7:F1}  emit (bodies again + PE) {emit,7:F1}  total {parse + declarations + bodies + emit,7:F1} ms  {(result.Success ? "ok" : "FAILED")}");
        return parse + declarations + bodies + emit;
    }
}
