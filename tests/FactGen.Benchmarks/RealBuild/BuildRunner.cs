using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace FactGen.Benchmarks.RealBuild;

/// <summary>The result of one <c>dotnet</c> process: exit code, output, wall time and the performance summary.</summary>
internal sealed record BuildResult(int ExitCode, string Output, double WallMs, bool TimedOut)
{
    /// <summary>Task name to (total ms, calls), from the "Task Performance Summary" of <c>-clp:PerformanceSummary</c>.</summary>
    public Dictionary<string, (double Ms, int Calls)> Tasks { get; } = BuildRunner.ParseSummary(Output, "Task Performance Summary:");

    /// <summary>Project path to (total ms, calls), from the "Project Performance Summary".</summary>
    public Dictionary<string, (double Ms, int Calls)> Projects { get; } = BuildRunner.ParseSummary(Output, "Project Performance Summary:");

    public double CscMs => Tasks.TryGetValue("Csc", out var csc) ? csc.Ms : 0;

    public int CscCalls => Tasks.TryGetValue("Csc", out var csc) ? csc.Calls : 0;
}

/// <summary>
/// Runs real <c>dotnet</c> processes for the real-build modes, with node reuse on and the shared
/// compiler server (VBCSCompiler) on, whatever the environment says, and finds the tool paths the
/// temporary projects need (the built generator, YamlDotNet, the Resx peer package).
/// </summary>
internal static class BuildRunner
{
    /// <summary>Set in the environment of every process started here, so that exactly those (and the build nodes and compiler server they start) can be ended afterwards.</summary>
    public const string MarkerVariable = "FACTGEN_REAL_BUILD_MARKER";

    public static readonly string Marker = $"{Environment.ProcessId}-{DateTime.UtcNow.Ticks}";

    /// <summary>The arguments of every timed build: node reuse, the compiler server, the console logger with its performance summary.</summary>
    public static readonly string[] BuildFlags =
    {
        "--no-restore", "-nr:true", "-tl:off", "-clp:PerformanceSummary;ForceNoAlign", "-p:UseSharedCompilation=true",
    };

    private static readonly Regex SummaryLine = new(@"^\s*(\d+)\s+ms\s+(.+?)\s+(\d+)\s+calls\s*$", RegexOptions.Compiled);

    public static BuildResult Dotnet(string workingDirectory, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        // This environment turns node reuse and the compiler server off by default; a developer's machine has both on.
        info.Environment.Remove("MSBUILDDISABLENODEREUSE");
        info.Environment.Remove("UseSharedCompilation");
        info.Environment[MarkerVariable] = Marker;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        var sw = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool exited = process.WaitForExit(timeout.HasValue ? (int)timeout.Value.TotalMilliseconds : -1);
        if (!exited)
        {
            // Only this build's own process tree; its reused nodes and the compiler server are ended by KillMarkedProcesses.
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit();
        }
        else
        {
            process.WaitForExit(); // flush the asynchronous readers
        }
        double wall = sw.Elapsed.TotalMilliseconds;
        string text;
        lock (output) text = output.ToString();
        return new BuildResult(exited ? process.ExitCode : -1, text, wall, !exited);
    }

    /// <summary>A build that must succeed; throws with the end of its output otherwise.</summary>
    public static BuildResult MustSucceed(string what, BuildResult result)
    {
        if (result.ExitCode == 0) return result;
        string tail = string.Join("\n", result.Output.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(20));
        if (tail.Length == 0) tail = result.Output.Length > 4000 ? result.Output[^4000..] : result.Output;
        throw new InvalidOperationException($"{what} failed (exit {result.ExitCode}{(result.TimedOut ? ", timed out" : "")}):\n{tail}");
    }

    internal static Dictionary<string, (double Ms, int Calls)> ParseSummary(string output, string header)
    {
        var result = new Dictionary<string, (double, int)>(StringComparer.Ordinal);
        bool inside = false;
        foreach (string raw in output.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Trim() == header) { inside = true; continue; }
            if (!inside) continue;
            var match = SummaryLine.Match(line);
            if (match.Success)
            {
                string name = match.Groups[2].Value.Trim();
                double ms = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                int calls = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
                result[name] = result.TryGetValue(name, out var seen) ? (seen.Item1 + ms, seen.Item2 + calls) : (ms, calls);
            }
            else if (line.Trim().Length > 0 && !line.StartsWith(' ')) inside = false; // the next section
            else if (line.Trim().Length == 0 && result.Count > 0) inside = false;
        }
        return result;
    }

    /// <summary>
    /// Ends the reused MSBuild nodes and the compiler server that this run's builds started: the
    /// processes whose environment carries this run's marker (never anyone else's).
    /// </summary>
    public static int KillMarkedProcesses()
    {
        int killed = 0;
        if (!Directory.Exists("/proc")) return 0;
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == Environment.ProcessId) continue;
            string environ;
            try { environ = File.ReadAllText(Path.Combine(dir, "environ")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (!environ.Split('\0').Contains($"{MarkerVariable}={Marker}")) continue;
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                killed++;
            }
            catch (ArgumentException) { }
            catch (InvalidOperationException) { }
            catch (System.ComponentModel.Win32Exception) { }
        }
        return killed;
    }

    /// <summary>The repository root: the folder above this assembly that holds src/FactGen/FactGen.csproj.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "src", "FactGen", "FactGen.csproj"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (src/FactGen/FactGen.csproj) above " + AppContext.BaseDirectory);
    }

    public static string NuGetRoot()
        => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } root
            ? root
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>
    /// Copies the generator as built with this benchmark (FactGen.dll, netstandard2.0), its parser
    /// (YamlDotNet 16.3.0, netstandard2.0, from the NuGet cache) and FactGen's MSBuild glue into
    /// <paramref name="target"/>, so that the temporary projects load a fixed copy as an analyzer and
    /// never rebuild the generator project.
    /// </summary>
    public static void CopyGenerator(string target)
    {
        Directory.CreateDirectory(target);
        string factGen = typeof(FactCatalogGenerator).Assembly.Location;
        string yaml = Path.Combine(NuGetRoot(), "yamldotnet", "16.3.0", "lib", "netstandard2.0", "YamlDotNet.dll");
        if (!File.Exists(yaml)) throw new FileNotFoundException("YamlDotNet 16.3.0 (netstandard2.0) is not in the NuGet cache; build src/FactGen once.", yaml);
        File.Copy(factGen, Path.Combine(target, "FactGen.dll"), overwrite: true);
        File.Copy(yaml, Path.Combine(target, "YamlDotNet.dll"), overwrite: true);
        string build = Path.Combine(RepoRoot(), "src", "FactGen", "build");
        File.Copy(Path.Combine(build, "FactGen.props"), Path.Combine(target, "FactGen.props"), overwrite: true);
        File.Copy(Path.Combine(build, "FactGen.targets"), Path.Combine(target, "FactGen.targets"), overwrite: true);
    }

    /// <summary>The ResxSourceGenerator package folder (the peer), as recorded at build time or in the NuGet cache.</summary>
    public static string ResxPackageDir()
    {
        string? recorded = typeof(BuildRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == Peers.ResxPeer.MetadataKey)?.Value;
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(recorded)) candidates.Add(Path.GetFullPath(Path.Combine(recorded, "..", "..", "..")));
        candidates.Add(Path.Combine(NuGetRoot(), "microsoft.codeanalysis.resxsourcegenerator", "5.0.0-1.25277.114"));
        foreach (string dir in candidates)
            if (File.Exists(Path.Combine(dir, "buildTransitive", "Microsoft.CodeAnalysis.ResxSourceGenerator.targets"))) return dir;
        throw new DirectoryNotFoundException("The Microsoft.CodeAnalysis.ResxSourceGenerator 5.0.0-1.25277.114 package is not in the NuGet cache; restore the benchmarks first.");
    }

    /// <summary>An empty Directory.Build.props/targets at the root, so no file above the temporary folder leaks in.</summary>
    public static void WriteIsolation(string root)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
    }

    public static string Machine()
    {
        string cpu = "?";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        }
        catch (IOException) { }
        string sdk = Dotnet(Path.GetTempPath(), new[] { "--version" }).Output.Trim();
        return $"{Environment.ProcessorCount} cores ({cpu}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {Environment.OSVersion}, .NET SDK {sdk}";
    }

    public static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

    public static string F(double value) => value.ToString(value >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture);
}
