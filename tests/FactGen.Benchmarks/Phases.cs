using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Benchmarks;

/// <summary>
/// <c>--phases N</c>: where compiling the generated code spends its time (parse, declarations,
/// method bodies, emit), for FactGen's output, N trivial members and Resx's output. A diagnostic
/// aid for the design, not a benchmark: one warm run each.
/// </summary>
internal static class Phases
{
    public static int Run(int facts)
    {
        var stub = Workload.StubTree();
        string[] factGen = Workload.GeneratedSources(Workload.FactGenRun(Workload.FactTexts(SyntheticCatalog.Build(facts)), stub));
        string[] resx = Workload.GeneratedSources(Workload.ResxRun(Workload.ResxTexts(facts), stub));
        string[] trivial = { Workload.TrivialSource(facts) };
        Console.WriteLine($"FactGen output: {string.Join(", ", factGen.Select(s => $"{s.Length / 1024} KiB"))}");
        for (int round = 0; round < 3; round++)
        {
            Measure("trivial", trivial);
            Measure("FactGen", factGen);
            Measure("Resx", resx);
        }
        return 0;
    }

    private static void Measure(string name, string[] sources)
    {
        GC.Collect();
        var sw = Stopwatch.StartNew();
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s, Encoding.UTF8), Workload.ParseOptions)).Prepend(Workload.StubTree()).ToArray();
        double parse = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var compilation = Workload.NewCompilation(trees);
        compilation.GetDeclarationDiagnostics();
        double declarations = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        compilation.GetMethodBodyDiagnostics();
        double bodies = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var result = compilation.Emit(new MemoryStream());
        double emit = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine($"{name,-8} parse {parse,7:F1}  declarations {declarations,7:F1}  bodies {bodies,7:F1}  emit (bodies again + PE) {emit,7:F1}  total {parse + declarations + bodies + emit,7:F1} ms  {(result.Success ? "ok" : "FAILED")}");
    }
}
