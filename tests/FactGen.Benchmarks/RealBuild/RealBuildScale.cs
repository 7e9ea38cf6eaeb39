using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace FactGen.Benchmarks.RealBuild;

/// <summary>
/// <c>--real-build-scale [--facts N] [--libs K] [--timeout-min M] [--keep]</c>: N facts (1,000,000 by
/// default) over K class libraries (10), each a public catalog in its own namespace
/// (<c>FactGenNamespace</c>), and an app that references them all. Builds from clean with
/// <c>dotnet build -m</c>, then edits one fact file of one library and rebuilds, then edits the
/// app's Program.cs and rebuilds, and tells for each step which projects' compiler ran (the
/// obj/ dll was rewritten) and whose reference assembly changed, with the times. A clean build
/// longer than the time-out is stopped, and the projects that did compile are reported.
/// </summary>
internal static class RealBuildScale
{
    public static int Run(string[] args)
    {
        int facts = RealBuildMode.IntOption(args, "--facts", 1_000_000);
        int libs = RealBuildMode.IntOption(args, "--libs", 10);
        int timeoutMin = RealBuildMode.IntOption(args, "--timeout-min", 15);
        bool keep = args.Contains("--keep");
        string root = Path.Combine(Path.GetTempPath(), $"factgen-realbuild-scale-{Environment.ProcessId}");
        try
        {
            return Run(root, facts, libs, TimeSpan.FromMinutes(timeoutMin));
        }
        finally
        {
            int ended = BuildRunner.KillMarkedProcesses();
            Console.WriteLine($"(ended {ended} build node / compiler server process(es) started by this run)");
            if (!keep) TempProjects.TryDelete(root);
            else Console.WriteLine($"(projects kept in {root})");
        }
    }

    private static int Run(string root, int facts, int libs, TimeSpan timeout)
    {
        int perLib = facts / libs;
        Console.WriteLine($"FactGen real-build scale run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {BuildRunner.Machine()}; load average {BuildRunner.LoadAverage()}");
        Console.WriteLine($"{facts:N0} facts over {libs} libraries ({perLib:N0} each, 100 fact files each, public catalogs Lib<i>.Facts) + an app referencing all; projects in {root}");
        Console.WriteLine($"builds: `dotnet build App.csproj -m {string.Join(' ', BuildRunner.BuildFlags)} -v:m`; clean-build time-out {timeout.TotalMinutes:F0} min");
        Console.WriteLine();

        TempProjects.TryDelete(root);
        BuildRunner.WriteIsolation(root);
        string gen = Path.Combine(root, "gen");
        BuildRunner.CopyGenerator(gen);

        var sw = System.Diagnostics.Stopwatch.StartNew();
        FactFile[] catalog = SyntheticCatalog.Build(perLib);
        var names = Enumerable.Range(0, libs).Select(i => $"Lib{i}").ToArray();
        var references = new List<string>();
        foreach (string name in names)
        {
            string project = TempProjects.WriteLibrary(Path.Combine(root, name), name, TempProjects.FactGenItems(gen, publicCatalog: true, ns: name + ".Facts"), code: null);
            TempProjects.WriteFacts(Path.Combine(root, name, "facts"), catalog);
            references.Add(project);
        }
        string appDir = Path.Combine(root, "App");
        Directory.CreateDirectory(appDir);
        string app = Path.Combine(appDir, "App.csproj");
        File.WriteAllText(app, TempProjects.Project("Exe", "App", string.Concat(references.Select(TempProjects.ProjectReference))));
        WriteProgram(appDir, names, 0);
        long yamlBytes = catalog.Sum(f => (long)f.Text.Length) * libs;
        Console.WriteLine($"wrote {libs * catalog.Length} fact files, {yamlBytes / 1048576.0:F0} MiB of YAML, in {sw.Elapsed.TotalSeconds:F0} s");
        catalog = Array.Empty<FactFile>();

        BuildRunner.MustSucceed("restore", BuildRunner.Dotnet(appDir, new[] { "restore", app, "-nr:true", "-tl:off", "-v:q" }));
        var projects = names.Select(n => (Name: n, Dir: Path.Combine(root, n))).Append(("App", appDir)).ToArray();

        // 1. Clean build.
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] clean build, -m ...");
        var before = Snapshot(projects);
        var clean = BuildRunner.Dotnet(appDir, new[] { "build", app, "-m", "-v:m" }.Concat(BuildRunner.BuildFlags), timeout);
        File.WriteAllText(Path.Combine(root, "clean-build.log"), clean.Output);
        Report("clean build", clean, projects, before);
        if (clean.ExitCode != 0)
        {
            Console.WriteLine(clean.TimedOut
                ? $"STOPPED: the clean build ran past {timeout.TotalMinutes:F0} min and was ended; the edit steps did not run."
                : "FAILED: the clean build failed; the edit steps did not run.\n" + string.Join("\n", clean.Output.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(10)));
            Console.WriteLine($"scale: facts={facts} libs={libs} clean_build=not_completed");
            return 1;
        }
        var run = BuildRunner.Dotnet(appDir, new[] { Path.Combine(appDir, "bin", "Debug", "net10.0", "App.dll") });
        Console.WriteLine($"app prints: {string.Join(" ", run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");

        // 2. A curator's one-line edit in one fact file of the first library.
        string factFile = Directory.GetFiles(Path.Combine(root, names[0], "facts"), "*.facts.yaml").OrderBy(p => p, StringComparer.Ordinal).Skip(37).First();
        var edited = SyntheticCatalog.EditOneFact(new FactFile(factFile, File.ReadAllText(factFile)), 1);
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] edit one event's summary in {Path.GetRelativePath(root, factFile)}, rebuild ...");
        File.WriteAllText(factFile, edited.Text, new System.Text.UTF8Encoding(false));
        before = Snapshot(projects);
        var factEdit = BuildRunner.MustSucceed("build after the fact edit", BuildRunner.Dotnet(appDir, new[] { "build", app, "-m", "-v:m" }.Concat(BuildRunner.BuildFlags), timeout));
        Report("after a one-fact edit in " + names[0], factEdit, projects, before);

        // 3. A one-line C# edit in the app.
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] edit one constant in App/Program.cs, rebuild ...");
        WriteProgram(appDir, names, 1);
        before = Snapshot(projects);
        var csEdit = BuildRunner.MustSucceed("build after the C# edit", BuildRunner.Dotnet(appDir, new[] { "build", app, "-m", "-v:m" }.Concat(BuildRunner.BuildFlags), timeout));
        Report("after a one-line C# edit in App", csEdit, projects, before);

        Console.WriteLine($"load average at the end {BuildRunner.LoadAverage()}");
        Console.WriteLine($"scale: facts={facts} libs={libs} clean_wall_s={clean.WallMs / 1000:F0} fact_edit_wall_s={factEdit.WallMs / 1000:F1} fact_edit_csc_calls={factEdit.CscCalls} cs_edit_wall_s={csEdit.WallMs / 1000:F1} cs_edit_csc_calls={csEdit.CscCalls}");
        return 0;
    }

    private static void WriteProgram(string appDir, string[] libs, int generation)
        => File.WriteAllText(Path.Combine(appDir, "Program.cs"),
            "namespace App;\n\ninternal static class Program\n{\n" +
            $"    private const int Edit = {generation.ToString(CultureInfo.InvariantCulture)};\n\n    private static int Main()\n    {{\n        System.Console.WriteLine(Edit);\n" +
            string.Concat(libs.Select(l => $"        System.Console.WriteLine(global::{l}.Facts.Events.Timeline.Count);\n")) +
            "        return 0;\n    }\n}\n");

    /// <summary>
    /// Each project's obj/ dll (rewritten whenever its Csc runs) and obj/ref/ reference assembly
    /// (copied only when its public surface changed, which is what makes referencing projects recompile) write times.
    /// </summary>
    private static Dictionary<string, (DateTime Dll, DateTime Ref)> Snapshot((string Name, string Dir)[] projects)
        => projects.ToDictionary(p => p.Name, p =>
        {
            string obj = Path.Combine(p.Dir, "obj", "Debug", "net10.0");
            string dll = Path.Combine(obj, p.Name + ".dll");
            string reference = Path.Combine(obj, "ref", p.Name + ".dll");
            return (File.Exists(dll) ? File.GetLastWriteTimeUtc(dll) : DateTime.MinValue, File.Exists(reference) ? File.GetLastWriteTimeUtc(reference) : DateTime.MinValue);
        });

    private static void Report(string step, BuildResult result, (string Name, string Dir)[] projects, Dictionary<string, (DateTime Dll, DateTime Ref)> before)
    {
        var after = Snapshot(projects);
        var compiled = projects.Where(p => after[p.Name].Dll != before[p.Name].Dll && after[p.Name].Dll != DateTime.MinValue).Select(p => p.Name).ToList();
        var refChanged = projects.Where(p => after[p.Name].Ref != before[p.Name].Ref && after[p.Name].Ref != DateTime.MinValue).Select(p => p.Name).ToList();
        var missing = projects.Where(p => after[p.Name].Dll == DateTime.MinValue).Select(p => p.Name).ToList();
        Console.WriteLine($"{step}: exit {result.ExitCode}{(result.TimedOut ? " (timed out)" : "")}, wall {result.WallMs / 1000:F1} s, Csc {result.CscMs / 1000:F1} s in {result.CscCalls} call(s)");
        Console.WriteLine($"  compiled (obj dll rewritten): {(compiled.Count == 0 ? "none" : string.Join(", ", compiled))}");
        Console.WriteLine($"  public surface changed (obj/ref dll replaced): {(refChanged.Count == 0 ? "none" : string.Join(", ", refChanged))}");
        if (missing.Count > 0) Console.WriteLine($"  not compiled at all: {string.Join(", ", missing)}");
        var slow = result.Projects.OrderByDescending(p => p.Value.Ms).Take(projects.Length)
            .Select(p => $"{Path.GetFileNameWithoutExtension(p.Key)} {p.Value.Ms / 1000:F1} s");
        if (result.Projects.Count > 0) Console.WriteLine($"  per project (MSBuild, incl. waiting on references): {string.Join(", ", slow)}");
        var tasks = result.Tasks.OrderByDescending(t => t.Value.Ms).Take(5).Select(t => $"{t.Key} {t.Value.Ms / 1000:F1} s ({t.Value.Calls})");
        if (result.Tasks.Count > 0) Console.WriteLine($"  top tasks: {string.Join(", ", tasks)}");
    }
}
