using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace FactGen.Benchmarks;

/// <summary>The timing primitives of the quick mode and the diagnostic modes.</summary>
internal static class Timing
{
    /// <summary>A full, compacting GC, so one sample's garbage does not land in the next.</summary>
    public static void Clean()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    public static double Time(Action action) => Time(action, out _);

    /// <summary>Milliseconds for one run after a full GC, and the bytes this thread allocated.</summary>
    public static double Time(Action action, out long allocated)
    {
        Clean();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        action();
        double ms = sw.Elapsed.TotalMilliseconds;
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return ms;
    }

    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(x => x).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>
    /// (e) Loads the assembly into a fresh context <paramref name="runs"/> times and times the
    /// first call of its probe each time; the first <paramref name="warmups"/> runs are not kept.
    /// <paramref name="hook"/>, if any, is called just before (true) and after (false) each call.
    /// </summary>
    /// <summary>Waits (at most 20 s) until the JIT has compiled nothing for half a second: background tiering is done.</summary>
    public static void SettleJit()
    {
        var deadline = Stopwatch.StartNew();
        long last = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (deadline.Elapsed.TotalSeconds < 20)
        {
            System.Threading.Thread.Sleep(500);
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == last) return;
            last = now;
        }
    }

    public static List<double> FirstAccess(byte[] assembly, int runs, int warmups, out string result, Action<int, bool>? hook = null)
    {
        var times = new List<double>();
        result = string.Empty;
        for (int i = 0; i < runs; i++)
        {
            var (context, probe) = Workload.LoadProbe(assembly, "probe" + i);
            Clean();
            hook?.Invoke(i, true);
            var sw = Stopwatch.StartNew();
            result = probe();
            sw.Stop();
            hook?.Invoke(i, false);
            if (i >= warmups) times.Add(sw.Elapsed.TotalMilliseconds);
            context.Unload();
        }
        return times;
    }
}
