using System.Collections.Generic;
using FactGen.Tests.Infrastructure;
using Xunit;

namespace FactGen.Tests.Emitting;

/// <summary>The generated source, pinned. Review a diff here like a code change.</summary>
public class SnapshotTests
{
    [Fact]
    public void SeedCatalog()
    {
        GeneratorRun run = GeneratorHarness.Run(Facts.Seed);

        Assert.Empty(run.Diagnostics);
        Snapshot.Verify(run.Sources["FactGen.Catalog.g.cs"], "FactGen.Catalog.g");
        Snapshot.Verify(run.Sources["FactGen.Types.g.cs"], "FactGen.Types.g");
    }

    [Fact]
    public void SmallCatalogWithCycles()
    {
        GeneratorRun run = GeneratorHarness.Run(Facts.Small());

        Assert.Empty(run.Diagnostics);
        Snapshot.Verify(run.Sources["FactGen.Catalog.g.cs"], "FactGen.Catalog.g");
    }

    [Fact]
    public void PublicCatalogInCustomNamespace()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[] { new FactFile("/facts/one.facts.yaml", Facts.MinimalSource + "\nstates:\n  ukraine: { name: Ukraine, kind: sovereign }\n") },
            buildProperties: new Dictionary<string, string> { ["FactGenNamespace"] = "Newsroom.Catalog", ["FactGenAccessibility"] = "public" });

        Assert.Empty(run.Diagnostics);
        Snapshot.Verify(run.Sources["FactGen.Catalog.g.cs"], "FactGen.Catalog.g");
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
        Snapshot.Verify(run.Sources["FactGen.Catalog.g.cs"], "FactGen.Catalog.g");
    }
}
