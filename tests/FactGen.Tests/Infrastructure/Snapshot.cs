using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace FactGen.Tests.Infrastructure;

/// <summary>
/// Snapshot testing in Verify's conventions (Verify itself is not available here):
/// <c>Snapshots/{Class}.{Test}#{name}.verified.{ext}</c> is the accepted text; on a mismatch a
/// <c>.received.{ext}</c> is written beside it and the failure shows a diff. Set
/// <c>FACTGEN_ACCEPT_SNAPSHOTS=1</c> to accept every received text. Swapping in
/// Verify.SourceGenerators later replaces this one file.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "FACTGEN_ACCEPT_SNAPSHOTS";

    private static readonly Regex s_version = new(@"GeneratedCode\(""FactGen"", ""[^""]*""\)");

    public static void Verify(string actual, string name, string extension = "cs", [CallerFilePath] string testFile = "", [CallerMemberName] string test = "")
    {
        string className = Path.GetFileNameWithoutExtension(testFile);
        string stem = Path.Combine(SnapshotDirectory(), $"{className}.{test}#{name}");
        string verifiedPath = $"{stem}.verified.{extension}";
        string receivedPath = $"{stem}.received.{extension}";
        string received = Scrub(actual);

        string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == received)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, received, new UTF8Encoding(false));
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        string message = verified is null
            ? $"No verified snapshot at {verifiedPath}. Review {receivedPath}, then rename it or rerun with {AcceptVariable}=1."
            : $"Snapshot mismatch: {verifiedPath}\nReceived: {receivedPath} (accept with {AcceptVariable}=1)\n{Diff(verified, received)}";
        throw new XunitException(message);
    }

    /// <summary>Pins what varies between builds (the tool version) and line endings.</summary>
    public static string Scrub(string text)
        => s_version.Replace(Normalize(text), @"GeneratedCode(""FactGen"", ""{version}"")");

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string Diff(string verified, string received)
    {
        DiffPaneModel diff = InlineDiffBuilder.Diff(verified, received, ignoreWhiteSpace: false);
        var builder = new StringBuilder();
        int shown = 0;
        foreach (DiffPiece line in diff.Lines)
        {
            if (line.Type == ChangeType.Unchanged) continue;
            builder.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").Append(line.Position?.ToString() ?? "?").Append(": ").AppendLine(line.Text);
            if (++shown == 60)
            {
                builder.AppendLine("... (more differences)");
                break;
            }
        }
        return builder.ToString();
    }

    private static string SnapshotDirectory([CallerFilePath] string thisFile = "")
        => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile)!)!, "Snapshots");
}
