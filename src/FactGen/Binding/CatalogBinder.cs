using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;

namespace FactGen.Binding;

/// <summary>
/// The bind stage: merges every fact file into one <see cref="BoundCatalog"/>. It declares ids
/// (FG0005, FG0006, FG0009), checks each fact's values (FG0003, FG0008, FG0010), resolves
/// references (FG0007) and fills in back references. A fact with an error is left out, and
/// references to it are dropped without a second error, so the output always compiles.
/// </summary>
internal static class CatalogBinder
{
    /// <summary>Names every generated catalog class has, which no fact may take.</summary>
    private static readonly string[] s_objectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize" };

    public static BindResult Bind(ImmutableArray<FactFileSyntax> files, CancellationToken cancellationToken)
    {
        var binder = new Binder(cancellationToken);
        // Sort so that "first" (for duplicates) and every ordering in the output are the same
        // whatever order the compiler lists the additional files in.
        // '\\' and '/' sort differently, so compare with one separator: the same tree gives the same
        // order on every OS.
        FactFileSyntax[] sorted = files.OrderBy(static f => f.Path.Replace('\\', '/'), StringComparer.Ordinal).ToArray();
        return binder.Bind(sorted);
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
        public bool IsValid { get; set; } = true;
        public string MemberName { get; set; } = string.Empty;
        public int Kind { get; set; } = -1;
        public int Index { get; set; } = -1;
        public BoundDate Date { get; set; }
    }

    private sealed class Category<TSyntax>
    {
        public Category(string singular, string className, params string[] extraReserved)
        {
            Singular = singular;
            ClassName = className;
            Reserved = new HashSet<string>(s_objectMembers.Concat(new[] { "All", "Ids", "TryGet", "Get", className }).Concat(extraReserved), StringComparer.Ordinal);
        }

        public string Singular { get; }
        public string ClassName { get; }
        public HashSet<string> Reserved { get; }
        public Dictionary<string, Declaration<TSyntax>> ById { get; } = new(StringComparer.Ordinal);
        public List<Declaration<TSyntax>> Valid { get; set; } = new();
        public Dictionary<string, string> KindsByMember { get; } = new(StringComparer.Ordinal);
        public List<string> Kinds { get; } = new();
    }

    private sealed class Binder
    {
        private readonly CancellationToken _cancellationToken;
        private readonly List<DiagnosticInfo> _diagnostics = new();
        private readonly List<BoundSource> _sources = new();
        private readonly Category<StateSyntax> _states = new("state", "States");
        private readonly Category<ActorSyntax> _actors = new("actor", "Actors");
        private readonly Category<EventSyntax> _events = new("event", "Events", "Timeline", "Between", "On");
        private readonly Dictionary<string, string?> _suggestions = new(StringComparer.Ordinal);
        private const int MaxSuggestionLookups = 200;

        public Binder(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

        public BindResult Bind(FactFileSyntax[] files)
        {
            foreach (FactFileSyntax file in files)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (file.IsUnreadable) continue;
                int source = BindSource(file);
                foreach (StateSyntax state in file.States) Declare(_states, state, state.Id, source);
                foreach (ActorSyntax actor in file.Actors) Declare(_actors, actor, actor.Id, source);
                foreach (EventSyntax @event in file.Events) Declare(_events, @event, @event.Id, source);
            }

            // A fact whose text has an error is left out without further checks: the one error is
            // the one to fix, and a cascade of follow-on errors would only hide it.
            foreach (Declaration<StateSyntax> state in _states.ById.Values)
            {
                if (state.Syntax.HasErrors) state.IsValid = false;
                else CheckState(state);
            }
            foreach (Declaration<ActorSyntax> actor in _actors.ById.Values)
            {
                if (actor.Syntax.HasErrors) actor.IsValid = false;
                else CheckActor(actor);
            }
            foreach (Declaration<EventSyntax> @event in _events.ById.Values)
            {
                if (@event.Syntax.HasErrors) @event.IsValid = false;
                else CheckEvent(@event);
            }

            Number(_states);
            Number(_actors);
            Number(_events);

            BoundState[] states = _states.Valid.Select(BindState).ToArray();
            BoundActor[] actors = _actors.Valid.Select(BindActor).ToArray();
            BoundEvent[] events = _events.Valid.Select(BindEvent).ToArray();
            foreach (Declaration<EventSyntax> @event in _events.Valid) CheckRetractedReferences(@event);
            int[] timeline = Enumerable.Range(0, events.Length).ToArray();
            // Index order (= id order) breaks ties; Array.Sort is not stable, so compare it explicitly.
            Array.Sort(timeline, (a, b) =>
            {
                int order = events[a].Date.CompareTo(events[b].Date);
                return order != 0 ? order : a.CompareTo(b);
            });
            FillBackReferences(states, actors, events, timeline);

            var catalog = new BoundCatalog(
                files.Length,
                _sources.ToEquatableArray(),
                new EquatableArray<BoundState>(states),
                new EquatableArray<BoundActor>(actors),
                new EquatableArray<BoundEvent>(events),
                _states.Kinds.ToEquatableArray(),
                _actors.Kinds.ToEquatableArray(),
                _events.Kinds.ToEquatableArray(),
                new EquatableArray<int>(timeline));
            return new BindResult(catalog, _diagnostics.ToEquatableArray());
        }

        // ---- sources -------------------------------------------------------------------------

        /// <summary>The file's source index, or -1 when it has none (its facts are then left out).</summary>
        private int BindSource(FactFileSyntax file)
        {
            if (file.Source is not { } source)
            {
                Report(DiagnosticDescriptors.RequiredKeyMissing, file.Start, "Fact file", System.IO.Path.GetFileName(file.Path), "source");
                return -1;
            }
            // An error inside the block is already reported; its facts are still checked, not emitted.
            bool valid = !source.HasErrors;
            if (source.Outlet is null && !source.HasErrors)
            {
                Report(DiagnosticDescriptors.RequiredKeyMissing, source.Location, "Source", System.IO.Path.GetFileName(file.Path), "outlet");
                valid = false;
            }
            BoundDate? published = null;
            if (source.Published is { } p)
            {
                if (ParseDate(p) is { } date) published = date;
                else valid = false;
            }
            if (source.Language is { } language && !ValueRules.IsLanguageTag(language.Value))
            {
                Report(DiagnosticDescriptors.InvalidValue, language.Location, MessageText.Quote(language.Value), "language", "use a BCP 47 language tag such as 'id' or 'en-GB'");
                valid = false;
            }
            if (source.Url is { } url && !ValueRules.IsWebUrl(url.Value))
            {
                Report(DiagnosticDescriptors.InvalidValue, url.Location, MessageText.Quote(url.Value), "url", "use an absolute http:// or https:// address");
                valid = false;
            }
            if (!valid) return -1;
            _sources.Add(new BoundSource(source.Outlet!.Value, source.Title?.Value, published, source.Language?.Value, source.Url?.Value));
            return _sources.Count - 1;
        }

        // ---- declarations ----------------------------------------------------------------------

        private void Declare<T>(Category<T> category, T syntax, ScalarSyntax id, int source)
        {
            var declaration = new Declaration<T>(syntax, id, source) { IsValid = source >= 0 };
            if (category.ById.TryGetValue(id.Value, out Declaration<T>? first))
            {
                Report(DiagnosticDescriptors.DuplicateId, id.Location, first.Id.Location, category.Singular, MessageText.Quote(id.Value), first.Id.Location.ToString());
                return;
            }
            category.ById.Add(id.Value, declaration);

            if (!Naming.IsKebabCase(id.Value))
            {
                string problem = id.Value.Length > Naming.MaxIdLength
                    ? $"is {id.Value.Length} characters long; ids are at most {Naming.MaxIdLength}, so shorten it"
                    : $"is not lowercase kebab-case (letters, digits and single hyphens, starting with a letter); write it like '{SuggestKebab(id.Value)}'";
                Report(DiagnosticDescriptors.InvalidId, id.Location, MessageText.Quote(id.Value), problem);
                declaration.IsValid = false;
                return;
            }
            declaration.MemberName = Naming.ToPascalCase(id.Value);
            if (category.Reserved.Contains(declaration.MemberName))
            {
                Report(DiagnosticDescriptors.NameClash, id.Location, $"The {category.Singular} id", MessageText.Quote(id.Value), declaration.MemberName, $"is already a member of the generated class '{category.ClassName}'");
                declaration.IsValid = false;
            }
        }

        /// <summary>
        /// Assigns indexes in id order and refuses ids, or kinds, whose C# names collide. Only facts
        /// still valid take part, in id order, so the result does not depend on file order.
        /// </summary>
        private void Number<T>(Category<T> category)
        {
            var byName = new Dictionary<string, Declaration<T>>(StringComparer.Ordinal);
            var valid = new List<Declaration<T>>();
            Declaration<T>[] ordered = category.ById.Values.Where(d => d.IsValid).ToArray();
            Array.Sort(ordered, static (a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
            // Kinds repeat from fact to fact: name each distinct one once.
            var kindMembers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Declaration<T> declaration in ordered)
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
                    continue;
                }
                if (byName.TryGetValue(declaration.MemberName, out Declaration<T>? other))
                {
                    Report(DiagnosticDescriptors.NameClash, declaration.Id.Location, other.Id.Location, $"The {category.Singular} id", declaration.Id.Value, declaration.MemberName, $"'{MessageText.Quote(other.Id.Value)}' (at {other.Id.Location}) gives too");
                    declaration.IsValid = false;
                    continue;
                }
                category.KindsByMember[kindMember] = kind.Value;
                byName.Add(declaration.MemberName, declaration);
                declaration.Index = valid.Count;
                valid.Add(declaration);
            }
            category.Valid = valid;

            // Kinds become enum members: numbered in name order, counting only kinds in use.
            var kinds = new SortedSet<string>(valid.Select(KindOf), StringComparer.Ordinal);
            category.Kinds.AddRange(kinds);
            var kindIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < category.Kinds.Count; i++) kindIndex.Add(category.Kinds[i], i);
            foreach (Declaration<T> declaration in valid) declaration.Kind = kindIndex[KindOf(declaration)];
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
            Require(d, _states, s.Name, "name");
            CheckName(d, s.Name, "name");
            CheckName(d, s.OfficialName, "official_name");
            foreach (ScalarSyntax alias in s.Aliases) CheckName(d, alias, "aliases");
            foreach (LabelSyntax label in s.Labels) CheckName(d, label.Text, "labels");
            CheckKind(d, _states, s.Kind);
            CheckLabels(d, s.Labels);
        }

        private void CheckActor(Declaration<ActorSyntax> d)
        {
            ActorSyntax a = d.Syntax;
            Require(d, _actors, a.Name, "name");
            CheckName(d, a.Name, "name");
            foreach (ScalarSyntax alias in a.Aliases) CheckName(d, alias, "aliases");
            foreach (LabelSyntax label in a.Labels) CheckName(d, label.Text, "labels");
            CheckKind(d, _actors, a.Kind);
            CheckLabels(d, a.Labels);
        }

        private void CheckEvent(Declaration<EventSyntax> d)
        {
            EventSyntax e = d.Syntax;
            if (Require(d, _events, e.Date, "date"))
            {
                if (ParseDate(e.Date!) is { } date) d.Date = date;
                else d.IsValid = false;
            }
            CheckKind(d, _events, e.Kind);
            Require(d, _events, e.Summary, "summary");
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

        private bool Require<T>(Declaration<T> d, Category<T> category, ScalarSyntax? value, string key)
        {
            if (value is not null) return true;
            Report(DiagnosticDescriptors.RequiredKeyMissing, d.Id.Location, char.ToUpperInvariant(category.Singular[0]) + category.Singular.Substring(1), MessageText.Quote(d.Id.Value), key);
            d.IsValid = false;
            return false;
        }

        private void CheckName<T>(Declaration<T> d, ScalarSyntax? name, string key)
        {
            if (name is null) return;
            if (ValueRules.IndexOfBidiControl(name.Value) >= 0)
            {
                Report(DiagnosticDescriptors.InvalidValue, name.Location, MessageText.Quote(name.Value), key, "it holds a Unicode bidi control character, which can make text read differently than it is; remove it");
                d.IsValid = false;
            }
        }

        private void CheckKind<T>(Declaration<T> d, Category<T> category, ScalarSyntax? kind)
        {
            if (!Require(d, category, kind, "kind")) return;
            if (!Naming.IsKebabCase(kind!.Value))
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
            return new BoundState(
                d.Id.Value,
                d.MemberName,
                s.Name!.Value,
                s.OfficialName?.Value,
                d.Kind,
                s.Capital?.Value,
                Reference(_states, s.Within, "within"),
                References(_states, s.RecognizedBy, "recognized_by"),
                Aliases(s.Aliases),
                Labels(s.Labels),
                d.Source);
        }

        private BoundActor BindActor(Declaration<ActorSyntax> d)
        {
            ActorSyntax a = d.Syntax;
            return new BoundActor(
                d.Id.Value,
                d.MemberName,
                a.Name!.Value,
                d.Kind,
                a.Role?.Value,
                Reference(_states, a.State, "state"),
                Aliases(a.Aliases),
                Labels(a.Labels),
                d.Source);
        }

        private BoundEvent BindEvent(Declaration<EventSyntax> d)
        {
            EventSyntax e = d.Syntax;
            BoundDate date = d.Date;
            BoundStatus status = e.Status is null ? BoundStatus.Reported : (BoundStatus)Array.IndexOf(ValueRules.Statuses, e.Status.Value);
            return new BoundEvent(
                d.Id.Value,
                d.MemberName,
                date,
                d.Kind,
                e.Summary!.Value,
                References(_actors, e.Actors, "actors"),
                References(_states, e.States, "states"),
                Reference(_states, e.Place, "place"),
                References(_actors, e.ReportedBy, "reported_by"),
                References(_events, e.Follows, "follows"),
                status,
                status == BoundStatus.Retracted ? e.Retraction!.Value : null,
                e.Note?.Value,
                d.Source);
        }

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

        private static EquatableArray<string> Aliases(EquatableArray<ScalarSyntax> aliases)
            => aliases.IsEmpty ? EquatableArray<string>.Empty : aliases.Select(a => a.Value).Distinct(StringComparer.Ordinal).ToEquatableArray();

        private static EquatableArray<BoundLabel> Labels(EquatableArray<LabelSyntax> labels)
        {
            if (labels.IsEmpty) return EquatableArray<BoundLabel>.Empty;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var bound = new List<BoundLabel>(labels.Count);
            foreach (LabelSyntax label in labels)
            {
                if (seen.Add(label.Language.Value)) bound.Add(new BoundLabel(label.Language.Value, label.Text.Value));
            }
            return bound.ToEquatableArray();
        }

        private EquatableArray<int> References<T>(Category<T> target, EquatableArray<ScalarSyntax> ids, string key)
        {
            if (ids.IsEmpty) return EquatableArray<int>.Empty;
            var indexes = new int[ids.Count];
            int count = 0;
            foreach (ScalarSyntax id in ids)
            {
                int index = Reference(target, id, key);
                if (index >= 0 && Array.IndexOf(indexes, index, 0, count) < 0) indexes[count++] = index;
            }
            if (count == 0) return EquatableArray<int>.Empty;
            if (count < indexes.Length) Array.Resize(ref indexes, count);
            return new EquatableArray<int>(indexes);
        }

        /// <summary>
        /// The index of the referenced fact, or -1. An unknown id is FG0007; a known id whose fact
        /// has its own error is dropped quietly, since that error is already reported.
        /// </summary>
        private int Reference<T>(Category<T> target, ScalarSyntax? id, string key)
        {
            if (id is null) return -1;
            if (target.ById.TryGetValue(id.Value, out Declaration<T>? declaration))
            {
                return declaration.IsValid ? declaration.Index : -1;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            string hint;
            string? elsewhere = OtherCategoryOf(target.Singular, id.Value);
            if (elsewhere is not null)
            {
                hint = $"; '{MessageText.Quote(id.Value)}' is {elsewhere}, but '{key}' takes {Article(target.Singular)} id";
            }
            else
            {
                string? nearest = Nearest(target, id.Value);
                hint = nearest is not null
                    ? $"; did you mean '{nearest}'?"
                    : $"; declare it under '{target.ClassName.ToLowerInvariant()}:' in a fact file";
            }
            Report(DiagnosticDescriptors.UnknownReference, id.Location, target.Singular, MessageText.Quote(id.Value), key, hint);
            return -1;
        }

        /// <summary>
        /// The nearest valid id, for "did you mean". Each distinct miss is looked up once, and after
        /// <see cref="MaxSuggestionLookups"/> of them no more are: a renamed or deleted file can
        /// leave thousands of unknown references, and each lookup scans every id.
        /// </summary>
        private string? Nearest<T>(Category<T> target, string id)
        {
            string cacheKey = target.Singular + "\n" + id;
            if (_suggestions.TryGetValue(cacheKey, out string? cached)) return cached;
            if (_suggestions.Count >= MaxSuggestionLookups) return null;
            string? nearest = Suggestions.Nearest(id, target.ById.Values.Where(d => d.IsValid).Select(d => d.Id.Value));
            _suggestions.Add(cacheKey, nearest);
            return nearest;
        }

        private string? OtherCategoryOf(string singular, string id)
        {
            if (singular != "state" && _states.ById.ContainsKey(id)) return "a state";
            if (singular != "actor" && _actors.ById.ContainsKey(id)) return "an actor";
            if (singular != "event" && _events.ById.ContainsKey(id)) return "an event";
            return null;
        }

        private static string Article(string singular) => singular == "actor" || singular == "event" ? "an " + singular : "a " + singular;

        private static void FillBackReferences(BoundState[] states, BoundActor[] actors, BoundEvent[] events, int[] timeline)
        {
            var recognizes = Lists(states.Length);
            var regions = Lists(states.Length);
            var stateActors = Lists(states.Length);
            var stateEvents = Lists(states.Length);
            var actorEvents = Lists(actors.Length);
            var actorReports = Lists(actors.Length);
            var followedBy = Lists(events.Length);

            for (int i = 0; i < states.Length; i++)
            {
                foreach (int recognizer in states[i].RecognizedBy) Add(recognizes, recognizer, i);
                if (states[i].Within >= 0) Add(regions, states[i].Within, i);
            }
            for (int i = 0; i < actors.Length; i++)
            {
                if (actors[i].State >= 0) Add(stateActors, actors[i].State, i);
            }
            // Events in timeline order, so every back reference to events reads chronologically.
            foreach (int i in timeline)
            {
                BoundEvent e = events[i];
                // e.States holds no duplicates (References drops them), so only the place can repeat one.
                foreach (int state in e.States) Add(stateEvents, state, i);
                if (e.Place >= 0 && !e.States.Contains(e.Place)) Add(stateEvents, e.Place, i);
                foreach (int actor in e.Actors) Add(actorEvents, actor, i);
                foreach (int actor in e.ReportedBy) Add(actorReports, actor, i);
                foreach (int followed in e.Follows) Add(followedBy, followed, i);
            }

            for (int i = 0; i < states.Length; i++)
            {
                states[i] = states[i] with
                {
                    Recognizes = ToArray(recognizes[i]),
                    Regions = ToArray(regions[i]),
                    Actors = ToArray(stateActors[i]),
                    Events = ToArray(stateEvents[i]),
                };
            }
            for (int i = 0; i < actors.Length; i++)
            {
                actors[i] = actors[i] with { Events = ToArray(actorEvents[i]), Reports = ToArray(actorReports[i]) };
            }
            for (int i = 0; i < events.Length; i++)
            {
                events[i] = events[i] with { FollowedBy = ToArray(followedBy[i]) };
            }
        }

        /// <summary>One list per fact, made on its first item: most facts have no back references of a kind.</summary>
        private static List<int>?[] Lists(int count) => new List<int>?[count];

        private static void Add(List<int>?[] lists, int at, int item) => (lists[at] ??= new List<int>(2)).Add(item);

        private static EquatableArray<int> ToArray(List<int>? list) => list is null ? EquatableArray<int>.Empty : new EquatableArray<int>(list.ToArray());

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
            => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, LocationInfo additional, params string[] arguments)
            => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, additional, arguments));
    }
}
