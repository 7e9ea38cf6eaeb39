// ResxPeer: Microsoft's ResxSourceGenerator (Microsoft.CodeAnalysis.ResxSourceGenerator) run in-process
// through Roslyn's GeneratorDriver, as a peer to compare FactGen against.
//
// The package is an analyzer package: it must NOT act as an analyzer on the benchmark project itself
// (its buildTransitive targets would turn every EmbeddedResource .resx into AdditionalFiles and its
// generator would run on this project). So it is referenced for its files only, and its two analyzer
// dlls are copied next to the benchmark's output under peers/resx/, from where ResxPeer loads them at
// run time. The AssemblyMetadata item records the package folder as a fallback (same machine only).
// The copy also reaches BenchmarkDotNet's generated host project (copy items of project references
// flow to the referencing project's output).
//
// csproj items (FactGen.Benchmarks.csproj; the Roslyn/reference-assembly packages are referenced as usual):
//
//   <ItemGroup>
//     <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="5.0.0" />
//     <PackageReference Include="Basic.Reference.Assemblies.Net100" Version="1.8.14" />
//     <!-- Peer generator: files only, never an analyzer of this project. -->
//     <PackageReference Include="Microsoft.CodeAnalysis.ResxSourceGenerator" Version="5.0.0-1.25277.114"
//                       GeneratePathProperty="true" ExcludeAssets="all" PrivateAssets="all" />
//   </ItemGroup>
//   <ItemGroup Condition="'$(PkgMicrosoft_CodeAnalysis_ResxSourceGenerator)' != ''">
//     <None Include="$(PkgMicrosoft_CodeAnalysis_ResxSourceGenerator)/analyzers/dotnet/cs/*.dll"
//           Link="peers/resx/%(Filename)%(Extension)" CopyToOutputDirectory="PreserveNewest" Visible="false" />
//     <AssemblyAttribute Include="System.Reflection.AssemblyMetadataAttribute">
//       <_Parameter1>ResxSourceGeneratorDir</_Parameter1>
//       <_Parameter2>$(PkgMicrosoft_CodeAnalysis_ResxSourceGenerator)/analyzers/dotnet/cs</_Parameter2>
//     </AssemblyAttribute>
//   </ItemGroup>
//
// What the generator needs (read from the package's dll and its public source):
//   * type Microsoft.CodeAnalysis.ResxSourceGenerator.CSharp.CSharpResxGenerator (internal, sealed), an
//     IIncrementalGenerator, in Microsoft.CodeAnalysis.ResxSourceGenerator.CSharp.dll; its base class
//     lives in Microsoft.CodeAnalysis.ResxSourceGenerator.dll beside it.
//   * it takes every AdditionalText whose path ends in ".resx" and reads these options:
//       global:   build_property.RootNamespace (falls back to the compilation's assembly name)
//       per file: build_metadata.AdditionalFiles.RelativeDir (prefix of the resource/class name),
//                 GenerateSource / WithCulture (source is generated unless GenerateSource=false, or
//                 WithCulture=true without GenerateSource), and the optional ClassName,
//                 OmitGetResourceString, AsConstants, IncludeDefaultValues, EmitFormatMethods, Public,
//                 NoWarn (all left unset here: the generator's default output).
//   * it reports failures not as diagnostics but as a "<Name>.Error" source full of #error lines, so a
//     caller checking correctness must look at hint names / compile errors, not only at diagnostics.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Benchmarks.Peers;

internal static class ResxPeer
{
    /// <summary>Assembly name and root namespace of the compilation the peer generates into.</summary>
    public const string RootNamespace = "Bench";

    /// <summary>Subfolder of the output directory that the csproj copies the generator's dlls into.</summary>
    public const string OutputSubfolder = "peers/resx";

    /// <summary>Key of the AssemblyMetadata attribute holding the package's analyzer folder.</summary>
    public const string MetadataKey = "ResxSourceGeneratorDir";

    public const string GeneratorAssemblyFileName = "Microsoft.CodeAnalysis.ResxSourceGenerator.CSharp.dll";
    public const string GeneratorTypeName = "Microsoft.CodeAnalysis.ResxSourceGenerator.CSharp.CSharpResxGenerator";

    private static readonly Lazy<IIncrementalGenerator> s_generator =
        new(LoadGenerator, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The C# Resx generator, loaded once from the package's analyzer dll. A generator instance holds no
    /// per-run state (the driver does), so one instance serves every driver.
    /// </summary>
    public static IIncrementalGenerator Generator => s_generator.Value;

    /// <summary>A .resx document (standard schema and resheaders) holding <paramref name="entries"/>.</summary>
    public static string BuildResx(IReadOnlyList<(string Name, string Value)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sb = new StringBuilder(ResxHeader.Length + (entries.Count * 160));
        sb.Append(ResxHeader);
        foreach (var (name, value) in entries)
        {
            sb.Append("  <data name=\"");
            AppendEscaped(sb, name);
            sb.Append("\" xml:space=\"preserve\">\n    <value>");
            AppendEscaped(sb, value);
            sb.Append("</value>\n  </data>\n");
        }

        sb.Append("</root>\n");
        return sb.ToString();
    }

    /// <summary>The in-memory additional file the generator reads; its path decides the class name.</summary>
    public static AdditionalText CreateAdditionalText(string resxPath, string resxText)
    {
        ArgumentNullException.ThrowIfNull(resxPath);
        ArgumentNullException.ThrowIfNull(resxText);
        return new InMemoryAdditionalText(resxPath, resxText);
    }

    /// <summary>
    /// A driver running the Resx generator over one .resx (class <c>Bench.&lt;file name&gt;</c> for a
    /// rooted path, <c>Bench.&lt;dirs&gt;.&lt;file name&gt;</c> for a relative one).
    /// </summary>
    public static GeneratorDriver CreateDriver(string resxPath, string resxText, CSharpParseOptions parseOptions, bool trackSteps)
        => CreateDriver(new[] { CreateAdditionalText(resxPath, resxText) }, parseOptions, trackSteps);

    /// <summary>
    /// A driver over any number of .resx files, one accessor class each (their file names must differ, or
    /// the generator numbers the hint names). Options are looked up by path, so a text swapped in with
    /// <see cref="GeneratorDriver.ReplaceAdditionalText"/> under the same path keeps them.
    /// </summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> resxFiles, CSharpParseOptions parseOptions, bool trackSteps)
    {
        ArgumentNullException.ThrowIfNull(resxFiles);
        ArgumentNullException.ThrowIfNull(parseOptions);
        return CSharpGeneratorDriver.Create(
            generators: new[] { Generator.AsSourceGenerator() },
            additionalTexts: resxFiles,
            parseOptions: parseOptions,
            optionsProvider: new ResxOptionsProvider(),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));
    }

    private static IIncrementalGenerator LoadGenerator()
    {
        var probed = new List<string>();
        foreach (var dir in CandidateDirectories())
        {
            var path = Path.GetFullPath(Path.Combine(dir, GeneratorAssemblyFileName));
            if (probed.Contains(path, StringComparer.Ordinal))
            {
                continue;
            }

            probed.Add(path);
            if (!File.Exists(path))
            {
                continue;
            }

            // LoadFrom (default context) resolves the sibling Microsoft.CodeAnalysis.ResxSourceGenerator.dll
            // from the same folder, and binds the generator's Microsoft.CodeAnalysis 4.0 reference to the
            // Roslyn this process already runs.
            var assembly = Assembly.LoadFrom(path);
            var type = assembly.GetType(GeneratorTypeName, throwOnError: false)
                ?? throw new InvalidOperationException(
                    $"ResxPeer: '{path}' has no type '{GeneratorTypeName}'; the Microsoft.CodeAnalysis.ResxSourceGenerator package version may have changed.");
            if (!typeof(IIncrementalGenerator).IsAssignableFrom(type))
            {
                throw new InvalidOperationException(
                    $"ResxPeer: '{GeneratorTypeName}' in '{path}' is not an IIncrementalGenerator of the loaded Roslyn ({typeof(IIncrementalGenerator).Assembly.FullName}).");
            }

            return (IIncrementalGenerator)Activator.CreateInstance(type, nonPublic: true)!;
        }

        throw new FileNotFoundException(
            "ResxPeer: the ResxSourceGenerator analyzer dll was not found. The benchmark csproj must reference "
            + "Microsoft.CodeAnalysis.ResxSourceGenerator with GeneratePathProperty=\"true\" and copy "
            + $"$(PkgMicrosoft_CodeAnalysis_ResxSourceGenerator)/analyzers/dotnet/cs/*.dll to '{OutputSubfolder}/' "
            + "in the output (see the comment at the top of ResxPeer.cs); run 'dotnet restore' and rebuild. Probed: "
            + string.Join(", ", probed),
            GeneratorAssemblyFileName);
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        yield return Path.Combine(AppContext.BaseDirectory, OutputSubfolder);

        var self = typeof(ResxPeer).Assembly;
        var selfDir = string.IsNullOrEmpty(self.Location) ? null : Path.GetDirectoryName(self.Location);
        if (selfDir is not null)
        {
            yield return Path.Combine(selfDir, OutputSubfolder);
        }

        foreach (var attribute in self.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == MetadataKey && !string.IsNullOrEmpty(attribute.Value))
            {
                yield return attribute.Value;
            }
        }
    }

    private static void AppendEscaped(StringBuilder sb, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                case '\r': sb.Append("&#xD;"); break;
                default:
                    if (c < 0x20 && c != '\t' && c != '\n')
                    {
                        throw new ArgumentException($"Character U+{(int)c:X4} cannot appear in a .resx (XML 1.0).", nameof(text));
                    }

                    sb.Append(c);
                    break;
            }
        }
    }

    // The header Visual Studio writes into a new .resx: the inline schema, then the four resheaders.
    private const string ResxHeader =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<root>\n"
        + "  <xsd:schema id=\"root\" xmlns=\"\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:msdata=\"urn:schemas-microsoft-com:xml-msdata\">\n"
        + "    <xsd:import namespace=\"http://www.w3.org/XML/1998/namespace\" />\n"
        + "    <xsd:element name=\"root\" msdata:IsDataSet=\"true\">\n"
        + "      <xsd:complexType>\n"
        + "        <xsd:choice maxOccurs=\"unbounded\">\n"
        + "          <xsd:element name=\"metadata\">\n"
        + "            <xsd:complexType>\n"
        + "              <xsd:sequence>\n"
        + "                <xsd:element name=\"value\" type=\"xsd:string\" minOccurs=\"0\" />\n"
        + "              </xsd:sequence>\n"
        + "              <xsd:attribute name=\"name\" use=\"required\" type=\"xsd:string\" />\n"
        + "              <xsd:attribute name=\"type\" type=\"xsd:string\" />\n"
        + "              <xsd:attribute name=\"mimetype\" type=\"xsd:string\" />\n"
        + "              <xsd:attribute ref=\"xml:space\" />\n"
        + "            </xsd:complexType>\n"
        + "          </xsd:element>\n"
        + "          <xsd:element name=\"assembly\">\n"
        + "            <xsd:complexType>\n"
        + "              <xsd:attribute name=\"alias\" type=\"xsd:string\" />\n"
        + "              <xsd:attribute name=\"name\" type=\"xsd:string\" />\n"
        + "            </xsd:complexType>\n"
        + "          </xsd:element>\n"
        + "          <xsd:element name=\"data\">\n"
        + "            <xsd:complexType>\n"
        + "              <xsd:sequence>\n"
        + "                <xsd:element name=\"value\" type=\"xsd:string\" minOccurs=\"0\" msdata:Ordinal=\"1\" />\n"
        + "                <xsd:element name=\"comment\" type=\"xsd:string\" minOccurs=\"0\" msdata:Ordinal=\"2\" />\n"
        + "              </xsd:sequence>\n"
        + "              <xsd:attribute name=\"name\" type=\"xsd:string\" use=\"required\" msdata:Ordinal=\"1\" />\n"
        + "              <xsd:attribute name=\"type\" type=\"xsd:string\" msdata:Ordinal=\"3\" />\n"
        + "              <xsd:attribute name=\"mimetype\" type=\"xsd:string\" msdata:Ordinal=\"4\" />\n"
        + "              <xsd:attribute ref=\"xml:space\" />\n"
        + "            </xsd:complexType>\n"
        + "          </xsd:element>\n"
        + "          <xsd:element name=\"resheader\">\n"
        + "            <xsd:complexType>\n"
        + "              <xsd:sequence>\n"
        + "                <xsd:element name=\"value\" type=\"xsd:string\" minOccurs=\"0\" msdata:Ordinal=\"1\" />\n"
        + "              </xsd:sequence>\n"
        + "              <xsd:attribute name=\"name\" type=\"xsd:string\" use=\"required\" />\n"
        + "            </xsd:complexType>\n"
        + "          </xsd:element>\n"
        + "        </xsd:choice>\n"
        + "      </xsd:complexType>\n"
        + "    </xsd:element>\n"
        + "  </xsd:schema>\n"
        + "  <resheader name=\"resmimetype\">\n"
        + "    <value>text/microsoft-resx</value>\n"
        + "  </resheader>\n"
        + "  <resheader name=\"version\">\n"
        + "    <value>2.0</value>\n"
        + "  </resheader>\n"
        + "  <resheader name=\"reader\">\n"
        + "    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>\n"
        + "  </resheader>\n"
        + "  <resheader name=\"writer\">\n"
        + "    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>\n"
        + "  </resheader>\n";

    /// <summary>An additional file held in memory; the SourceText is built once.</summary>
    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>
    /// What MSBuild's generated .editorconfig gives the generator for a .resx added by the package's targets:
    /// RootNamespace globally; RelativeDir, WithCulture=false and GenerateSource=true per .resx.
    /// </summary>
    private sealed class ResxOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions s_empty = new(ImmutableDictionary<string, string>.Empty);

        private static readonly DictionaryOptions s_global = new(ImmutableDictionary.CreateRange(
            AnalyzerConfigOptions.KeyComparer,
            new[]
            {
                Pair("build_property.RootNamespace", RootNamespace),
            }));

        private readonly Dictionary<string, DictionaryOptions> _perFile = new(StringComparer.Ordinal);
        private readonly object _gate = new();

        public override AnalyzerConfigOptions GlobalOptions => s_global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            if (!textFile.Path.EndsWith(".resx", StringComparison.OrdinalIgnoreCase))
            {
                return s_empty;
            }

            lock (_gate)
            {
                if (!_perFile.TryGetValue(textFile.Path, out var options))
                {
                    options = new DictionaryOptions(ImmutableDictionary.CreateRange(
                        AnalyzerConfigOptions.KeyComparer,
                        new[]
                        {
                            Pair("build_metadata.AdditionalFiles.RelativeDir", RelativeDirOf(textFile.Path)),
                            Pair("build_metadata.AdditionalFiles.WithCulture", "false"),
                            Pair("build_metadata.AdditionalFiles.GenerateSource", "true"),
                        }));
                    _perFile.Add(textFile.Path, options);
                }

                return options;
            }
        }

        // MSBuild's RelativeDir is the item's folder relative to the project, with a trailing separator;
        // a rooted path is taken as a .resx at the project root (empty RelativeDir).
        private static string RelativeDirOf(string path)
        {
            if (System.IO.Path.IsPathRooted(path))
            {
                return string.Empty;
            }

            var dir = System.IO.Path.GetDirectoryName(path);
            return string.IsNullOrEmpty(dir) ? string.Empty : dir + System.IO.Path.DirectorySeparatorChar;
        }

        private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => _values = values;

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            => _values.TryGetValue(key, out value);
    }
}
