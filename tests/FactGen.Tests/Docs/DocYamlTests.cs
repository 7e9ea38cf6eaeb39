using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Docs;

/// <summary>
/// Every YAML block in README.md and docs/ is a fact file the generator reads, with exactly the
/// diagnostics its comments name, at their lines: <c># FG0004: ...</c> on a line expects FG0004
/// there, and a block with no such comment must give none. A block that holds several files
/// separates them with a <c># name.facts.yaml</c> line. A block without a <c>source:</c> is given
/// one (<c>source: { outlet: Docs }</c>) ahead of its first line, so that an example can show a
/// mistake without the lines every file needs. A deliberate fragment says
/// <c>&lt;!-- yaml-fragment: why --&gt;</c> on the line before it, and is only counted.
/// </summary>
public class DocYamlTests
{
    private static readonly Regex s_fence = new(
        "(?:<!--\\s*yaml-fragment:\\s*(?<why>[^>]*?)\\s*-->\\s*\\n)?```yaml\\n(?<code>.*?)```",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Regex s_expected = new("#\\s*(?<id>FG\\d{4})\\b(?::\\s*(?<text>.*))?", RegexOptions.CultureInvariant);

    private static readonly Regex s_fileLine = new("^#\\s*(?<name>[\\w.-]+\\.facts\\.yaml)\\s*$", RegexOptions.CultureInvariant);

    private sealed record Block(string File, int Number, string? Why, string Code)
    {
        public override string ToString() => $"{File} YAML block {Number}";
    }

    private static readonly Lazy<Block[]> s_blocks = new(ReadBlocks);

    public static TheoryData<string> YamlBlocks()
    {
        var data = new TheoryData<string>();
        foreach (Block block in s_blocks.Value) data.Add(block.ToString());
        return data;
    }

    [Fact]
    public void TheDocsHaveYamlExamplesAndFewFragments()
    {
        Assert.Contains(s_blocks.Value, b => b.File == "README.md" && b.Why is null);
        Assert.Contains(s_blocks.Value, b => b.File == "docs/diagnostics.md" && b.Why is null);
        Block[] fragments = s_blocks.Value.Where(b => b.Why is not null).ToArray();
        Assert.True(fragments.Length <= 3, "Too many unchecked YAML fragments: " + string.Join(", ", fragments.Select(f => f.ToString())));
        Assert.All(fragments, f => Assert.False(string.IsNullOrWhiteSpace(f.Why), $"{f} is a fragment without a reason."));
        // Every block is found: a ```yaml fence the pattern missed would go unchecked.
        foreach (string file in MarkdownFiles())
        {
            int fences = Regex.Matches(Read(file), "^```yaml\\s*$", RegexOptions.Multiline).Count;
            Assert.Equal(fences, s_blocks.Value.Count(b => b.File == file));
        }
    }

    [Theory]
    [MemberData(nameof(YamlBlocks))]
    public void BlockGivesExactlyTheDiagnosticsItsCommentsName(string name)
    {
        Block block = s_blocks.Value.Single(b => b.ToString() == name);
        if (block.Why is not null) return; // counted by TheDocsHaveYamlExamplesAndFewFragments

        // The files of the block, each with the expected diagnostics of its lines.
        var files = new List<(string Path, List<string> Lines)>();
        var expected = new List<string>();
        // What the comments quote of each message: the parts between "...", in the message.
        var quoted = new List<(string Where, string[] Parts)>();
        string[] lines = block.Code.TrimEnd('\n').Split('\n');
        foreach (string line in lines)
        {
            Match file = s_fileLine.Match(line);
            if (file.Success || files.Count == 0)
            {
                files.Add((Path.Combine(RepositoryPaths.Root, "docs-yaml", file.Success ? file.Groups["name"].Value : "example.facts.yaml"), new List<string>()));
                if (file.Success) continue;
            }
            files[files.Count - 1].Lines.Add(line);
        }
        var factFiles = new List<FactFile>();
        foreach ((string path, List<string> fileLines) in files)
        {
            bool hasSource = fileLines.Any(l => l.StartsWith("source:", StringComparison.Ordinal));
            List<string> text = hasSource ? fileLines : new[] { "source:", "  outlet: Docs" }.Concat(fileLines).ToList();
            for (int i = 0; i < text.Count; i++)
            {
                foreach (Match m in s_expected.Matches(text[i]))
                {
                    string where = $"{Path.GetFileName(path)}:{i + 1} {m.Groups["id"].Value}";
                    expected.Add(where);
                    string[] parts = m.Groups["text"].Value.Split(new[] { "..." }, StringSplitOptions.None).Select(p => p.Trim().TrimEnd(':', ';').Trim()).Where(p => p.Length > 0).ToArray();
                    quoted.Add((where, parts));
                }
            }
            factFiles.Add(new FactFile(path, string.Join("\n", text) + "\n"));
        }

        GeneratorRun run = GeneratorHarness.Run(factFiles.ToArray());
        string[] actual = run.Diagnostics
            .Select(d => $"{Path.GetFileName(d.Location.GetLineSpan().Path)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.Id}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        string[] wanted = expected.OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.True(
            wanted.SequenceEqual(actual),
            $"{block}: expected [{string.Join(", ", wanted)}], got:\n{string.Join("\n", run.Diagnostics.Select(GeneratorHarness.Format))}\n\n{string.Join("\n---\n", factFiles.Select(f => f.Yaml))}");
        // The comments quote the messages as they are.
        foreach ((string where, string[] parts) in quoted)
        {
            string message = run.Diagnostics
                .Where(d => $"{Path.GetFileName(d.Location.GetLineSpan().Path)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.Id}" == where)
                .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
                .First();
            foreach (string part in parts) Assert.True(message.Contains(part, StringComparison.Ordinal), $"{block}, {where}: the comment quotes '{part}', but the message is '{message}'.");
        }
        // What a block generates compiles, whatever its mistakes.
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    private static IEnumerable<string> MarkdownFiles()
    {
        yield return "README.md";
        foreach (string path in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            yield return "docs/" + Path.GetFileName(path);
        }
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)).Replace("\r\n", "\n");

    private static Block[] ReadBlocks()
    {
        var blocks = new List<Block>();
        foreach (string file in MarkdownFiles())
        {
            int number = 0;
            foreach (Match m in s_fence.Matches(Read(file)))
            {
                number++;
                blocks.Add(new Block(file, number, m.Groups["why"].Success ? m.Groups["why"].Value : null, m.Groups["code"].Value));
            }
        }
        return blocks.ToArray();
    }
}
