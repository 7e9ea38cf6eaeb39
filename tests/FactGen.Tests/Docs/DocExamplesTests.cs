using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using FactGen.Analyzers;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FactGen.Tests.Docs;

/// <summary>
/// The C# examples of README.md and docs/*.md are the API's contract: each is compiled, as a user
/// would paste it into a new console app (`dotnet new console`, so with its implicit usings),
/// against the catalog the seed generates in the sample's namespace, with FactGen's analyzer.
/// <para>
/// A block that shows a mistake says so just before it, with <c>&lt;!-- expect: FG0100 --&gt;</c>:
/// it must give that diagnostic, and nothing else, on exactly the lines whose comment names it
/// (<c>// FG0100: ...</c>). A deliberate fragment says <c>&lt;!-- fragment: why --&gt;</c>, and
/// is not compiled; every other block must compile with no error and no FG diagnostic above info.
/// </para>
/// </summary>
public class DocExamplesTests
{
    private static readonly Regex s_fence = new(
        "(?:<!--\\s*(?<marker>expect|fragment):\\s*(?<argument>[^>]*?)\\s*-->\\s*\\n)?```(?<info>[^\\n]*)\\n(?<code>.*?)```",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Regex s_expectedOnLine = new("//\\s*(?<id>FG\\d{4})\\b(?::\\s*(?<text>.*))?", RegexOptions.CultureInvariant);

    /// <summary>What `dotnet new console` imports implicitly.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    /// <summary>
    /// The seed has no retracted event; docs/diagnostics.md's examples of FG0011, FG0012 and FG0102
    /// use this one, so it is added to the seed's catalog.
    /// </summary>
    private const string RetractedEvent = """
        source:
          outlet: Test Wire
        events:
          workers-sent:
            date: 2022-08
            kind: plan
            summary: North Korea sent workers to Donetsk.
            status: retracted
            retraction: "The agency withdrew the report"
        """;

    private sealed record Block(string File, int Number, string Info, string? Marker, string Argument, string Code)
    {
        public override string ToString() => $"{File} C# block {Number}";
    }

    private static readonly Lazy<Block[]> s_blocks = new(ReadBlocks);

    public static TheoryData<string> CSharpBlocks()
    {
        var data = new TheoryData<string>();
        foreach (Block block in s_blocks.Value) data.Add(block.ToString());
        return data;
    }

    [Fact]
    public void TheReadmeAndEveryDocHaveCSharpExamples()
    {
        Assert.Contains(s_blocks.Value, b => b.File == "README.md");
        Assert.Contains(s_blocks.Value, b => b.File == "docs/api.md");
        Assert.Contains(s_blocks.Value, b => b.File == "docs/diagnostics.md" && b.Marker == "expect");
    }

    [Fact]
    public void NoCSharpBlockHidesUnderAnotherFenceName()
    {
        foreach (string file in MarkdownFiles())
        {
            string text = Read(file);
            Assert.DoesNotMatch(new Regex("```\\s*(cs|c#|C#|CSharp|CS)\\s*\\n"), text);
            // A marker must stand right before a csharp block, or it marks nothing.
            foreach (Match marker in Regex.Matches(text, "<!--\\s*(expect|fragment):[^>]*-->\\s*\\n(?!```csharp)"))
            {
                Assert.Fail($"{file}: '{marker.Value.Trim()}' is not right before a ```csharp block.");
            }
        }
    }

    [Fact]
    public void FragmentsAreFewAndSayWhy()
    {
        Block[] fragments = s_blocks.Value.Where(b => b.Marker == "fragment").ToArray();
        Assert.True(fragments.Length <= 2, "Too many uncompiled fragments: " + string.Join(", ", fragments.Select(f => f.ToString())));
        Assert.All(fragments, f => Assert.False(string.IsNullOrWhiteSpace(f.Argument), $"{f} is a fragment without a reason."));
    }

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public async Task ExampleCompilesAgainstTheSeedCatalogOrGivesItsExpectedDiagnostic(string name)
    {
        Block block = s_blocks.Value.Single(b => b.ToString() == name);
        if (block.Marker == "fragment") return; // checked by FragmentsAreFewAndSayWhy

        Diagnostic[] diagnostics = await CompileAsync(block.Code);
        string Shown(IEnumerable<Diagnostic> list) => string.Join("\n", list.Select(GeneratorHarness.Format)) + "\n\n" + block.Code;

        if (block.Marker != "expect")
        {
            Diagnostic[] bad = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || (d.Id.StartsWith("FG", StringComparison.Ordinal) && d.Severity > DiagnosticSeverity.Info)).ToArray();
            Assert.True(bad.Length == 0, $"{block} does not compile cleanly:\n" + Shown(bad));
            return;
        }

        string expectedId = block.Argument;
        Assert.Matches("^FG\\d{4}$", expectedId);
        string[] lines = block.Code.Split('\n');
        var expected = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            foreach (Match m in s_expectedOnLine.Matches(lines[i]))
            {
                Assert.True(m.Groups["id"].Value == expectedId, $"{block} expects {expectedId}, but line {i + 1} names {m.Groups["id"].Value}.");
                expected.Add($"{expectedId} line {i + 1}");
            }
        }
        Assert.True(expected.Count > 0, $"{block} expects {expectedId}, but no line's comment names it.");

        // Exactly the expected diagnostic, where the comments say, and no error or FG diagnostic besides.
        string[] actual = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("FG", StringComparison.Ordinal))
            .Select(d => $"{d.Id} line {d.Location.GetLineSpan().StartLinePosition.Line + 1}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        Assert.True(
            expected.OrderBy(s => s, StringComparer.Ordinal).SequenceEqual(actual),
            $"{block}: expected {string.Join(", ", expected)}; got:\n" + Shown(diagnostics));

        // The comments quote the messages as they are: each part between "..." is in the message.
        for (int i = 0; i < lines.Length; i++)
        {
            foreach (Match m in s_expectedOnLine.Matches(lines[i]))
            {
                string message = diagnostics.First(d => d.Id == m.Groups["id"].Value && d.Location.GetLineSpan().StartLinePosition.Line == i).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                foreach (string part in m.Groups["text"].Value.Split(new[] { "..." }, StringSplitOptions.None).Select(p => p.Trim().TrimEnd(':', ';', ',').Trim()).Where(p => p.Length > 0))
                {
                    Assert.True(message.Contains(part, StringComparison.Ordinal), $"{block}, line {i + 1}: the comment quotes '{part}', but the message is '{message}'.");
                }
            }
        }
    }

    /// <summary>The generator's, the compiler's and the analyzer's diagnostics for a block, as a console app.</summary>
    private static async Task<Diagnostic[]> CompileAsync(string code)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "FactGen.Sample",
            new[]
            {
                CSharpSyntaxTree.ParseText(code, parse, path: "Example.cs"),
                CSharpSyntaxTree.ParseText(ImplicitUsings, parse, path: "GlobalUsings.g.cs"),
            },
            Net100.References.All,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = GeneratorHarness.CreateDriver(
            new[]
            {
                Facts.Seed,
                new FactFile(Path.Combine(RepositoryPaths.Root, "docs-examples.facts.yaml"), RetractedEvent),
            },
            new Dictionary<string, string> { ["FactGenNamespace"] = "FactGen.Sample.Facts" },
            parse);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Assert.True(generatorDiagnostics.IsEmpty, string.Join("\n", generatorDiagnostics.Select(GeneratorHarness.Format)));

        CompilationWithAnalyzers withAnalyzers = output.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new FactIdAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        ImmutableArray<Diagnostic> all = await withAnalyzers.GetAllDiagnosticsAsync();
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        // Only the example's own diagnostics: the generated code is checked by other tests.
        return all.Where(d => d.Location.SourceTree?.FilePath == "Example.cs" && d.Severity != DiagnosticSeverity.Hidden).ToArray();
    }

    private static IEnumerable<string> MarkdownFiles()
    {
        yield return "README.md";
        foreach (string path in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            // The walkthrough's C# is its own project's, built for real by GettingStartedTests.
            if (Path.GetFileName(path) == "getting-started.md") continue;
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
                if (m.Groups["info"].Value.Trim() != "csharp") continue;
                number++;
                string? marker = m.Groups["marker"].Success ? m.Groups["marker"].Value : null;
                blocks.Add(new Block(file, number, "csharp", marker, m.Groups["argument"].Value.Trim(), m.Groups["code"].Value));
            }
        }
        return blocks.ToArray();
    }
}
