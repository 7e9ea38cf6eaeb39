using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Sdk;

namespace FactGen.Tests.Corpus;

/// <summary>
/// A corpus of broken fact files, each with the diagnostics it must produce written at its top:
/// <c># expect: FG0007 14:30</c> (id, 1-based line, 1-based column of the diagnostic's start),
/// one line per diagnostic. Each file is run through the generator on its own, and its diagnostics
/// must be exactly the expected ones: an extra, a missing or a misplaced diagnostic fails. The
/// valid facts of the file must still be emitted as code that compiles without errors.
/// A file may also list members that must still be declared, because a declaration survives the
/// errors in and around it: <c># declares: States.Russia Events.Talks</c>.
/// A file may also carry <c># known-bug: ...</c> lines; they explain a case that fails because of
/// a generator bug and are shown in the failure message. They never relax the check.
/// </summary>
public class CorpusTests
{
    private static readonly Regex s_expect = new(@"^#\s*expect:\s*(FG\d{4})\s+(\d+):(\d+)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_declares = new(@"^#\s*declares:\s*(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex s_knownBug = new(@"^#\s*known-bug:\s*(.*)$", RegexOptions.CultureInvariant);

    /// <summary>Every <c>*.facts.yaml</c> beside this source file, by name.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.EnumerateFiles(CorpusDirectory(), "*.facts.yaml").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    [Fact]
    public void TheCorpusIsNotEmpty()
        => Assert.True(Directory.EnumerateFiles(CorpusDirectory(), "*.facts.yaml").Count() >= 20, $"Expected the corpus in {CorpusDirectory()}.");

    /// <summary>Every diagnostic the generator reports in fact files has at least two corpus files that expect it.</summary>
    [Fact]
    public void EveryFactFileDiagnosticIsExpectedByTwoFilesAtLeast()
    {
        string[] ids = typeof(FactGen.Diagnostics.DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .Where(id => string.CompareOrdinal(id, "FG0100") < 0)
            .ToArray();
        Assert.Contains("FG0013", ids);
        var files = Directory.EnumerateFiles(CorpusDirectory(), "*.facts.yaml")
            .Select(path => HeaderLines(Decode(File.ReadAllBytes(path))).Select(line => s_expect.Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet())
            .ToArray();
        foreach (string id in ids)
        {
            int count = files.Count(expects => expects.Contains(id));
            Assert.True(count >= 2, $"{id} is expected by {count} corpus file(s); add one.");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void FileGivesExactlyTheExpectedDiagnostics(string file)
    {
        string path = Path.Combine(CorpusDirectory(), file);
        string text = Decode(File.ReadAllBytes(path));
        string[] header = HeaderLines(text);

        string[] malformed = header.Where(line => line.StartsWith("# expect", StringComparison.Ordinal) && !s_expect.IsMatch(line)).ToArray();
        Assert.True(malformed.Length == 0, $"{file}: malformed expectation (write '# expect: FG0007 14:30'): {string.Join(" | ", malformed)}");

        string[] expected = header
            .Select(line => s_expect.Match(line))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value} {Number(m.Groups[2].Value)}:{Number(m.Groups[3].Value)}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        string[] knownBugs = header.Select(line => s_knownBug.Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToArray();
        Assert.True(expected.Length > 0, $"{file} has no '# expect:' line; a file without diagnostics is not a corpus file.");

        GeneratorRun run = GeneratorHarness.Run(new FactFile(path, text));

        foreach (Diagnostic diagnostic in run.Diagnostics)
        {
            Assert.True(
                diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile,
                $"{diagnostic.Id} has no location in the file: {GeneratorHarness.Format(diagnostic)}");
            Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
        }

        string[] actual = run.Diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition.Line + 1}:{d.Location.GetLineSpan().StartLinePosition.Character + 1}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();

        if (!expected.SequenceEqual(actual))
        {
            var message = new StringBuilder();
            message.AppendLine($"{file}: the diagnostics differ from the '# expect:' lines.");
            foreach (string bug in knownBugs) message.AppendLine("Known generator bug: " + bug);
            message.AppendLine("Expected:");
            foreach (string e in expected) message.AppendLine("  " + e + (actual.Contains(e) ? string.Empty : "   <-- missing"));
            message.AppendLine("Actual:");
            foreach (string a in actual) message.AppendLine("  " + a + (expected.Contains(a) ? string.Empty : "   <-- unexpected"));
            message.AppendLine("Generator diagnostics:");
            foreach (Diagnostic d in run.Diagnostics.OrderBy(d => d.Location.SourceSpan.Start)) message.AppendLine("  " + GeneratorHarness.Format(d));
            throw new XunitException(message.ToString());
        }

        // The facts without errors are still generated, and what is generated compiles.
        string[] errors = run.CompilationDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(GeneratorHarness.Format)
            .ToArray();
        Assert.True(errors.Length == 0, $"{file}: the generated catalog does not compile:\n{string.Join("\n", errors)}");
        Assert.Contains("FactGen.Catalog.g.cs", run.Sources.Keys);

        string[] declares = header
            .Select(line => s_declares.Match(line))
            .Where(m => m.Success)
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
        foreach (string member in declares)
        {
            string[] parts = member.Split('.');
            Assert.True(parts.Length == 2, $"{file}: write '# declares: States.Russia', not '{member}'.");
            INamedTypeSymbol category = run.Output.GetSymbolsWithName(parts[0], SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();
            Assert.True(category.GetMembers(parts[1]).OfType<IPropertySymbol>().Any(), $"{file}: '{member}' must still be declared, but the generated '{parts[0]}' has no such member.");
        }
    }

    /// <summary>
    /// The leading comment block: the lines up to the first one that is neither blank nor a
    /// comment. Expectations are read from there only, so YAML below cannot be taken for one.
    /// </summary>
    private static string[] HeaderLines(string text)
    {
        var lines = new List<string>();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal)) break;
            lines.Add(line);
        }
        return lines.ToArray();
    }

    /// <summary>
    /// UTF-8, with a byte order mark dropped and undecodable bytes turned into U+FFFD. This is how
    /// the compiler hands a file that is not UTF-8 to the generator (checked with a real build:
    /// fg0001-invalid-utf8 gives the same FG0001 location there).
    /// </summary>
    private static string Decode(byte[] bytes)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        int skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return utf8.GetString(bytes, skip, bytes.Length - skip);
    }

    private static int Number(string digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);

    private static string CorpusDirectory([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;
}
