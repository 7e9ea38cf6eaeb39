using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FactGen.Tests.Infrastructure;

/// <summary>A fact file for a test: a path and its YAML.</summary>
public sealed record FactFile(string Path, string Yaml);

/// <summary>What one generator run produced.</summary>
public sealed record GeneratorRun(
    Compilation Output,
    ImmutableArray<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, string> Sources,
    GeneratorDriver Driver)
{
    /// <summary>Diagnostics of the compilation with the generated code, generator ones excluded.</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics
        => Output.GetDiagnostics().Where(d => d.Severity > DiagnosticSeverity.Info).ToImmutableArray();

    /// <summary>
    /// The catalog's generated code as one text: <c>FactGen.Catalog.g.cs</c>, then the source of
    /// each fact file (<c>FactGen.Facts.*.g.cs</c>) in name order; empty when none was generated.
    /// </summary>
    public string Catalog => string.Join("\n", Sources
        .Where(s => s.Key == "FactGen.Catalog.g.cs" || s.Key.StartsWith("FactGen.Facts.", StringComparison.Ordinal))
        .OrderBy(s => s.Key == "FactGen.Catalog.g.cs" ? 0 : 1).ThenBy(s => s.Key, StringComparer.Ordinal)
        .Select(s => s.Value));
}

/// <summary>Runs <see cref="FactCatalogGenerator"/> in-process on in-memory fact files.</summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, CSharpParseOptions? parseOptions = null, string assemblyName = "TestProject")
        => CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s, parseOptions ?? ParseOptions, path: $"{assemblyName}.User{Guid.NewGuid():N}.cs")),
            Net100.References.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true));

    public static GeneratorDriver CreateDriver(IEnumerable<FactFile> files, IReadOnlyDictionary<string, string>? buildProperties = null, CSharpParseOptions? parseOptions = null)
        => CSharpGeneratorDriver.Create(
            new[] { new FactCatalogGenerator().AsSourceGenerator() },
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Yaml)),
            parseOptions ?? ParseOptions,
            new TestOptionsProvider(buildProperties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(
        IEnumerable<FactFile> files,
        IEnumerable<string>? userSources = null,
        IReadOnlyDictionary<string, string>? buildProperties = null,
        CSharpParseOptions? parseOptions = null)
    {
        CSharpCompilation compilation = CreateCompilation(userSources ?? Array.Empty<string>(), parseOptions);
        GeneratorDriver driver = CreateDriver(files, buildProperties, parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        if (result.Results.Single().Exception is { } exception)
        {
            throw new InvalidOperationException("The generator threw (users would see CS8785): " + exception, exception);
        }
        // Every run is also a caching test, as in NetEscapades.EnumGenerators' helper: the same
        // inputs in a new compilation (as after an edit that changes nothing FactGen reads) must
        // reuse every step.
        int reused = IncrementalAssert.EveryStepThatRanWasReused(driver.RunGenerators(compilation.Clone()).GetRunResult());
        Xunit.Assert.True(reused > 0 || !files.Any(), "The second run tracked no step: the caching check saw nothing.");
        var sources = result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return new GeneratorRun(output, diagnostics, sources, driver);
    }

    public static GeneratorRun Run(params FactFile[] files) => Run(files, userSources: null);

    /// <summary>A diagnostic as <c>FG0007 file(line,col): message</c>, for readable assertions.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        string where = diagnostic.Location == Location.None ? "(no location)" : $"{System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
        return $"{diagnostic.Id} {where}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>Emits the compilation, loads it in a throwaway context and returns what <c>Run()</c> of the type returns.</summary>
    /// <summary>Loads the assembly images in order into one throwaway context and returns what <c>Probe.Run()</c> of the last returns.</summary>
    public static string RunProbe(string contextName, IEnumerable<byte[]> images)
    {
        var context = new System.Runtime.Loader.AssemblyLoadContext(contextName, isCollectible: true);
        try
        {
            System.Reflection.Assembly? last = null;
            foreach (byte[] image in images) last = context.LoadFromStream(new System.IO.MemoryStream(image));
            return (string)last!.GetType("Probe", throwOnError: true)!.GetMethod("Run")!.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }

    public static string Execute(Compilation compilation, string typeName)
    {
        using var stream = new System.IO.MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(stream);
        Xunit.Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Select(Format)));
        stream.Position = 0;
        var context = new System.Runtime.Loader.AssemblyLoadContext("factgen-test", isCollectible: true);
        try
        {
            System.Reflection.Assembly assembly = context.LoadFromStream(stream);
            System.Reflection.MethodInfo run = assembly.GetType(typeName, throwOnError: true)!.GetMethod("Run")!;
            return (string)run.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
