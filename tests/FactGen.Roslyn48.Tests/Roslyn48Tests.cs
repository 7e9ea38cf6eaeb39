using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactGen.Roslyn48.Tests;

public class Roslyn48Tests
{
    [Fact]
    public void TheTestRunsOnRoslyn48()
    {
        Assert.Equal(new Version(4, 8, 0, 0), typeof(CSharpGeneratorDriver).Assembly.GetName().Version);
    }

    [Fact]
    public void GeneratorLoadsAndRunsInRoslyn48()
    {
        string seed = Path.Combine(RepositoryRoot(), "seeds", "kontan-2022-08-pushilin-letter.facts.yaml");
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        const string user = """
            namespace Consumer
            {
                public static class Use
                {
                    public static string Run() => App.Facts.Events.PushilinLetterToKim.Date.ToString()
                        + " " + string.Join(",", System.Linq.Enumerable.Select(App.Facts.States.DonetskPeoplesRepublic.RecognizedBy, s => s.Id));
                }
            }
            """;
        CSharpCompilation compilation = CSharpCompilation.Create(
            "App",
            new[] { CSharpSyntaxTree.ParseText(user, parse) },
            RuntimeReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new FactCatalogGenerator().AsSourceGenerator() },
            new AdditionalText[] { new FileText(seed) },
            parse);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "FactGen.Catalog.g.cs", "FactGen.Facts." + Path.GetFileName(seed).Replace(".facts.yaml", string.Empty).Replace("-", "_") + ".g.cs", "FactGen.Types.g.cs" }, result.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

        // And it runs: the same answers as in the newer compiler.
        using var stream = new MemoryStream();
        Assert.True(output.Emit(stream).Success);
        var assembly = System.Reflection.Assembly.Load(stream.ToArray());
        string answer = (string)assembly.GetType("Consumer.Use")!.GetMethod("Run")!.Invoke(null, null)!;
        Assert.Equal("2022-08-15 russia,syria,north-korea", answer);
    }

    [Fact]
    public void ABrokenReferenceIsReportedInRoslyn48()
    {
        string yaml = "source:\n  outlet: Test Wire\nevents:\n  e: { date: 2022, kind: x, summary: s, actors: [nobody] }\n";
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new FactCatalogGenerator().AsSourceGenerator() },
            new AdditionalText[] { new StringText("/facts/bad.facts.yaml", yaml) },
            new CSharpParseOptions(LanguageVersion.CSharp12));
        driver.RunGeneratorsAndUpdateCompilation(
            CSharpCompilation.Create("App", Array.Empty<SyntaxTree>(), RuntimeReferences()), out _, out ImmutableArray<Diagnostic> diagnostics);

        Diagnostic error = Assert.Single(diagnostics);
        Assert.Equal("FG0007", error.Id);
        Assert.Equal(3, error.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public async System.Threading.Tasks.Task AnalyzerChecksIdsInCallsAndAttributesInRoslyn48()
    {
        // Attribute arguments reach the analyzer as IAttributeOperation only in newer compilers:
        // check that [Fact("...")] is covered in the oldest one FactGen supports.
        string seed = Path.Combine(RepositoryRoot(), "seeds", "kontan-2022-08-pushilin-letter.facts.yaml");
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        const string user = """
            using App.Facts;
            namespace Consumer
            {
                [Fact("kim-jong-um")]
                public static class Use
                {
                    public static object Bad() => Actors.Get("denis-pushlin");
                    public static object Good() => Actors.Get("denis-pushilin");
                }
            }
            """;
        CSharpCompilation compilation = CSharpCompilation.Create(
            "App",
            new[] { CSharpSyntaxTree.ParseText(user, parse, path: "Use.cs") },
            RuntimeReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new[] { new FactCatalogGenerator().AsSourceGenerator() }, new AdditionalText[] { new FileText(seed) }, parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);

        ImmutableArray<Diagnostic> diagnostics = await output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new FactGen.Analyzers.FactIdAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        string[] found = diagnostics.OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage()}").ToArray();
        Assert.Equal(new[]
        {
            "FG0100 4: Unknown fact id 'kim-jong-um'; did you mean 'kim-jong-un'?",
            "FG0100 7: Unknown actor id 'denis-pushlin'; did you mean 'denis-pushilin'?",
            "FG0101 8: 'Actors.Get(\"denis-pushilin\")' can be 'Actors.DenisPushilin', which the compiler checks and which follows a rename",
        }, found);
    }

    /// <summary>The running framework's own assemblies: enough to compile against, no package needed.</summary>
    private static MetadataReference[] RuntimeReferences()
        => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("FactGen.sln not found.");
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    private sealed class StringText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
