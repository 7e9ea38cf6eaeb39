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
/// The bind stage: merges every fact file into one <see cref="BoundCatalog"/>. It declares ids
/// (FG0005, FG0006, FG0009), checks each fact's values (FG0003, FG0008, FG0010, FG0011), resolves
/// references (FG0007) and fills in back references.
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

    private sealed class Declaration<TSyntax>
    {
        public Declaration(TSyntax syntax, ScalarSyntax id, int source)
        {
            Syntax = syntax;
            Id = id;
            Source = source;
        }

        public TSyntax Syntax { get; }
        public ScalarSyntax Id { get; }
        public int Source { get; }
        /// <summary>No error in the fact: its values are emitted as written.</summary>
        public bool IsValid { get; set; } = true;
        /// <summary>The fact gets a generated member (its id makes a C# name that no other fact took).</summary>
        public bool Declares { get; set; } = true;
        /// <summary>The reader reported an error in the fact's text: bind what is there, report nothing more.</summary>
        public bool Quiet { get; set; }
        /// <summary>The fact's references are resolved, but an unknown one is not reported (its file has no usable source).</summary>
        public bool QuietReferences { get; set; }
        /// <summary>How many references bound to this fact (only counted for the misspelt-declaration check).</summary>
        public int References { get; set; }
        public string MemberName { get; set; } = string.Empty;
        public int Kind { get; set; } = -1;
        public int Index { get; set; } = -1;
        public BoundDate Date { get; set; }
    }

    /// <summary>What the binder knows of a category's ids, whatever the syntax of its facts.</summary>
    private abstract class CategoryTable
    {
        protected CategoryTable(CategoryInfo info) => Info = info;

        public CategoryInfo Info { get; }

        public FactCategory Kind => Info.Category;

        /// <summary>The ids of the referenced catalogs in this category: the first catalog (by assembly name) that declares an id wins.</summary>
        public IReadOnlyDictionary<string, (UpstreamCatalog Catalog, UpstreamFact Fact)> Upstream { get; set; } = UpstreamIndex.None.Facts(FactCategory.State);

        /// <summary>Whether this project or a referenced catalog declares the id in this category.</summary>
        public bool Knows(string id) => Declares(id) || Upstream.ContainsKey(id);

        /// <summary>Whether this project declares the id in this category.</summary>
        public abstract bool Declares(string id);

        /// <summary>The ids of the facts that get a member, in id order.</summary>
        public abstract IEnumerable<ScalarSyntax> DeclaredIds { get; }

        /// <summary>The declared ids that no fact references.</summary>
        public abstract IEnumerable<ScalarSyntax> UnreferencedIds { get; }
    }

    private sealed class Category<TSyntax> : CategoryTable
    {
        public Category(KeyTable<TSyntax> keys)
            : base(keys.Category ?? throw new ArgumentException($"The '{keys.Key}' table is no category.", nameof(keys)))
        {
            Keys = keys;
        }

        public override bool Declares(string id) => ById.ContainsKey(id);

        public override IEnumerable<ScalarSyntax> DeclaredIds => Declared.Select(d => d.Id);

        public override IEnumerable<ScalarSyntax> UnreferencedIds => Declared.Where(d => d.References == 0).Select(d => d.Id);

        /// <summary>The keys of a fact of the category: which are required, which hold references.</summary>
        public KeyTable<TSyntax> Keys { get; }

        public string Singular => Info.Singular;
        public string ClassName => Info.ClassName;
        public Dictionary<string, Declaration<TSyntax>> ById { get; } = new(StringComparer.Ordinal);
        /// <summary>The facts that get a member, in id order (a fact's index is its position here).</summary>
        public List<Declaration<TSyntax>> Declared { get; set; } = new();
        public Dictionary<string, string> KindsByMember { get; } = new(StringComparer.Ordinal);
        public List<string> Kinds { get; } = new();
        /// <summary>
        /// The upstream facts this project's facts reference (and binding one file, the other
        /// files' facts, with no namespace), in the order first referenced; a reference to one is
        /// <c>Declared.Count + its position here</c>.
        /// </summary>
        public List<(string Id, string? Namespace)> Imported { get; } = new();
        public Dictionary<string, int> ImportIndex { get; } = new(StringComparer.Ordinal);
        /// <summary>Kind values of the root catalog's enum (and of kinds that upstream catalogs added), by kind.</summary>
        public IReadOnlyDictionary<string, int> UpstreamKinds { get; set; } = UpstreamIndex.None.Kinds(FactCategory.State);
        /// <summary>The value of each kind this project's facts use.</summary>
        public Dictionary<string, int> KindValues { get; set; } = new(StringComparer.Ordinal);
    }

    private sealed class Binder
    {
        private readonly CancellationToken _cancellationToken;
        private readonly List<DiagnosticInfo> _diagnostics = new();
        private readonly List<BoundSource> _sources = new();
        private readonly List<string> _sourceFiles = new();
        private readonly Category<StateSyntax> _states = new(FactKeys.State);
        private readonly Category<ActorSyntax> _actors = new(FactKeys.Actor);
        private readonly Category<EventSyntax> _events = new(FactKeys.Event);
        /// <summary>The three categories, by <see cref="FactCategory"/>.</summary>
        private readonly CategoryTable[] _categories;
        private readonly List<Orphan> _orphans = new();
        private readonly List<Action> _invalidIds = new();
        private readonly Dictionary<string, UnknownReferences> _unknown = new(StringComparer.Ordinal);
        private readonly List<UnknownReferences> _unknownOrder = new();
        private int _suggestionLookups;
        private const int MaxSuggestionLookups = 200;

        private readonly UpstreamCatalogs _upstream;
        private readonly UpstreamIndex _index;

        /// <summary>Binding one file alone: an id its facts do not declare is another file's (else the whole catalog is bound).</summary>
        private readonly bool _fileMode;

        /// <summary>Binding one file: nothing came up that only the whole-catalog bind handles (see <see cref="FileBind.IsExact"/>).</summary>
        private bool _exact = true;

        public Binder(UpstreamIndex upstream, CancellationToken cancellationToken, bool fileMode = false)
        {
            _index = upstream;
            _fileMode = fileMode;
            _upstream = upstream.Catalogs;
            _cancellationToken = cancellationToken;
            _categories = new CategoryTable[] { _states, _actors, _events };
            Attach(_states);
            Attach(_actors);
            Attach(_events);
        }

        /// <summary>Points a category at the shared, read-only tables of the referenced catalogs.</summary>
        private void Attach<T>(Category<T> category)
        {
            category.Upstream = _index.Facts(category.Kind);
            category.UpstreamKinds = _index.Kinds(category.Kind);
        }

        private CategoryTable Of(CategoryInfo category) => _categories[(int)category.Category];

        private EquatableArray<UpstreamFact> DeclaredFacts()
        {
            var facts = new List<UpstreamFact>(_states.Declared.Count + _actors.Declared.Count + _events.Declared.Count);
            AddDeclared(facts, FactCategory.State, _states);
            AddDeclared(facts, FactCategory.Actor, _actors);
            AddDeclared(facts, FactCategory.Event, _events);
            SortDeclared(facts);
            return facts.ToEquatableArray();
        }

        private static void AddDeclared<T>(List<UpstreamFact> facts, FactCategory category, Category<T> declared)
        {
            foreach (Declaration<T> d in declared.Declared)
            {
                facts.Add(new UpstreamFact(category, d.Id.Value, System.IO.Path.GetFileName(d.Id.Location.FilePath), d.Id.Location.LineSpan.Start.Line + 1));
            }
        }

        private BoundComposition Composition()
        {
            var kinds = new List<UpstreamKind>();
            AddKinds(kinds, FactCategory.State, _states);
            AddKinds(kinds, FactCategory.Actor, _actors);
            AddKinds(kinds, FactCategory.Event, _events);
            var imports = new List<BoundImport>();
            AddImports(imports, FactCategory.State, _states);
            AddImports(imports, FactCategory.Actor, _actors);
            AddImports(imports, FactCategory.Event, _events);
            return new BoundComposition(
                TypesNamespace: _upstream.Catalogs[0].TypesNamespace,
                UpstreamNamespaces: _upstream.Catalogs.Select(static c => c.Namespace).ToEquatableArray(),
                Kinds: kinds.ToEquatableArray(),
                Imports: imports.ToEquatableArray());
        }

        private static void AddKinds<T>(List<UpstreamKind> kinds, FactCategory category, Category<T> facts)
        {
            foreach (string kind in facts.Kinds) kinds.Add(new UpstreamKind(category, kind, facts.KindValues[kind]));
        }

        private static void AddImports<T>(List<BoundImport> imports, FactCategory category, Category<T> facts)
        {
            foreach ((string id, string? ns) in facts.Imported)
            {
                if (ns is not null) imports.Add(new BoundImport(category, ns, id));
            }
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
                foreach (StateSyntax state in file.States)
                {
                    if (state.Outcome == ReadOutcome.IdMissing) _orphans.Add(new Orphan(_states.Singular, state, state.Id, source, cited, state.Name?.Value));
                    else Declare(_states, state, state.Id, source, cited);
                }
                foreach (ActorSyntax actor in file.Actors)
                {
                    if (actor.Outcome == ReadOutcome.IdMissing) _orphans.Add(new Orphan(_actors.Singular, actor, actor.Id, source, cited, actor.Name?.Value));
                    else Declare(_actors, actor, actor.Id, source, cited);
                }
                foreach (EventSyntax @event in file.Events)
                {
                    if (@event.Outcome == ReadOutcome.IdMissing) _orphans.Add(new Orphan(_events.Singular, @event, @event.Id, source, cited, null));
                    else Declare(_events, @event, @event.Id, source, cited);
                }
            }
            foreach (Action readAsSuggestion in _invalidIds) readAsSuggestion();
            // Keys without an id are read as an id referenced anywhere in the catalog: the whole bind's job.
            if (_orphans.Count > 0)
            {
                if (!_fileMode) DeclareOrphans();
                else _exact = false;
            }

            // A fact whose text has an error is left out without further checks: the one error is
            // the one to fix, and a cascade of follow-on errors would only hide it.
            foreach (Declaration<StateSyntax> state in _states.ById.Values)
            {
                if (state.Quiet || state.Syntax.HasErrors) MarkQuiet(state);
                else CheckState(state);
            }
            foreach (Declaration<ActorSyntax> actor in _actors.ById.Values)
            {
                if (actor.Quiet || actor.Syntax.HasErrors) MarkQuiet(actor);
                else CheckActor(actor);
            }
            foreach (Declaration<EventSyntax> @event in _events.ById.Values)
            {
                if (@event.Quiet || @event.Syntax.HasErrors) MarkQuiet(@event);
                else CheckEvent(@event);
            }

            Number(_states);
            Number(_actors);
            Number(_events);

            BoundState[] states = _states.Declared.Select(BindState).ToArray();
            BoundActor[] actors = _actors.Declared.Select(BindActor).ToArray();
            BoundEvent[] events = _events.Declared.Select(BindEvent).ToArray();
            foreach (Declaration<EventSyntax> @event in _events.Declared)
            {
                if (@event.IsValid) CheckRetractedReferences(@event);
            }
            // Unknown ids are reported with suggestions from the whole catalog: the whole bind's job.
            if (!_fileMode) ReportUnknownReferences();
            var catalog = new BoundCatalog(
                FileCount: files.Length,
                Sources: _sources.ToEquatableArray(),
                States: new EquatableArray<BoundState>(states),
                Actors: new EquatableArray<BoundActor>(actors),
                Events: new EquatableArray<BoundEvent>(events),
                StateKinds: _states.Kinds.ToEquatableArray(),
                ActorKinds: _actors.Kinds.ToEquatableArray(),
                EventKinds: _events.Kinds.ToEquatableArray())
            {
                SourceFiles = _sourceFiles.ToEquatableArray(),
                Composition = IsDownstream ? Composition() : null,
            };
            return new BindResult(catalog, Capped(files)) { Declared = DeclaredFacts() };
        }

        /// <summary>The one file of a bind in file mode, as its part (not yet placed: see <see cref="CatalogParts.Place"/>).</summary>
        public FileBind BindFile(FactFileSyntax file)
        {
            BindResult result = Bind(new[] { file });
            BoundCatalog bound = result.Catalog;
            BoundPart? part = null;
            if (bound.States.Count + bound.Actors.Count + bound.Events.Count > 0)
            {
                var imports = new List<PartImport>();
                var kinds = new List<PartKind>();
                AddPart(imports, kinds, _states);
                AddPart(imports, kinds, _actors);
                AddPart(imports, kinds, _events);
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
            return new FileBind(file.Path, part, result.Diagnostics, result.Declared, _exact);
        }

        private void AddPart<T>(List<PartImport> imports, List<PartKind> kinds, Category<T> category)
        {
            foreach ((string id, string? ns) in category.Imported) imports.Add(new PartImport(category.Kind, ns, id, Naming.ToPascalCase(id)));
            foreach (string kind in category.Kinds) kinds.Add(new PartKind(category.Kind, kind, IsDownstream ? category.KindValues[kind] : -1));
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
            foreach (DiagnosticInfo diagnostic in _diagnostics)
            {
                if (diagnostic.Location is not { } location) continue;
                perFile[location.FilePath] = perFile.TryGetValue(location.FilePath, out int n) ? n + 1 : 1;
            }
            foreach (FactFileSyntax file in files)
            {
                int binder = perFile.TryGetValue(file.Path, out int n) ? n : 0;
                if (file.DiagnosticsLeftOut > 0 || file.Diagnostics.Count + binder > DiagnosticCap.PerFile) anyLeftOut = true;
            }
            if (!anyLeftOut) return _diagnostics.ToEquatableArray();

            var result = new List<DiagnosticInfo>(_diagnostics.Count);
            foreach (DiagnosticInfo diagnostic in _diagnostics)
            {
                if (diagnostic.Location is null) result.Add(diagnostic);
            }
            foreach (FactFileSyntax file in files)
            {
                int room = Math.Max(0, DiagnosticCap.PerFile - file.Diagnostics.Count);
                result.AddRange(DiagnosticCap.FirstInFile(_diagnostics.Where(d => d.Location?.FilePath == file.Path), room, out int over));
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
                    Report(DiagnosticDescriptors.RequiredKeyMissing, file.Start, "Fact file", fileName, "source");
                }
                return AddSource(file, new BoundSource(Outlet: fileName, Title: null, Published: null, Language: null, Url: null));
            }
            // An error inside the block is already reported: take what was read, check nothing more.
            if (!source.HasErrors)
            {
                foreach (Key<SourceSyntax> key in FactKeys.Source.Required)
                {
                    if (key.IsAbsent(source)) Report(DiagnosticDescriptors.RequiredKeyMissing, source.Location, "Source", fileName, key.Name);
                }
            }
            BoundDate? published = null;
            if (source.Published is { } p)
            {
                published = source.HasErrors ? QuietDate(p) : ParseDate(p);
            }
            string? language = source.Language?.Value;
            if (language is not null && !ValueRules.IsLanguageTag(language))
            {
                if (!source.HasErrors) Report(DiagnosticDescriptors.InvalidValue, source.Language!.Location, MessageText.Quote(language), "language", "use a BCP 47 language tag such as 'id' or 'en-GB'");
                language = null;
            }
            string? url = source.Url?.Value;
            if (url is not null && !ValueRules.IsWebUrl(url))
            {
                if (!source.HasErrors) Report(DiagnosticDescriptors.InvalidValue, source.Url!.Location, MessageText.Quote(url), "url", "use an absolute http:// or https:// address");
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
            if (!source.HasErrors) Report(DiagnosticDescriptors.InvalidValue, value.Location, MessageText.Quote(value.Value), key, BidiProblem);
            return false;
        }

        private const string BidiProblem = "it holds a Unicode bidi control character, which can make text read differently than it is; remove it";

        private int AddSource(FactFileSyntax file, BoundSource source)
        {
            _sources.Add(source);
            _sourceFiles.Add(file.Path);
            return _sources.Count - 1;
        }

        // ---- declarations ----------------------------------------------------------------------

        /// <summary>Keys whose id line is missing (the reader could not tell the id).</summary>
        private sealed record Orphan(string Singular, object Syntax, ScalarSyntax Place, int Source, bool Cited, string? Name);

        /// <summary>
        /// Keys without an id line above them: most often an id line deleted by mistake. Where the
        /// other facts tell which id it was (one that is referenced but declared nowhere, whose
        /// kebab-case form is the keys' name, or the only such id of the category), they are
        /// declared under it, so the references and the code that use it still bind; either way
        /// one error says to add the id line.
        /// </summary>
        private void DeclareOrphans()
        {
            Dictionary<string, List<string>> unknown = UnknownIdsByCategory();
            foreach (Orphan orphan in _orphans)
            {
                List<string> candidates = unknown.TryGetValue(orphan.Singular, out List<string>? ids) ? ids : new List<string>();
                candidates.RemoveAll(static candidate => !Naming.IsKebabCase(candidate));
                string? id = null;
                if (orphan.Name is { } name && candidates.Contains(Naming.KebabOfName(name))) id = Naming.KebabOfName(name);
                else if (candidates.Count == 1) id = candidates[0];
                int line = orphan.Place.Location.LineSpan.Start.Line + 1;
                if (id is null)
                {
                    Report(DiagnosticDescriptors.YamlSyntaxError, orphan.Place.Location,
                        $"the keys from line {line} have no {orphan.Singular} id above them (its id line seems to be missing); they are not read: add the id line above them");
                    continue;
                }
                candidates.Remove(id);
                Report(DiagnosticDescriptors.YamlSyntaxError, orphan.Place.Location,
                    $"the keys from line {line} have no {orphan.Singular} id above them (its id line seems to be missing); they are read as '{MessageText.Quote(id)}', which is referenced but declared nowhere: add '{MessageText.Quote(id)}:' above them");
                ScalarSyntax recovered = orphan.Place.WithValue(id);
                switch (orphan.Syntax)
                {
                    case StateSyntax state: Declare(_states, state with { Id = recovered }, recovered, orphan.Source, orphan.Cited); break;
                    case ActorSyntax actor: Declare(_actors, actor with { Id = recovered }, recovered, orphan.Source, orphan.Cited); break;
                    case EventSyntax @event: Declare(_events, @event with { Id = recovered }, recovered, orphan.Source, orphan.Cited); break;
                }
            }
        }

        /// <summary>Ids referenced but declared nowhere, per category, in the order first referenced.</summary>
        private Dictionary<string, List<string>> UnknownIdsByCategory()
        {
            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            void Check<T>(Category<T> target, ScalarSyntax? id)
            {
                if (id is null || target.ById.ContainsKey(id.Value)) return;
                if (!result.TryGetValue(target.Singular, out List<string>? list)) result.Add(target.Singular, list = new List<string>());
                if (!list.Contains(id.Value)) list.Add(id.Value);
            }
            void CheckAll<T>(Category<T> target, EquatableArray<ScalarSyntax> ids)
            {
                foreach (ScalarSyntax id in ids) Check(target, id);
            }
            void CheckKeys<T>(Category<T> category)
            {
                foreach (Declaration<T> d in category.ById.Values)
                {
                    foreach (Key<T> key in category.Keys.References)
                    {
                        EquatableArray<ScalarSyntax> ids = key.ValuesOf(d.Syntax);
                        switch (key.References)
                        {
                            case FactCategory.State: CheckAll(_states, ids); break;
                            case FactCategory.Actor: CheckAll(_actors, ids); break;
                            case FactCategory.Event: CheckAll(_events, ids); break;
                        }
                    }
                }
            }
            // Every reference key of the tables, in the same order as before the tables: states,
            // then actors, then events, each fact's keys in table order.
            CheckKeys(_states);
            CheckKeys(_actors);
            CheckKeys(_events);
            return result;
        }

        private void Declare<T>(Category<T> category, T syntax, ScalarSyntax id, int source, bool cited)
            where T : class
        {
            var declaration = new Declaration<T>(syntax, id, source) { QuietReferences = !cited };
            // A fact the reader could not read whole may have a garbled id: its syntax error is
            // the one to fix, so nothing is reported about the id itself.
            bool quiet = HasReaderErrors(syntax);
            if (category.Upstream.TryGetValue(id.Value, out var upstream))
            {
                // The referenced catalog's fact wins: references bind to it, and this one gets no member.
                if (!quiet) Report(DiagnosticDescriptors.DuplicateId, id.Location, category.Singular, MessageText.Quote(id.Value), UpstreamPlace(upstream.Catalog, upstream.Fact));
                return;
            }
            if (category.ById.TryGetValue(id.Value, out Declaration<T>? first))
            {
                if (!quiet) Report(DiagnosticDescriptors.DuplicateId, id.Location, first.Id.Location, category.Singular, MessageText.Quote(id.Value), first.Id.Location.ToString());
                // The first declaration wins. Only where it is an empty repeat of the id line just
                // above (a duplicated line) does this one's body take its place, so that the
                // duplicate is the one error.
                if (first.Source == source && IsEmptyFact(category, first.Syntax) && !IsEmptyFact(category, syntax))
                {
                    var replacement = new Declaration<T>(syntax, first.Id, source)
                    {
                        IsValid = first.IsValid,
                        Declares = first.Declares,
                        Quiet = first.Quiet,
                        QuietReferences = first.QuietReferences,
                        MemberName = first.MemberName,
                    };
                    category.ById[id.Value] = replacement;
                }
                return;
            }
            category.ById.Add(id.Value, declaration);

            if (!Naming.IsKebabCase(id.Value))
            {
                string problem = id.Value.Length > Naming.MaxIdLength
                    ? $"is {id.Value.Length} characters long; ids are at most {Naming.MaxIdLength}, so shorten it"
                    : $"is not lowercase kebab-case (letters, digits and single hyphens, starting with a letter); write it like '{SuggestKebab(id.Value)}'";
                declaration.IsValid = false;
                declaration.Declares = false;
                // Reported once every id is declared: then it is known whether the id the message
                // suggests is free, so that the fact can be read as it.
                _invalidIds.Add(() => ReadAsSuggestion(category, declaration, problem, quiet, cited));
                return;
            }
            declaration.MemberName = Naming.ToPascalCase(id.Value);
            if (category.Info.IsReserved(declaration.MemberName))
            {
                if (!quiet) Report(DiagnosticDescriptors.NameClash, id.Location, $"The {category.Singular} id", MessageText.Quote(id.Value), declaration.MemberName, $"is already a member of the generated class '{category.ClassName}'");
                declaration.IsValid = false;
                declaration.Declares = false;
            }
        }

        private static bool HasReaderErrors<T>(T syntax) => syntax switch
        {
            StateSyntax s => s.HasErrors,
            ActorSyntax a => a.HasErrors,
            EventSyntax e => e.HasErrors,
            _ => false,
        };

        /// <summary>
        /// FG0005, and the fact read as the id the message suggests where that id is declared
        /// nowhere: it keeps a member, and references written the right way bind to it.
        /// </summary>
        private void ReadAsSuggestion<T>(Category<T> category, Declaration<T> declaration, string problem, bool quiet, bool cited)
        {
            ScalarSyntax id = declaration.Id;
            string suggestion = SuggestKebab(id.Value);
            bool recovered = id.Value.Length <= Naming.MaxIdLength && Naming.IsKebabCase(suggestion) && !category.ById.ContainsKey(suggestion)
                && !category.Info.IsReserved(Naming.ToPascalCase(suggestion));
            if (!quiet)
            {
                Report(DiagnosticDescriptors.InvalidId, id.Location, MessageText.Quote(id.Value), problem
                    + (recovered ? $"; until then it is read as '{suggestion}'" : "; the fact gets no member until then"));
            }
            if (!recovered) return;
            category.ById.Add(suggestion, new Declaration<T>(declaration.Syntax, id.WithValue(suggestion), declaration.Source)
            {
                IsValid = false,
                Quiet = true,
                QuietReferences = !cited,
                MemberName = Naming.ToPascalCase(suggestion),
            });
        }

        /// <summary>An id with nothing under it (<c>russia:</c> alone on its line).</summary>
        private static bool IsEmptyFact<T>(Category<T> category, T syntax) => !HasReaderErrors(syntax) && category.Keys.IsEmpty(syntax);

        /// <summary>The reader already reported an error in this fact's text: bind what it read, quietly.</summary>
        private static void MarkQuiet<T>(Declaration<T> declaration)
        {
            declaration.IsValid = false;
            declaration.Quiet = true;
        }

        /// <summary>
        /// Assigns indexes in id order and refuses ids, or kinds, whose C# names collide. Every fact
        /// that declares a member takes part, in id order, so the result does not depend on file
        /// order. Only valid facts name kinds: a fact with an error gets no kind (-1), so its kind
        /// can neither clash nor add an enum member.
        /// </summary>
        private void Number<T>(Category<T> category)
        {
            var byName = new Dictionary<string, Declaration<T>>(StringComparer.Ordinal);
            var declared = new List<Declaration<T>>();
            Declaration<T>[] ordered = category.ById.Values.Where(d => d.Declares).ToArray();
            Array.Sort(ordered, static (a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
            // Kinds repeat from fact to fact: name each distinct one once.
            var kindMembers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Declaration<T> declaration in ordered)
            {
                if (byName.TryGetValue(declaration.MemberName, out Declaration<T>? other))
                {
                    Report(DiagnosticDescriptors.NameClash, declaration.Id.Location, other.Id.Location, $"The {category.Singular} id", declaration.Id.Value, declaration.MemberName, $"'{MessageText.Quote(other.Id.Value)}' (at {other.Id.Location}) gives too; this fact gets no member until then");
                    declaration.IsValid = false;
                    declaration.Declares = false;
                    continue;
                }
                if (declaration.IsValid)
                {
                    ScalarSyntax kind = KindSyntaxOf(declaration);
                    if (!kindMembers.TryGetValue(kind.Value, out string? kindMember))
                    {
                        kindMember = Naming.ToPascalCase(kind.Value);
                        kindMembers.Add(kind.Value, kindMember);
                    }
                    if (category.KindsByMember.TryGetValue(kindMember, out string? otherKind) && otherKind != kind.Value)
                    {
                        Report(DiagnosticDescriptors.NameClash, kind.Location, $"The {category.Singular} kind", MessageText.Quote(kind.Value), kindMember, $"the kind '{otherKind}' gives too");
                        declaration.IsValid = false;
                    }
                    else
                    {
                        category.KindsByMember[kindMember] = kind.Value;
                    }
                }
                byName.Add(declaration.MemberName, declaration);
                declaration.Index = declared.Count;
                declared.Add(declaration);
            }
            category.Declared = declared;

            // Kinds become enum members: numbered in name order, counting only kinds in use. On top
            // of referenced catalogs, the enum is the root catalog's: a kind it has keeps its value,
            // and a new one gets a value from its name (UpstreamKinds.ValueOf).
            var kinds = new SortedSet<string>(declared.Where(d => d.IsValid).Select(KindOf), StringComparer.Ordinal);
            category.Kinds.AddRange(kinds);
            var kindIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < category.Kinds.Count; i++)
            {
                string kind = category.Kinds[i];
                kindIndex.Add(kind, !IsDownstream ? i : category.UpstreamKinds.TryGetValue(kind, out int value) ? value : UpstreamKinds.ValueOf(kind));
            }
            // Binding one file, a fact's kind is its position among the file's kinds (its part's numbering).
            foreach (Declaration<T> declaration in declared)
            {
                declaration.Kind = !declaration.IsValid ? -1 : !_fileMode ? kindIndex[KindOf(declaration)] : category.Kinds.BinarySearch(KindOf(declaration), StringComparer.Ordinal);
            }
            category.KindValues = kindIndex;
        }

        private static string KindOf<T>(Declaration<T> declaration) => KindSyntaxOf(declaration).Value;

        /// <summary>The kind of a fact that passed its checks (so it has one).</summary>
        private static ScalarSyntax KindSyntaxOf<T>(Declaration<T> declaration) => declaration.Syntax switch
        {
            StateSyntax s => s.Kind!,
            ActorSyntax a => a.Kind!,
            EventSyntax e => e.Kind!,
            _ => throw new InvalidOperationException("Unknown fact syntax."),
        };

        // ---- per-fact checks -------------------------------------------------------------------

        private void CheckState(Declaration<StateSyntax> d)
        {
            StateSyntax s = d.Syntax;
            RequireAll(d, _states);
            CheckName(d, s.Name, "name");
            CheckName(d, s.OfficialName, "official_name");
            CheckName(d, s.Capital, "capital");
            foreach (ScalarSyntax alias in s.Aliases) CheckName(d, alias, "aliases");
            foreach (LabelSyntax label in s.Labels) CheckName(d, label.Text, "labels");
            CheckKind(d, s.Kind);
            CheckLabels(d, s.Labels);
        }

        private void CheckActor(Declaration<ActorSyntax> d)
        {
            ActorSyntax a = d.Syntax;
            RequireAll(d, _actors);
            CheckName(d, a.Name, "name");
            CheckName(d, a.Role, "role");
            foreach (ScalarSyntax alias in a.Aliases) CheckName(d, alias, "aliases");
            foreach (LabelSyntax label in a.Labels) CheckName(d, label.Text, "labels");
            CheckKind(d, a.Kind);
            CheckLabels(d, a.Labels);
        }

        private void CheckEvent(Declaration<EventSyntax> d)
        {
            EventSyntax e = d.Syntax;
            RequireAll(d, _events);
            if (e.Date is not null)
            {
                if (ParseDate(e.Date) is { } date) d.Date = date;
                else d.IsValid = false;
            }
            CheckKind(d, e.Kind);
            CheckName(d, e.Summary, "summary");
            CheckName(d, e.Note, "note");
            if (e.Status is { } status && Array.IndexOf(ValueRules.Statuses, status.Value) < 0)
            {
                Report(DiagnosticDescriptors.InvalidValue, status.Location, MessageText.Quote(status.Value), "status",
                    "use reported, confirmed, disputed or retracted" + Suggestions.DidYouMean(status.Value, ValueRules.Statuses));
                d.IsValid = false;
            }
            else
            {
                CheckRetraction(d);
            }
        }

        /// <summary>
        /// FG0011: a retracted event says why (the reason becomes its [Obsolete] message), and only a
        /// retracted event has a reason, since a reason on any other reads as a retraction half done.
        /// </summary>
        private void CheckRetraction(Declaration<EventSyntax> d)
        {
            EventSyntax e = d.Syntax;
            bool retracted = e.Status is { Value: "retracted" };
            bool hasReason = e.Retraction is { } reason && !string.IsNullOrWhiteSpace(reason.Value);
            if (retracted && !hasReason)
            {
                Report(DiagnosticDescriptors.RetractionWithoutReason, e.Retraction?.Location ?? e.Status!.Location, MessageText.Quote(d.Id.Value),
                    "is marked 'status: retracted' but gives no reason; add 'retraction: \"...\"' saying who withdrew it and why (code that uses it is warned with this text)");
                d.IsValid = false;
            }
            else if (!retracted && e.Retraction is not null)
            {
                string status = e.Status?.Value ?? "reported";
                Report(DiagnosticDescriptors.RetractionWithoutReason, e.Retraction.Location, MessageText.Quote(d.Id.Value),
                    $"has a 'retraction' but its status is '{MessageText.Quote(status)}'; set 'status: retracted', or remove 'retraction'");
                d.IsValid = false;
            }
            else if (hasReason)
            {
                CheckName(d, e.Retraction, "retraction");
            }
        }

        /// <summary>FG0003 for each required key of the category's table that the fact lacks, in table order.</summary>
        private void RequireAll<T>(Declaration<T> d, Category<T> category)
        {
            foreach (Key<T> key in category.Keys.Required)
            {
                if (!key.IsAbsent(d.Syntax)) continue;
                Report(DiagnosticDescriptors.RequiredKeyMissing, d.Id.Location, char.ToUpperInvariant(category.Singular[0]) + category.Singular.Substring(1), MessageText.Quote(d.Id.Value), key.Name);
                d.IsValid = false;
            }
        }

        private void CheckName<T>(Declaration<T> d, ScalarSyntax? name, string key)
        {
            if (name is null) return;
            if (ValueRules.IndexOfBidiControl(name.Value) >= 0)
            {
                Report(DiagnosticDescriptors.InvalidValue, name.Location, MessageText.Quote(name.Value), key, BidiProblem);
                d.IsValid = false;
            }
        }

        /// <summary>A kind, where written (a missing one is reported by <see cref="RequireAll"/>), is one kebab-case word.</summary>
        private void CheckKind<T>(Declaration<T> d, ScalarSyntax? kind)
        {
            if (kind is null) return;
            if (!Naming.IsKebabCase(kind.Value))
            {
                Report(DiagnosticDescriptors.InvalidValue, kind.Location, MessageText.Quote(kind.Value), "kind", $"a kind is one lowercase kebab-case word, like '{SuggestKebab(kind.Value)}'");
                d.IsValid = false;
                return;
            }
        }

        private void CheckLabels<T>(Declaration<T> d, EquatableArray<LabelSyntax> labels)
        {
            foreach (LabelSyntax label in labels)
            {
                if (!ValueRules.IsLanguageTag(label.Language.Value))
                {
                    Report(DiagnosticDescriptors.InvalidValue, label.Language.Location, label.Language.Value, "labels", "a label's key is a BCP 47 language tag such as 'id' or 'en-GB'");
                    d.IsValid = false;
                }
            }
        }

        private static BoundDate? QuietDate(ScalarSyntax value) => ValueRules.TryParseDate(value.Value, out BoundDate date, out _) ? date : null;

        private BoundDate? ParseDate(ScalarSyntax value)
        {
            if (ValueRules.TryParseDate(value.Value, out BoundDate date, out string error)) return date;
            Report(DiagnosticDescriptors.InvalidDate, value.Location, MessageText.Quote(value.Value), error);
            return null;
        }

        // ---- binding and references ------------------------------------------------------------

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
                Within: Reference(_states, s.Within, "within", quiet),
                RecognizedBy: References(_states, s.RecognizedBy, "recognized_by", quiet),
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
                State: Reference(_states, a.State, "state", quiet),
                Aliases: Aliases(d, a.Aliases),
                Labels: Labels(d, a.Labels),
                Source: d.Source)
            { HasErrors = !d.IsValid };
        }

        private BoundEvent BindEvent(Declaration<EventSyntax> d)
        {
            EventSyntax e = d.Syntax;
            bool quiet = d.Quiet || d.QuietReferences;
            BoundDate date = d.Quiet && e.Date is { } written ? QuietDate(written) ?? default : d.Date;
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
                Actors: References(_actors, e.Actors, "actors", quiet),
                States: References(_states, e.States, "states", quiet),
                Place: Reference(_states, e.Place, "place", quiet),
                ReportedBy: References(_actors, e.ReportedBy, "reported_by", quiet),
                Follows: References(_events, e.Follows, "follows", quiet),
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

        /// <summary>FG0012: a fact that leans on a retracted event, at the line that names it.</summary>
        private void CheckRetractedReferences(Declaration<EventSyntax> d)
        {
            HashSet<string>? reported = null;
            foreach (ScalarSyntax id in d.Syntax.Follows)
            {
                if (id.Value == d.Id.Value || !_events.ById.TryGetValue(id.Value, out Declaration<EventSyntax>? target) || !target.IsValid) continue;
                // A repeated reference is dropped quietly elsewhere: warn about it once.
                if (!(reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(id.Value)) continue;
                if (target.Syntax.Status is { Value: "retracted" } && target.Syntax.Retraction is { } reason)
                {
                    Report(DiagnosticDescriptors.ReferenceToRetracted, id.Location, target.Id.Location,
                        MessageText.Quote(d.Id.Value), MessageText.Quote(id.Value), "follows", MessageText.Quote(reason.Value));
                }
            }
        }

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

        private EquatableArray<int> References<T>(Category<T> target, EquatableArray<ScalarSyntax> ids, string key, bool quiet)
        {
            if (ids.IsEmpty) return EquatableArray<int>.Empty;
            var indexes = new int[ids.Count];
            int count = 0;
            foreach (ScalarSyntax id in ids)
            {
                int index = Reference(target, id, key, quiet);
                if (index >= 0 && Array.IndexOf(indexes, index, 0, count) < 0) indexes[count++] = index;
            }
            if (count == 0) return EquatableArray<int>.Empty;
            if (count < indexes.Length) Array.Resize(ref indexes, count);
            return new EquatableArray<int>(indexes);
        }

        /// <summary>
        /// The index of the referenced fact, or -1. A fact with errors still has its member, so a
        /// reference binds to it; a declared id that gets no member (not kebab-case, reserved) is
        /// dropped quietly, since its error is already reported. An unknown id is kept for
        /// <see cref="ReportUnknownReferences"/>; a fact whose text the reader could not read
        /// whole (<paramref name="quiet"/>) reports none.
        /// </summary>
        private int Reference<T>(Category<T> target, ScalarSyntax? id, string key, bool quiet)
        {
            if (id is null) return -1;
            if (target.ById.TryGetValue(id.Value, out Declaration<T>? declaration))
            {
                if (!declaration.Declares)
                {
                    _exact = false;
                    return -1;
                }
                declaration.References++;
                return declaration.Index;
            }
            // Binding one file alone, any other id is another file's fact: an import by id, as an upstream one is.
            bool isUpstream = target.Upstream.TryGetValue(id.Value, out var upstream);
            if (isUpstream || _fileMode)
            {
                string? ns = isUpstream ? upstream.Catalog.Namespace : null;
                if (!target.ImportIndex.TryGetValue(id.Value, out int imported))
                {
                    imported = target.Imported.Count;
                    target.ImportIndex.Add(id.Value, imported);
                    target.Imported.Add((id.Value, ns));
                }
                return target.Declared.Count + imported;
            }
            _exact = false;
            if (quiet) return -1;

            string group = target.Singular + "\n" + id.Value;
            if (!_unknown.TryGetValue(group, out UnknownReferences? references))
            {
                references = new UnknownReferences(target.Info, id: id.Value, key: key, first: id.Location);
                _unknown.Add(group, references);
                _unknownOrder.Add(references);
            }
            else
            {
                references.More.Add(id.Location);
            }
            return -1;
        }

        /// <summary>
        /// FG0007, once per unknown id: at its first reference, naming the others. Where the id is
        /// referenced more than once and a declared id close to it is referenced nowhere, the
        /// declaration is the likely misspelling: the one diagnostic is there, linking the two.
        /// </summary>
        private void ReportUnknownReferences()
        {
            HashSet<string>? claimed = null;
            foreach (UnknownReferences unknown in _unknownOrder) unknown.SortByPlace();
            // In file order, so that the first diagnostics of a file (those the cap keeps) are
            // the ones that get suggestions; facts are bound in id order.
            _unknownOrder.Sort(static (a, b) =>
            {
                int byFile = string.CompareOrdinal(a.First.FilePath, b.First.FilePath);
                return byFile != 0 ? byFile : a.First.Span.Start.CompareTo(b.First.Span.Start);
            });
            foreach (UnknownReferences unknown in _unknownOrder)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                string id = MessageText.Quote(unknown.Id);
                string? elsewhere = OtherCategoryOf(unknown.Category, unknown.Id);
                int count = 1 + unknown.More.Count;
                if (elsewhere is null && count > 1 && UnreferencedNear(unknown) is { } misspelt && (claimed ??= new HashSet<string>(StringComparer.Ordinal)).Add(unknown.Singular + "\n" + misspelt.Value))
                {
                    Report(DiagnosticDescriptors.UnknownReference, misspelt.Location, unknown.First, unknown.Singular, id, unknown.Key,
                        $"; it is referenced {count} times (first at {Where(unknown.First, misspelt.Location)}) and declared nowhere, while '{MessageText.Quote(misspelt.Value)}', declared here, is referenced nowhere: correct the spelling of one or the other");
                    continue;
                }
                string hint;
                if (_index.OtherRootOf(unknown.Category.Category, unknown.Id) is { } other)
                {
                    hint = $"; '{id}' is declared by the referenced catalog '{other.AssemblyName}', which builds on the fact types of '{other.TypesNamespace}', not on those of the project's other referenced catalogs ('{_upstream.Catalogs[0].TypesNamespace}'): a project builds on catalogs of one root only";
                }
                else if (elsewhere is not null)
                {
                    hint = $"; '{id}' is {elsewhere}, but '{unknown.Key}' takes {MessageText.WithArticle(unknown.Singular)} id";
                }
                else
                {
                    string? nearest = Nearest(unknown.Category, unknown.Id);
                    hint = nearest is not null
                        ? $"; did you mean {nearest}?"
                        : $"; declare it under '{unknown.Category.Key}:' in a fact file";
                }
                if (count > 1) hint += MoreReferences(unknown.First, unknown.More);
                Report(DiagnosticDescriptors.UnknownReference, unknown.First, unknown.More.Count > 0 ? unknown.More[0] : null, unknown.Singular, id, unknown.Key, hint);
            }
        }

        private static string MoreReferences(LocationInfo first, List<LocationInfo> more)
        {
            const int Shown = 3;
            var b = new System.Text.StringBuilder(more.Count == 1 ? " (also referenced at " : $" (also referenced {more.Count} more times, at ");
            for (int i = 0; i < more.Count && i < Shown; i++) b.Append(i > 0 ? ", " : string.Empty).Append(Where(more[i], first));
            if (more.Count > Shown) b.Append(", \u2026");
            return b.Append(')').ToString();
        }

        /// <summary>"line 12" within the same file, "other.facts.yaml(12,5)" in another.</summary>
        private static string Where(LocationInfo location, LocationInfo from)
        {
            int line = location.LineSpan.Start.Line + 1;
            return location.FilePath == from.FilePath
                ? $"line {line}"
                : $"{System.IO.Path.GetFileName(location.FilePath)}({line},{location.LineSpan.Start.Character + 1})";
        }

        /// <summary>A declared id close to the unknown one that nothing references: its likely misspelling.</summary>
        private ScalarSyntax? UnreferencedNear(UnknownReferences unknown)
        {
            IEnumerable<ScalarSyntax> candidates = Of(unknown.Category).UnreferencedIds;
            var byValue = new Dictionary<string, ScalarSyntax>(StringComparer.Ordinal);
            foreach (ScalarSyntax candidate in candidates) byValue[candidate.Value] = candidate;
            return Suggestions.Nearest(unknown.Id, byValue.Keys) is { } nearest ? byValue[nearest] : null;
        }

        /// <summary>
        /// The nearest declared id, for "did you mean". Each distinct miss is looked up once, and after
        /// <see cref="MaxSuggestionLookups"/> of them no more are: a renamed or deleted file can
        /// leave thousands of unknown ids, and each lookup scans every id.
        /// </summary>
        private string? Nearest(CategoryInfo category, string id)
        {
            if (_suggestionLookups >= MaxSuggestionLookups) return null;
            _suggestionLookups++;
            CategoryTable table = Of(category);
            string? nearest = Suggestions.Nearest(id, table.DeclaredIds.Select(d => d.Value).Concat(table.Upstream.Keys));
            if (nearest is null) return null;
            return table.Upstream.TryGetValue(nearest, out var upstream) && !table.Declares(nearest)
                ? $"'{nearest}' (of the referenced catalog '{upstream.Catalog.AssemblyName}')"
                : $"'{nearest}'";
        }

        /// <summary>"the referenced catalog 'Shared' (states.facts.yaml, line 12)".</summary>
        private static string UpstreamPlace(UpstreamCatalog catalog, UpstreamFact fact)
            => fact.File.Length == 0
                ? $"the referenced catalog '{catalog.AssemblyName}'"
                : $"the referenced catalog '{catalog.AssemblyName}' ({fact.File}, line {fact.Line})";

        /// <summary>Every reference to one unknown id, in the order read.</summary>
        private sealed class UnknownReferences
        {
            public UnknownReferences(CategoryInfo category, string id, string key, LocationInfo first)
            {
                Category = category;
                Id = id;
                Key = key;
                First = first;
            }

            public CategoryInfo Category { get; }
            public string Singular => Category.Singular;
            public string Id { get; }
            public string Key { get; }
            public LocationInfo First { get; private set; }
            public List<LocationInfo> More { get; } = new();

            /// <summary>Puts the references in file order: the first in the file is reported.</summary>
            public void SortByPlace()
            {
                if (More.Count == 0) return;
                More.Add(First);
                More.Sort(static (a, b) =>
                {
                    int byFile = string.CompareOrdinal(a.FilePath, b.FilePath);
                    return byFile != 0 ? byFile : a.Span.Start.CompareTo(b.Span.Start);
                });
                First = More[0];
                More.RemoveAt(0);
            }
        }

        /// <summary>"an actor" where the id is one of another category, or null.</summary>
        private string? OtherCategoryOf(CategoryInfo category, string id)
            => _categories.FirstOrDefault(c => c.Info != category && c.Knows(id)) is { } other ? MessageText.WithArticle(other.Info.Singular) : null;

        /// <summary>A kebab-case spelling of a bad id or kind, for the message.</summary>
        private static string SuggestKebab(string value)
        {
            var builder = new System.Text.StringBuilder();
            for (int i = 0; i < value.Length && builder.Length < 60; i++)
            {
                char c = value[i];
                if (c is >= 'A' and <= 'Z')
                {
                    if (builder.Length > 0 && builder[builder.Length - 1] != '-' && i > 0 && value[i - 1] is >= 'a' and <= 'z') builder.Append('-');
                    builder.Append((char)(c - 'A' + 'a'));
                }
                else if (c is '"' or '\'')
                {
                    // A stray quote is no part of a word: 'north-ko"rea' was meant as 'north-korea'.
                }
                else if (c is >= 'a' and <= 'z' || (c is >= '0' and <= '9' && builder.Length > 0))
                {
                    builder.Append(c);
                }
                else if (builder.Length > 0 && builder[builder.Length - 1] != '-')
                {
                    builder.Append('-');
                }
            }
            string result = builder.ToString().Trim('-');
            return result.Length == 0 ? "my-fact" : result;
        }

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
            => Report(descriptor, location, null, arguments);

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, LocationInfo? additional, params string[] arguments)
        {
            // Binding one file: a duplicate, a bad id or a clash of names is decided against the
            // whole catalog (which id is first, which suggestion is free), so the whole bind reports it.
            if (descriptor == DiagnosticDescriptors.DuplicateId || descriptor == DiagnosticDescriptors.InvalidId
                || descriptor == DiagnosticDescriptors.NameClash || descriptor == DiagnosticDescriptors.UnknownReference)
            {
                _exact = false;
            }
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, additional, arguments));
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
internal sealed record FileBind(string Path, BoundPart? Part, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<UpstreamFact> Declared, bool IsExact);
