using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FactGen.Tests.Infrastructure;
using Xunit;

namespace FactGen.Tests.EndToEnd;

/// <summary>
/// docs/getting-started.md, run as written: each <c>sh</c> block in bash, from the folder the
/// walkthrough is in; each block marked <c>&lt;!-- file: path --&gt;</c> written to that file; each
/// <c>&lt;!-- edit: path --&gt;</c> diff applied to it; each <c>&lt;!-- output --&gt;</c> block's lines
/// found in what the command before printed; a <c>&lt;!-- fails --&gt;</c> command must fail. The
/// package is FactGen packed from this repository, served for the name FactGen alone.
/// </summary>
public class GettingStartedTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private static readonly Regex s_block = new(
        "(?:<!--\\s*(?<marker>file|edit|output|fails)(?::\\s*(?<argument>[^>]*?))?\\s*-->\\s*\\n)?```(?<info>\\w+)\\n(?<code>.*?)```",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    [Fact]
    public void TheWalkthroughRunsAsWritten()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "getting-started.md")).Replace("\r\n", "\n");
        string work = Path.Combine(Path.GetTempPath(), "factgen-start-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            PackedFactGen.WriteNuGetConfig(work);
            string cwd = work;
            string? lastOutput = null;
            int steps = 0;
            foreach (Match block in s_block.Matches(doc))
            {
                string marker = block.Groups["marker"].Success ? block.Groups["marker"].Value : string.Empty;
                string argument = block.Groups["argument"].Value.Trim();
                string info = block.Groups["info"].Value;
                string code = block.Groups["code"].Value;
                string where = $"block {steps + 1} ({info}{(marker.Length > 0 ? ", " + marker : string.Empty)})";
                steps++;
                switch (marker, info)
                {
                    case ("" or "fails", "sh"):
                        (ProcessResult result, cwd) = Bash(cwd, code);
                        lastOutput = result.Output;
                        if (marker == "fails") Assert.True(result.ExitCode != 0, $"{where} should fail:\n{code}\n{result}");
                        else Assert.True(result.ExitCode == 0, $"{where} failed:\n{code}\n{result}");
                        break;
                    case ("file", _):
                        string file = Path.Combine(cwd, argument);
                        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                        File.WriteAllText(file, code);
                        break;
                    case ("edit", "diff"):
                        Edit(Path.Combine(cwd, argument), code, where);
                        break;
                    case ("output", "text"):
                        Assert.NotNull(lastOutput);
                        foreach (string line in code.Split('\n').Where(l => l.Trim().Length > 0))
                        {
                            Assert.True(lastOutput!.Contains(line.Trim(), StringComparison.Ordinal), $"{where}: '{line.Trim()}' is not in the output:\n{lastOutput}");
                        }
                        break;
                    default:
                        Assert.Fail($"{where}: the walkthrough has a block the test cannot run; mark it (file, edit, output, fails) or make it a sh block.");
                        break;
                }
            }
            Assert.True(steps >= 10, $"Only {steps} blocks were found in docs/getting-started.md.");
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Replaces the diff's '-' lines, found together in the file, with its '+' lines.</summary>
    private static void Edit(string path, string diff, string where)
    {
        string[] lines = diff.TrimEnd('\n').Split('\n');
        string removed = string.Join("\n", lines.Where(l => l.StartsWith('-')).Select(l => l.Substring(1)));
        string added = string.Join("\n", lines.Where(l => l.StartsWith('+')).Select(l => l.Substring(1)));
        string text = File.ReadAllText(path).Replace("\r\n", "\n");
        int at = text.IndexOf(removed, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(removed, at + 1, StringComparison.Ordinal) < 0, $"{where}: the lines to replace are not in {path} once:\n{removed}\n---\n{text}");
        File.WriteAllText(path, text.Substring(0, at) + added + text.Substring(at + removed.Length));
    }

    /// <summary>Runs a block in bash from <paramref name="cwd"/>; returns its output and the folder it ended in.</summary>
    private static (ProcessResult Result, string Cwd) Bash(string cwd, string code)
    {
        const string marker = "__factgen_pwd__";
        ProcessResult result = DotNet.RunProgram("bash", cwd, Limit, "-e", "-c", code + $"\necho {marker}\npwd\n");
        string text = result.Output;
        int pwd = text.LastIndexOf(marker, StringComparison.Ordinal);
        string next = pwd >= 0 ? text.Substring(pwd + marker.Length).Trim().Split('\n')[0].Trim() : cwd;
        return (result with { Output = pwd >= 0 ? text.Substring(0, pwd) : text }, Directory.Exists(next) ? next : cwd);
    }
}
