using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using FactGen.Binding;
using FactGen.Emitting;
using FactGen.Reading;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Benchmarks;

/// <summary>
/// <c>--stages N</c>: the generator's own stages (read, bind, emit) called directly, each timed
/// with its allocations, against the bare parser. A diagnostic aid for the design.
/// </summary>
internal static class Stages
{
    public static int Run(int facts)
    {
        FactFile[] files = SyntheticCatalog.Build(facts);
        SourceText[] texts = files.Select(f => SourceText.From(f.Text, Encoding.UTF8)).ToArray();
        var options = GeneratorOptions.Create(new NoOptions(), new GeneratorOptions.CompilationFacts("Bench", true, true), Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest);
        if (Environment.GetEnvironmentVariable("FACTGEN_STAGES_PAIRS") == "1")
        {
            var pairTexts = Workload.FactTexts(files);
            var pairStub = Workload.StubTree();
            for (int i = 0; i < 12; i++)
            {
                double g = Timing.Time(() => Workload.FactGenRun(pairTexts, pairStub), out _);
                double r = Timing.Time(() => Workload.ParserPass(files), out _);
                Console.WriteLine($"pair {i}: gen {g,6:F1} parser {r,6:F1} ratio {g / r:F2}");
            }
        }
        for (int round = 0; round < 6; round++)
        {
            double parse = Timing.Time(() => Workload.ParserPass(files), out long parseAlloc);
            ImmutableArray<FactFileSyntax> syntax = default;
            double read = Timing.Time(() => syntax = files.Select((f, i) => FactFileReader.Read(f.Path, texts[i], CancellationToken.None)).ToImmutableArray(), out long readAlloc);
            BindResult bound = null!;
            double bind = Timing.Time(() => bound = CatalogBinder.Bind(syntax, CancellationToken.None), out long bindAlloc);
            System.Collections.Generic.IReadOnlyList<(string HintName, string Text)>? output = null;
            double emit = Timing.Time(() => output = CatalogEmitter.EmitAll(bound.Catalog, options), out long emitAlloc);
            GC.Collect();
            var chain = Stopwatch.StartNew();
            var chained = files.Select((f, i) => FactFileReader.Read(f.Path, texts[i], CancellationToken.None)).ToImmutableArray();
            double chainRead = chain.Elapsed.TotalMilliseconds;
            var chainedBound = CatalogBinder.Bind(chained, CancellationToken.None);
            double chainBind = chain.Elapsed.TotalMilliseconds - chainRead;
            CatalogEmitter.EmitAll(chainedBound.Catalog, options);
            double chainEmit = chain.Elapsed.TotalMilliseconds - chainRead - chainBind;
            Console.WriteLine($"chained without GCs between: read {chainRead,6:F1} bind {chainBind,6:F1} emit {chainEmit,6:F1} total {chain.Elapsed.TotalMilliseconds,6:F1} ms");
            var stub = Workload.StubTree();
            var additional = Workload.FactTexts(files);
            TimeSpan pause0 = GC.GetTotalPauseDuration();
            int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
            double full = Timing.Time(() => Workload.FactGenRun(additional, stub), out long fullAlloc);
            Console.WriteLine($"full run GCs: gen0 {GC.CollectionCount(0) - g0 - 2}, gen1 {GC.CollectionCount(1) - g1 - 2}, gen2 {GC.CollectionCount(2) - g2 - 2} (after the 2 forced), pause {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds:F1} ms incl. forced");
            double fullNoGc = Timing.Time(() => { GC.TryStartNoGCRegion(200_000_000); Workload.FactGenRun(additional, stub); if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion(); }, out _);
            var one = Workload.FactTexts(SyntheticCatalog.Build(facts, 1));
            double oneFile = Timing.Time(() => Workload.FactGenRun(one, stub), out _);
            var emptyTexts = ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty;
            double empty = Timing.Time(() => Workload.FactGenRun(emptyTexts, stub), out _);
            Console.WriteLine($"one file {oneFile,6:F1} ms, no files {empty,6:F1} ms");
            Console.WriteLine($"full run {full,6:F1} ms {fullAlloc / 1048576.0,5:F1} MiB, without GC {fullNoGc,6:F1} ms");
            Console.WriteLine($"parser {parse,6:F1} ms {parseAlloc / 1048576.0,5:F1} MiB | read {read,6:F1} ms {readAlloc / 1048576.0,5:F1} MiB | bind {bind,6:F1} ms {bindAlloc / 1048576.0,5:F1} MiB | emit {emit,6:F1} ms {emitAlloc / 1048576.0,5:F1} MiB | output {output!.Sum(s => s.Text.Length) / 1048576.0:F1} M chars");
        }
        return 0;
    }

    private sealed class NoOptions : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = string.Empty;
            return false;
        }
    }
}
