using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using static FactGen.Benchmarks.RealBuild.TempProjects;

namespace FactGen.Benchmarks.RealBuild;

/// <summary>
/// <c>--real-build --bisect</c>: where (b)'s Csc time goes. The code FactGen generated for (b) is
/// written into apps without the generator, whole and with parts taken out, and each is timed
/// against the Resx peer (e) in interleaved pairs, after the same one-line C# edit:
/// (f) the generated code as plain C# files (so (b)/(f) is the generator's run);
/// (g) (f) without doc comments (their cost to lex and, with no XML doc file, nothing more);
/// (h) (g) without the <c>Ids</c> constants (the second member of every fact);
/// (i) (h) without the per-fact properties, as if the catalog had only <c>Get</c> (the floor of
/// the data table and the fixed types).
/// The code keeps its <c>// &lt;auto-generated/&gt;</c> header, so analyzers treat it as generated,
/// as they do the generator's output.
/// </summary>
internal static partial class RealBuildMode
{
    private static int Bisect(string root, int facts, int pairs, int warmups)
    {
        var total = System.Diagnostics.Stopwatch.StartNew();
        Console.WriteLine($"FactGen real-build bisection, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {BuildRunner.Machine()}; load average {BuildRunner.LoadAverage()}");
        Console.WriteLine($"{facts:N0} facts / resx entries; {pairs} timed pairs per comparison after {warmups} warm-up pairs; projects in {root}");
        Console.WriteLine();

        TryDelete(root);
        BuildRunner.WriteIsolation(root);
        string gen = Path.Combine(root, "gen");
        BuildRunner.CopyGenerator(gen);
        string resxPackage = BuildRunner.ResxPackageDir();
        FactFile[] catalog = SyntheticCatalog.Build(facts);
        const string use = "System.Console.WriteLine(global::App.Facts.Events.Timeline.Count);";

        var b = WriteApp(root, "b", "(b) catalog in the app", FactGenItems(gen, publicCatalog: false, ns: null), use);
        WriteFacts(Path.Combine(b.AppDir, "facts"), catalog);
        var e = WriteApp(root, "e", "(e) ResxSourceGenerator in the app", ResxItems(resxPackage), use: "System.Console.WriteLine(global::App.Strings000.State0);");
        WriteResx(e.AppDir, facts);

        // The code the generator writes for (b), from a build that writes it to disk.
        int generation = 0;
        BuildRunner.MustSucceed("restore (b)", BuildRunner.Dotnet(b.AppDir, new[] { "restore", b.Project, "-nr:true", "-tl:off", "-v:q" }));
        WriteProgram(b, ++generation);
        BuildRunner.MustSucceed("(b) with its generated files on disk",
            BuildRunner.Dotnet(b.AppDir, new[] { "build", b.Project, "-v:m", "-p:EmitCompilerGeneratedFiles=true" }.Concat(BuildRunner.BuildFlags)));
        string[] generated = Directory.GetFiles(Path.Combine(b.AppDir, "obj"), "FactGen.*.g.cs", SearchOption.AllDirectories);
        if (generated.Length < 3) throw new InvalidOperationException($"Expected FactGen.Types.g.cs, FactGen.Catalog.g.cs and a FactGen.Facts.*.g.cs per fact file under obj/, found {generated.Length}.");
        var code = generated.ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        // Build (b) again without writing files, so that its obj/ holds no copy of them.
        Directory.Delete(Path.Combine(b.AppDir, "obj", "Debug"), recursive: true);

        var variants = new Dictionary<string, Variant> { ["b"] = b, ["e"] = e };
        variants["f"] = PlainApp(root, "f", "(f) the generated code, no generator", code, use, static text => text);
        variants["g"] = PlainApp(root, "g", "(g) (f) without doc comments", code, use, WithoutDocComments);
        variants["h"] = PlainApp(root, "h", "(h) (g) without the Ids constants", code, use, static text => WithoutIdsConstants(WithoutDocComments(text)));
        variants["i"] = PlainApp(root, "i", "(i) (h) without the per-fact properties", code, use, static text => WithoutFactProperties(WithoutIdsConstants(WithoutDocComments(text))));

        foreach (var v in variants.Values)
        {
            BuildRunner.MustSucceed($"restore {v.Label}", BuildRunner.Dotnet(v.AppDir, new[] { "restore", v.Project, "-nr:true", "-tl:off", "-v:q" }));
            var first = BuildRunner.MustSucceed($"first build {v.Label}", Build(v, ++generation));
            Console.WriteLine($"{v.Label}: first build {first.WallMs / 1000:F1} s wall, Csc {first.CscMs / 1000:F1} s; {SourceSize(v.AppDir)}");
        }
        Console.WriteLine();

        Console.WriteLine("Generator and analyzer times, one build each with -p:ReportAnalyzer=true -v:d (not timed):");
        foreach (string key in new[] { "b", "f", "e" })
        {
            var v = variants[key];
            WriteProgram(v, ++generation);
            var detailed = BuildRunner.MustSucceed($"ReportAnalyzer build {v.Label}",
                BuildRunner.Dotnet(v.AppDir, new[] { "build", v.Project }.Concat(BuildRunner.BuildFlags).Concat(new[] { "-v:d", "-p:ReportAnalyzer=true" })));
            Console.WriteLine($"  {v.Label}:");
            foreach (string line in AnalyzerReport(detailed.Output)) Console.WriteLine("    " + line);
        }
        Console.WriteLine();

        Console.WriteLine("| comparison | pairs | median Csc A / B | Csc ratio (median per pair, range) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach ((string ka, string kb) in new[] { ("b", "f"), ("f", "e"), ("g", "e"), ("h", "e"), ("i", "e"), ("b", "e") })
        {
            var va = variants[ka];
            var vb = variants[kb];
            for (int i = 0; i < warmups; i++)
            {
                Timed(va, ++generation);
                Timed(vb, ++generation);
            }
            var sa = new Side();
            var sb = new Side();
            for (int i = 0; i < pairs; i++)
            {
                sa.Add(Timed(va, ++generation));
                sb.Add(Timed(vb, ++generation));
            }
            var ratios = sa.Csc.Zip(sb.Csc, (x, y) => x / y).ToList();
            Console.WriteLine($"| {va.Label} / {vb.Label} | {pairs} | {Ms(sa.Csc)} / {Ms(sb.Csc)} | {BuildRunner.F(Timing.Median(ratios))} ({ratios.Min():F2}–{ratios.Max():F2}) |");
        }
        Console.WriteLine();
        Console.WriteLine($"total time {total.Elapsed.TotalMinutes:F1} min; load average at the end {BuildRunner.LoadAverage()}");
        return 0;
    }

    private static Variant PlainApp(string root, string key, string label, Dictionary<string, string> code, string use, Func<string, string> cut)
    {
        var v = WriteApp(root, key, label, extra: "", use);
        foreach ((string name, string text) in code) File.WriteAllText(Path.Combine(v.AppDir, name), cut(text));
        return v;
    }

    private static string SourceSize(string dir)
        => $"{Directory.GetFiles(dir, "*.cs").Sum(f => new FileInfo(f).Length) / 1048576.0:F1} MiB of C#";

    private static string WithoutDocComments(string text)
        => string.Join("\n", text.Split('\n').Where(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal)));

    /// <summary>The <c>public const string</c> lines of the <c>Ids</c> classes, with an <c>[Obsolete]</c> line just above one.</summary>
    private static string WithoutIdsConstants(string text)
    {
        var kept = new List<string>();
        foreach (string line in text.Split('\n'))
        {
            if (line.TrimStart().StartsWith("public const string ", StringComparison.Ordinal))
            {
                if (kept.Count > 0 && kept[^1].TrimStart().StartsWith("[global::System.Obsolete(", StringComparison.Ordinal)) kept.RemoveAt(kept.Count - 1);
                continue;
            }
            kept.Add(line);
        }
        return string.Join("\n", kept);
    }

    private static readonly Regex s_factProperty = new(@"^\s*public static (State|Actor|Event) \w+ => s_items\[\d+\];$", RegexOptions.CultureInvariant);

    /// <summary>The one-line member of each fact, with an <c>[Obsolete]</c> line just above one.</summary>
    private static string WithoutFactProperties(string text)
    {
        var kept = new List<string>();
        foreach (string line in text.Split('\n'))
        {
            if (s_factProperty.IsMatch(line))
            {
                if (kept.Count > 0 && kept[^1].TrimStart().StartsWith("[global::System.Obsolete(", StringComparison.Ordinal)) kept.RemoveAt(kept.Count - 1);
                continue;
            }
            kept.Add(line);
        }
        return string.Join("\n", kept);
    }
}
