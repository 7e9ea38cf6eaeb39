using System;
using System.Globalization;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// The generated code compiled together with code that uses it: no errors, no warnings (with
/// nullable on, documentation diagnostics on, the highest warning level), and it behaves.
/// </summary>
public class GeneratedCodeTests
{
    private const string SeedConsumer = """
        using System.Linq;
        using TestProject.Facts;

        namespace Consumer
        {
            /// <summary>Uses the seed catalog the way an application would.</summary>
            public static class SeedProbe
            {
                /// <summary>Reads facts through generated members only.</summary>
                public static string Run()
                {
                    Event letter = Events.PushilinLetterToKim;
                    string recognizers = string.Join(",", States.DonetskPeoplesRepublic.RecognizedBy.Select(s => s.Name));
                    string reporters = string.Join(",", letter.ReportedBy.Select(a => a.Id));
                    string? role = Actors.DenisPushilin.Role;
                    State? home = Actors.DenisPushilin.State;
                    bool found = States.TryGet(States.Ids.NorthKorea, out State? korea);
                    string kind = korea != null ? korea.Kind.ToString() : "none";
                    switch (letter.Id)
                    {
                        case Events.Ids.PushilinLetterToKim:
                            break;
                    }
                    return $"{letter.Date}|{recognizers}|{reporters}|{role != null}|{home?.Id}|{found}|{kind}|{Events.Timeline.Count}|{letter.Kind}";
                }
            }
        }
        """;

    [Theory]
    [InlineData("internal")]
    [InlineData("public")]
    public void SeedCatalogCompilesWithoutWarnings(string accessibility)
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[] { Facts.Seed },
            new[] { SeedConsumer },
            new Dictionary<string, string> { ["FactGenAccessibility"] = accessibility });

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("small")]
    public void GeneratedCodeCompilesAtCSharp8(string catalog)
    {
        // C# 8 is the oldest language version the generated code supports (nullable annotations).
        var csharp8 = new CSharpParseOptions(LanguageVersion.CSharp8, DocumentationMode.Diagnose);
        FactFile file = catalog == "seed" ? Facts.Seed : Facts.Small();
        GeneratorRun run = GeneratorHarness.Run(new[] { file }, parseOptions: csharp8);

        Assert.Empty(run.Diagnostics.Select(GeneratorHarness.Format));
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
    }

    [Fact]
    public void SeedCatalogAnswersThroughGeneratedMembers()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { Facts.Seed }, new[] { SeedConsumer });

        string result = GeneratorHarness.Execute(run.Output, "Consumer.SeedProbe");

        // Straight from the seed file: the letter's day, the recognizers in the order the article
        // gives them, the two reporters, Pushilin's state, and the nine events of the article.
        Assert.Equal("2022-08-15|Russia,Syria,North Korea|kcna,reuters|True|donetsk-peoples-republic|True|Sovereign|9|Letter", result);
    }

    [Fact]
    public void ReferencesBackReferencesAndCyclesResolve()
    {
        const string probe = """
            using System.Linq;
            using TestProject.Facts;

            namespace Consumer
            {
                /// <summary>Probe.</summary>
                public static class Probe
                {
                    /// <summary>Probe.</summary>
                    public static string Run()
                    {
                        static string Ids<T>(System.Collections.Generic.IEnumerable<T> items) => string.Join(",", items.Select(i => i!.ToString()));
                        var lines = new System.Collections.Generic.List<string>
                        {
                            // A recognizes B and B recognizes A: a cycle, walked both ways.
                            "nk.recognizedBy=" + Ids(States.NorthKorea.RecognizedBy),
                            "dnr.recognizedBy=" + Ids(States.Donetsk.RecognizedBy),
                            "cycle=" + States.NorthKorea.RecognizedBy[0].RecognizedBy[0].Name,
                            "nk.recognizes=" + Ids(States.NorthKorea.Recognizes),
                            "nk.actors=" + Ids(States.NorthKorea.Actors),
                            "nk.events=" + Ids(States.NorthKorea.Events.Select(e => e.Id)),
                            "pushilin.state=" + Actors.DenisPushilin.State!.Name,
                            "pushilin.events=" + Ids(Actors.DenisPushilin.Events.Select(e => e.Id)),
                            "kcna.reports=" + Ids(Actors.Kcna.Reports.Select(e => e.Id)),
                            "letter.followedBy=" + Ids(Events.Letter.FollowedBy.Select(e => e.Id)),
                            "report.follows=" + Ids(Events.Report.Follows.Select(e => e.Id)),
                            "report.status=" + Events.Report.Status,
                            "letter.status=" + Events.Letter.Status,
                            "recognition.place=" + Events.Recognition.Place!.Id,
                            "recognition.note=" + Events.Recognition.Note,
                            "letter.note=" + (Events.Letter.Note ?? "null"),
                            "timeline=" + Ids(Events.Timeline.Select(e => e.Id)),
                            "dates=" + Ids(Events.Timeline.Select(e => e.Date)),
                            "precision=" + Events.Recognition.Date.Precision + "," + Events.Letter.Date.Precision,
                            "labels=" + Ids(States.NorthKorea.Labels.OrderBy(p => p.Key).Select(p => p.Key + ":" + p.Value)),
                            "aliases=" + Ids(States.NorthKorea.Aliases),
                            "official=" + States.NorthKorea.OfficialName + "|" + (States.Donetsk.OfficialName ?? "null"),
                            "source=" + States.NorthKorea.Source,
                            "source.url=" + Events.Letter.Source.Url,
                            "tryget=" + States.TryGet("donetsk", out State? d) + ":" + d?.Name + "," + States.TryGet("nowhere", out State? n) + ":" + (n == null) + "," + Events.TryGet("report", out Event? r) + ":" + r?.Id,
                            "all=" + States.All.Count + "," + Actors.All.Count + "," + Events.All.Count,
                            "same=" + ReferenceEquals(States.NorthKorea, States.Donetsk.RecognizedBy[0]),
                            "kinds=" + States.NorthKorea.Kind + "," + Actors.Kcna.Kind + "," + Events.Report.Kind,
                        };
                        return string.Join("\n", lines);
                    }
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { Facts.Small() }, new[] { probe });
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));

        string[] lines = GeneratorHarness.Execute(run.Output, "Consumer.Probe").Split('\n');

        Assert.Equal(
            new[]
            {
                "nk.recognizedBy=Donetsk People's Republic",
                "dnr.recognizedBy=North Korea",
                "cycle=North Korea",
                "nk.recognizes=Donetsk People's Republic",
                "nk.actors=KCNA",
                "nk.events=recognition,letter",
                "pushilin.state=Donetsk People's Republic",
                "pushilin.events=letter",
                "kcna.reports=letter,report",
                "letter.followedBy=report",
                "report.follows=letter",
                "report.status=Confirmed",
                "letter.status=Reported",
                "recognition.place=north-korea",
                "recognition.note=The month only.",
                "letter.note=null",
                "timeline=recognition,letter,report",
                "dates=2022-07,2022-08-15,2022-08-17",
                "precision=Month,Day",
                "labels=fr:Corée du Nord,id:Korea Utara",
                "aliases=DPRK",
                "official=Democratic People's Republic of Korea|null",
                "source=Test Wire, \"A test article\", 2024-03-09",
                "source.url=https://example.org/article",
                "tryget=True:Donetsk People's Republic,False:True,True:report",
                "all=2,2,3",
                "same=True",
                "kinds=Sovereign,Media,Report",
            },
            lines);
    }

    [Fact]
    public void GeneratedNamesOfFilesAndFactsNeverCollide()
    {
        // news's text takes several chunks (Text_news_0, Text_news_1, ...); news_1's text is one
        // literal, named as its chunk 0 (Text_news_1_0), so the two cannot meet. A fact whose
        // member is FactCatalogData must not hide the catalog's data class from the members.
        var events = new System.Text.StringBuilder(Facts.MinimalSource + "\nevents:\n");
        for (int i = 0; i < 40; i++) events.Append($"  event-{i}: {{ date: 2022, kind: statement, summary: {new string((char)('a' + i % 26), 4000)} }}\n");
        var news = new FactFile("/facts/news.facts.yaml", events.ToString());
        var news1 = new FactFile("/facts/news_1.facts.yaml", Facts.MinimalSource.Replace("Test Wire", "Other Wire") + "\nstates:\n  fact-catalog-data: { name: Tricky, kind: sovereign }\n  plain: { name: Plain, kind: sovereign, within: fact-catalog-data }\n");
        const string probe = """
            namespace Consumer
            {
                /// <summary>Probe.</summary>
                public static class Probe
                {
                    /// <summary>Probe.</summary>
                    public static string Run()
                        => TestProject.Facts.States.FactCatalogData.Name + "|" + TestProject.Facts.States.Plain.Within!.Name
                           + "|" + TestProject.Facts.Events.Get("event-39").Summary.Substring(0, 3) + "|" + TestProject.Facts.States.Plain.Source.Outlet;
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { news, news1 }, new[] { probe });

        Assert.Empty(run.Diagnostics.Select(GeneratorHarness.Format));
        Assert.Contains("private static string Text_news_1() => \"", run.Catalog);
        Assert.Contains("private static string Text_news_1_0() => \"", run.Catalog);
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
        Assert.Equal("Tricky|Tricky|nnn|Other Wire", GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }

    [Fact]
    public void FilesMergeAndReferencesCrossFiles()
    {
        var states = new FactFile("/facts/a.facts.yaml", Facts.MinimalSource + "\nstates:\n  russia: { name: Russia, kind: sovereign, recognized_by: [syria] }\n");
        var more = new FactFile("/facts/b.facts.yaml", Facts.MinimalSource.Replace("Test Wire", "Other Wire") + "\nstates:\n  syria: { name: Syria, kind: sovereign, recognized_by: [russia] }\nactors:\n  envoy: { name: Envoy, kind: person, state: russia }\n");
        const string probe = """
            namespace Consumer
            {
                /// <summary>Probe.</summary>
                public static class Probe
                {
                    /// <summary>Probe.</summary>
                    public static string Run()
                        => TestProject.Facts.States.Russia.RecognizedBy[0].Name + "|" + TestProject.Facts.States.Syria.RecognizedBy[0].Name
                           + "|" + TestProject.Facts.Actors.Envoy.State!.Name + "|" + TestProject.Facts.Actors.Envoy.Source.Outlet
                           + "|" + TestProject.Facts.States.Russia.Source.Outlet;
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { more, states }, new[] { probe });

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
        Assert.Equal("Syria|Russia|Russia|Other Wire|Test Wire", GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }

    [Fact]
    public void HostileTextSurvivesExactlyAndNeverReachesTheSourceRaw()
    {
        // YAML double-quoted escapes; the C# strings they stand for are written out below. (Bidi
        // controls are refused in every text, FG0010: see the corpus file fg0010-bidi-in-every-text.)
        const string yaml = Facts.MinimalSource + """

            states:
              tricky: { name: "Quote \" back\\slash */ </summary> <![CDATA[ #error", kind: test }
            events:
              tricky:
                date: 2020
                kind: statement
                summary: "line\r\nbreak\u2028sep\u2029para\u0085nel \0nul \x7Fdel \uFEFFbom \U0001F600"
                note: "/// <summary>x</summary>\n}\nclass Injected { }\n#error injected"
            """;
        const string probe = """
            namespace Consumer
            {
                /// <summary>Probe.</summary>
                public static class Probe
                {
                    /// <summary>Probe.</summary>
                    public static string Run()
                        => TestProject.Facts.States.Tricky.Name + "|" + TestProject.Facts.Events.Tricky.Summary + "|" + TestProject.Facts.Events.Tricky.Note;
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { new FactFile("/facts/tricky.facts.yaml", yaml) }, new[] { probe });

        Assert.Empty(run.Diagnostics.Select(GeneratorHarness.Format));
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
        Assert.Equal(
            "Quote \" back\\slash */ </summary> <![CDATA[ #error"
            + "|line\r\nbreak\u2028sep\u2029para\u0085nel \0nul \u007Fdel \uFEFFbom \U0001F600"
            + "|/// <summary>x</summary>\n}\nclass Injected { }\n#error injected",
            GeneratorHarness.Execute(run.Output, "Consumer.Probe"));

        // No line breaks other than '\n', no invisible or control characters, in the generated files.
        foreach (string source in run.Sources.Values)
        {
            Assert.DoesNotContain(source, c => c is '\r' or '\u2028' or '\u2029' or '\u0085' or '\0' or '\u202E' or '\u202C' or '\uFEFF' or '\u007F');
            Assert.DoesNotContain("class Injected", source.Split('\n').Where(line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal) && !line.Contains('"')));
        }
    }

    [Fact]
    public void CategoryWithMoreFactsThanOneTypeMayHoldIsSpreadOverBaseClassesAndLoads()
    {
        // The runtime refuses to load a type with more than 65,535 methods, and every fact is a
        // property: past CatalogParts.MaxMembersPerType the members go into base classes.
        int count = FactGen.Binding.CatalogParts.MaxMembersPerType + 10;
        var yaml = new StringBuilder(Facts.MinimalSource).Append("\nevents:\n");
        for (int i = 0; i < count; i++) yaml.Append("  e-").Append(i).Append(": { date: 2022, kind: x, summary: Fact ").Append(i).Append(" }\n");
        // An id that spells a part's name, were the parts named like members: no clash (CS0542).
        yaml.Append("  events-part-0: { date: 2022, kind: x, summary: Part }\n");
        const string probe = """
            namespace Consumer
            {
                /// <summary>Probe.</summary>
                public static class Probe
                {
                    /// <summary>Probe.</summary>
                    public static string Run()
                    {
                        TestProject.Facts.Events.TryGet("e-49999", out var found);
                        return TestProject.Facts.Events.E0.Summary + "|" + TestProject.Facts.Events.E9.Summary + "|" + TestProject.Facts.Events.All.Count
                            + "|" + TestProject.Facts.Events.Ids.E9 + "|" + found?.Summary + "|" + TestProject.Facts.Events.Timeline.Count;
                    }
                }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(new[] { new FactFile("/facts/many.facts.yaml", yaml.ToString()) }, new[] { probe });

        Assert.Empty(run.Diagnostics.Select(GeneratorHarness.Format));
        string catalog = run.Catalog;
        Assert.Contains("internal abstract class Events_Part0", catalog);
        Assert.Contains("internal sealed partial class Events : global::TestProject.Facts.Events_Part1", catalog);
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
        // Ids sort in ordinal order, so "e-9" comes after "e-49999" and lands in the second part.
        Assert.Equal($"Fact 0|Fact 9|{count + 1}|e-9|Fact 49999|{count + 1}", GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }

    [Fact]
    public void LargeTextIsStoredAsUtf8DataAndReadsBackExactly()
    {
        // More text than string literals can hold alongside a project's own: it goes into one
        // UTF-8 literal, which the compiler stores as data, not in the 16 MiB user-string heap.
        string first = string.Concat(Enumerable.Repeat("Korea Utara \u00E9\u4E2D\uD83D\uDE00 \"q\" \\ ", 150_000));
        string second = string.Concat(Enumerable.Repeat("Donbas \u0662 ", 300_000));
        Assert.True(first.Length + second.Length > FactGen.Emitting.DataTableEmitter.MaxLiteralTextLength);
        string yaml = Facts.MinimalSource + "\nevents:\n"
            + "  first: { date: 2022, kind: x, summary: " + YamlQuoted(first) + " }\n"
            + "  second: { date: 2022, kind: x, summary: " + YamlQuoted(second) + " }\n";
        const string probe = """
            namespace Consumer
            {
                /// <summary>Probe.</summary>
                public static class Probe
                {
                    /// <summary>Probe.</summary>
                    public static string Run()
                        => TestProject.Facts.Events.First.Summary.GetHashCode().ToString() + "|" + TestProject.Facts.Events.First.Summary.Length
                           + "|" + TestProject.Facts.Events.Second.Summary.GetHashCode() + "|" + TestProject.Facts.Events.Second.Summary.Length;
                }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(new[] { new FactFile("/facts/large.facts.yaml", yaml) }, new[] { probe });

        Assert.Empty(run.Diagnostics.Select(GeneratorHarness.Format));
        Assert.Contains("u8;", run.Catalog);
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
        string result = GeneratorHarness.Execute(run.Output, "Consumer.Probe");
        // string.GetHashCode is randomized per process, but the probe runs in this one.
        Assert.Equal($"{first.GetHashCode()}|{first.Length}|{second.GetHashCode()}|{second.Length}", result);
    }

    [Fact]
    public void ARefusedCatalogIsOneDiagnosticAndNothingThatFailsToCompile()
    {
        // Without UTF-8 literals (C# 10), more text than string literals may hold is refused. The
        // refusal is decided before either file is written: no FactGen.Types.g.cs is left to
        // fail with CS0246 for the types that FactGen.Catalog.g.cs would have declared.
        string text = new string('x', FactGen.Emitting.DataTableEmitter.MaxLiteralTextLength / 2 + 1);
        string yaml = Facts.MinimalSource + "\nevents:\n"
            + "  first: { date: 2022, kind: x, summary: " + text + "a }\n"
            + "  second: { date: 2022, kind: x, summary: " + text + "b }\n";
        var csharp10 = new CSharpParseOptions(LanguageVersion.CSharp10, DocumentationMode.Diagnose);

        GeneratorRun run = GeneratorHarness.Run(new[] { new FactFile("/facts/large.facts.yaml", yaml) }, userSources: null, parseOptions: csharp10);

        Diagnostic refused = Assert.Single(run.Diagnostics);
        Assert.Equal("FG0010", refused.Id);
        Assert.Contains("more than the 4,000,000 that string literals may take", refused.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("nothing is generated", refused.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Format));
    }

    [Fact]
    public void TextRepeatedAcrossFactsCountsOnceWhenTheCatalogIsMeasured()
    {
        // Each file's text is small (no file's bounds alone pass the limit) and each summary is
        // written twice, so the cheap bounds pass the limit while the pooled text (each distinct
        // string once) fits it. Without UTF-8 literals (C# 10) the catalog must be measured, not
        // refused on its bounds, and stay in string literals.
        const int Files = 100, Length = 25_000;
        var files = new List<FactFile>();
        for (int f = 0; f < Files; f++)
        {
            string summary = "f" + f + new string('x', Length);
            files.Add(new FactFile($"/facts/f{f}.facts.yaml", Facts.MinimalSource + "\nevents:\n"
                + $"  f{f}-a: {{ date: 2022, kind: x, summary: {summary} }}\n"
                + $"  f{f}-b: {{ date: 2022, kind: x, summary: {summary} }}\n"));
        }
        FactGen.Binding.BindResult bound = FactGen.Binding.CatalogBinder.Bind(
            files.Select(file => FactGen.Reading.FactFileReader.Read(file.Path, Microsoft.CodeAnalysis.Text.SourceText.From(file.Yaml), System.Threading.CancellationToken.None)).ToImmutableArray(),
            System.Threading.CancellationToken.None);
        FactGen.Emitting.DataTableEmitter.CatalogSize sizes = FactGen.Emitting.DataTableEmitter.Sizes(FactGen.Binding.CatalogParts.Split(bound.Catalog));
        Assert.True(sizes.Bounds.Sum(b => b.TextUpper) > FactGen.Emitting.DataTableEmitter.MaxLiteralTextLength, "the bounds must pass the limit for this test to show anything");
        Assert.True(sizes.Measures.Sum(m => m.Text) < FactGen.Emitting.DataTableEmitter.MaxLiteralTextLength);
        var csharp10 = new CSharpParseOptions(LanguageVersion.CSharp10, DocumentationMode.Diagnose);

        GeneratorRun run = GeneratorHarness.Run(files, userSources: null, parseOptions: csharp10);

        Assert.Empty(run.Diagnostics.Select(GeneratorHarness.Format));
        Assert.Equal(Files + 2, run.Sources.Count);
        Assert.DoesNotContain(run.Sources.Values, s => s.Contains("u8;", StringComparison.Ordinal) || s.Contains("new Table(new int[]", StringComparison.Ordinal));
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Format));
    }

    [Fact]
    public void ManyFactsWithLittleTextCompileWithoutUtf8Literals()
    {
        // Tables too large for string literals, text small: without UTF-8 literals (C# 10) the
        // tables become array initializers, and the catalog is still generated.
        var yaml = new StringBuilder(Facts.MinimalSource);
        const int Count = 30_000;
        yaml.Append("\nstates:\n");
        for (int i = 0; i < Count; i++) yaml.Append("  s-").Append(i).Append(": { name: S").Append(i).Append(", kind: k, within: s-").Append(i / 2).Append(" }\n");
        yaml.Append("actors:\n");
        for (int i = 0; i < Count; i++) yaml.Append("  a-").Append(i).Append(": { name: A").Append(i).Append(", kind: k, state: s-").Append(i).Append(" }\n");
        yaml.Append("events:\n");
        for (int i = 0; i < Count; i++) yaml.Append("  e-").Append(i).Append(": { date: 2022-01-02, kind: x, summary: E").Append(i).Append(", actors: [a-").Append(i).Append("], states: [s-").Append(i).Append("] }\n");
        const string probe = """
            namespace Consumer
            {
                /// <summary>Probe.</summary>
                public static class Probe
                {
                    /// <summary>Probe.</summary>
                    public static string Run()
                        => TestProject.Facts.Events.E29999.Summary + "|" + TestProject.Facts.Events.E29999.Actors[0].State!.Within!.Name
                           + "|" + TestProject.Facts.Actors.All.Count + "|" + TestProject.Facts.States.S2.Regions.Count;
                }
            }
            """;
        var csharp10 = new CSharpParseOptions(LanguageVersion.CSharp10, DocumentationMode.Diagnose);

        GeneratorRun run = GeneratorHarness.Run(new[] { new FactFile("/facts/many.facts.yaml", yaml.ToString()) }, new[] { probe }, parseOptions: csharp10);

        Assert.Empty(run.Diagnostics.Select(GeneratorHarness.Format));
        string catalog = run.Catalog;
        Assert.Contains("new Table(new int[]", catalog);
        Assert.DoesNotContain("u8", catalog);
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
        Assert.Equal($"E29999|S14999|{Count}|2", GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
    }

    [Fact]
    public void LargeTextWithoutUtf8LiteralsIsOneClearError()
    {
        string yaml = Facts.MinimalSource + "\nevents:\n  big: { date: 2022, kind: x, summary: " + new string('x', 4_100_000) + " }\n";

        GeneratorRun run = GeneratorHarness.Run(new[] { new FactFile("/facts/large.facts.yaml", yaml) }, parseOptions: new CSharpParseOptions(LanguageVersion.CSharp10));

        Diagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("FG0010", error.Id);
        Assert.Contains("needs C# 11 or later", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(run.Sources.ContainsKey("FactGen.Catalog.g.cs"));
    }

    private static string YamlQuoted(string value)
        => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    [Theory]
    [InlineData("class")]
    [InlineData("event")]
    [InlineData("namespace")]
    [InlineData("int")]
    [InlineData("g-7")]
    [InlineData("x-1-2")]
    [InlineData("value")]
    public void IdsThatLookLikeKeywordsOrStartSegmentsWithDigitsCompile(string id)
    {
        string yaml = Facts.MinimalSource + $"\nstates:\n  {id}: {{ name: X, kind: {id} }}\nactors:\n  {id}: {{ name: X, kind: {id}, state: {id} }}\nevents:\n  {id}: {{ date: 2020, kind: {id}, summary: s, states: [{id}], actors: [{id}] }}\n";

        GeneratorRun run = GeneratorHarness.Run(new FactFile("/facts/k.facts.yaml", yaml));

        Assert.Empty(run.Diagnostics.Select(GeneratorHarness.Format));
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
    }

    [Fact]
    public void NamespaceDefaultsToRootNamespaceDotFacts()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[] { Facts.Small() },
            buildProperties: new Dictionary<string, string> { ["RootNamespace"] = "Newsroom.App" });

        Assert.Contains("namespace Newsroom.App.Facts", run.Catalog);
        Assert.Contains("namespace Newsroom.App.Facts", run.Sources["FactGen.Types.g.cs"]);
    }

    [Fact]
    public void NoFactFilesGenerateNothing()
    {
        GeneratorRun run = GeneratorHarness.Run(Array.Empty<FactFile>(), new[] { "class C {}" });

        Assert.Empty(run.Sources);
        Assert.Empty(run.Diagnostics);
    }
}
