using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Benchmarks.Ide;

/// <summary>
/// One kind of edit, as an editor makes it: two texts of one document that the timed steps
/// alternate between, so that every step is a real change (the first step leaves the original
/// text), and the marker that the generated code must show after each text, so that a step
/// cannot time a no-op. A marker is searched case-insensitively in the generated documents'
/// text, so that it holds whether it lands in a string literal or in a member name.
/// </summary>
internal sealed class IdeEdit
{
    private readonly SourceText[] _texts;
    private readonly string?[] _markers;
    private int _next;

    private IdeEdit(string name, DocumentId document, bool isAdditional, SourceText[] texts, string?[] markers)
    {
        Name = name;
        Document = document;
        IsAdditional = isAdditional;
        _texts = texts;
        _markers = markers;
    }

    public string Name { get; }

    public DocumentId Document { get; }

    /// <summary>A fact or .resx file (an additional document), or else a C# document.</summary>
    public bool IsAdditional { get; }

    /// <summary>The index (0 or 1) of the text that the last <see cref="Apply"/> put in.</summary>
    public int Last => _next ^ 1;

    /// <summary>What the generated code must contain after the last edit, or null.</summary>
    public string? Present => _markers[Last];

    /// <summary>What the generated code must no longer contain after the last edit (the other text's marker), or null.</summary>
    public string? Absent => _markers[_next];

    /// <summary>The solution with the next text of the document: the fork that one timed step starts with.</summary>
    public Solution Apply(Solution solution)
    {
        SourceText text = _texts[_next];
        _next ^= 1;
        return IsAdditional ? solution.WithAdditionalDocumentText(Document, text) : solution.WithDocumentText(Document, text);
    }

    /// <summary>
    /// A curator's one-line edit: one event's summary in one fact file gets an "Edit 1: " or
    /// "Edit 2: " prefix (<see cref="SyntheticCatalog.EditOneFact"/>).
    /// </summary>
    public static IdeEdit ValueEdit(TextDocument factFile, string text)
    {
        var file = new FactFile(factFile.FilePath!, text);
        return new IdeEdit("value edit", factFile.Id, isAdditional: true,
            new[] { From(SyntheticCatalog.EditOneFact(file, 1).Text), From(SyntheticCatalog.EditOneFact(file, 2).Text) },
            new[] { "Edit 1: ", "Edit 2: " });
    }

    /// <summary>Renames the fact <paramref name="id"/> (defined in this file, referenced nowhere) to <c>&lt;id&gt;-zqrenamed</c>, and back.</summary>
    public static IdeEdit FactRename(TextDocument factFile, string text, string id)
    {
        string definition = $"\n  {id}:\n";
        if (CountOf(text, definition) != 1) throw new InvalidOperationException($"{factFile.Name} does not define the fact {id} exactly once.");
        return new IdeEdit("rename", factFile.Id, isAdditional: true,
            new[] { From(text.Replace(definition, $"\n  {id}-{RenameSuffix}:\n", StringComparison.Ordinal)), From(text) },
            new[] { RenameSuffix, null });
    }

    /// <summary>Renames the .resx entry <paramref name="name"/> to <c>&lt;name&gt;Zqrenamed</c>, and back.</summary>
    public static IdeEdit ResxRename(TextDocument resxFile, string text, string name)
    {
        string entry = $"<data name=\"{name}\" ";
        string renamed = name + "Zqrenamed";
        if (CountOf(text, entry) != 1) throw new InvalidOperationException($"{resxFile.Name} does not hold the entry {name} exactly once.");
        return new IdeEdit("rename", resxFile.Id, isAdditional: true,
            new[] { From(text.Replace(entry, $"<data name=\"{renamed}\" ", StringComparison.Ordinal)), From(text) },
            new[] { renamed, null });
    }

    /// <summary>A one-line C# edit: the constant in Program.cs (<see cref="ProgramText"/>) becomes 1, then 2.</summary>
    public static IdeEdit CSharpEdit(DocumentId program, string use)
        => new("C# edit", program, isAdditional: false, new[] { From(ProgramText(use, 1)), From(ProgramText(use, 2)) }, new string?[] { null, null });

    /// <summary>The app's Program.cs: a constant that the C# edit changes, and one use of a generated member.</summary>
    public static string ProgramText(string use, int edit)
        => $$"""
        namespace App;

        internal static class Program
        {
            private const int Edit = {{edit.ToString(CultureInfo.InvariantCulture)}};

            private static int Main()
            {
                System.Console.WriteLine(Edit);
                System.Console.WriteLine({{use}});
                return 0;
            }
        }

        """;

    /// <summary>
    /// An event of <paramref name="catalog"/>'s file <paramref name="file"/> whose id occurs nowhere
    /// in the catalog but at its own definition: renaming it breaks no reference.
    /// </summary>
    public static string UnreferencedEventId(FactFile[] catalog, int file)
    {
        string text = catalog[file].Text;
        int events = text.IndexOf("\nevents:\n", StringComparison.Ordinal);
        foreach (Match definition in Regex.Matches(text[events..], @"^  ([a-z0-9-]+):$", RegexOptions.Multiline))
        {
            string id = definition.Groups[1].Value;
            var use = new Regex($"(?<![a-z0-9-]){Regex.Escape(id)}(?![a-z0-9-])", RegexOptions.CultureInvariant);
            if (catalog.Sum(f => use.Matches(f.Text).Count) == 1) return id;
        }
        throw new InvalidOperationException($"Every event of {catalog[file].Path} is referenced; pick another file.");
    }

    /// <summary>The first event entry (<c>EventN</c>) of a .resx text.</summary>
    public static string FirstEventEntry(string resxText)
        => Regex.Match(resxText, "<data name=\"(Event[0-9]+)\" ") is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The .resx file has no event entry.");

    /// <summary>The word that a rename adds; it appears nowhere in the synthetic catalogs.</summary>
    private const string RenameSuffix = "zqrenamed";

    private static SourceText From(string text) => SourceText.From(text, Encoding.UTF8);

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
