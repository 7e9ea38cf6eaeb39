using System;
using System.IO;
using System.Text;

namespace FactGen.Benchmarks.RealBuild;

/// <summary>
/// The temporary projects of the real-build modes and of the IDE mode: project files that load
/// FactGen (<see cref="BuildRunner.CopyGenerator"/>) and the Resx peer as their NuGet packages would,
/// and the inputs of each (fact files, .resx files).
/// </summary>
internal static class TempProjects
{
    internal static string WriteLibrary(string dir, string name, string extra, string? code)
    {
        Directory.CreateDirectory(dir);
        string project = Path.Combine(dir, name + ".csproj");
        File.WriteAllText(project, Project("Library", name, extra));
        if (code is not null) File.WriteAllText(Path.Combine(dir, "Marker.cs"), code);
        return project;
    }

    internal static string Project(string outputType, string rootNamespace, string extra)
        => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>{outputType}</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <RootNamespace>{rootNamespace}</RootNamespace>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
          </PropertyGroup>
        {extra}
        </Project>

        """;

    /// <summary>FactGen as a NuGet consumer gets it: its props, the analyzer dlls, its targets (which add **/*.facts.yaml).</summary>
    internal static string FactGenItems(string gen, bool publicCatalog, string? ns)
        => $"""
          <Import Project="{gen}/FactGen.props" />
          <PropertyGroup>
            {(publicCatalog ? "<FactGenAccessibility>public</FactGenAccessibility>" : "")}
            {(ns is null ? "" : $"<FactGenNamespace>{ns}</FactGenNamespace>")}
          </PropertyGroup>
          <ItemGroup>
            <Analyzer Include="{gen}/FactGen.dll" />
            <Analyzer Include="{gen}/YamlDotNet.dll" />
          </ItemGroup>
          <Import Project="{gen}/FactGen.targets" />
        """;

    /// <summary>The peer as its package brings it: buildTransitive props/targets (resx as AdditionalFiles with their metadata) and the two analyzer dlls.</summary>
    internal static string ResxItems(string package)
        => $"""
          <Import Project="{package}/buildTransitive/Microsoft.CodeAnalysis.ResxSourceGenerator.props" />
          <ItemGroup>
            <Analyzer Include="{package}/analyzers/dotnet/cs/Microsoft.CodeAnalysis.ResxSourceGenerator.dll" />
            <Analyzer Include="{package}/analyzers/dotnet/cs/Microsoft.CodeAnalysis.ResxSourceGenerator.CSharp.dll" />
            <EmbeddedResource Update="*.resx" GenerateSource="true" />
          </ItemGroup>
          <Import Project="{package}/buildTransitive/Microsoft.CodeAnalysis.ResxSourceGenerator.targets" />
        """;

    internal static string ProjectReference(string project)
        => $"""
          <ItemGroup>
            <ProjectReference Include="{project}" />
          </ItemGroup>
        """;

    /// <summary>The catalog's fact files, under their own names, in <paramref name="dir"/>.</summary>
    internal static void WriteFacts(string dir, FactFile[] files)
    {
        Directory.CreateDirectory(dir);
        foreach (FactFile file in files)
            File.WriteAllText(Path.Combine(dir, Path.GetFileName(file.Path)), file.Text, new UTF8Encoding(false));
    }

    /// <summary>
    /// The peer's inputs: <see cref="SyntheticCatalog.ResxEntries"/> for <paramref name="facts"/> facts as
    /// <c>Strings000.resx</c> ... <c>Strings099.resx</c> in <paramref name="dir"/> (the folder of a project
    /// with <see cref="ResxItems"/>, so each becomes the class <c>App.StringsNNN</c>). Returns their paths.
    /// </summary>
    internal static string[] WriteResx(string dir, int facts)
    {
        var resx = SyntheticCatalog.ResxEntries(facts);
        var paths = new string[resx.Length];
        for (int i = 0; i < resx.Length; i++)
        {
            paths[i] = Path.Combine(dir, $"Strings{i:D3}.resx");
            File.WriteAllText(paths[i], Peers.ResxPeer.BuildResx(resx[i]));
        }
        return paths;
    }

    internal static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
