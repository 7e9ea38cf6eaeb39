using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace FactGen.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>--quick</c> runs every comparison interleaved in under three minutes and ends with the
    /// <c>summary:</c> line. Anything else goes to BenchmarkDotNet, e.g.
    /// <c>--filter *GeneratorRun*</c>.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Contains("--quick")) return QuickMode.Run();
        if (args.Contains("--ide")) return Ide.IdeMode.Run(args);
        if (args.Length > 0 && args[0] is "--real-build" or "--real-build-scale") return RealBuild.RealBuildMode.Run(args);
        if (args.Length == 2 && args[0] == "--stages") return Stages.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        if (args.Length == 2 && args[0] == "--steps") return Phases.Steps(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        if (args.Length == 2 && args[0] == "--edit-steps") return Phases.EditSteps(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        if (args.Length == 2 && args[0] == "--first-access") return Phases.FirstAccess(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        if (args.Length == 2 && args[0] == "--dump")
        {
            foreach (string source in Workload.GeneratedSources(Workload.FactGenRun(Workload.FactTexts(SyntheticCatalog.Build(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), 1)), Workload.StubTree()))) Console.WriteLine(source);
            return 0;
        }
        if (args.Length == 2 && args[0] == "--phases") return Phases.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
