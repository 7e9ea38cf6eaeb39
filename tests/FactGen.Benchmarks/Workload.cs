using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Basic.Reference.Assemblies;
using FactGen.Benchmarks.Peers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace FactGen.Benchmarks;

/// <summary>
/// Everything the benchmarks measure, shared by the BenchmarkDotNet classes and the quick mode,
/// so both run exactly the same work.
/// </summary>
internal static class Workload
{
    /// <summary>
    /// The parse options of a command-line build (<c>dotnet build</c> without
    /// <c>GenerateDocumentationFile</c>): doc comments are plain comments. The IDE parses them;
    /// <see cref="IdeParseOptions"/> measures that too.
    /// </summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    public static readonly CSharpParseOptions IdeParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true);

    private const string StubCode = "namespace Bench { public static class Stub { public static int M() => 1; } }";

    public static CSharpCompilation NewCompilation(params SyntaxTree[] trees)
        => CSharpCompilation.Create("Bench", trees, Net100.References.All, CompilationOptions);

    public static SyntaxTree StubTree(CSharpParseOptions? options = null) => CSharpSyntaxTree.ParseText(StubCode, options ?? ParseOptions);

    public static ImmutableArray<AdditionalText> FactTexts(IEnumerable<FactFile> files)
        => files.Select(f => (AdditionalText)new MemoryText(f.Path, SourceText.From(f.Text, Encoding.UTF8))).ToImmutableArray();

    public static GeneratorDriver FactGenDriver(ImmutableArray<AdditionalText> texts, bool trackSteps = false, CSharpParseOptions? options = null)
        => CSharpGeneratorDriver.Create(
            new[] { new FactCatalogGenerator().AsSourceGenerator() },
            texts,
            options ?? ParseOptions,
            optionsProvider: null,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    /// <summary>(a) The limit of reading: a bare YamlDotNet <see cref="Parser"/> pass over the same text.</summary>
    public static int ParserPass(FactFile[] files)
    {
        int events = 0;
        foreach (FactFile file in files)
        {
            var parser = new Parser(new StringReader(file.Text));
            while (parser.MoveNext()) events++;
        }
        return events;
    }

    /// <summary>(a, b) A full FactGen run: a fresh driver over a fresh compilation, as in a clean build.</summary>
    public static GeneratorDriver FactGenRun(ImmutableArray<AdditionalText> texts, SyntaxTree stub)
        => FactGenDriver(texts).RunGenerators(NewCompilation(stub));

    /// <summary>(b) The peer's full run over the same number of entries.</summary>
    public static GeneratorDriver ResxRun(ImmutableArray<AdditionalText> resx, SyntaxTree stub)
        => ResxPeer.CreateDriver(resx, ParseOptions, trackSteps: false).RunGenerators(NewCompilation(stub));

    public static ImmutableArray<AdditionalText> ResxTexts(int facts)
        => SyntheticCatalog.ResxEntries(facts)
            .Select((entries, i) => (AdditionalText)new MemoryText($"/bench/resx/Strings{i:D3}.resx", SourceText.From(ResxPeer.BuildResx(entries), Encoding.UTF8)))
            .ToImmutableArray();

    /// <summary>The generated sources of one run, as text (so compiling them includes parsing them).</summary>
    public static string[] GeneratedSources(GeneratorDriver driver)
        => driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()).ToArray();

    public static ImmutableArray<Diagnostic> GeneratorDiagnostics(GeneratorDriver driver) => driver.GetRunResult().Diagnostics;

    /// <summary>(d) N trivial members: the floor for compiling N of anything.</summary>
    public static string TrivialSource(int count)
    {
        var sb = new StringBuilder(count * 40 + 100);
        sb.Append("namespace Bench { public static class Trivial {\n");
        for (int i = 0; i < count; i++) sb.Append("public static int P").Append(i).Append(" => ").Append(i).Append(";\n");
        return sb.Append("} }\n").ToString();
    }

    /// <summary>(d) Parses and compiles sources to IL in memory, as csc does; returns the emit result.</summary>
    public static (bool Success, long Bytes, Diagnostic[] Errors) Compile(IEnumerable<string> sources, CSharpParseOptions? options = null, Stream? output = null)
    {
        options ??= ParseOptions;
        SyntaxTree[] trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(SourceText.From(s, Encoding.UTF8), options, $"/bench/gen/{i}.cs")).ToArray();
        output ??= new MemoryStream();
        var result = NewCompilation(trees.Prepend(StubTree(options)).ToArray()).Emit(output);
        Diagnostic[] errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        return (result.Success, output.Length, errors);
    }

    /// <summary>The code that touches the catalog first at run time, compiled with it.</summary>
    public const string FirstAccessProbe =
        "namespace Bench { public static class Probe { public static string Run() => global::Bench.Facts.Events.Timeline[0].Summary + global::Bench.Facts.Actors.All[0].Name; } }";

    /// <summary>(e) The catalog and the probe as one assembly.</summary>
    public static byte[] CompileWithProbe(string[] generated)
    {
        var stream = new MemoryStream();
        var result = Compile(generated.Append(FirstAccessProbe), ParseOptions, stream);
        if (!result.Success) throw new InvalidOperationException("The catalog did not compile: " + string.Join(" | ", result.Errors.Take(3)));
        return stream.ToArray();
    }

    /// <summary>(e) Loads the assembly into a fresh, collectible context and returns the probe (not yet run).</summary>
    public static (AssemblyLoadContext Context, Func<string> Probe) LoadProbe(byte[] assembly, string name)
    {
        var context = new AssemblyLoadContext(name, isCollectible: true);
        var loaded = context.LoadFromStream(new MemoryStream(assembly));
        var probe = loaded.GetType("Bench.Probe", throwOnError: true)!.GetMethod("Run")!.CreateDelegate<Func<string>>();
        return (context, probe);
    }

    /// <summary>
    /// (c) How many fact files the last run read: the runs of the tracked per-file read step
    /// that were not served from the cache.
    /// </summary>
    public static int FilesRead(GeneratorDriver driver)
    {
        var steps = driver.GetRunResult().Results[0].TrackedSteps;
        if (!steps.TryGetValue("ReadFactFile", out var runs)) return 0;
        return runs.Count(run => run.Outputs.Any(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified or IncrementalStepRunReason.Unchanged));
    }

    public static SyntaxTree CSharpEdit(int generation)
        => CSharpSyntaxTree.ParseText($"namespace Bench {{ public static class Edited {{ public static int V => {generation}; }} }}", ParseOptions, "/bench/Edited.cs");
}

/// <summary>An in-memory additional file.</summary>
internal sealed class MemoryText(string path, SourceText text) : AdditionalText
{
    public override string Path => path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}
