using System;
using System.Collections.Generic;
using System.Linq;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;
using FactGen.Upstream;

namespace FactGen.Binding;

/// <summary>
/// The id index of one bind: declares each fact under its id in its category's table (FG0006 for
/// a duplicate, FG0005 for an id that is no kebab-case word, read as its suggestion where that
/// is free, FG0009 for a reserved name), reads keys whose id line is missing as the id the other
/// facts suggest, then numbers the facts and their kinds in id order (FG0009 for a clash of C#
/// names). What is first and what is free is decided against every file, so a bind of one file
/// leaves those reports to the whole bind.
/// </summary>
internal sealed class Declarations
{
    private readonly CategoryTables _tables;
    private readonly BindDiagnostics _diagnostics;
    private readonly bool _fileMode;
    private readonly bool _isDownstream;
    private readonly List<Orphan> _orphans = new();
    private readonly List<Action> _invalidIds = new();

    /// <param name="fileMode">Binding one file alone: a fact's kind is its position among the file's kinds, and keys without an id line are left to the whole bind.</param>
    /// <param name="isDownstream">The catalog builds on referenced catalogs, whose kind values it keeps.</param>
    public Declarations(CategoryTables tables, BindDiagnostics diagnostics, bool fileMode, bool isDownstream)
    {
        _tables = tables;
        _diagnostics = diagnostics;
        _fileMode = fileMode;
        _isDownstream = isDownstream;
    }

    /// <summary>Declares the facts of one file, in file order; keys without an id line wait for <see cref="Complete"/>.</summary>
    public void DeclareFile(FactFileSyntax file, int source, bool cited)
    {
        foreach (StateSyntax state in file.States)
        {
            if (state.Outcome == ReadOutcome.IdMissing) _orphans.Add(new Orphan(_tables.States.Singular, state, state.Id, source, cited, state.Name?.Value));
            else Declare(_tables.States, state, state.Id, source, cited);
        }
        foreach (ActorSyntax actor in file.Actors)
        {
            if (actor.Outcome == ReadOutcome.IdMissing) _orphans.Add(new Orphan(_tables.Actors.Singular, actor, actor.Id, source, cited, actor.Name?.Value));
            else Declare(_tables.Actors, actor, actor.Id, source, cited);
        }
        foreach (EventSyntax @event in file.Events)
        {
            if (@event.Outcome == ReadOutcome.IdMissing) _orphans.Add(new Orphan(_tables.Events.Singular, @event, @event.Id, source, cited, null));
            else Declare(_tables.Events, @event, @event.Id, source, cited);
        }
    }

    /// <summary>
    /// Once every file is declared: each id that is no kebab-case word is reported and read as
    /// its suggestion where that is free; keys without an id line are read as an id referenced
    /// anywhere in the catalog (the whole bind's job).
    /// </summary>
    public void Complete()
    {
        foreach (Action readAsSuggestion in _invalidIds) readAsSuggestion();
        if (_orphans.Count == 0) return;
        if (_fileMode) _diagnostics.NeedsWholeBind();
        else DeclareOrphans();
    }

    /// <summary>Numbers every category (see <see cref="Number{T}"/>), once the facts are checked: only valid facts name kinds.</summary>
    public void NumberAll()
    {
        Number(_tables.States);
        Number(_tables.Actors);
        Number(_tables.Events);
    }

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
                _diagnostics.Report(DiagnosticDescriptors.YamlSyntaxError, orphan.Place.Location,
                    $"the keys from line {line} have no {orphan.Singular} id above them (its id line seems to be missing); they are not read: add the id line above them");
                continue;
            }
            candidates.Remove(id);
            _diagnostics.Report(DiagnosticDescriptors.YamlSyntaxError, orphan.Place.Location,
                $"the keys from line {line} have no {orphan.Singular} id above them (its id line seems to be missing); they are read as '{MessageText.Quote(id)}', which is referenced but declared nowhere: add '{MessageText.Quote(id)}:' above them");
            ScalarSyntax recovered = orphan.Place.WithValue(id);
            switch (orphan.Syntax)
            {
                case StateSyntax state: Declare(_tables.States, state with { Id = recovered }, recovered, orphan.Source, orphan.Cited); break;
                case ActorSyntax actor: Declare(_tables.Actors, actor with { Id = recovered }, recovered, orphan.Source, orphan.Cited); break;
                case EventSyntax @event: Declare(_tables.Events, @event with { Id = recovered }, recovered, orphan.Source, orphan.Cited); break;
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
                        case FactCategory.State: CheckAll(_tables.States, ids); break;
                        case FactCategory.Actor: CheckAll(_tables.Actors, ids); break;
                        case FactCategory.Event: CheckAll(_tables.Events, ids); break;
                    }
                }
            }
        }
        // Every reference key of the tables, in the same order as before the tables: states,
        // then actors, then events, each fact's keys in table order.
        CheckKeys(_tables.States);
        CheckKeys(_tables.Actors);
        CheckKeys(_tables.Events);
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
            if (!quiet) _diagnostics.Report(DiagnosticDescriptors.DuplicateId, id.Location, category.Singular, MessageText.Quote(id.Value), UpstreamPlace(upstream.Catalog, upstream.Fact));
            return;
        }
        if (category.ById.TryGetValue(id.Value, out Declaration<T>? first))
        {
            if (!quiet) _diagnostics.Report(DiagnosticDescriptors.DuplicateId, id.Location, first.Id.Location, category.Singular, MessageText.Quote(id.Value), first.Id.Location.ToString());
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
                : $"is not lowercase kebab-case (letters, digits and single hyphens, starting with a letter); write it like '{Naming.SuggestKebab(id.Value)}'";
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
            if (!quiet) _diagnostics.Report(DiagnosticDescriptors.NameClash, id.Location, $"The {category.Singular} id", MessageText.Quote(id.Value), declaration.MemberName, $"is already a member of the generated class '{category.ClassName}'");
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
        string suggestion = Naming.SuggestKebab(id.Value);
        bool recovered = id.Value.Length <= Naming.MaxIdLength && Naming.IsKebabCase(suggestion) && !category.ById.ContainsKey(suggestion)
            && !category.Info.IsReserved(Naming.ToPascalCase(suggestion));
        if (!quiet)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidId, id.Location, MessageText.Quote(id.Value), problem
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
    public static void MarkQuiet<T>(Declaration<T> declaration)
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
                _diagnostics.Report(DiagnosticDescriptors.NameClash, declaration.Id.Location, other.Id.Location, $"The {category.Singular} id", declaration.Id.Value, declaration.MemberName, $"'{MessageText.Quote(other.Id.Value)}' (at {other.Id.Location}) gives too; this fact gets no member until then");
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
                    _diagnostics.Report(DiagnosticDescriptors.NameClash, kind.Location, $"The {category.Singular} kind", MessageText.Quote(kind.Value), kindMember, $"the kind '{otherKind}' gives too");
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
        NumberKinds(category);
    }

    /// <summary>
    /// Numbers the kinds again once reports have added theirs (<see cref="CategoryTable.ReportedKinds"/>),
    /// binding the whole catalog: a kind only a report gives is an enum member as well, so that the
    /// merged fact's kind is one.
    /// </summary>
    public void NumberReportedKinds()
    {
        // Binding one file, the part's kinds number its facts' kinds alone; the file's reported
        // kinds reach the catalog's enum through FileBind.Kinds.
        if (_fileMode) return;
        if (_tables.States.ReportedKinds.Count > 0) NumberKinds(_tables.States);
        if (_tables.Actors.ReportedKinds.Count > 0) NumberKinds(_tables.Actors);
        if (_tables.Events.ReportedKinds.Count > 0) NumberKinds(_tables.Events);
    }

    private void NumberKinds<T>(Category<T> category)
    {
        List<Declaration<T>> declared = category.Declared;
        // Kinds become enum members: numbered in name order, counting only kinds in use. On top
        // of referenced catalogs, the enum is the root catalog's: a kind it has keeps its value,
        // and a new one gets a value from its name (UpstreamKinds.ValueOf).
        var kinds = new SortedSet<string>(declared.Where(d => d.IsValid).Select(KindOf), StringComparer.Ordinal);
        kinds.UnionWith(category.ReportedKinds);
        category.Kinds.Clear();
        category.Kinds.AddRange(kinds);
        var kindIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < category.Kinds.Count; i++)
        {
            string kind = category.Kinds[i];
            kindIndex.Add(kind, !_isDownstream ? i : category.UpstreamKinds.TryGetValue(kind, out int value) ? value : UpstreamKinds.ValueOf(kind));
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

    /// <summary>"the referenced catalog 'Shared' (states.facts.yaml, line 12)".</summary>
    private static string UpstreamPlace(UpstreamCatalog catalog, UpstreamFact fact)
        => fact.File.Length == 0
            ? $"the referenced catalog '{catalog.AssemblyName}'"
            : $"the referenced catalog '{catalog.AssemblyName}' ({fact.File}, line {fact.Line})";
}
