using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Basic.Reference.Assemblies;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FactGen.Tests.Docs;

/// <summary>
/// The README's C# examples are the API's contract: each is compiled, as a user would paste it into
/// a new console app (`dotnet new console`, so with its implicit usings), against the catalog the
/// seed generates in the sample's namespace.
/// </summary>
public class DocExamplesTests
{
    private static readonly Regex s_csharpBlock = new("```csharp\\n(.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant);

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

    public static TheoryData<int> ReadmeBlocks()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Blocks().Length; i++) data.Add(i);
        return data;
    }

    [Fact]
    public void TheReadmeHasCSharpExamples() => Assert.NotEmpty(Blocks());

    [Theory]
    [MemberData(nameof(ReadmeBlocks))]
    public void ReadmeExampleCompilesAgainstTheSeedCatalog(int block)
    {
        string code = Blocks()[block];
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "FactGen.Sample",
            new[]
            {
                CSharpSyntaxTree.ParseText(code, parse, path: "ReadmeExample.cs"),
                CSharpSyntaxTree.ParseText(ImplicitUsings, parse, path: "GlobalUsings.g.cs"),
            },
            Net100.References.All,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = GeneratorHarness.CreateDriver(
            new[] { new FactFile(RepositoryPaths.SeedFile, File.ReadAllText(RepositoryPaths.SeedFile)) },
            new Dictionary<string, string> { ["FactGenNamespace"] = "FactGen.Sample.Facts" },
            parse);

        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        Assert.Empty(generatorDiagnostics.Select(GeneratorHarness.Format));
        Diagnostic[] errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, $"README C# block {block + 1} does not compile:\n" + string.Join("\n", errors.Select(GeneratorHarness.Format)) + "\n\n" + code);
    }

    private static string[] Blocks()
        => s_csharpBlock.Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n"))
            .Select(m => m.Groups[1].Value)
            .ToArray();
}
