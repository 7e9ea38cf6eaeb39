using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

namespace FactGen.Benchmarks;

/// <summary>Records which methods the JIT compiles, and for how long (a diagnostic for --first-access).</summary>
internal sealed class JitListener : EventListener
{
    private readonly ConcurrentDictionary<long, (string Name, DateTime Start)> _started = new();
    public readonly ConcurrentQueue<(string Name, double Ms)> Compiled = new();
    public volatile bool Recording;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)(0x10 | 0x8));
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Recording || e.Payload is null) return;
        if (e.EventName == "MethodJittingStarted_V1")
        {
            long id = Convert.ToInt64(e.Payload[0]);
            _started[id] = ($"{e.Payload[4]}::{e.Payload[5]}", e.TimeStamp);
        }
        else if (e.EventName is "MethodLoadVerbose_V1" or "MethodLoadVerbose_V2")
        {
            long id = Convert.ToInt64(e.Payload[0]);
            if (_started.TryRemove(id, out var s)) Compiled.Enqueue((s.Name, (e.TimeStamp - s.Start).TotalMilliseconds));
        }
    }

    public void Report()
    {
        var all = Compiled.ToArray();
        Console.WriteLine($"JIT: {all.Length} methods, {all.Sum(c => c.Ms):F2} ms");
        foreach (var (name, ms) in all.OrderByDescending(c => c.Ms).Take(int.TryParse(Environment.GetEnvironmentVariable("FACTGEN_JIT_TOP"), out int top) ? top : 15)) Console.WriteLine($"  {ms,7:F3} ms  {name}");
    }
}
