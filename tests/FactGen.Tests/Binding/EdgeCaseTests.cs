using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using FactGen.Binding;
using FactGen.Diagnostics;
using FactGen.Emitting;
using FactGen.Reading;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactGen.Tests.Binding;

/// <summary>Inputs that once slipped past validation, and the options' edge cases.</summary>
public class EdgeCaseTests
{
    private static FactFile File(string yaml) => new("/facts/edge.facts.yaml", yaml);

    [Theory]
    [InlineData("\"\u0662\u0660\u0662\u0662\"")] // Arabic-Indic digits: \d matches them, int.Parse does not
    [InlineData("\"\uFF12\uFF10\uFF12\uFF12-\uFF10\uFF18\"")] // full-width digits
    public void DatesInNonAsciiDigitsAreFG0008NotACrash(string date)
    {
        string yaml = Facts.MinimalSource.Replace("published: 2024-03-09", "published: " + date) + $"\nevents:\n  e: {{ date: {date}, kind: x, summary: s }}\n";

        GeneratorRun run = GeneratorHarness.Run(File(yaml));

        Assert.Equal(new[] { "FG0008", "FG0008" }, run.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void IdEndingInANewlineIsFG0005()
    {
        string yaml = Facts.MinimalSource + "\nstates:\n  \"abc\\n\": { name: X, kind: sovereign }\n  abc: { name: Y, kind: sovereign }\n";

        GeneratorRun run = GeneratorHarness.Run(File(yaml));

        Assert.Equal("FG0005", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
    }

    [Fact]
    public void AnEmptyKeyBeforeABlankLineDoesNotCrashTheGenerator()
    {
        // Found by the property test (CsCheck seed 6c7x8m09nrx2): after an empty key (':' alone)
        // and a blank line, YamlDotNet ends the mapping on a key whose value never came. The
        // reader took the missing value for a node and threw (CS8785 for users).
        const string yaml = "source:\n  outlet: Test Wire\nstates:\n  url: https://example.org/article\n  north-korea:\n  :\n\n  name: N";

        GeneratorRun run = GeneratorHarness.Run(File(yaml));

        Assert.NotEmpty(run.Diagnostics);
        Assert.Contains("FactGen.Catalog.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Format));
    }

    [Fact]
    public void KindEndingInANewlineIsFG0010()
    {
        string yaml = Facts.MinimalSource + "\nstates:\n  abc: { name: X, kind: \"group\\n\" }\n";

        Assert.Equal("FG0010", Assert.Single(GeneratorHarness.Run(File(yaml)).Diagnostics).Id);
    }

    [Fact]
    public void NonCharactersAndAstralCharactersMakeValidDocComments()
    {
        // U+FFFE and U+FFFF are not XML characters even as references (CS1570 under
        // TreatWarningsAsErrors); an emoji is one character, not two broken halves.
        string yaml = Facts.MinimalSource + "\nstates:\n  abc: { name: \"A\\uFFFEB\\uFFFFC \\U0001F600\", kind: sovereign }\n";

        GeneratorRun run = GeneratorHarness.Run(new[] { File(yaml) }, buildProperties: new Dictionary<string, string> { ["FactGenAccessibility"] = "public" });

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(GeneratorHarness.Format));
        Assert.Contains("/// <summary>A\uFFFDB\uFFFDC &#x1F600;.</summary>", run.Catalog);
    }

    [Fact]
    public void RepeatedLabelIsFG0001()
    {
        string yaml = Facts.MinimalSource + "\nstates:\n  abc: { name: X, kind: sovereign, labels: { id: A, id: B } }\n";

        Diagnostic error = Assert.Single(GeneratorHarness.Run(File(yaml)).Diagnostics);
        Assert.Equal("FG0001", error.Id);
        Assert.Single(error.AdditionalLocations);
    }

    [Theory]
    [InlineData("official_name: \"A\\u202EB\"")]
    [InlineData("aliases: [\"A\\u2066B\"]")]
    [InlineData("labels: { id: \"A\\u2069B\" }")]
    [InlineData("capital: \"A\\u202AB\"")]
    public void BidiControlsInAnyNameAreFG0010(string key)
    {
        string yaml = Facts.MinimalSource + $"\nstates:\n  abc:\n    name: X\n    kind: sovereign\n    {key}\n";

        Assert.Equal("FG0010", Assert.Single(GeneratorHarness.Run(File(yaml)).Diagnostics).Id);
    }

    /// <summary>
    /// The marks that real right-to-left text carries (RLM U+200F, LRM U+200E, ALM U+061C) are
    /// not the controls that reorder text: they are accepted in every text, reach the running
    /// program unchanged, and are escaped in the generated code, never written raw.
    /// </summary>
    [Fact]
    public void RightToLeftMarksAreAccepted()
    {
        const string hebrew = "\u05D9\u05E9\u05E8\u05D0\u05DC\u200F";
        const string arabic = "\u0627\u0644\u0639\u0631\u0627\u0642\u061C";
        const string mixed = "Tel Aviv\u200E (\u05EA\u05DC \u05D0\u05D1\u05D9\u05D1)";
        string yaml = Facts.MinimalSource + "\nstates:\n  abc:\n"
            + "    name: \"" + hebrew + "\"\n"
            + "    kind: sovereign\n"
            + "    capital: \"" + mixed + "\"\n"
            + "    labels: { ar: \"" + arabic + "\" }\n";
        const string probe = """
            namespace Consumer
            {
                /// <summary>Probe.</summary>
                public static class Probe
                {
                    /// <summary>Probe.</summary>
                    public static string Run() => TestProject.Facts.States.Abc.Name + "|" + TestProject.Facts.States.Abc.Capital + "|" + TestProject.Facts.States.Abc.Labels["ar"];
                }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(new[] { File(yaml) }, new[] { probe });

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(hebrew + "|" + mixed + "|" + arabic, GeneratorHarness.Execute(run.Output, "Consumer.Probe"));
        foreach (string source in run.Sources.Values)
        {
            Assert.DoesNotContain('\u200F', source);
            Assert.DoesNotContain('\u200E', source);
            Assert.DoesNotContain('\u061C', source);
        }
    }

    [Fact]
    public void FileThatCannotBeReadIsFG0001()
    {
        var driver = CSharpGeneratorDriver.Create(
            new[] { new FactCatalogGenerator().AsSourceGenerator() },
            new AdditionalText[] { new UnreadableText("/facts/gone.facts.yaml") },
            GeneratorHarness.ParseOptions,
            new TestOptionsProvider(null));
        driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(new[] { "class C { }" }), out _, out var diagnostics);

        Diagnostic error = Assert.Single(diagnostics);
        Assert.Equal("FG0001", error.Id);
        Assert.Contains("could not be read", DiagnosticsHelper.Message(error));
    }

    [Fact]
    public void BelowCSharp8NothingIsEmittedAndOneDiagnosticSaysWhy()
    {
        var csharp73 = new CSharpParseOptions(LanguageVersion.CSharp7_3);

        GeneratorRun run = GeneratorHarness.Run(new[] { Facts.Small() }, parseOptions: csharp73);

        Assert.Empty(run.Sources);
        Diagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("FG0010", error.Id);
        Assert.Contains("C# 8 or later", DiagnosticsHelper.Message(error));
    }

    [Fact]
    public void WithoutNotNullWhenTheCatalogStillCompiles()
    {
        // Old target frameworks have no [NotNullWhen]; the emitter then leaves it out.
        BindResult bound = CatalogBinder.Bind(
            new[] { FactFileReader.Read(Facts.Seed.Path, SourceText.From(Facts.Seed.Yaml), CancellationToken.None) }.ToImmutableArray(),
            CancellationToken.None);
        var options = new GeneratorOptions(Namespace: "Old.Facts", Accessibility: "public", HasNotNullWhen: false, CanEmit: true, Diagnostics: FactGen.Helpers.EquatableArray<FactGen.Models.DiagnosticInfo>.Empty);
        string catalog = string.Join("\n", CatalogEmitter.EmitAll(bound.Catalog, options).Select(s => s.Text));
        string types = TypesEmitter.Emit(options);

        Assert.DoesNotContain("NotNullWhen", catalog);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { catalog, types });
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity > DiagnosticSeverity.Info).Select(GeneratorHarness.Format));
    }

    [Fact]
    public void EveryDescriptorLinksToASectionThatExists()
    {
        string docs = System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md"));
        var anchors = Regex.Matches(docs, "^## (FG[0-9]{4})$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet();
        DiagnosticDescriptor[] descriptors = typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();

        Assert.Equal(20, descriptors.Length);
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            string anchor = descriptor.Id.ToLowerInvariant();
            // No public address yet: no link to one that does not exist (a set FactGenRepositoryUrl gives one).
            Assert.Null(DiagnosticDescriptors.HelpLinkBase);
            Assert.Equal(string.Empty, descriptor.HelpLinkUri);
            Assert.Equal(
                "https://example.org/factgen/blob/main/docs/diagnostics.md#" + anchor,
                DiagnosticDescriptors.HelpLink("https://example.org/factgen/blob/main/docs/diagnostics.md#", descriptor.Id));
            Assert.Contains(anchor, anchors);
        }
    }

    [Fact]
    public void EveryDescriptorIsInTheReleaseTrackingFiles()
    {
        // The release-tracking analyzer (RS2000 and friends) fails the build when these drift; this
        // test says which id and why, and checks the severity column too.
        string tracked = System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "FactGen", "AnalyzerReleases.Shipped.md"))
            + System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "FactGen", "AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor descriptor in typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!))
        {
            Assert.Matches($@"(?m)^{descriptor.Id} \| {descriptor.Category} \| {descriptor.DefaultSeverity} \|", tracked);
        }
    }

    private sealed class UnreadableText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => null;
    }
}
