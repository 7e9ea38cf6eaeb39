using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using FactGen.Binding;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;
using FactGen.Tests.Infrastructure;
using FactGen.Tests.Mutation;
using FactGen.Upstream;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace FactGen.Tests.Binding;

/// <summary>
/// The generator binds file by file against an index of declared ids, and falls back to the
/// whole-catalog bind where a file's result may depend on another file's text (a duplicate, an
/// unknown reference, a lost id line). Wherever the file-by-file bind decides, it must give
/// exactly what the whole bind gives: the same parts, shell, diagnostics and manifest facts.
/// Checked here on every edit of the mutation sweep (one catalog, and the desk file on top of
/// the seed as a referenced catalog) and on every corpus file beside the seed.
/// </summary>
public sealed class PerFileBindTests(ITestOutputHelper output)
{
    [Fact]
    public void FileByFileBindIsTheWholeBindWhereverItDecides()
    {
        FactFile[] unedited = MutationSweep.UneditedFiles();
        var cases = new List<(string Name, FactFile[] Files)> { ("unedited", unedited) };
        foreach (Edit edit in MutationSweep.Edits(unedited))
        {
            FactFile[] files = unedited.ToArray();
            files[edit.FileIndex] = files[edit.FileIndex] with { Yaml = edit.Text };
            cases.Add((edit.Describe(), files));
        }
        foreach (string path in Directory.EnumerateFiles(CorpusDirectory(), "*.facts.yaml").OrderBy(p => p, StringComparer.Ordinal))
        {
            cases.Add((Path.GetFileName(path), new[] { unedited[0], new FactFile("/corpus/" + Path.GetFileName(path), File.ReadAllText(path)) }));
        }

        int decided = 0;
        var mismatches = new List<string>();
        foreach ((string name, FactFile[] files) in cases)
        {
            if (Compare(Read(files), UpstreamIndex.None) is { } problem) mismatches.Add(name + ": " + problem);
            else if (PerFile(Read(files), UpstreamIndex.None).Exact) decided++;
        }
        output.WriteLine($"{decided} of {cases.Count} catalogs bound file by file; the rest by the whole bind.");

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
        // The unedited catalog and every edit that changes only values are decided file by file:
        // most of the sweep, or the fast path would be one that edits never take.
        Assert.True(decided * 2 > cases.Count, $"Only {decided} of {cases.Count} catalogs were bound file by file.");
    }

    [Fact]
    public void FileByFileBindIsTheWholeBindOnTopOfAReferencedCatalog()
    {
        FactFile[] unedited = MutationSweep.UneditedFiles();
        UpstreamIndex upstream = AsUpstream(unedited[0]);
        var cases = new List<(string Name, FactFile[] Files)> { ("unedited", new[] { unedited[1] }) };
        foreach (Edit edit in MutationSweep.Edits(unedited).Where(e => e.FileIndex == 1))
        {
            cases.Add((edit.Describe(), new[] { unedited[1] with { Yaml = edit.Text } }));
        }

        int decided = 0;
        var mismatches = new List<string>();
        foreach ((string name, FactFile[] files) in cases)
        {
            if (Compare(Read(files), upstream) is { } problem) mismatches.Add(name + ": " + problem);
            else if (PerFile(Read(files), upstream).Exact) decided++;
        }
        output.WriteLine($"{decided} of {cases.Count} downstream catalogs bound file by file.");

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
        Assert.True(decided * 2 > cases.Count, $"Only {decided} of {cases.Count} catalogs were bound file by file.");
        // The desk file references the seed's facts: those are upstream imports of its part.
        BoundPart desk = PerFile(Read(cases[0].Files), upstream).Binds.Single().Part!;
        Assert.Contains(desk.Imports, i => i.Namespace == "Shared");
    }

    [Fact]
    public void ADuplicateAcrossFilesIsLeftToTheWholeBind()
    {
        FactFile first = new("/facts/a.facts.yaml", Facts.MinimalSource + "\nstates:\n  syria: { name: Syria, kind: sovereign }\n");
        FactFile second = new("/facts/b.facts.yaml", Facts.MinimalSource + "\nstates:\n  syria: { name: Syria, kind: sovereign }\n");
        (CatalogIndex index, FileBind[] _, bool exact) = PerFile(Read(new[] { first, second }), UpstreamIndex.None);
        Assert.False(index.IsExact);
        Assert.False(exact);
        Assert.Null(Compare(Read(new[] { first, second }), UpstreamIndex.None));
    }

    [Fact]
    public void AReferenceToAnotherFilesFactIsAnImportById()
    {
        FactFile first = new("/facts/a.facts.yaml", Facts.MinimalSource + "\nstates:\n  syria: { name: Syria, kind: sovereign }\n");
        FactFile second = new("/facts/b.facts.yaml", Facts.MinimalSource + "\nactors:\n  assad: { name: Bashar al-Assad, kind: person, state: syria }\n");
        (_, FileBind[] binds, bool exact) = PerFile(Read(new[] { first, second }), UpstreamIndex.None);
        Assert.True(exact);
        BoundPart part = binds.Single(b => b.Path == second.Path).Part!;
        Assert.Equal(new PartImport(FactCategory.State, null, "syria", "Syria"), Assert.Single(part.Imports));
        // Its own facts come first: the import is the first reference past them.
        Assert.Equal(0, part.Facts.Actors.Single().State);
        Assert.Empty(part.Facts.States);
    }

    [Fact]
    public void ReportsBoundFileByFileAreTheWholeBindsReports()
    {
        FactFile declaring = new("/facts/a.facts.yaml", Facts.MinimalSource + """

            states:
              syria: { name: Syria, kind: sovereign }
              libya: { name: Libya, kind: sovereign }
            actors:
              assad: { name: Bashar al-Assad, kind: person, state: syria }
            events:
              talks: { date: 2022, kind: talks, summary: Talks., states: [syria] }
            """);
        FactFile reporting = new("/facts/b.facts.yaml", """
            source:
              outlet: Other Wire
              published: 2022-07-13
            states:
              chad: { name: Chad, kind: sovereign, recognized_by: [libya] }
            reports:
              states:
                syria: { capital: Damascus, recognized_by: [chad], preferred: [capital] }
              actors:
                assad: { role: president }
              events:
                talks: { date: 2022-07-13, states: [libya, chad], actors: [assad] }
            """);
        FactFile disputing = new("/facts/c.facts.yaml", "source:\n  outlet: Third Wire\nreports:\n  events:\n    talks: { stance: disputes }\n");
        FactFile[] files = { declaring, reporting, disputing };

        (CatalogIndex index, FileBind[] binds, bool exact) = PerFile(Read(files), UpstreamIndex.None);
        Assert.True(exact);
        Assert.All(binds, b => Assert.True(b.IsExact, b.Path));
        Assert.Null(Compare(Read(files), UpstreamIndex.None));
        Assert.Null(binds[0].Reports);
        BoundReportFile reports = binds[1].Reports!;
        Assert.Equal(
            new[] { "State syria", "Actor assad", "Event talks" },
            reports.Reports.Select(r => r.Category + " " + r.Target));
        // Another file's fact is found by id (no namespace), this file's own too.
        Assert.Equal(new[] { new BoundRef("libya", null), new BoundRef("chad", null) }, reports.Reports[2].States.ToArray());
        Assert.Equal("Damascus", reports.Reports[0].Capital);
        Assert.Equal(new[] { "capital" }, reports.Reports[0].Preferred.ToArray());
        Assert.True(binds[2].Reports!.Reports.Single().Disputes);
        // The index names each file with reports as its part is named.
        Assert.Equal(new[] { "b", "c" }, index.ReportNames.ToArray());
        Assert.Equal("FactGen.Reports.c.g.cs", index.Name(binds[2].Reports)!.HintName);
    }

    [Fact]
    public void ReportsOnTopOfAReferencedCatalogNameItsNamespace()
    {
        FactFile[] unedited = MutationSweep.UneditedFiles();
        UpstreamIndex upstream = AsUpstream(unedited[0]);
        FileBind desk = PerFile(Read(new[] { unedited[1] }), upstream).Binds.Single();
        Assert.Null(Compare(Read(new[] { unedited[1] }), upstream));
        BoundReport recognition = Assert.Single(desk.Reports!.Reports);
        Assert.Equal(new BoundRef("north-korea-recognizes-donetsk", "Shared"), recognition.Target);
        Assert.Equal(new BoundDate(2022, 7, 13), recognition.Date);
        // The desk's own events are found by id, the shared catalog's by id and namespace.
        Assert.Equal(new[] { new BoundRef("russia-recognizes-dpr-lpr", null), new BoundRef("syria-recognizes-dpr-lpr", null) }, recognition.Follows.ToArray());
        Assert.Equal(new BoundRef("reuters", "Shared"), Assert.Single(recognition.ReportedBy));
    }

    private static ImmutableArray<FactFileSyntax> Read(FactFile[] files)
        => files.Select(f => FactFileReader.Read(f.Path, SourceText.From(f.Yaml), CancellationToken.None)).ToImmutableArray();

    /// <summary>The generator's file-by-file pipeline, step by step: each file bound alone, then placed by the index.</summary>
    private static (CatalogIndex Index, FileBind[] Binds, bool Exact) PerFile(ImmutableArray<FactFileSyntax> files, UpstreamIndex upstream)
    {
        CatalogIndex index = CatalogIndex.Build(files.Select(FileDeclarations.Of).ToImmutableArray(), upstream, CancellationToken.None);
        FileBind[] binds = files.Select(f => CatalogBinder.BindFile(f, upstream, CancellationToken.None))
            .Select(b => b.Part is { } part && index.PlaceOf(b.Path) is { } place ? b with { Part = CatalogParts.Place(part, place) } : b)
            .ToArray();
        return (index, binds, index.IsExact);
    }

    /// <summary>Null where the file-by-file bind defers to the whole bind or agrees with it; else what differs.</summary>
    private static string? Compare(ImmutableArray<FactFileSyntax> files, UpstreamIndex upstream)
    {
        (CatalogIndex index, FileBind[] binds, bool exact) = PerFile(files, upstream);
        if (!exact) return null;
        // The index decides from every file what each file's bind meets alone.
        if (binds.FirstOrDefault(b => !b.IsExact) is { } inexact) return $"the index binds file by file, but {inexact.Path} met what only the whole bind reports";
        BindResult whole = CatalogBinder.Bind(files, upstream, CancellationToken.None);
        CatalogSplit split = CatalogParts.SplitByFile(whole.Catalog);
        foreach (FileBind bind in binds)
        {
            BoundPart? expected = split.PartOf(bind.Path);
            if (!Equals(expected, bind.Part)) return $"the part of {bind.Path} differs: {Describe(expected)} / {Describe(bind.Part)}";
        }
        if (split.Parts.Count != binds.Count(b => b.Part is not null)) return "a different number of parts";
        // A part's cheap bounds never fall below its measure: a decision on the bounds is safe.
        foreach (BoundPart part in split.Parts)
        {
            FactGen.Emitting.DataTableEmitter.PartSize bounds = FactGen.Emitting.DataTableEmitter.Estimate(part);
            FactGen.Emitting.DataTableEmitter.PartMeasure measure = FactGen.Emitting.DataTableEmitter.Measure(part);
            if (measure.Text > bounds.TextUpper || measure.Table > bounds.TableUpper || measure.Utf8Table > bounds.TableUpper)
            {
                return $"the bounds of {part.HintName} ({bounds}, table {bounds.TableUpper}) fall below its measure ({measure})";
            }
        }
        CatalogKinds kinds = CatalogParts.Kinds(binds.Select(b => b.Part?.Kinds ?? EquatableArray<PartKind>.Empty));
        if (binds.Any(b => b.Part is not null && index.PlaceOf(b.Path) is null)) return "a part has no place";
        if (!CatalogParts.Shell(whole.Catalog).Equals(CatalogParts.Shell(index, kinds, upstream))) return "the shell differs";
        string[] wholeDiagnostics = whole.Diagnostics.Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        string[] fileDiagnostics = binds.SelectMany(b => b.Diagnostics).Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        if (!wholeDiagnostics.SequenceEqual(fileDiagnostics)) return "diagnostics differ:\n  whole: " + string.Join("\n         ", wholeDiagnostics) + "\n  files: " + string.Join("\n         ", fileDiagnostics);
        var declared = binds.SelectMany(b => b.Declared).ToList();
        CatalogBinder.SortDeclared(declared);
        if (!whole.Declared.SequenceEqual(declared)) return "the declared facts differ";
        // Each file's reports: the same as the whole bind's for that file (none where it has none).
        if (whole.Reports.Select(r => r.Path).Distinct(StringComparer.Ordinal).Count() != whole.Reports.Count) return "the whole bind gives a file's reports twice";
        foreach (FileBind bind in binds)
        {
            BoundReportFile? expected = whole.Reports.SingleOrDefault(r => r.Path == bind.Path);
            if (!Equals(expected, bind.Reports)) return $"the reports of {bind.Path} differ: {Describe(expected)} / {Describe(bind.Reports)}";
        }
        if (whole.Reports.Count != binds.Count(b => b.Reports is not null)) return "a different number of files with reports";
        return null;
    }

    private static string Describe(BoundReportFile? reports)
        => reports is null ? "none" : $"{reports.Reports.Count} reports from {reports.Source.Outlet} [{string.Join(", ", reports.Reports.Select(r => $"{r.Category} {r.Target}{(r.Disputes ? " disputes" : "")} {r.Date}"))}]";

    private static string Describe(BoundPart? part)
        => part is null ? "none" : $"{part.HintName} #{part.Ordinal}, {part.Facts.States.Count}/{part.Facts.Actors.Count}/{part.Facts.Events.Count} facts, {part.Imports.Count} imports, kinds [{string.Join(", ", part.Kinds)}]";

    private static string Key(DiagnosticInfo d)
        => $"{d.Location?.FilePath}:{d.Location?.Span.Start:D8} {d.Descriptor.Id} {string.Join("|", d.Arguments)} {d.AdditionalLocation}";

    /// <summary>A fact file as the catalog of a referenced assembly named Shared, as its manifest would describe it.</summary>
    private static UpstreamIndex AsUpstream(FactFile file)
    {
        BindResult bound = CatalogBinder.Bind(Read(new[] { file }), CancellationToken.None);
        BoundCatalog c = bound.Catalog;
        var kinds = c.StateKinds.Select((k, i) => new UpstreamKind(FactCategory.State, k, i))
            .Concat(c.ActorKinds.Select((k, i) => new UpstreamKind(FactCategory.Actor, k, i)))
            .Concat(c.EventKinds.Select((k, i) => new UpstreamKind(FactCategory.Event, k, i)));
        var catalog = new UpstreamCatalog("Shared", "Shared", "Shared", kinds.ToEquatableArray(), bound.Declared);
        return UpstreamIndex.Build(new UpstreamCatalogs(new[] { catalog }.ToEquatableArray(), EquatableArray<string>.Empty), CancellationToken.None);
    }

    private static string CorpusDirectory([CallerFilePath] string thisFile = "")
        => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile)!)!, "Corpus");
}
