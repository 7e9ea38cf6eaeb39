using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Benchmarks;

/// <summary>
/// The catalog sizes: 1k, 10k and 100k facts, or those listed in <c>FACTGEN_BENCH_SIZES</c>
/// (e.g. <c>10000</c>), which BenchmarkDotNet's child processes inherit.
/// </summary>
public static class Sizes
{
    public static IEnumerable<int> Facts
        => (Environment.GetEnvironmentVariable("FACTGEN_BENCH_SIZES") ?? "1000,10000,100000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>(a) and (b): a full generator run against the bare parser and against the Resx peer.</summary>
[MemoryDiagnoser]
public class GeneratorRun
{
    private FactFile[] _files = Array.Empty<FactFile>();
    private ImmutableArray<AdditionalText> _texts;
    private ImmutableArray<AdditionalText> _resx;
    private SyntaxTree _stub = null!;

    [ParamsSource(typeof(Sizes), nameof(Sizes.Facts))]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _files = SyntheticCatalog.Build(Facts);
        _texts = Workload.FactTexts(_files);
        _resx = Workload.ResxTexts(Facts);
        _stub = Workload.StubTree();
    }

    [Benchmark(Baseline = true, Description = "bare YamlDotNet Parser pass")]
    public int ParserPass() => Workload.ParserPass(_files);

    [Benchmark(Description = "FactGen run")]
    public GeneratorDriver FactGen() => Workload.FactGenRun(_texts, _stub);

    [Benchmark(Description = "ResxSourceGenerator run")]
    public GeneratorDriver Resx() => Workload.ResxRun(_resx, _stub);
}

/// <summary>(c) Cached reruns on a driver that has run once, as in the IDE.</summary>
[MemoryDiagnoser]
public class CachedRerun
{
    private FactFile[] _files = Array.Empty<FactFile>();
    private GeneratorDriver _driver = null!;
    private Compilation _compilation = null!;
    private AdditionalText _current = null!;
    private int _generation;

    [ParamsSource(typeof(Sizes), nameof(Sizes.Facts))]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _files = SyntheticCatalog.Build(Facts);
        var texts = Workload.FactTexts(_files);
        _compilation = Workload.NewCompilation(Workload.StubTree());
        _driver = Workload.FactGenDriver(texts).RunGenerators(_compilation);
        _current = texts[37 % texts.Length];
    }

    [Benchmark(Description = "rerun after a C#-only edit")]
    public GeneratorDriver AfterCSharpEdit()
        => _driver = _driver.RunGenerators(_compilation.AddSyntaxTrees(Workload.CSharpEdit(++_generation)));

    [Benchmark(Description = "rerun after editing 1 of 100 fact files")]
    public GeneratorDriver AfterOneFileEdit()
    {
        FactFile next = SyntheticCatalog.EditOneFact(_files[37 % _files.Length], ++_generation);
        var text = new MemoryText(next.Path, SourceText.From(next.Text, System.Text.Encoding.UTF8));
        _driver = _driver.ReplaceAdditionalText(_current, text).RunGenerators(_compilation);
        _current = text;
        return _driver;
    }
}

/// <summary>(d) Compiling (parse and emit) the generated catalog, N trivial members and Resx's output.</summary>
[MemoryDiagnoser]
public class CompileOutput
{
    private string[] _factGen = Array.Empty<string>();
    private string[] _resx = Array.Empty<string>();
    private string[] _trivial = Array.Empty<string>();

    [ParamsSource(typeof(Sizes), nameof(Sizes.Facts))]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var stub = Workload.StubTree();
        _factGen = Workload.GeneratedSources(Workload.FactGenRun(Workload.FactTexts(SyntheticCatalog.Build(Facts)), stub));
        _resx = Workload.GeneratedSources(Workload.ResxRun(Workload.ResxTexts(Facts), stub));
        _trivial = new[] { Workload.TrivialSource(Facts) };
    }

    [Benchmark(Baseline = true, Description = "N trivial members")]
    public bool Trivial() => Workload.Compile(_trivial).Success;

    [Benchmark(Description = "FactGen catalog")]
    public bool FactGen() => Workload.Compile(_factGen).Success;

    [Benchmark(Description = "Resx output")]
    public bool Resx() => Workload.Compile(_resx).Success;
}

/// <summary>(e) The first access to the catalog at run time, in a fresh load context each time.</summary>
[MemoryDiagnoser]
public class FirstAccess
{
    private byte[] _assembly = Array.Empty<byte>();
    private AssemblyLoadContext? _context;
    private Func<string> _probe = null!;
    private int _count;

    [ParamsSource(typeof(Sizes), nameof(Sizes.Facts))]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup()
        => _assembly = Workload.CompileWithProbe(Workload.GeneratedSources(Workload.FactGenRun(Workload.FactTexts(SyntheticCatalog.Build(Facts)), Workload.StubTree())));

    [IterationSetup]
    public void Load() => (_context, _probe) = Workload.LoadProbe(_assembly, "probe" + (++_count));

    [IterationCleanup]
    public void Unload() => _context?.Unload();

    [Benchmark(Description = "first access"), InvocationCount(1)]
    public string Probe() => _probe();
}

/// <summary>The stretch goal: generate and compile one million facts.</summary>
public class Scale
{
    [Params(300_000, 1_000_000)]
    public int Facts { get; set; }

    [Benchmark(Description = "generate and compile")]
    public bool GenerateAndCompile()
    {
        var sources = Workload.GeneratedSources(Workload.FactGenRun(Workload.FactTexts(SyntheticCatalog.Build(Facts)), Workload.StubTree()));
        var result = Workload.Compile(sources);
        if (!result.Success) throw new InvalidOperationException("Did not compile: " + string.Join(" | ", result.Errors));
        return result.Success;
    }
}
