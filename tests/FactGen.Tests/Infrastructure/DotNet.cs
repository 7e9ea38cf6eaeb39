using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace FactGen.Tests.Infrastructure;

public sealed record ProcessResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}

/// <summary>Runs the real <c>dotnet</c> CLI, as a user would, with a time limit.</summary>
public static class DotNet
{
    public static ProcessResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
        => RunProgram("dotnet", workingDirectory, timeout, arguments);

    /// <summary>Runs a program (dotnet, or a shell that runs dotnet) in the environment a user's build gets.</summary>
    public static ProcessResult RunProgram(string program, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        // The test host runs under MSBuild's environment; a nested build must not inherit it, and
        // must not leave build servers behind.
        foreach (string variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(variable);
        }
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["NO_COLOR"] = "1";

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = new StringBuilder();
        Task stdout = Task.Run(() => Copy(process.StandardOutput, output));
        Task stderr = Task.Run(() => Copy(process.StandardError, output));
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {timeout}.\n{output}");
        }
        Task.WaitAll(stdout, stderr);
        return new ProcessResult(process.ExitCode, output.ToString());
    }

    private static void Copy(StreamReader reader, StringBuilder output)
    {
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lock (output) output.AppendLine(line);
        }
    }

    /// <summary>Copies what a build of the sample needs into a fresh temporary folder.</summary>
    public static string CopyRepositoryForBuild()
    {
        string target = Path.Combine(Path.GetTempPath(), "factgen-e2e-" + Guid.NewGuid().ToString("N"));
        foreach (string folder in new[] { "src", "seeds", "samples" }) CopyDirectory(Path.Combine(RepositoryPaths.Root, folder), Path.Combine(target, folder));
        foreach (string file in new[] { "Directory.Build.props", "global.json", "nuget.config", ".editorconfig", "README.md" })
        {
            string source = Path.Combine(RepositoryPaths.Root, file);
            if (File.Exists(source)) File.Copy(source, Path.Combine(target, file));
        }
        return target;
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (string directory in Directory.GetDirectories(source))
        {
            string name = Path.GetFileName(directory);
            if (name is "bin" or "obj") continue; // build from scratch, as a clean clone would
            CopyDirectory(directory, Path.Combine(target, name));
        }
    }
}
