using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FactGen.Benchmarks.RealBuild;
using Microsoft.CodeAnalysis;

namespace FactGen.Benchmarks.Ide;

/// <summary>
/// <c>--ide [--sizes 1000,10000,100000] [--pairs K] [--warmups W] [--keep]</c>: editor latency as
/// an IDE runs the generator. For each size N, two temporary console apps: (F) FactGen with the
/// N-fact synthetic catalog in 100 fact files, (R) Microsoft's ResxSourceGenerator with N entries
/// in 100 .resx files, each written as <see cref="RealBuildMode"/> writes them and restored once,
/// then opened in Roslyn's <c>MSBuildWorkspace</c>. Each timed step forks the solution with one
/// edit and ends when Program.cs's semantic diagnostics are in hand; it starts from the previous
/// step's solution, so the generator driver is warm. Edits: a value edit (one event's summary,
/// FactGen only), a rename (an unreferenced fact id / a .resx entry name) and a C# edit (a
/// constant in Program.cs). The renames and the C# edits run as interleaved pairs F R F R ...
/// after warm-ups; each comparison reports each side's median and the median of the per-pair
/// ratios. The last line is <c>ide: value_edit_ms_10k=... rename_vs_resx_10k=...
/// csedit_vs_resx_10k=... value_edit_growth_1k_100k=...</c>.
/// </summary>
internal static class IdeMode
{
    /// <summary>Program.cs's use of a generated member in (F) and in (R).</summary>
    private const string FactGenUse = "global::App.Facts.Events.Timeline.Count";
    private const string ResxUse = "global::App.Strings000.State0";

    /// <summary>The fact (and .resx) files that the value edit and the renames change: two different ones, so that each edit alternates between its own two texts.</summary>
    private const int ValueEditFile = 37;
    private const int RenameFile = 63;

    private static readonly List<string> Rows = new();

    public static int Run(string[] args)
    {
        int[] sizes = SizesOption(args, new[] { 1_000, 10_000, 100_000 });
        int pairs = RealBuildMode.IntOption(args, "--pairs", 7);
        int warmups = RealBuildMode.IntOption(args, "--warmups", 2);
        bool keep = args.Contains("--keep");
        string root = Path.Combine(Path.GetTempPath(), $"factgen-ide-{Environment.ProcessId}");
        try
        {
            return RunAsync(root, sizes, pairs, warmups).GetAwaiter().GetResult();
        }
        finally
        {
            int ended = BuildRunner.KillMarkedProcesses();
            if (ended > 0) Console.WriteLine($"(ended {ended} build process(es) left by this run's restores)");
            if (!keep) TempProjects.TryDelete(root);
            else Console.WriteLine($"(projects kept in {root})");
        }
    }

    private static async Task<int> RunAsync(string root, int[] sizes, int pairs, int warmups)
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine($"FactGen IDE benchmark (MSBuildWorkspace), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {BuildRunner.Machine()}; load average {BuildRunner.LoadAverage()}; Roslyn {typeof(Compilation).Assembly.GetName().Version}");
        Console.WriteLine($"sizes {string.Join(", ", sizes.Select(n => n.ToString("N0", CultureInfo.InvariantCulture)))} facts / resx entries in 100 files; {pairs} timed steps or pairs per comparison after {warmups} warm-ups; projects in {root}");
        Console.WriteLine("each timed step: fork the solution with one edit, then Program.cs's semantic model and GetDiagnostics(); from the previous step's solution, after a full GC");
        Console.WriteLine();

        TempProjects.TryDelete(root);
        BuildRunner.WriteIsolation(root);
        string gen = Path.Combine(root, "gen");
        BuildRunner.CopyGenerator(gen);
        string resxPackage = BuildRunner.ResxPackageDir();

        var valueEdit = new Dictionary<int, double>();
        var renameRatio = new Dictionary<int, double>();
        var csEditRatio = new Dictionary<int, double>();
        foreach (int n in sizes)
        {
            Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {n:N0} facts / entries");
            var sizeWatch = Stopwatch.StartNew();
            FactFile[] catalog = SyntheticCatalog.Build(n);
            string dir = Path.Combine(root, n.ToString(CultureInfo.InvariantCulture));
            string factGenProject = WriteApp(Path.Combine(dir, "FactGen"), TempProjects.FactGenItems(gen, publicCatalog: false, ns: null), FactGenUse);
            TempProjects.WriteFacts(Path.Combine(dir, "FactGen", "facts"), catalog);
            string resxProject = WriteApp(Path.Combine(dir, "Resx"), TempProjects.ResxItems(resxPackage), ResxUse);
            TempProjects.WriteResx(Path.Combine(dir, "Resx"), n);
            foreach (string project in new[] { factGenProject, resxProject })
                BuildRunner.MustSucceed($"restore {project}", BuildRunner.Dotnet(Path.GetDirectoryName(project)!, new[] { "restore", project, "-nr:false", "-tl:off", "-v:q" }));

            using (IdeProject factGen = await IdeProject.OpenAsync("(F) FactGen", factGenProject))
            using (IdeProject resx = await IdeProject.OpenAsync("(R) Resx", resxProject))
            {
                await factGen.CheckLoadedAsync(".facts.yaml", catalog.Length);
                await resx.CheckLoadedAsync(".resx", catalog.Length);

                string renamedId = IdeEdit.UnreferencedEventId(catalog, RenameFile);
                catalog = Array.Empty<FactFile>();
                TextDocument valueFile = Input(factGen, $"article-{ValueEditFile:D3}.facts.yaml");
                TextDocument renameFile = Input(factGen, $"article-{RenameFile:D3}.facts.yaml");
                TextDocument resxFile = Input(resx, $"Strings{RenameFile:D3}.resx");
                string resxText = (await resxFile.GetTextAsync()).ToString();
                IdeEdit value = IdeEdit.ValueEdit(valueFile, (await valueFile.GetTextAsync()).ToString());
                IdeEdit factRename = IdeEdit.FactRename(renameFile, (await renameFile.GetTextAsync()).ToString(), renamedId);
                IdeEdit resxRename = IdeEdit.ResxRename(resxFile, resxText, IdeEdit.FirstEventEntry(resxText));
                IdeEdit factCs = IdeEdit.CSharpEdit(factGen.ProgramId, FactGenUse);
                IdeEdit resxCs = IdeEdit.CSharpEdit(resx.ProgramId, ResxUse);

                // Each edit, both ways, checked before anything is timed: it reached the generated code.
                foreach ((IdeProject project, IdeEdit edit) in new[] { (factGen, value), (factGen, factRename), (resx, resxRename), (factGen, factCs), (resx, resxCs) })
                {
                    var seen = new List<string>();
                    for (int i = 0; i < 2; i++)
                    {
                        await project.StepAsync(edit);
                        seen.Add(await project.VerifyAsync(edit));
                    }
                    Console.WriteLine($"  {project.Label}: {edit.Name} checked, each way: {string.Join("; then ", seen)}");
                }

                var values = await StepsAsync(factGen, value, pairs, warmups);
                valueEdit[n] = Timing.Median(values);
                Single(n, "value edit (one event's summary), FactGen", values, $"{pairs} steps after {warmups} warm-ups, range {values.Min():F0}–{values.Max():F0} ms");
                renameRatio[n] = Pair(n, "rename: FactGen (unreferenced fact id) vs Resx (entry name)", await PairsAsync(factGen, factRename, resx, resxRename, pairs, warmups), pairs, warmups);
                csEditRatio[n] = Pair(n, "C# edit (a constant in Program.cs): FactGen vs Resx", await PairsAsync(factGen, factCs, resx, resxCs, pairs, warmups), pairs, warmups);
            }
            Timing.Clean();
            using (var self = Process.GetCurrentProcess())
                Console.WriteLine($"  {n:N0} done in {sizeWatch.Elapsed.TotalSeconds:F0} s; peak working set so far {self.PeakWorkingSet64 / (double)(1L << 30):F1} GiB; load average {BuildRunner.LoadAverage()}");
            Console.WriteLine();
        }

        Console.WriteLine("| N | comparison | median A | median B | A/B | notes |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | --- |");
        foreach (string row in Rows) Console.WriteLine(row);
        Console.WriteLine();
        Console.WriteLine($"total time {total.Elapsed.TotalMinutes:F1} min; load average at the end {BuildRunner.LoadAverage()}");
        Console.WriteLine("ide: " + string.Join(" ", new[]
        {
            $"value_edit_ms_10k={F2(valueEdit, 10_000)}",
            $"rename_vs_resx_10k={F2(renameRatio, 10_000)}",
            $"csedit_vs_resx_10k={F2(csEditRatio, 10_000)}",
            $"value_edit_growth_1k_100k={(valueEdit.ContainsKey(1_000) && valueEdit.ContainsKey(100_000) ? F2(valueEdit[100_000] / valueEdit[1_000]) : "n/a")}",
        }));
        return 0;
    }

    /// <summary>A console app in <paramref name="dir"/> with <paramref name="extra"/> in its project file and the Program.cs of <see cref="IdeEdit.ProgramText"/>.</summary>
    private static string WriteApp(string dir, string extra, string use)
    {
        Directory.CreateDirectory(dir);
        string project = Path.Combine(dir, "App.csproj");
        File.WriteAllText(project, TempProjects.Project("Exe", "App", extra));
        File.WriteAllText(Path.Combine(dir, "Program.cs"), IdeEdit.ProgramText(use, 0));
        return project;
    }

    private static TextDocument Input(IdeProject project, string fileName)
        => project.Project.AdditionalDocuments.SingleOrDefault(d => Path.GetFileName(d.FilePath) == fileName)
            ?? throw new InvalidOperationException($"{project.Label}: no additional document {fileName}.");

    /// <summary><paramref name="warmups"/> untimed steps, then <paramref name="count"/> timed ones.</summary>
    private static async Task<List<double>> StepsAsync(IdeProject project, IdeEdit edit, int count, int warmups)
    {
        for (int i = 0; i < warmups; i++) await project.StepAsync(edit);
        var times = new List<double>();
        for (int i = 0; i < count; i++) times.Add(await project.StepAsync(edit));
        return times;
    }

    /// <summary>Interleaved steps A B A B ...: <paramref name="warmups"/> untimed pairs, then <paramref name="count"/> timed ones.</summary>
    private static async Task<(List<double> A, List<double> B)> PairsAsync(IdeProject a, IdeEdit ea, IdeProject b, IdeEdit eb, int count, int warmups)
    {
        for (int i = 0; i < warmups; i++)
        {
            await a.StepAsync(ea);
            await b.StepAsync(eb);
        }
        var ta = new List<double>();
        var tb = new List<double>();
        for (int i = 0; i < count; i++)
        {
            ta.Add(await a.StepAsync(ea));
            tb.Add(await b.StepAsync(eb));
        }
        return (ta, tb);
    }

    /// <summary>A comparison's row; returns the median of the per-pair ratios A/B.</summary>
    private static double Pair(int n, string label, (List<double> A, List<double> B) times, int pairs, int warmups)
    {
        var ratios = times.A.Zip(times.B, (x, y) => x / y).ToList();
        double ratio = Timing.Median(ratios);
        Row(n, label, $"{Timing.Median(times.A):F1} ms", $"{Timing.Median(times.B):F1} ms", F2(ratio),
            $"{pairs} pairs after {warmups} warm-up pairs, ratio range {ratios.Min():F2}–{ratios.Max():F2}");
        Console.WriteLine($"  {label}: A {Ms(times.A)}; B {Ms(times.B)}");
        return ratio;
    }

    private static void Single(int n, string label, List<double> values, string notes)
    {
        Row(n, label, $"{Timing.Median(values):F1} ms", "", "", notes);
        Console.WriteLine($"  {label}: {Ms(values)}");
    }

    private static void Row(int n, string label, string a, string b, string ratio, string notes)
    {
        string row = $"| {n.ToString("N0", CultureInfo.InvariantCulture)} | {label} | {a} | {b} | {ratio} | {notes} |";
        Rows.Add(row);
        Console.WriteLine(row);
    }

    private static string Ms(List<double> values) => string.Join(" ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture))) + " ms";

    private static string F2(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string F2(Dictionary<int, double> values, int n) => values.TryGetValue(n, out double value) ? F2(value) : "n/a";

    private static int[] SizesOption(string[] args, int[] fallback)
    {
        int at = Array.IndexOf(args, "--sizes");
        if (at < 0 || at + 1 >= args.Length) return fallback;
        return args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToArray();
    }
}
