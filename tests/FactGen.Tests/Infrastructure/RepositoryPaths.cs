using System;
using System.IO;

namespace FactGen.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder that holds FactGen.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string SeedFile => Path.Combine(Seeds, "kontan-2022-08-pushilin-letter.facts.yaml");

    /// <summary>The composition sample's own fact file: a second article, whose facts reference the seed's.</summary>
    public static string DeskFile => Path.Combine(Root, "samples", "FactGen.DeskSample", "facts", "reuters-2022-07-north-korea-recognition.facts.yaml");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("FactGen.sln not found above " + AppContext.BaseDirectory);
    }
}
