using System.Linq;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// Each fact's doc comment is written where the compilation reads documentation comments (the
/// IDE, a build with an XML documentation file), and left out where it reads none (a command-line
/// build without one), where it could only cost time.
/// </summary>
public class DocCommentTests
{
    [Theory]
    [InlineData(DocumentationMode.None, false)]
    [InlineData(DocumentationMode.Parse, true)]
    [InlineData(DocumentationMode.Diagnose, true)]
    public void FactDocCommentsFollowTheDocumentationMode(DocumentationMode mode, bool written)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, mode);
        GeneratorRun run = GeneratorHarness.Run(new[] { Facts.Seed }, userSources: new[] { "static class Use { static string M() => TestProject.Facts.Actors.KimJongUn.Name; }" }, parseOptions: parseOptions);
        string catalog = run.Catalog;

        Assert.Equal(written, catalog.Contains("/// <summary>Kim Jong Un: leader of North Korea.</summary>", System.StringComparison.Ordinal));
        Assert.Equal(written, catalog.Contains("/// <summary>The id of <see cref=\"Actors.KimJongUn\"/>.</summary>", System.StringComparison.Ordinal));
        // The code is the same apart from the comments: it compiles, with the same members.
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Format));
        Assert.Contains("public static Actor KimJongUn => global::TestProject.Facts.FactCatalogData.Part_", catalog);
        Assert.Contains("public const string KimJongUn = \"kim-jong-un\";", catalog);
    }
}
