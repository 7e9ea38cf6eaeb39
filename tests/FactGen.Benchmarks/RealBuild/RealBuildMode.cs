using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using static FactGen.Benchmarks.RealBuild.TempProjects;

namespace FactGen.Benchmarks.RealBuild;

/// <summary>
/// <c>--real-build [--facts N] [--pairs K] [--warmups W] [--keep] [--no-report-analyzer]</c>: real
/// <c>dotnet build</c> processes on temporary projects, timing a one-line C# edit (a constant in
/// Program.cs) followed by <c>dotnet build --no-restore</c>, with the compiler server and MSBuild
/// node reuse on. Variants:
/// (a) an empty console app; (b) the app with FactGen and N facts; (c) the catalog in a public class
/// library that the app references, edit in the app; (d) the app referencing an empty library;
/// (e) the app with Microsoft's ResxSourceGenerator and N resx entries.
/// Comparisons (b)/(a), (b)/(e) and (c)/(d) run interleaved (A B A B ...) after warm-ups; each
/// reports the medians of each side and the median of the per-pair ratios. The last line is
/// <c>build: csc_vs_resx_10k=... wall_split_vs_empty_split_10k=...</c>.
/// <c>--real-build-scale</c> is <see cref="RealBuildScale"/>; <c>--real-build --bisect</c> splits
/// (b)'s Csc time into its parts (RealBuildMode.Bisect.cs).
/// </summary>
internal static partial class RealBuildMode
{
    public static int Run(string[] args)
    {
        if (args[0] == "--real-build-scale") return RealBuildScale.Run(args);
        bool bisect = args.Contains("--bisect");
        int facts = IntOption(args, "--facts", 10_000);
        int pairs = IntOption(args, "--pairs", 7);
        int warmups = IntOption(args, "--warmups", 2);
        bool keep = args.Contains("--keep");
        bool reportAnalyzer = !args.Contains("--no-report-analyzer");
        string root = Path.Combine(Path.GetTempPath(), $"factgen-realbuild-{Environment.ProcessId}");
        try
        {
            return bisect ? Bisect(root, facts, pairs, warmups) : Run(root, facts, pairs, warmups, reportAnalyzer);
        }
        finally
        {
            int ended = BuildRunner.KillMarkedProcesses();
            Console.WriteLine($"(ended {ended} build node / compiler server process(es) started by this run)");
            if (!keep) TryDelete(root);
            else Console.WriteLine($"(projects kept in {root})");
        }
    }

    private sealed record Variant(string Key, string Label, string AppDir, string Project);

    private static int Run(string root, int facts, int pairs, int warmups, bool reportAnalyzer)
    {
        var total = System.Diagnostics.Stopwatch.StartNew();
        Console.WriteLine($"FactGen real-build benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {BuildRunner.Machine()}; load average {BuildRunner.LoadAverage()}");
        Console.WriteLine($"{facts:N0} facts / resx entries in 100 files; {pairs} timed pairs per comparison after {warmups} warm-up pairs; projects in {root}");
        Console.WriteLine($"each timed build: edit one constant in Program.cs, then `dotnet build {string.Join(' ', BuildRunner.BuildFlags)}` (Debug)");
        Console.WriteLine();

        TryDelete(root);
        BuildRunner.WriteIsolation(root);
        string gen = Path.Combine(root, "gen");
        BuildRunner.CopyGenerator(gen);
        string resxPackage = BuildRunner.ResxPackageDir();

        var variants = new Dictionary<string, Variant>();
        FactFile[] catalog = SyntheticCatalog.Build(facts);
        int events = SyntheticCatalog.Split(facts).Events;

        // (a) an empty console app.
        variants["a"] = WriteApp(root, "a", "(a) empty app", extra: "", use: "");

        // (b) the catalog in the app.
        var b = WriteApp(root, "b", "(b) catalog in the app", FactGenItems(gen, publicCatalog: false, ns: null),
            use: "System.Console.WriteLine(global::App.Facts.Events.Timeline.Count);");
        WriteFacts(Path.Combine(b.AppDir, "facts"), catalog);
        variants["b"] = b;

        // (c) the catalog in a public library, edit in the app.
        string libC = WriteLibrary(Path.Combine(root, "c", "Lib"), "Lib", FactGenItems(gen, publicCatalog: true, ns: null), code: null);
        WriteFacts(Path.Combine(Path.GetDirectoryName(libC)!, "facts"), catalog);
        variants["c"] = WriteApp(root, "c", "(c) catalog in a library, edit in the app", ProjectReference(libC),
            use: "System.Console.WriteLine(global::Lib.Facts.Events.Timeline.Count);");

        // (d) an empty library, edit in the app.
        string libD = WriteLibrary(Path.Combine(root, "d", "Lib"), "Lib", "", "namespace Lib;\n\npublic static class Marker\n{\n    public static int Value => 42;\n}\n");
        variants["d"] = WriteApp(root, "d", "(d) app + empty library, edit in the app", ProjectReference(libD),
            use: "System.Console.WriteLine(global::Lib.Marker.Value);");

        // (e) Microsoft's ResxSourceGenerator with as many resx entries.
        var e = WriteApp(root, "e", "(e) ResxSourceGenerator in the app", ResxItems(resxPackage),
            use: "System.Console.WriteLine(global::App.Strings000.State0);");
        WriteResx(e.AppDir, facts);
        variants["e"] = e;

        // Restore once, then one first (full) build of each variant: it compiles the library too and
        // starts the build nodes and the compiler server. Then check the app runs and sees what was generated.
        var expected = new Dictionary<string, string>
        {
            ["a"] = "", ["b"] = events.ToString(CultureInfo.InvariantCulture), ["c"] = events.ToString(CultureInfo.InvariantCulture),
            ["d"] = "42", ["e"] = "",
        };
        int generation = 0;
        foreach (var v in variants.Values)
        {
            BuildRunner.MustSucceed($"restore {v.Label}", BuildRunner.Dotnet(v.AppDir, new[] { "restore", v.Project, "-nr:true", "-tl:off", "-v:q" }));
            var first = BuildRunner.MustSucceed($"first build {v.Label}", Build(v, ++generation));
            var run = BuildRunner.Dotnet(v.AppDir, new[] { Path.Combine(v.AppDir, "bin", "Debug", "net10.0", "App.dll") });
            string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (run.ExitCode != 0 || lines.Length == 0 || lines[0] != generation.ToString(CultureInfo.InvariantCulture)
                || (expected[v.Key].Length > 0 && (lines.Length < 2 || lines[1] != expected[v.Key])))
                throw new InvalidOperationException($"{v.Label}: the app printed \"{string.Join(" | ", lines)}\", expected {generation} then {expected[v.Key]}");
            Console.WriteLine($"{v.Label}: first build {first.WallMs / 1000:F1} s wall, Csc {first.CscMs / 1000:F1} s in {first.CscCalls} call(s); app runs and prints {string.Join(" / ", lines)}");
        }
        Console.WriteLine();

        var results = new List<(string Label, Variant A, Variant B, Side SideA, Side SideB, List<double> CscRatios, List<double> WallRatios)>();
        foreach ((string ka, string kb) in new[] { ("b", "a"), ("b", "e"), ("c", "d") })
        {
            var va = variants[ka];
            var vb = variants[kb];
            for (int i = 0; i < warmups; i++)
            {
                Timed(va, ++generation);
                Timed(vb, ++generation);
            }
            var sa = new Side();
            var sb = new Side();
            for (int i = 0; i < pairs; i++)
            {
                sa.Add(Timed(va, ++generation));
                sb.Add(Timed(vb, ++generation));
            }
            var cscRatios = sa.Csc.Zip(sb.Csc, (x, y) => x / y).ToList();
            var wallRatios = sa.Wall.Zip(sb.Wall, (x, y) => x / y).ToList();
            results.Add(($"({ka})/({kb})", va, vb, sa, sb, cscRatios, wallRatios));
            Console.WriteLine($"{va.Label} vs {vb.Label}: Csc {Ms(sa.Csc)} vs {Ms(sb.Csc)}, wall {Ms(sa.Wall)} vs {Ms(sb.Wall)}; per-pair Csc ratios {string.Join(" ", cscRatios.Select(BuildRunner.F))}; wall ratios {string.Join(" ", wallRatios.Select(BuildRunner.F))}");
        }
        Console.WriteLine();

        if (reportAnalyzer)
        {
            Console.WriteLine("Generator and analyzer times, one build per variant with -p:ReportAnalyzer=true -v:d (not timed):");
            foreach (var v in variants.Values)
            {
                WriteProgram(v, ++generation);
                var detailed = BuildRunner.MustSucceed($"ReportAnalyzer build {v.Label}",
                    BuildRunner.Dotnet(v.AppDir, new[] { "build", v.Project }.Concat(BuildRunner.BuildFlags).Concat(new[] { "-v:d", "-p:ReportAnalyzer=true" })));
                File.WriteAllText(Path.Combine(root, $"report-analyzer-{v.Key}.log"), detailed.Output);
                Console.WriteLine($"  {v.Label}:");
                foreach (string line in AnalyzerReport(detailed.Output)) Console.WriteLine("    " + line);
            }
            Console.WriteLine();
        }

        // The table of all variants, then the ratios.
        var all = new Dictionary<string, Side>();
        foreach (var r in results)
        {
            all.TryAdd(r.A.Key, new Side());
            all.TryAdd(r.B.Key, new Side());
            all[r.A.Key].AddAll(r.SideA);
            all[r.B.Key].AddAll(r.SideB);
        }
        Console.WriteLine($"| variant ({facts:N0}) | builds | median Csc | median wall |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var v in variants.Values)
            Console.WriteLine($"| {v.Label} | {all[v.Key].Csc.Count} | {Ms(all[v.Key].Csc)} | {Ms(all[v.Key].Wall)} |");
        Console.WriteLine();
        Console.WriteLine("| comparison | pairs | median Csc A / B | Csc ratio (median per pair, range) | median wall A / B | wall ratio (median per pair, range) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
            Console.WriteLine($"| {r.Label} | {r.CscRatios.Count} | {Ms(r.SideA.Csc)} / {Ms(r.SideB.Csc)} | {BuildRunner.F(Timing.Median(r.CscRatios))} ({r.CscRatios.Min():F2}–{r.CscRatios.Max():F2}) | {Ms(r.SideA.Wall)} / {Ms(r.SideB.Wall)} | {BuildRunner.F(Timing.Median(r.WallRatios))} ({r.WallRatios.Min():F2}–{r.WallRatios.Max():F2}) |");
        Console.WriteLine();
        Console.WriteLine($"total time {total.Elapsed.TotalMinutes:F1} min; load average at the end {BuildRunner.LoadAverage()}");
        string suffix = facts % 1000 == 0 ? $"{facts / 1000}k" : facts.ToString(CultureInfo.InvariantCulture);
        var be = results.Single(r => r.Label == "(b)/(e)");
        var cd = results.Single(r => r.Label == "(c)/(d)");
        Console.WriteLine($"build: csc_vs_resx_{suffix}={BuildRunner.F(Timing.Median(be.CscRatios))} wall_split_vs_empty_split_{suffix}={BuildRunner.F(Timing.Median(cd.WallRatios))}");
        return 0;
    }

    private sealed class Side
    {
        public List<double> Csc { get; } = new();

        public List<double> Wall { get; } = new();

        public void Add(BuildResult r)
        {
            Csc.Add(r.CscMs);
            Wall.Add(r.WallMs);
        }

        public void AddAll(Side other)
        {
            Csc.AddRange(other.Csc);
            Wall.AddRange(other.Wall);
        }
    }

    private static string Ms(List<double> values) => $"{Timing.Median(values):F0} ms";

    /// <summary>One timed build: edit, build, and check that it built and that Csc really ran.</summary>
    private static BuildResult Timed(Variant v, int generation)
    {
        var result = BuildRunner.MustSucceed($"build {v.Label}", Build(v, generation));
        if (result.CscCalls < 1 || result.CscMs <= 0)
            throw new InvalidOperationException($"{v.Label}: Csc did not run after the edit (no Csc line in the task performance summary)");
        return result;
    }

    private static BuildResult Build(Variant v, int generation)
    {
        WriteProgram(v, generation);
        return BuildRunner.Dotnet(v.AppDir, new[] { "build", v.Project, "-v:m" }.Concat(BuildRunner.BuildFlags));
    }

    /// <summary>The lines of csc's <c>/reportanalyzer</c> output that matter here: the totals, and FactGen's and the Resx generator's own lines.</summary>
    internal static IEnumerable<string> AnalyzerReport(string output)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string raw in output.Split('\n'))
        {
            string line = raw.Trim();
            bool total = line.StartsWith("Total analyzer execution time", StringComparison.Ordinal) || line.StartsWith("Total generator execution time", StringComparison.Ordinal);
            bool ours = Regex.IsMatch(line, @"^<?\d+[.,]\d+\s") && (line.Contains("FactGen", StringComparison.Ordinal) || line.Contains("ResxSourceGenerator", StringComparison.Ordinal));
            // Any other analyzer that takes a tenth of a second or more.
            Match time = Regex.Match(line, @"^(\d+[.,]\d+)\s+\d+\s+\S");
            ours |= time.Success && double.Parse(time.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture) >= 0.1;
            if ((total || ours) && seen.Add(line)) yield return line;
        }
    }

    private static Variant WriteApp(string root, string key, string label, string extra, string use)
    {
        string dir = Path.Combine(root, key, "App");
        Directory.CreateDirectory(dir);
        string project = Path.Combine(dir, "App.csproj");
        File.WriteAllText(project, Project("Exe", "App", extra));
        var v = new Variant(key, label, dir, project);
        File.WriteAllText(Path.Combine(dir, "Use.cs"), $"namespace App;\n\ninternal static class Use\n{{\n    public static void Generated()\n    {{\n        {use}\n    }}\n}}\n");
        WriteProgram(v, 0);
        return v;
    }

    /// <summary>The file of the one-line edit: a constant that the app prints.</summary>
    private static void WriteProgram(Variant v, int generation)
        => File.WriteAllText(Path.Combine(v.AppDir, "Program.cs"),
            $"namespace App;\n\ninternal static class Program\n{{\n    private const int Edit = {generation.ToString(CultureInfo.InvariantCulture)};\n\n    private static int Main()\n    {{\n        System.Console.WriteLine(Edit);\n        Use.Generated();\n        return 0;\n    }}\n}}\n");

    internal static int IntOption(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1].Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;
    }
}
