using System;
using System.IO;

namespace FactGen.Tests.Infrastructure;

/// <summary>
/// FactGen packed once per test run, into a feed of its own, with a version no package cache has
/// seen (a repacked nupkg of an unchanged version would be served stale). The version is stable
/// (no prerelease tag), so that <c>dotnet add package FactGen</c> without a version picks it, as
/// it picks the latest release for a user.
/// </summary>
public static class PackedFactGen
{
    private static readonly Lazy<(string Feed, string Version)> s_packed = new(Pack);

    /// <summary>The folder that holds the nupkg.</summary>
    public static string Feed => s_packed.Value.Feed;

    public static string Version => s_packed.Value.Version;

    /// <summary>A nuget.config for <paramref name="folder"/>: FactGen from the feed alone, everything else from nuget.org, and a package folder of its own.</summary>
    public static void WriteNuGetConfig(string folder)
        => File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="FactGen" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(folder, "packages")}" />
              </config>
            </configuration>
            """);

    private static (string Feed, string Version) Pack()
    {
        string feed = Path.Combine(Path.GetTempPath(), "factgen-feed-" + Guid.NewGuid().ToString("N"));
        // Each part at most 65534, as assembly versions take it.
        string version = $"99.{Random.Shared.Next(1, 65000)}.{Random.Shared.Next(1, 65000)}";
        string copy = DotNet.CopyRepositoryForBuild();
        try
        {
            ProcessResult packed = DotNet.Run(copy, TimeSpan.FromMinutes(5), "pack", Path.Combine(copy, "src", "FactGen"), "-o", feed, $"-p:Version={version}", "-nodeReuse:false");
            if (packed.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + packed);
        }
        finally
        {
            try { Directory.Delete(copy, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(feed, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return (feed, version);
    }
}
