using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;
using FactGen.Upstream;

namespace FactGen.Binding;

/// <summary>
/// The bind stage: merges every fact file into one <see cref="BoundCatalog"/> (or binds one file
/// alone, as its part). It declares ids (FG0005, FG0006, FG0009, FG0001 for keys without an id
/// line), checks each fact's values (FG0003, FG0008, FG0010, FG0011), resolves references
/// (FG0007, FG0012); back references are found at run time from the forward ones.
/// <para>
/// A declaration survives its own errors: every fact whose id makes a C# name keeps its member,
/// so C# code that uses it still compiles while the error fails the build. A fact with an error
/// is emitted with placeholder values (its id for its name, no kind, no references it could not
/// resolve), never with the text that failed a check. An error never causes errors elsewhere:
/// references to a fact with errors bind to it, a fact whose text the reader could not read
/// whole is not checked again, and all references to one unknown id give one FG0007.
/// </para>
/// </summary>
internal static class CatalogBinder
{
    /// <summary>Binds the project's fact files on their own, with no referenced catalogs.</summary>
    public static BindResult Bind(ImmutableArray<FactFileSyntax> files, CancellationToken cancellationToken)
        => Bind(files, UpstreamIndex.None, cancellationToken);

    /// <summary>
    /// Binds the project's fact files on top of the catalogs it references (<paramref name="upstream"/>):
    /// their ids resolve references, and declaring one of them again is FG0006.
    /// </summary>
    public static BindResult Bind(ImmutableArray<FactFileSyntax> files, UpstreamIndex upstream, CancellationToken cancellationToken)
    {
        var binder = new Binder(upstream, cancellationToken);
        // Sort so that "first" (for duplicates) and every ordering in the output are the same
        // whatever order the compiler lists the additional files in.
        // '\\' and '/' sort differently, so compare with one separator: the same tree gives the same
        // order on every OS.
        FactFileSyntax[] sorted = files.OrderBy(static f => f.Path.Replace('\\', '/'), StringComparer.Ordinal).ToArray();
        return binder.Bind(sorted);
    }

    /// <summary>
    /// Binds one fact file alone: a reference its own facts do not declare is an import by id, of
    /// a referenced catalog where one declares it, else of another file of the catalog. So the
    /// result depends on no other file, and an edit to one file binds that file alone. Whether
    /// that is exactly the whole catalog's bind is the <see cref="CatalogIndex"/>'s to say.
    /// </summary>
    public static FileBind BindFile(FactFileSyntax file, UpstreamIndex upstream, CancellationToken cancellationToken)
        => new Binder(upstream, cancellationToken, fileMode: true).BindFile(file);

    /// <summary>By file, so the manifest names each file once; then by line (and category and id, so that files of one name in two folders sort the same every time).</summary>
    public static void SortDeclared(List<UpstreamFact> facts)
    {
        facts.Sort(static (a, b) =>
        {
            int order = string.CompareOrdinal(a.File, b.File);
            if (order == 0) order = a.Line.CompareTo(b.Line);
            if (order == 0) order = a.Category.CompareTo(b.Category);
            return order != 0 ? order : string.CompareOrdinal(a.Id, b.Id);
        });
    }

    /// <summary>
    /// One bind, as passes over the three category tables: each file's source; the id index
    /// (<see cref="Declarations"/>), the two in turn file by file; each fact's own values (<see cref="FactChecks"/>); the
    /// numbering in id order; the bound facts, whose references the
    /// <see cref="ReferenceResolver"/> resolves (this bind's facts, then the referenced catalogs', then
    /// in file mode the other files); FG0012; and FG0007 for what no scope knew
    /// (<see cref="UnknownReferenceReport"/>). Back references are not bound: the generated
    /// catalog finds them at run time from the forward ones.
    /// </summary>
    private sealed class Binder
    {
        private readonly CancellationToken _cancellationToken;
        private readonly BindDiagnostics _diagnostics = new();
        private readonly List<BoundSource> _sources = new();
        private readonly List<string> _sourceFiles = new();
        private readonly CategoryTables _tables;
        private readonly Declarations _declarations;
        private readonly FactChecks _checks;
        private readonly ReferenceResolver _references;
        private readonly ReportBinder _reports;
        private readonly List<(FactFileSyntax File, int Source, bool Cited)> _reporting = new();
        private readonly UpstreamCatalogs _upstream;
        private readonly UpstreamIndex _index;

        /// <summary>Binding one file alone: an id its facts do not declare is another file's (else the whole catalog is bound).</summary>
        private readonly bool _fileMode;

        public Binder(UpstreamIndex upstream, CancellationToken cancellationToken, bool fileMode = false)
        {
            _index = upstream;
            _fileMode = fileMode;
            _upstream = upstream.Catalogs;
            _cancellationToken = cancellationToken;
            _tables = new CategoryTables(upstream);
            _declarations = new Declarations(_tables, _diagnostics, fileMode, isDownstream: IsDownstream);
            _checks = new FactChecks(_diagnostics, _tables);
            _references = new ReferenceResolver(_diagnostics, fileMode);
            _reports = new ReportBinder(_diagnostics, _tables, _checks, _references);
        }

        private EquatableArray<UpstreamFact> DeclaredFacts()
        {
            var facts = new List<UpstreamFact>(_tables.All.Sum(static t => t.DeclaredCount));
            foreach (CategoryTable table in _tables.All)
            {
                foreach (ScalarSyntax id in table.DeclaredIds)
                {
                    facts.Add(new UpstreamFact(table.Kind, id.Value, System.IO.Path.GetFileName(id.Location.FilePath), id.Location.LineSpan.Start.Line + 1));
                }
            }
            SortDeclared(facts);
            return facts.ToEquatableArray();
        }

        private BoundComposition Composition()
        {
            var kinds = new List<UpstreamKind>();
            var imports = new List<BoundImport>();
            foreach (CategoryTable table in _tables.All)
            {
                foreach (string kind in table.Kinds) kinds.Add(new UpstreamKind(table.Kind, kind, table.KindValues[kind]));
                foreach ((string id, string? ns) in table.Imported)
                {
                    if (ns is not null) imports.Add(new BoundImport(table.Kind, ns, id));
                }
            }
            // Kinds of every category first, then imports: the order the manifest has always had.
            return new BoundComposition(
                TypesNamespace: _upstream.Catalogs[0].TypesNamespace,
                UpstreamNamespaces: _upstream.Catalogs.Select(static c => c.Namespace).ToEquatableArray(),
                Kinds: kinds.ToEquatableArray(),
                Imports: imports.ToEquatableArray());
        }

        /// <summary>Whether the project's catalog builds on referenced catalogs, and so uses their types.</summary>
        private bool IsDownstream => !_upstream.Catalogs.IsEmpty;

        public BindResult Bind(FactFileSyntax[] files)
        {
            // A referenced catalog that cannot be read matters only to a project with facts of its own.
            if (files.Length > 0 && !_fileMode)
            {
                foreach (string problem in _upstream.Problems)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, null, CatalogManifest.AttributeName, "a referenced fact catalog", problem));
                }
            }
            foreach (FactFileSyntax file in files)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (file.IsUnreadable) continue;
                int source = BindSource(file, out bool cited);
                _declarations.DeclareFile(file, source, cited);
                if (!file.Reports.IsEmpty) _reporting.Add((file, source, cited));
            }
            _declarations.Complete();

            // A fact whose text has an error is left out without further checks: the one error is
            // the one to fix, and a cascade of follow-on errors would only hide it.
            foreach (Declaration<StateSyntax> state in _tables.States.ById.Values)
            {
                if (state.Quiet || state.Syntax.HasErrors) Declarations.MarkQuiet(state);
                else _checks.Check(state);
            }
            foreach (Declaration<ActorSyntax> actor in _tables.Actors.ById.Values)
            {
                if (actor.Quiet || actor.Syntax.HasErrors) Declarations.MarkQuiet(actor);
                else _checks.Check(actor);
            }
            foreach (Declaration<EventSyntax> @event in _tables.Events.ById.Values)
            {
                if (@event.Quiet || @event.Syntax.HasErrors) Declarations.MarkQuiet(@event);
                else _checks.Check(@event);
            }

            _declarations.NumberAll();
            // Reports once the facts are numbered (a report names facts as references do), and
            // before they are bound: a kind only a report gives is numbered with the others.
            var reports = new List<BoundReportFile>(_reporting.Count);
            foreach ((FactFileSyntax file, int source, bool cited) in _reporting)
            {
                if (_reports.Bind(file, source, _sources[source], cited) is { } bound) reports.Add(bound);
            }
            _declarations.NumberReportedKinds();

            BoundState[] states = _tables.States.Declared.Select(BindState).ToArray();
            BoundActor[] actors = _tables.Actors.Declared.Select(BindActor).ToArray();
            BoundEvent[] events = _tables.Events.Declared.Select(BindEvent).ToArray();
            foreach (Declaration<EventSyntax> @event in _tables.Events.Declared)
            {
                if (@event.IsValid) _checks.CheckRetractedReferences(@event);
            }
            // Unknown ids are reported with suggestions from the whole catalog: the whole bind's job.
            if (!_fileMode) UnknownReferenceReport.Report(_references.Unknown, _tables, _index, _diagnostics, _cancellationToken);
            var catalog = new BoundCatalog(
                FileCount: files.Length,
                Sources: _sources.ToEquatableArray(),
                States: new EquatableArray<BoundState>(states),
                Actors: new EquatableArray<BoundActor>(actors),
                Events: new EquatableArray<BoundEvent>(events),
                StateKinds: _tables.States.Kinds.ToEquatableArray(),
                ActorKinds: _tables.Actors.Kinds.ToEquatableArray(),
                EventKinds: _tables.Events.Kinds.ToEquatableArray())
            {
                SourceFiles = _sourceFiles.ToEquatableArray(),
                Composition = IsDownstream ? Composition() : null,
            };
            return new BindResult(catalog, Capped(files)) { Declared = DeclaredFacts(), Reports = reports.ToEquatableArray() };
        }

        /// <summary>The one file of a bind in file mode, as its part (not yet placed: see <see cref="CatalogParts.Place"/>).</summary>
        public FileBind BindFile(FactFileSyntax file)
        {
            BindResult result = Bind(new[] { file });
            BoundCatalog bound = result.Catalog;
            BoundPart? part = null;
            // The kinds of the file's facts number them in its part; its reports' kinds join the
            // catalog's enum as well (a file of reports alone adds kinds too).
            var kinds = new List<PartKind>();
            var reported = new List<PartKind>();
            foreach (CategoryTable table in _tables.All)
            {
                foreach (string kind in table.Kinds) kinds.Add(new PartKind(table.Kind, kind, IsDownstream ? table.KindValues[kind] : -1));
                foreach (string kind in table.ReportedKinds)
                {
                    int value = !IsDownstream ? -1 : table.UpstreamKinds.TryGetValue(kind, out int known) ? known : UpstreamKinds.ValueOf(kind);
                    if (!table.Kinds.Contains(kind)) reported.Add(new PartKind(table.Kind, kind, value));
                }
            }
            if (bound.States.Count + bound.Actors.Count + bound.Events.Count > 0)
            {
                var imports = new List<PartImport>();
                foreach (CategoryTable table in _tables.All)
                {
                    foreach ((string id, string? ns) in table.Imported) imports.Add(new PartImport(table.Kind, ns, id, Naming.ToPascalCase(id)));
                }
                part = new BoundPart(
                    FieldName: string.Empty,
                    HintName: string.Empty,
                    Ordinal: -1,
                    Facts: bound with { SourceFiles = EquatableArray<string>.Empty, Composition = null },
                    Imports: imports.ToEquatableArray(),
                    Kinds: kinds.ToEquatableArray(),
                    Spread: EquatableArray<int>.Empty,
                    TypesNamespace: IsDownstream ? _upstream.Catalogs[0].TypesNamespace : null);
            }
            return new FileBind(file.Path, part, result.Diagnostics, result.Declared, _diagnostics.IsExact)
            {
                Reports = result.Reports.Count > 0 ? result.Reports[0] : null,
                Kinds = reported.Count == 0 ? kinds.ToEquatableArray() : kinds.Concat(reported).ToEquatableArray(),
            };
        }

        /// <summary>
        /// The binder's diagnostics, at most <see cref="DiagnosticCap.PerFile"/> per file together
        /// with the reader's (the first in the file are kept), and one FG0013 for each file where
        /// some were left out.
        /// </summary>
        private EquatableArray<DiagnosticInfo> Capped(FactFileSyntax[] files)
        {
            bool anyLeftOut = false;
            var perFile = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (DiagnosticInfo diagnostic in _diagnostics.Items)
            {
                if (diagnostic.Location is not { } location) continue;
                perFile[location.FilePath] = perFile.TryGetValue(location.FilePath, out int n) ? n + 1 : 1;
            }
            foreach (FactFileSyntax file in files)
            {
                int binder = perFile.TryGetValue(file.Path, out int n) ? n : 0;
                if (file.DiagnosticsLeftOut > 0 || file.Diagnostics.Count + binder > DiagnosticCap.PerFile) anyLeftOut = true;
            }
            if (!anyLeftOut) return _diagnostics.Items.ToEquatableArray();

            var result = new List<DiagnosticInfo>(_diagnostics.Items.Count);
            foreach (DiagnosticInfo diagnostic in _diagnostics.Items)
            {
                if (diagnostic.Location is null) result.Add(diagnostic);
            }
            foreach (FactFileSyntax file in files)
            {
                int room = Math.Max(0, DiagnosticCap.PerFile - file.Diagnostics.Count);
                result.AddRange(DiagnosticCap.FirstInFile(_diagnostics.Items.Where(d => d.Location?.FilePath == file.Path), room, out int over));
                int leftOut = file.DiagnosticsLeftOut + over;
                if (leftOut > 0)
                {
                    result.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DiagnosticsLeftOut, file.Start,
                        leftOut.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        DiagnosticCap.PerFile.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
            return result.ToEquatableArray();
        }

        // ---- sources -------------------------------------------------------------------------

        /// <summary>
        /// The file's source index. A file whose source has an error still gets one, with what
        /// could be read (the file name for a missing outlet), so that its facts keep their members;
        /// the error fails the build, so that source is never shipped. <paramref name="cited"/> is
        /// false then: the file's facts are checked, but their references are not resolved, as
        /// the file is not yet part of the catalog.
        /// </summary>
        private int BindSource(FactFileSyntax file, out bool cited)
        {
            string fileName = System.IO.Path.GetFileName(file.Path);
            cited = false;
            if (file.Source is not { } source)
            {
                // Where the reader recovered from a syntax error, the source may be lost in it: that
                // error is the one to fix.
                if (!file.IsRecovered)
                {
                    _diagnostics.Report(DiagnosticDescriptors.RequiredKeyMissing, file.Start, "Fact file", fileName, "source");
                }
                return AddSource(file, new BoundSource(Outlet: fileName, Title: null, Published: null, Language: null, Url: null));
            }
            // An error inside the block is already reported: take what was read, check nothing more.
            if (!source.HasErrors)
            {
                foreach (Key<SourceSyntax> key in FactKeys.Source.Required)
                {
                    if (key.IsAbsent(source)) _diagnostics.Report(DiagnosticDescriptors.RequiredKeyMissing, source.Location, "Source", fileName, key.Name);
                }
            }
            BoundDate? published = null;
            if (source.Published is { } p)
            {
                published = source.HasErrors ? FactChecks.QuietDate(p) : _checks.ParseDate(p);
            }
            string? language = source.Language?.Value;
            if (language is not null && !ValueRules.IsLanguageTag(language))
            {
                if (!source.HasErrors) _diagnostics.Report(DiagnosticDescriptors.InvalidValue, source.Language!.Location, MessageText.Quote(language), "language", "use a BCP 47 language tag such as 'id' or 'en-GB'");
                language = null;
            }
            string? url = source.Url?.Value;
            if (url is not null && !ValueRules.IsWebUrl(url))
            {
                if (!source.HasErrors) _diagnostics.Report(DiagnosticDescriptors.InvalidValue, source.Url!.Location, MessageText.Quote(url), "url", "use an absolute http:// or https:// address");
                url = null;
            }
            cited = !source.HasErrors && source.Outlet is not null
                && (source.Published is null || published is not null)
                && language == source.Language?.Value
                && url == source.Url?.Value;
            // Every text reaches doc comments and the build log: a bidi control is refused in all of them.
            bool outletSafe = SafeSourceText(source, source.Outlet, "outlet"), titleSafe = SafeSourceText(source, source.Title, "title");
            cited &= outletSafe && titleSafe;
            string outlet = source.Outlet is { } o && outletSafe ? o.Value : fileName;
            string? title = titleSafe ? source.Title?.Value : null;
            return AddSource(file, new BoundSource(Outlet: outlet, Title: title, Published: published, Language: language, Url: url));
        }

        private bool SafeSourceText(SourceSyntax source, ScalarSyntax? value, string key)
        {
            if (value is null || ValueRules.IndexOfBidiControl(value.Value) < 0) return true;
            if (!source.HasErrors) _diagnostics.Report(DiagnosticDescriptors.InvalidValue, value.Location, MessageText.Quote(value.Value), key, FactChecks.BidiProblem);
            return false;
        }

        private int AddSource(FactFileSyntax file, BoundSource source)
        {
            _sources.Add(source);
            _sourceFiles.Add(file.Path);
            return _sources.Count - 1;
        }

        // ---- bound facts ------------------------------------------------------------

        private BoundState BindState(Declaration<StateSyntax> d)
        {
            StateSyntax s = d.Syntax;
            bool quiet = d.Quiet || d.QuietReferences;
            return new BoundState(
                Id: d.Id.Value,
                MemberName: d.MemberName,
                Name: Text(d, s.Name) ?? d.Id.Value,
                OfficialName: Text(d, s.OfficialName),
                Kind: d.Kind,
                Capital: Text(d, s.Capital),
                Within: _references.Resolve(_tables.States, s.Within, "within", quiet),
                RecognizedBy: _references.ResolveAll(_tables.States, s.RecognizedBy, "recognized_by", quiet),
                Aliases: Aliases(d, s.Aliases),
                Labels: Labels(d, s.Labels),
                Source: d.Source)
            { HasErrors = !d.IsValid };
        }

        private BoundActor BindActor(Declaration<ActorSyntax> d)
        {
            ActorSyntax a = d.Syntax;
            bool quiet = d.Quiet || d.QuietReferences;
            return new BoundActor(
                Id: d.Id.Value,
                MemberName: d.MemberName,
                Name: Text(d, a.Name) ?? d.Id.Value,
                Kind: d.Kind,
                Role: Text(d, a.Role),
                State: _references.Resolve(_tables.States, a.State, "state", quiet),
                Aliases: Aliases(d, a.Aliases),
                Labels: Labels(d, a.Labels),
                Source: d.Source)
            { HasErrors = !d.IsValid };
        }

        private BoundEvent BindEvent(Declaration<EventSyntax> d)
        {
            EventSyntax e = d.Syntax;
            bool quiet = d.Quiet || d.QuietReferences;
            BoundDate date = d.Quiet && e.Date is { } written ? FactChecks.QuietDate(written) ?? default : d.Date;
            int statusIndex = e.Status is null ? 0 : Array.IndexOf(ValueRules.Statuses, e.Status.Value);
            BoundStatus status = statusIndex < 0 ? BoundStatus.Reported : (BoundStatus)statusIndex;
            string? retraction = status == BoundStatus.Retracted ? Text(d, e.Retraction) : null;
            // A retraction without a reason is an error; with placeholders it reads as not retracted.
            if (status == BoundStatus.Retracted && string.IsNullOrWhiteSpace(retraction)) (status, retraction) = (BoundStatus.Reported, null);
            return new BoundEvent(
                Id: d.Id.Value,
                MemberName: d.MemberName,
                Date: date,
                Kind: d.Kind,
                Summary: Text(d, e.Summary) ?? d.Id.Value,
                Actors: _references.ResolveAll(_tables.Actors, e.Actors, "actors", quiet),
                States: _references.ResolveAll(_tables.States, e.States, "states", quiet),
                Place: _references.Resolve(_tables.States, e.Place, "place", quiet),
                ReportedBy: _references.ResolveAll(_tables.Actors, e.ReportedBy, "reported_by", quiet),
                Follows: _references.ResolveAll(_tables.Events, e.Follows, "follows", quiet),
                Status: status,
                Retraction: retraction,
                Note: Text(d, e.Note),
                Source: d.Source)
            { HasErrors = !d.IsValid };
        }

        /// <summary>
        /// A value as written, or for a fact with an error, only a value that is safe to emit: one
        /// without a bidi control (every other check of a text value is on its key, not its text).
        /// </summary>
        private static string? Text<T>(Declaration<T> d, ScalarSyntax? value)
            => value is null ? null
             : d.IsValid || ValueRules.IndexOfBidiControl(value.Value) < 0 ? value.Value
             : null;

        private static EquatableArray<string> Aliases<T>(Declaration<T> d, EquatableArray<ScalarSyntax> aliases)
            => aliases.IsEmpty ? EquatableArray<string>.Empty : aliases.Select(a => Text(d, a)).OfType<string>().Distinct(StringComparer.Ordinal).ToEquatableArray();

        private static EquatableArray<BoundLabel> Labels<T>(Declaration<T> d, EquatableArray<LabelSyntax> labels)
        {
            if (labels.IsEmpty) return EquatableArray<BoundLabel>.Empty;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var bound = new List<BoundLabel>(labels.Count);
            foreach (LabelSyntax label in labels)
            {
                if (!d.IsValid && (!ValueRules.IsLanguageTag(label.Language.Value) || Text(d, label.Text) is null)) continue;
                if (seen.Add(label.Language.Value)) bound.Add(new BoundLabel(Language: label.Language.Value, Text: label.Text.Value));
            }
            return bound.ToEquatableArray();
        }
    }
}

/// <summary>
/// One fact file bound alone: its part (null where it has no facts; not yet placed), its
/// diagnostics (capped per file with the reader's), its facts with their lines (for the
/// manifest), and whether the bind met nothing that only the whole-catalog bind reports (a
/// duplicate, a clash of names, keys without an id line). The <see cref="CatalogIndex"/> sees
/// all of those too, from every file; <c>PerFileBindTests</c> checks that the two agree.
/// </summary>
internal sealed record FileBind(string Path, BoundPart? Part, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<UpstreamFact> Declared, bool IsExact)
{
    /// <summary>The file's reports (not yet named: see <see cref="CatalogIndex.ReportNameOf"/>), or null where it has none.</summary>
    public BoundReportFile? Reports { get; init; }

    /// <summary>The kinds the file's facts and reports use (the part's, and a file of reports alone has some too).</summary>
    public EquatableArray<PartKind> Kinds { get; init; } = EquatableArray<PartKind>.Empty;
}
