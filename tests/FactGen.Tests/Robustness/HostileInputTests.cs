using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace FactGen.Tests.Robustness;

/// <summary>
/// Fact files written to hurt: expansion bombs, absurd nesting, huge files, huge scalars, binary
/// data and degenerate documents. The generator runs inside the compiler, so whatever the input,
/// it must return (no CS8785, no stack overflow that kills the compiler), report what is wrong,
/// and use time and memory in proportion to the text it was given.
/// </summary>
/// <remarks>
/// Every run goes through <see cref="GeneratorHarness.Run(FactFile[])"/>, which throws if the
/// generator threw, so a passing run proves there was no CS8785. No test asserts on wall-clock
/// speed (this suite runs on slow, shared machines); the elapsed time is printed to the test
/// output instead, and the one time limit is a hang guard two thousand times above the expected
/// time. Costs are bounded structurally: counts of diagnostics against counts of tokens in the
/// text, and bytes allocated on the test thread (the driver runs the generator on the calling
/// thread) against the size of the input.
/// </remarks>
public class HostileInputTests(ITestOutputHelper output)
{
    private const string FilePath = "/facts/hostile.facts.yaml";
    private const long MB = 1024 * 1024;

    private static FactFile File(string yaml) => new(FilePath, yaml);

    /// <summary>A valid fact to sit next to the hostile part, so we can see the rest still generates.</summary>
    private const string Russia = """
          russia:
            name: Russia
            kind: sovereign

        """;

    private static int Utf8Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    private sealed record Measured(GeneratorRun Run, long Allocated, TimeSpan Elapsed)
    {
        public string Catalog => Run.Catalog;

        public int Count(string id) => Run.Diagnostics.Count(d => d.Id == id);
    }

    /// <summary>
    /// Runs the generator and measures what the run allocated on this thread. A small run first
    /// takes the one-time costs (JIT, loading reference assemblies) so they are not charged to the
    /// hostile input.
    /// </summary>
    private Measured Measure(string what, params FactFile[] files)
    {
        GeneratorHarness.Run(Facts.Small("/facts/warm-up.facts.yaml"));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        GeneratorRun run = GeneratorHarness.Run(files);
        watch.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long inputBytes = files.Sum(f => (long)Utf8Bytes(f.Yaml));
        output.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "{0}: input {1:N0} bytes, {2:N0} ms, allocated {3:N1} MB ({4:N1}x input), {5:N0} diagnostics [{6}]",
            what,
            inputBytes,
            watch.Elapsed.TotalMilliseconds,
            allocated / (double)MB,
            allocated / (double)Math.Max(1, inputBytes),
            run.Diagnostics.Length,
            string.Join(", ", run.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"))));
        return new Measured(run, allocated, watch.Elapsed);
    }

    private static int Occurrences(string text, string token)
    {
        int count = 0;
        for (int at = text.IndexOf(token, StringComparison.Ordinal); at >= 0; at = text.IndexOf(token, at + token.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>No diagnostics at all; on failure, every one in full (invisible characters shown).</summary>
    private static void AssertNoDiagnostics(Measured measured)
        => Assert.True(
            measured.Run.Diagnostics.IsEmpty,
            string.Join("\n", measured.Run.Diagnostics.Take(10).Select(d => GeneratorHarness.Format(d).Replace("\uFEFF", "<U+FEFF>", StringComparison.Ordinal))));

    private static void AssertRussiaGenerated(Measured measured)
        => Assert.Contains("public static State Russia =>", measured.Catalog);

    // ---- 1. expansion bombs ------------------------------------------------------------------

    [Fact]
    public void BillionLaughsIsRefusedAliasByAliasWithoutExpanding()
    {
        // The classic bomb: lol0 is a list of 10 scalars, and each next level is a list of 10
        // aliases of the level before, so lol9 stands for 10^10 scalars (tens of GB if expanded).
        // One level also hides in a valid fact's scalar and list fields.
        const int Levels = 10, Fan = 10;
        var yaml = new StringBuilder(Facts.MinimalSource).Append("\nstates:\n").Append(Russia);
        yaml.Append("  lol0: &lol0 [").Append(string.Join(", ", Enumerable.Repeat("lol", Fan))).Append("]\n");
        for (int level = 1; level < Levels; level++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  lol{level}: &lol{level} [")
                .Append(string.Join(", ", Enumerable.Repeat($"*lol{level - 1}", Fan)))
                .Append("]\n");
        }
        yaml.Append(CultureInfo.InvariantCulture, $"  bomb:\n    name: *lol{Levels - 1}\n    kind: sovereign\n    aliases: [*lol{Levels - 1}, *lol{Levels - 1}]\n");
        string text = yaml.ToString();
        int aliasTokens = Occurrences(text, "*lol");
        Assert.Equal((Levels - 1) * Fan + 3, aliasTokens);

        Measured measured = Measure("billion laughs", File(text));

        // Each alias in the text is reported once where it is written; nothing is expanded, so
        // the count follows the text (93 tokens), not the 10^10 nodes the aliases stand for.
        Diagnostic[] aliasErrors = measured.Run.Diagnostics
            .Where(d => d.Id == "FG0002" && DiagnosticsHelper.Message(d).Contains("an alias", StringComparison.Ordinal))
            .ToArray();
        // Everything else is at most one diagnostic per line of the file (lolN is a list where a
        // state's keys belong): still bounded by the text. That is more than the 100 a file
        // reports, so the first 100 in the file are shown and FG0013 counts the rest.
        Diagnostic leftOut = Assert.Single(measured.Run.Diagnostics, d => d.Id == "FG0013");
        int more = int.Parse(DiagnosticsHelper.Message(leftOut).Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.Equal(100, measured.Run.Diagnostics.Length - 1);
        Assert.Equal(aliasErrors.Length, aliasErrors.Select(DiagnosticsHelper.Where).Distinct().Count());
        Assert.InRange(aliasTokens, aliasErrors.Length, aliasErrors.Length + more);
        Assert.InRange(100 + more, aliasTokens, aliasTokens + Occurrences(text, "\n"));
        // 200 bytes per input byte covers the parser's tokens, the tree and the diagnostics
        // (each with its location and message); 50 MB covers the harness itself (a compilation
        // and a driver). Measured: under 1 MB. Expanding lol9 would take terabytes, and even
        // lol5 (10^6 nodes of ~100 bytes) would not fit.
        Assert.InRange(measured.Allocated, 1, 200L * Utf8Bytes(text) + 50 * MB);
        AssertRussiaGenerated(measured);
    }

    // ---- 2. nesting --------------------------------------------------------------------------

    private static void AssertOneDepthError(Measured measured, bool factsKept = true)
    {
        Diagnostic[] depth = measured.Run.Diagnostics
            .Where(d => d.Id == "FG0002" && DiagnosticsHelper.Message(d).Contains("at most 64 levels deep", StringComparison.Ordinal))
            .ToArray();
        // One error for the whole subtree, not one per level below the cap.
        Assert.Single(depth);
        if (factsKept) AssertRussiaGenerated(measured);
    }

    [Fact]
    public void FlowNestingTenThousandDeepIsOneDiagnostic()
    {
        const int Depth = 10_000;
        string yaml = Facts.MinimalSource + "\nstates:\n" + Russia + "  deep: " + new string('[', Depth) + new string(']', Depth) + "\n";

        Measured measured = Measure("flow nesting 10,000", File(yaml));

        // The reader stops at the cap (YamlDotNet's cost per token grows with the flow depth), so
        // the whole file is left out, with one error: the root mapping, 'states' and 62 lists make
        // 64 levels, and the 63rd '[' is the first refused.
        AssertOneDepthError(measured, factsKept: false);
        Assert.Single(measured.Run.Diagnostics);
        Diagnostic depth = measured.Run.Diagnostics.Single(d => DiagnosticsHelper.Message(d).Contains("levels deep", StringComparison.Ordinal));
        int line = Occurrences(yaml.Substring(0, yaml.IndexOf("deep:", StringComparison.Ordinal)), "\n") + 1;
        Assert.Equal($"hostile.facts.yaml({line},{"  deep: ".Length + 63})", DiagnosticsHelper.Where(depth));
    }

    [Fact]
    public void BlockSequenceNestingTenThousandDeepIsOneDiagnostic()
    {
        // "- - - x" nests block sequences on one line, so 10,000 levels take only 20,000 characters.
        const int Depth = 10_000;
        var yaml = new StringBuilder(Facts.MinimalSource).Append("\nstates:\n").Append(Russia).Append("  deep:\n    ");
        for (int i = 0; i < Depth; i++) yaml.Append("- ");
        yaml.Append("x\n");

        Measured measured = Measure("block sequence nesting 10,000", File(yaml.ToString()));

        AssertOneDepthError(measured, factsKept: false); // the reader stops at the cap: the file is left out
    }

    [Fact]
    public void BlockMappingNestingFiveThousandDeepIsOneDiagnostic()
    {
        // Nested block mappings need one more column of indentation per level, so the text grows
        // with the square of the depth: 10,000 levels would be 50 million characters. 5,000
        // levels at one space each (12.5 million characters) make the same point: the depth cap
        // is 64 and the builder never recurses, so any depth past it behaves the same.
        const int Depth = 5_000;
        var yaml = new StringBuilder(Facts.MinimalSource).Append("\nstates:\n").Append(Russia).Append("  deep:\n");
        for (int i = 0; i < Depth; i++) yaml.Append(' ', 4 + i).Append("a:\n");

        Measured measured = Measure("block mapping nesting 5,000", File(yaml.ToString()));

        AssertOneDepthError(measured, factsKept: false); // the reader stops at the cap: the file is left out
    }

    // ---- 3. a huge valid file ----------------------------------------------------------------

    /// <summary>
    /// About <paramref name="targetBytes"/> of valid facts: states, actors and events in turn, every
    /// reference pointing back to an earlier fact so the text can stop at any size.
    /// </summary>
    private static (string Yaml, int Count) ManyFacts(int targetBytes)
    {
        string[] stateKinds = { "sovereign", "breakaway", "region" };
        string[] actorKinds = { "person", "media", "party" };
        string[] eventKinds = { "letter", "report", "talks" };
        string[] statuses = { "reported", "confirmed", "disputed", "retracted" };
        var states = new StringBuilder("states:\n");
        var actors = new StringBuilder("actors:\n");
        var events = new StringBuilder("events:\n");
        CultureInfo c = CultureInfo.InvariantCulture;
        int i = 0;
        for (; states.Length + actors.Length + events.Length < targetBytes; i++)
        {
            states.Append(c, $"  state-{i:D6}:\n    name: State number {i}\n    kind: {stateKinds[i % 3]}\n    capital: Capital {i}\n")
                  .Append(c, $"    recognized_by: [state-{i / 2:D6}]\n    labels: {{ fr: État {i} }}\n");
            if (i >= 10) states.Append(c, $"    within: state-{i / 10:D6}\n");
            actors.Append(c, $"  actor-{i:D6}:\n    name: Actor number {i}\n    kind: {actorKinds[i % 3]}\n    role: role {i}\n    state: state-{i / 3:D6}\n");
            events.Append(c, $"  event-{i:D6}:\n    date: {1900 + (i % 120):D4}-{1 + (i % 12):D2}-{1 + (i % 28):D2}\n    kind: {eventKinds[i % 3]}\n")
                  .Append(c, $"    summary: Event number {i} happened, as reported.\n    actors: [actor-{i:D6}, actor-{i / 2:D6}]\n")
                  .Append(c, $"    states: [state-{i:D6}]\n    place: state-{i / 3:D6}\n    reported_by: [actor-{i / 5:D6}]\n    status: {statuses[i % 4]}\n");
            if (i % 4 == 3) events.Append(c, $"    retraction: Withdrawn by its source, case {i}.\n");
            // Nothing follows a retracted event: that would warn (FG0012).
            if (i > 0 && (i - 1) % 4 != 3) events.Append(c, $"    follows: [event-{i - 1:D6}]\n");
        }
        string yaml = Facts.MinimalSource + "\n" + states + actors + events;
        return (yaml, i);
    }

    [Fact]
    public void FiftyMegabyteFileGeneratesWithBoundedAllocations()
    {
        // A tenth of the size first: what one input byte costs must not grow with the file.
        (string small, _) = ManyFacts(5_000_000);
        Measured tenth = Measure("5 MB file", File(small));
        double tenthPerByte = tenth.Allocated / (double)Utf8Bytes(small);

        (string yaml, int count) = ManyFacts(50_000_000);
        string last = (count - 1).ToString("D6", CultureInfo.InvariantCulture);
        Measured measured = Measure($"50 MB file ({count:N0} each of states, actors and events)", File(yaml));
        double perByte = measured.Allocated / (double)Utf8Bytes(yaml);
        output.WriteLine($"generated catalog: {measured.Catalog.Length:N0} characters ({measured.Catalog.Length / (double)yaml.Length:N1}x the YAML)");

        AssertNoDiagnostics(measured);
        Assert.Contains($"public static Event Event{last} =>", measured.Catalog);
        Assert.Contains($"public static State State{last} =>", measured.Catalog);
        Assert.Contains($"public const string Actor{last} = \"actor-{last}\";", measured.Catalog);
        // The catalog string is allocated during the run, so this proves the measurement covers
        // the generator (the driver runs it on the calling thread; the generated tree is parsed
        // lazily, so the compiler's own parse of it is not counted).
        Assert.True(measured.Allocated >= 2L * measured.Catalog.Length, "The allocation count does not cover the generator run.");
        // Linear: ten times the input costs about ten times the bytes. Anything quadratic (or a
        // copy of the file per fact) makes the per-byte cost grow with the size.
        Assert.True(perByte <= 1.5 * tenthPerByte, $"Allocation per input byte grew from {tenthPerByte:N1} at 5 MB to {perByte:N1} at 50 MB.");
        // Constant factor. Measured: about 125 bytes per input byte, from the read stage (~50:
        // YamlDotNet's tokens and events, the raw tree, a location per scalar), binding (~10) and
        // emission (~60: the catalog is ~5x the YAML in characters, twice that in bytes, built
        // through a StringBuilder line by line). 200 leaves headroom, not room for a regression
        // in kind.
        Assert.InRange(perByte, 0, 200);
    }

    // ---- 4. a huge scalar --------------------------------------------------------------------

    [Fact]
    public void TenMegabyteSummaryIsEmittedAsOneEscapedLiteral()
    {
        // A plain scalar may hold quotes and backslashes in the middle: both must be escaped.
        const string Piece = "He said \"no\" \\ twice; ";
        int repeats = 10 * 1024 * 1024 / Piece.Length;
        string summary = new StringBuilder(Piece.Length * repeats).Insert(0, Piece, repeats).ToString().TrimEnd();
        string yaml = Facts.MinimalSource + "\nevents:\n  huge:\n    date: 2022-08-15\n    kind: letter\n    summary: " + summary + "\n";

        Measured measured = Measure("10 MB summary", File(yaml));

        AssertNoDiagnostics(measured);
        // Text this large goes into the catalog's one UTF-8 literal (stored as data), escaped.
        string escaped = summary.Replace("\\", "\\\\").Replace("\"", "\\\"");
        Assert.Contains(escaped, measured.Catalog);
        Assert.Contains("u8;", measured.Catalog);
        // The doc comment carries it too, as XML text on one line.
        Assert.Contains("/// <summary>2022-08-15, letter: He said &quot;no&quot; \\ twice;", measured.Catalog);
        // The scalar is copied through a dozen or so buffers on its way (scanner, tree, doc
        // text, literal, the line, the catalog's builder as it grows), two bytes per character
        // each. Measured: about 36 bytes per input byte; 60 leaves headroom for that, not for a
        // copy per line or per fact.
        Assert.InRange(measured.Allocated, 0, 60L * Utf8Bytes(yaml) + 50 * MB);

        // The generated code parses and binds without errors ...
        var watch = Stopwatch.StartNew();
        Assert.Empty(measured.Run.CompilationDiagnostics.Select(GeneratorHarness.Format));
        output.WriteLine($"binding the generated code: {watch.ElapsedMilliseconds:N0} ms");

        // ... but must also emit, or else the generator must have said why at the YAML. Every
        // string literal the code loads goes to the assembly's user-string heap, as UTF-16, and
        // a string must start below 2^24 bytes into it: past that the compiler reports CS8103
        // in generated code, which a user cannot act on. Whether a run hits it depends on the
        // order in which the compiler (concurrently) writes the literals, so the heap's size is
        // checked here, not just the outcome of one emit.
        long heapBytes = UserStringHeapBytes(measured.Run.Output);
        watch.Restart();
        EmitResult emitted = measured.Run.Output.Emit(new MemoryStream());
        output.WriteLine($"emitting the assembly: {watch.ElapsedMilliseconds:N0} ms, success {emitted.Success}; user strings {heapBytes:N0} bytes of {UserStringHeapLimit:N0}");
        bool explained = measured.Run.Diagnostics.Any(d => d.Id.StartsWith("FG", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        Assert.True(
            explained || (heapBytes < UserStringHeapLimit && emitted.Success),
            $"FactGen reported nothing, but the generated code needs {heapBytes:N0} bytes of user strings (the limit is {UserStringHeapLimit:N0}); emit: "
            + (emitted.Success ? "succeeded this time (the literal happened to be written last)" : string.Join(" | ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(2).Select(GeneratorHarness.Format))));
    }

    private const long UserStringHeapLimit = 1L << 24;

    /// <summary>
    /// An upper bound on the #US heap the compilation's string literals need: each distinct
    /// value once, as UTF-16, with a length prefix of up to 4 bytes and a terminal byte.
    /// </summary>
    private static long UserStringHeapBytes(Compilation compilation)
        => compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantTokens())
            .Where(token => token.IsKind(SyntaxKind.StringLiteralToken))
            .Select(token => token.ValueText)
            .Distinct(StringComparer.Ordinal)
            .Sum(value => 2L * value.Length + 5);

    // ---- 5. binary and non-UTF-8 files -----------------------------------------------------

    /// <summary>Where the reader should point: the first NUL, else the first undecodable byte.</summary>
    private static string FirstBadCharacter(string text)
    {
        int bad = text.IndexOf('\0');
        if (bad < 0) bad = text.IndexOf('\uFFFD');
        LinePosition position = SourceText.From(text).Lines.GetLinePosition(bad);
        return $"FG0001 hostile.facts.yaml({position.Line + 1},{position.Character + 1})";
    }

    [Fact]
    public void RandomBytesAreOneNotUtf8ErrorAndOtherFilesStillGenerate()
    {
        var bytes = new byte[64 * 1024];
        new Random(20240309).NextBytes(bytes);
        // What a UTF-8 decoder with replacement makes of them (as SourceText.From(bytes) does):
        // invalid sequences become U+FFFD, zero bytes stay NUL.
        string text = Encoding.UTF8.GetString(bytes);
        Assert.Equal(text, SourceText.From(bytes, bytes.Length).ToString());
        Assert.Contains('\uFFFD', text);

        Measured measured = Measure("64 KB of random bytes", File(text), Facts.Small("/facts/ok.facts.yaml"));

        // One clear error where the trouble starts, not a cascade of YAML errors.
        Assert.Equal(new[] { FirstBadCharacter(text) }, measured.Run.Diagnostics.Select(d => $"{d.Id} {DiagnosticsHelper.Where(d)}"));
        Assert.Contains("not UTF-8 text", DiagnosticsHelper.Message(measured.Run.Diagnostics[0]));
        Assert.Contains("public static State NorthKorea =>", measured.Catalog);
    }

    [Fact]
    public void Utf16FileReadAsUtf8IsOneNotUtf8Error()
    {
        // A file saved as UTF-16 ("Unicode" in some editors): a BOM that is invalid UTF-8, then
        // every ASCII character followed by a NUL.
        byte[] bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Facts.Small().Yaml)).ToArray();
        string text = Encoding.UTF8.GetString(bytes);

        Measured measured = Measure("UTF-16 file", File(text));

        Assert.Equal(new[] { "FG0001 hostile.facts.yaml(1,4)" }, measured.Run.Diagnostics.Select(d => $"{d.Id} {DiagnosticsHelper.Where(d)}"));
        Assert.Equal(FirstBadCharacter(text), $"FG0001 {DiagnosticsHelper.Where(measured.Run.Diagnostics[0])}");
    }

    [Fact]
    public void NulInsideAnOtherwiseValidFileIsFoundWhereverItIs()
    {
        // Even in a comment on the last line: a NUL means the file is not what it seems.
        string yaml = Facts.Small().Yaml + "\n# trailing comment with a \0 in it\n";

        Measured measured = Measure("NUL in a comment", File(yaml));

        Assert.Equal(new[] { FirstBadCharacter(yaml) }, measured.Run.Diagnostics.Select(d => $"{d.Id} {DiagnosticsHelper.Where(d)}"));
        // The one error is all: the facts keep their members (read quietly, with errors), so
        // nothing that uses them fails as well.
        Assert.Contains("public static State NorthKorea => ", measured.Catalog, StringComparison.Ordinal);
        Assert.Empty(measured.Run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Format));
    }

    // ---- 6. degenerate documents ---------------------------------------------------------------

    private static string[] Located(Measured measured)
        => measured.Run.Diagnostics.Select(d => $"{d.Id} {DiagnosticsHelper.Where(d)}").OrderBy(s => s, StringComparer.Ordinal).ToArray();

    [Fact]
    public void EmptyFileNeedsOnlyASource()
    {
        Measured measured = Measure("empty file", File(string.Empty));

        Assert.Equal(new[] { "FG0003 hostile.facts.yaml(1,1)" }, Located(measured));
    }

    [Fact]
    public void CommentOnlyFileIsAnEmptyFile()
    {
        Measured measured = Measure("comments only", File("# nothing here yet\n   # still nothing\n#\n"));

        Assert.Equal(new[] { "FG0003 hostile.facts.yaml(1,1)" }, Located(measured));
    }

    [Fact]
    public void DocumentMarkerOnlyFileIsAnEmptyFile()
    {
        Measured measured = Measure("only ---", File("---\n"));

        Assert.Equal(new[] { "FG0003 hostile.facts.yaml(1,1)" }, Located(measured));
    }

    /// <summary>What the compiler makes of a file's bytes: a BOM selects the encoding and is dropped.</summary>
    private static string DecodeLikeTheCompiler(byte[] bytes) => SourceText.From(bytes, bytes.Length).ToString();

    [Fact]
    public void ByteOrderMarkFileGenerates()
    {
        byte[] bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Facts.Small().Yaml)).ToArray();

        Measured measured = Measure("BOM", File(DecodeLikeTheCompiler(bytes)));

        AssertNoDiagnostics(measured);
        Assert.Contains("public static State NorthKorea =>", measured.Catalog);
    }

    [Fact]
    public void DoubledByteOrderMarkIsIgnoredToo()
    {
        // Two BOMs (a BOM-ed text pasted into a BOM-ed file): the compiler drops the first, so the
        // generator sees U+FEFF before 'source'. YAML allows a BOM at the start of a stream; it
        // must not turn 'source' into an unknown key that looks exactly like 'source'.
        byte[] bom = Encoding.UTF8.GetPreamble();
        byte[] bytes = bom.Concat(bom).Concat(Encoding.UTF8.GetBytes(Facts.Small().Yaml)).ToArray();
        string text = DecodeLikeTheCompiler(bytes);
        Assert.Equal('\uFEFF', text[0]);

        Measured measured = Measure("doubled BOM", File(text));

        AssertNoDiagnostics(measured);
        Assert.Contains("public static State NorthKorea =>", measured.Catalog);
    }

    [Fact]
    public void QuotesInPlainTextDoNotHideDeepNesting()
    {
        // A quote in the middle of plain text opens nothing in YAML; a scanner that thought it did
        // would skip the brackets after it. The reader's cap is on what the parser reports.
        string yaml = Facts.MinimalSource + "\nstates:\n" + Russia + "  x:\n    name: a, \"b\n    kind: c\n  deep: " + new string('[', 200_000) + "\n";

        (GeneratorRun run, TimeSpan elapsed) = RunWithin(TimeSpan.FromSeconds(20), File(yaml));
        output.WriteLine($"quote then 200,000 '[': {elapsed.TotalMilliseconds:N0} ms, {run.Diagnostics.Length} diagnostics");

        // The depth cap still fires, once, at the 63rd '[' of 'deep' (the file's mapping,
        // 'states', 'deep' and 61 lists make 64); the quote in 'x' is plain text, no error.
        Diagnostic depth = Assert.Single(run.Diagnostics);
        Assert.Equal("FG0002", depth.Id);
        Assert.Contains("at most 64 levels deep", DiagnosticsHelper.Message(depth), StringComparison.Ordinal);
        int deepLine = yaml.Split('\n').ToList().FindIndex(l => l.StartsWith("  deep: ", StringComparison.Ordinal)) + 1;
        Assert.Equal($"hostile.facts.yaml({deepLine},{"  deep: ".Length + 1 + 62})", DiagnosticsHelper.Where(depth));
    }

    [Fact]
    public void UnclosedMegabyteOfBracketsReturnsWithOneDepthError()
    {
        // One line of 2^20 '[' and no ']'. The depth cap is reached at the 63rd; whatever the
        // generator does with the rest must be linear in it.
        string yaml = Facts.MinimalSource + "\nstates:\n" + Russia + "  deep: " + new string('[', 1024 * 1024) + "\n";

        // The one test with a time limit, and it is a hang guard, not a speed assertion: reading
        // this file should take milliseconds, and 20 s is far beyond any slow machine. YamlDotNet
        // spends time proportional to the open flow depth on every token, so a parser that keeps
        // going past the cap takes the square of the line: about 15 minutes for this one.
        (GeneratorRun run, TimeSpan elapsed) = RunWithin(TimeSpan.FromSeconds(20), File(yaml));
        output.WriteLine($"1 MB of '[': {elapsed.TotalMilliseconds:N0} ms, {run.Diagnostics.Length} diagnostics: {string.Join(" | ", run.Diagnostics.Select(GeneratorHarness.Format))}");

        Assert.Single(run.Diagnostics, d => d.Id == "FG0002" && DiagnosticsHelper.Message(d).Contains("at most 64 levels deep", StringComparison.Ordinal));
        Assert.InRange(run.Diagnostics.Length, 1, 3);
    }

    /// <summary>
    /// <see cref="GeneratorHarness.Run(FactFile[])"/> with a cancellation deadline, for the one
    /// input that could otherwise hold the test run for minutes. It makes the same checks.
    /// </summary>
    private static (GeneratorRun Run, TimeSpan Elapsed) RunWithin(TimeSpan limit, params FactFile[] files)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Array.Empty<string>());
        using var deadline = new CancellationTokenSource(limit);
        var watch = Stopwatch.StartNew();
        GeneratorDriver driver;
        Compilation compiled;
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            driver = GeneratorHarness.CreateDriver(files).RunGeneratorsAndUpdateCompilation(compilation, out compiled, out diagnostics, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"The generator was still running after {limit.TotalSeconds:N0} s; it should return in milliseconds.");
        }
        watch.Stop();
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        if (result.Exception is { } exception)
        {
            throw new InvalidOperationException("The generator threw (users would see CS8785): " + exception, exception);
        }
        var sources = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return (new GeneratorRun(compiled, diagnostics, sources, driver), watch.Elapsed);
    }

    [Fact]
    public void HundredThousandDocumentsStopAtTheSecond()
    {
        // A valid first document, then 10^5 tiny ones. One error at the first '---' after it;
        // the reader stops there instead of reading (or reporting) the other 99,999.
        var yaml = new StringBuilder(Facts.Small().Yaml).Append('\n');
        int line = Occurrences(yaml.ToString(), "\n") + 1;
        for (int i = 0; i < 100_000; i++) yaml.Append("---\nx: 1\n");

        Measured measured = Measure("100,000 documents", File(yaml.ToString()));

        Assert.Equal(new[] { $"FG0001 hostile.facts.yaml({line},1)" }, Located(measured));
        Assert.Contains("one YAML document", DiagnosticsHelper.Message(measured.Run.Diagnostics[0]));
    }

    [Fact]
    public void HundredThousandCharacterImplicitKeyIsASyntaxError()
    {
        // YAML caps an implicit key at 1024 characters, so this is not even a key.
        string yaml = Facts.MinimalSource + "\nstates:\n" + Russia + "  " + new string('a', 100_000) + ":\n    name: Long\n    kind: sovereign\n";

        Measured measured = Measure("100,000-character implicit key", File(yaml));

        Diagnostic error = Assert.Single(measured.Run.Diagnostics);
        Assert.Equal("FG0001", error.Id);
        Assert.True(DiagnosticsHelper.Message(error).Length < 1_000, "The message should not quote the whole key.");
    }

    [Fact]
    public void HundredThousandCharacterExplicitKeyIsABadIdWithAShortSuggestion()
    {
        // An explicit key ('? key') has no length cap: it reaches the binder as an id.
        string id = new string('a', 100_000);
        string yaml = Facts.MinimalSource + "\nstates:\n" + Russia + "  ? " + id + "\n  : name: Long\n    kind: sovereign\n";

        Measured measured = Measure("100,000-character explicit key", File(yaml));

        Diagnostic error = Assert.Single(measured.Run.Diagnostics);
        Assert.Equal("FG0005", error.Id);
        Assert.Equal($"hostile.facts.yaml({Occurrences(yaml.Substring(0, yaml.IndexOf("? ", StringComparison.Ordinal)), "\n") + 1},5)", DiagnosticsHelper.Where(error));
        // The message says what is wrong (the length, not the spelling) and quotes the id cut short.
        Assert.Contains("is 100000 characters long; ids are at most 200", DiagnosticsHelper.Message(error));
        Assert.True(DiagnosticsHelper.Message(error).Length < 1_000, "The message should not quote the whole id.");
        AssertRussiaGenerated(measured);
    }

    [Fact]
    public void HundredThousandUnknownKeysAreCappedAtAHundredWarningsAndACount()
    {
        const int Keys = 100_000;
        var yaml = new StringBuilder(Facts.MinimalSource).Append("\nstates:\n").Append(Russia).Append("    capital: Moscow\n");
        for (int i = 0; i < Keys; i++) yaml.Append(CultureInfo.InvariantCulture, $"    extra-{i}: {i}\n");
        string text = yaml.ToString();

        Measured measured = Measure("100,000 unknown keys", File(text));

        // The first 100 keys get their warning, each at its key; FG0013 counts the rest. No
        // error, and the fact still generates.
        Assert.Equal(100, measured.Count("FG0004"));
        Assert.Equal(100, measured.Run.Diagnostics.Where(d => d.Id == "FG0004").Select(DiagnosticsHelper.Where).Distinct().Count());
        Assert.Contains(measured.Run.Diagnostics, d => d.Id == "FG0004" && DiagnosticsHelper.Message(d).StartsWith("Unknown key 'extra-99' ", StringComparison.Ordinal));
        Diagnostic leftOut = Assert.Single(measured.Run.Diagnostics, d => d.Id == "FG0013");
        Assert.StartsWith($"{Keys - 100} more diagnostics in this file are not shown", DiagnosticsHelper.Message(leftOut), StringComparison.Ordinal);
        Assert.Equal(101, measured.Run.Diagnostics.Length);
        AssertRussiaGenerated(measured);
        Assert.InRange(measured.Allocated, 0, 200L * Utf8Bytes(text) + 50 * MB);
    }
}
