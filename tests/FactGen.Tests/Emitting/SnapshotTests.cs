using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FactGen.Binding;
using FactGen.Emitting;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactGen.Tests.Emitting;

/// <summary>The generated source, pinned. Review a diff here like a code change.</summary>
public class SnapshotTests
{
    /// <summary>The catalog-wide source and the source of each fact file, each pinned under its own name.</summary>
    private static void VerifyCatalog(GeneratorRun run, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        string[] names = run.Sources.Keys.Where(k => k == "FactGen.Catalog.g.cs" || k.StartsWith("FactGen.Facts.", System.StringComparison.Ordinal)).OrderBy(k => k, System.StringComparer.Ordinal).ToArray();
        Assert.Contains("FactGen.Catalog.g.cs", names);
        foreach (string name in names) Snapshot.Verify(run.Sources[name], name.Substring(0, name.Length - ".cs".Length), test: test);
    }

    [Fact]
    public void SeedCatalog()
    {
        GeneratorRun run = GeneratorHarness.Run(Facts.Seed);

        Assert.Empty(run.Diagnostics);
        VerifyCatalog(run);
        Snapshot.Verify(run.Sources["FactGen.Types.g.cs"], "FactGen.Types.g");
    }

    [Fact]
    public void SmallCatalogWithCycles()
    {
        GeneratorRun run = GeneratorHarness.Run(Facts.Small());

        Assert.Empty(run.Diagnostics);
        VerifyCatalog(run);
    }

    [Fact]
    public void PublicCatalogInCustomNamespace()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[] { new FactFile("/facts/one.facts.yaml", Facts.MinimalSource + "\nstates:\n  ukraine: { name: Ukraine, kind: sovereign }\n") },
            buildProperties: new Dictionary<string, string> { ["FactGenNamespace"] = "Newsroom.Catalog", ["FactGenAccessibility"] = "public" });

        Assert.Empty(run.Diagnostics);
        VerifyCatalog(run);
    }

    [Fact]
    public void HostileTextIsEscaped()
    {
        // Every way fact text could break out of a string literal, a doc comment or a line.
        const string yaml = Facts.MinimalSource + """

            events:
              tricky:
                date: 2020
                kind: statement
                summary: "Quote \" backslash \\ end */ </summary> <![CDATA[ x ]]> & #error no\r\nnew line\u2028sep tab\t nul-free"
                note: "/// <summary>injected</summary>\n}\nclass Injected {}"
            """;
        GeneratorRun run = GeneratorHarness.Run(new FactFile("/facts/tricky.facts.yaml", yaml));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        VerifyCatalog(run);
    }

    [Fact]
    public void PublicTypesInCustomNamespaceWithoutFactAttribute()
    {
        // The other side of every option of the fixed types (the seed snapshot has internal, the
        // default namespace and the attribute): the types do not depend on the facts.
        GeneratorRun run = GeneratorHarness.Run(
            new[] { new FactFile("/facts/one.facts.yaml", Facts.MinimalSource + "\nstates:\n  ukraine: { name: Ukraine, kind: sovereign }\n") },
            buildProperties: new Dictionary<string, string> { ["FactGenNamespace"] = "Newsroom.Catalog", ["FactGenAccessibility"] = "public", ["FactGenFactAttribute"] = "false" });

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Snapshot.Verify(run.Sources["FactGen.Types.g.cs"], "FactGen.Types.g");
    }

    /// <summary>
    /// A catalog of 204 characters of text (the outlet's 200, "aa" and "Bb") and about 30 of
    /// tables, so that a small limit reaches each form of <c>FactCatalogData</c>'s storage.
    /// </summary>
    private const string TinyCatalog = """
        source:
          outlet: "Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wires"
        states:
          aa: { name: Bb, kind: sovereign }
        """;

    [Theory]
    [InlineData("StringLiterals", true, DataTableEmitter.MaxLiteralTextLength)]
    [InlineData("Utf8Tables", true, 220)]
    [InlineData("Utf8Text", true, 200)]
    [InlineData("Utf8TextAndTables", true, 10)]
    [InlineData("ArrayInitializers", false, 220)]
    public void TableStorage(string form, bool canUseUtf8, long maxLiteralTextLength)
    {
        BoundCatalog catalog = CatalogBinder.Bind(
            ImmutableArray.Create(FactFileReader.Read("/facts/tiny.facts.yaml", SourceText.From(TinyCatalog), CancellationToken.None)),
            CancellationToken.None).Catalog;
        var options = new GeneratorOptions("TestProject.Facts", "internal", HasNotNullWhen: true, CanEmit: true, EquatableArray<DiagnosticInfo>.Empty) { CanUseUtf8Text = canUseUtf8 };
        string source = string.Join("\n", CatalogEmitter.EmitAll(catalog, options, maxLiteralTextLength).Select(s => s.Text));

        // Each form is the one its name says, and only the UTF-8 table form carries that decoder.
        bool utf8Text = source.Contains("TextData_tiny => \"");
        bool utf8Tables = source.Contains("\"u8, ");
        bool initializers = source.Contains("new Table(new int[] {");
        Assert.Equal(form is "Utf8Text" or "Utf8TextAndTables", utf8Text);
        Assert.Equal(form is "Utf8Tables" or "Utf8TextAndTables", utf8Tables);
        Assert.Equal(form == "ArrayInitializers", initializers);
        Assert.Equal(utf8Tables, source.Contains("Decode(global::System.ReadOnlySpan<byte> data"));

        // The data the form decodes is the catalog's.
        const string probe = """
            namespace Consumer
            {
                /// <summary>Probe.</summary>
                public static class Probe
                {
                    /// <summary>Probe.</summary>
                    public static string Run()
                        => TestProject.Facts.States.Aa.Name + "|" + TestProject.Facts.States.Get("aa").Source.Outlet.Length + "|" + (TestProject.Facts.States.Aa.Capital == null);
                }
            }
            """;
        Compilation compilation = GeneratorHarness.CreateCompilation(new[] { source, TypesEmitter.Emit(options), probe });
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity > DiagnosticSeverity.Info).Select(GeneratorHarness.Format));
        Assert.Equal("Bb|200|True", GeneratorHarness.Execute(compilation, "Consumer.Probe"));

        // Only the data class: the code that reads it is the template's, pinned by SeedCatalog.
        int start = source.IndexOf("    internal static partial class FactCatalogData\n    {\n        /// <summary>The data of one fact file", System.StringComparison.Ordinal);
        int end = source.IndexOf("\n    }\n", start, System.StringComparison.Ordinal) + 7;
        Snapshot.Verify(source.Substring(start, end - start), "FactCatalogPart." + form);
    }
}
