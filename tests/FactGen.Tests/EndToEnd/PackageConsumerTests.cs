using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using FactGen.Tests.Infrastructure;
using Xunit;

namespace FactGen.Tests.EndToEnd;

/// <summary>
/// FactGen as users meet it: packed into a nupkg, added to a brand-new console project with
/// <c>dotnet add package</c>, and built with the real SDK. Slow, so it is one test.
/// </summary>
public class PackageConsumerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Fact]
    public void PackedPackageWorksInABrandNewConsoleProject()
    {
        string work = Path.Combine(Path.GetTempPath(), "factgen-consumer-" + Guid.NewGuid().ToString("N"));
        string app = Path.Combine(work, "Newsroom");
        try
        {
            // 1. Packed, as `dotnet pack src/FactGen` would (once per test run: PackedFactGen).
            string feed = PackedFactGen.Feed;
            string version = PackedFactGen.Version;
            string nupkg = Path.Combine(feed, $"FactGen.{version}.nupkg");
            AssertPackageLayout(nupkg);

            // 2. A brand-new console app, with a private package folder, FactGen from the local feed alone.
            Directory.CreateDirectory(app);
            PackedFactGen.WriteNuGetConfig(work);
            Succeeds(DotNet.Run(app, Limit, "new", "console", "--name", "Newsroom", "--output", app, "--framework", "net10.0"));
            Succeeds(DotNet.Run(app, Limit, "add", "package", "FactGen", "--source", feed, "--version", version));
            string csproj = Path.Combine(app, "Newsroom.csproj");
            string projectXml = File.ReadAllText(csproj);
            Assert.Contains("<PackageReference Include=\"FactGen\"", projectXml);
            Assert.DoesNotContain("AdditionalFiles", projectXml); // nothing but the package reference was added

            string facts = Path.Combine(app, "Facts", "news.facts.yaml");
            Directory.CreateDirectory(Path.GetDirectoryName(facts)!);
            const string yaml = """
                source:
                  outlet: Test Wire
                states:
                  north-korea: { name: North Korea, kind: sovereign }
                actors:
                  kim-jong-un: { name: Kim Jong Un, kind: person, state: north-korea }
                events:
                  letter:
                    date: 2022-08-15
                    kind: letter
                    summary: A letter arrived.
                    actors: [kim-jong-un]
                """;
            File.WriteAllText(facts, yaml);
            File.WriteAllText(Path.Combine(app, "Program.cs"),
                "Console.WriteLine($\"{Newsroom.Facts.Events.Letter.Date} {Newsroom.Facts.Actors.KimJongUn.State!.Name}\");\n");

            // 3. It builds and runs, and prints a fact.
            ProcessResult run = DotNet.Run(app, Limit, "run");
            Succeeds(run);
            Assert.Contains("2022-08-15 North Korea", run.Output);
            Assert.DoesNotContain("CS8785", run.Output);

            // 4. A file the project lists itself is not added twice (that would be FG0006 on every id),
            //    and files under bin/ and obj/ (the SDK's default excludes) are not inputs at all:
            //    this stale copy would otherwise duplicate every id too.
            File.WriteAllText(csproj, projectXml.Replace("</Project>", "  <ItemGroup><AdditionalFiles Include=\"Facts/news.facts.yaml\" /></ItemGroup>\n</Project>"));
            string stale = Path.Combine(app, "obj", "stale.facts.yaml");
            File.WriteAllText(stale, yaml);
            Succeeds(DotNet.Run(app, Limit, "build", "-nodeReuse:false"));
            File.Delete(stale);
            File.WriteAllText(csproj, projectXml);

            // 5. A mistake in the fact file fails the build at its line and column.
            string misspelt = yaml.Replace("actors: [kim-jong-un]", "actors: [kim-jong-um]");
            File.WriteAllText(facts, misspelt);
            string[] lines = misspelt.Split('\n');
            int line = Array.FindIndex(lines, l => l.Contains("kim-jong-um")) + 1;
            int column = lines[line - 1].IndexOf("kim-jong-um", StringComparison.Ordinal) + 1;
            ProcessResult broken = DotNet.Run(app, Limit, "build", "-nodeReuse:false");
            Assert.NotEqual(0, broken.ExitCode);
            Assert.Contains($"news.facts.yaml({line},{column}): error FG0007", broken.Output);
            File.WriteAllText(facts, yaml);

            // 5b. A misspelt id in C# fails the build too: the package's analyzer (FG0100), at its line and column.
            string program = Path.Combine(app, "Program.cs");
            string runs = File.ReadAllText(program);
            const string misspeltCall = "Console.WriteLine(Newsroom.Facts.Actors.Get(\"kim-jong-um\").Name);\n";
            File.WriteAllText(program, misspeltCall);
            ProcessResult unknownId = DotNet.Run(app, Limit, "build", "-nodeReuse:false");
            Assert.NotEqual(0, unknownId.ExitCode);
            int idColumn = misspeltCall.IndexOf("\"kim-jong-um\"", StringComparison.Ordinal) + 1;
            string fg0100 = $"Program.cs(1,{idColumn}): error FG0100: Unknown actor id 'kim-jong-um'; did you mean 'kim-jong-un'?";
            Assert.True(unknownId.Output.Contains(fg0100), $"Expected '{fg0100}' in:\n{unknownId}");
            // The code fix assembly next to the generator is loaded without complaint (no CS8032, no AD0001).
            Assert.DoesNotContain("CS8032", unknownId.Output);
            Assert.DoesNotContain("AD0001", unknownId.Output);
            File.WriteAllText(program, runs);

            // 6. The options: a namespace of one's own, and public types.
            File.WriteAllText(Path.Combine(app, "Program.cs"),
                "Console.WriteLine($\"{Newsroom.Custom.States.NorthKorea.Name} public={typeof(Newsroom.Custom.States).IsPublic}\");\n");
            ProcessResult options = DotNet.Run(app, Limit, "run", "-p:FactGenNamespace=Newsroom.Custom", "-p:FactGenAccessibility=public");
            Succeeds(options);
            Assert.Contains("North Korea public=True", options.Output);

            // 7. A shared catalog in a netstandard2.0 library (C# 7.3 by default there): the
            //    package chooses C# 8 for it, and a net10.0 app that references it reads its facts.
            string library = Path.Combine(work, "Shared");
            Succeeds(DotNet.Run(work, Limit, "new", "classlib", "--name", "Shared", "--output", library, "--framework", "netstandard2.0"));
            Succeeds(DotNet.Run(library, Limit, "add", "package", "FactGen", "--source", feed, "--version", version));
            string libraryProject = Path.Combine(library, "Shared.csproj");
            Assert.DoesNotContain("LangVersion", File.ReadAllText(libraryProject));
            File.WriteAllText(libraryProject, File.ReadAllText(libraryProject).Replace("</Project>", "  <PropertyGroup><FactGenAccessibility>public</FactGenAccessibility></PropertyGroup>\n</Project>"));
            Directory.CreateDirectory(Path.Combine(library, "Facts"));
            File.WriteAllText(Path.Combine(library, "Facts", "shared.facts.yaml"), yaml);
            string reader = Path.Combine(work, "Reader");
            Succeeds(DotNet.Run(work, Limit, "new", "console", "--name", "Reader", "--output", reader, "--framework", "net10.0"));
            Succeeds(DotNet.Run(reader, Limit, "add", "reference", libraryProject));
            File.WriteAllText(Path.Combine(reader, "Program.cs"), "Console.WriteLine($\"{Shared.Facts.Actors.KimJongUn.Name} of {Shared.Facts.Actors.KimJongUn.State!.Name}\");\n");
            ProcessResult shared = DotNet.Run(reader, Limit, "run");
            Succeeds(shared);
            Assert.Contains("Kim Jong Un of North Korea", shared.Output);
            Assert.DoesNotContain("FG0010", shared.Output);
            //    FactGenLangVersion=false keeps the SDK's C# 7.3, and FG0010 says why nothing is generated.
            ProcessResult kept = DotNet.Run(library, Limit, "build", "-nodeReuse:false", "-p:FactGenLangVersion=false");
            Assert.True(kept.Output.Contains("FG0010", StringComparison.Ordinal), kept.ToString());

            // 8. EnableDefaultFactFiles=false: the generator gets no fact file, so nothing is generated
            //    and the namespace the program uses does not exist.
            ProcessResult optOut = DotNet.Run(app, Limit, "build", "-nodeReuse:false", "-p:EnableDefaultFactFiles=false", "-p:FactGenNamespace=Newsroom.Custom");
            Assert.NotEqual(0, optOut.ExitCode);
            Assert.True(optOut.Output.Contains("error CS0246: The type or namespace name 'Newsroom' could not be found"), optOut.ToString());
        }
        finally
        {
            TryDelete(work);
        }
    }

    private static void AssertPackageLayout(string nupkg)
    {
        using ZipArchive zip = ZipFile.OpenRead(nupkg);
        string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("analyzers/dotnet/cs/FactGen.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        // The code fixes (FG0100, FG0101), in their own assembly next to the generator.
        Assert.Contains("analyzers/dotnet/cs/FactGen.CodeFixes.dll", entries);
        Assert.Equal(3, entries.Count(e => e.StartsWith("analyzers/", StringComparison.Ordinal)));
        Assert.Contains("build/FactGen.props", entries);
        Assert.Contains("buildTransitive/FactGen.props", entries);
        Assert.Contains("build/FactGen.targets", entries);
        Assert.Contains("buildTransitive/FactGen.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("schema/facts.schema.json", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        using Stream nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        XElement metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("source-generator", Value("tags"));
    }

    private static void Succeeds(ProcessResult result) => Assert.True(result.ExitCode == 0, result.ToString());

    private static void TryDelete(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
