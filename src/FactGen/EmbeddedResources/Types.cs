// A template, not code the generator runs: FactGen writes this file out as FactGen.Types.g.cs
// (see Emitting/Templates.cs). It is compiled here, against CatalogStub.cs, so that the compiler
// checks it like any other code. Everything before the namespace line is left out. What varies:
//   namespace FactGen.Runtime, global::FactGen.Runtime.  the catalog's namespace
//   public at the start of a top-level type (4 spaces)   the catalog's accessibility
//   global::FactGen.Emitting.RowLayout.Name              the column's number
//   "$(FactGenVersion)"                                  the generator's version
//   #if FACTGEN_FACT_ATTRIBUTE ... #endif                kept or left out by the options
#nullable enable

namespace FactGen.Runtime
{
    /// <summary>How precisely a <see cref="FactDate"/> is known.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public enum FactDatePrecision
    {
        /// <summary>Only the year is known.</summary>
        Year,
        /// <summary>The year and month are known.</summary>
        Month,
        /// <summary>The exact day is known.</summary>
        Day,
    }

    /// <summary>
    /// A date known to the year, the month or the day, as the source gives it. Dates compare
    /// chronologically; a less precise date sorts before a more precise one that it contains.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public readonly struct FactDate : global::System.IEquatable<FactDate>, global::System.IComparable<FactDate>, global::System.IComparable
    {
        private readonly int _year;
        private readonly int _month;
        private readonly int _day;

        /// <summary>Creates a date of year, month or day precision.</summary>
        /// <exception cref="global::System.ArgumentOutOfRangeException">The date does not exist, or a day is given without a month.</exception>
        public FactDate(int year, int? month = null, int? day = null)
        {
            if (year < 1 || year > 9999) throw new global::System.ArgumentOutOfRangeException(nameof(year));
            if (month != null && (month < 1 || month > 12)) throw new global::System.ArgumentOutOfRangeException(nameof(month));
            if (day != null && (month == null || day < 1 || day > global::System.DateTime.DaysInMonth(year, month.Value))) throw new global::System.ArgumentOutOfRangeException(nameof(day));
            _year = year;
            _month = month ?? 0;
            _day = day ?? 0;
        }

        /// <summary>The year.</summary>
        public int Year => _year;

        /// <summary>The month (1–12), or null when only the year is known.</summary>
        public int? Month => _month == 0 ? (int?)null : _month;

        /// <summary>The day of the month, or null when it is not known.</summary>
        public int? Day => _day == 0 ? (int?)null : _day;

        /// <summary>How precisely the date is known.</summary>
        public FactDatePrecision Precision => _month == 0 ? FactDatePrecision.Year : _day == 0 ? FactDatePrecision.Month : FactDatePrecision.Day;

        /// <summary>The first day the date can mean (1 January for a year, the 1st for a month).</summary>
        public global::System.DateTime Start => new global::System.DateTime(_year, _month == 0 ? 1 : _month, _day == 0 ? 1 : _day);

        /// <summary>The last day the date can mean (31 December for a year, the month's last day for a month).</summary>
        public global::System.DateTime End => _month == 0 ? new global::System.DateTime(_year, 12, 31)
            : new global::System.DateTime(_year, _month, _day == 0 ? global::System.DateTime.DaysInMonth(_year, _month) : _day);

        /// <summary>
        /// Whether <paramref name="other"/> lies wholly within this date: <c>2022-08</c> contains
        /// <c>2022-08-15</c> and itself, but not <c>2022</c>, which may fall outside August.
        /// </summary>
        public bool Contains(FactDate other) => other.Start >= Start && other.End <= End;

        /// <summary>Whether the two dates can mean the same day: <c>2022</c> overlaps <c>2022-08-15</c>, and <c>2022-07</c> does not.</summary>
        public bool Overlaps(FactDate other) => other.Start <= End && other.End >= Start;

        /// <inheritdoc/>
        public int CompareTo(FactDate other)
            => _year != other._year ? _year.CompareTo(other._year)
             : _month != other._month ? _month.CompareTo(other._month)
             : _day.CompareTo(other._day);

        /// <inheritdoc/>
        public int CompareTo(object? obj)
            => obj is FactDate other ? CompareTo(other) : obj == null ? 1 : throw new global::System.ArgumentException("Not a FactDate.", nameof(obj));

        /// <inheritdoc/>
        public bool Equals(FactDate other) => _year == other._year && _month == other._month && _day == other._day;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is FactDate other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => (_year * 16 + _month) * 32 + _day;

        /// <summary>ISO 8601 at the date's precision: <c>2022</c>, <c>2022-07</c> or <c>2022-08-15</c>.</summary>
        public override string ToString()
        {
            global::System.Globalization.CultureInfo invariant = global::System.Globalization.CultureInfo.InvariantCulture;
            string year = _year.ToString("D4", invariant);
            if (_month == 0) return year;
            string month = year + "-" + _month.ToString("D2", invariant);
            return _day == 0 ? month : month + "-" + _day.ToString("D2", invariant);
        }

        /// <summary>Whether two dates are the same, at the same precision.</summary>
        public static bool operator ==(FactDate left, FactDate right) => left.Equals(right);

        /// <summary>Whether two dates differ in value or precision.</summary>
        public static bool operator !=(FactDate left, FactDate right) => !left.Equals(right);

        /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
        public static bool operator <(FactDate left, FactDate right) => left.CompareTo(right) < 0;

        /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
        public static bool operator >(FactDate left, FactDate right) => left.CompareTo(right) > 0;

        /// <summary>Whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
        public static bool operator <=(FactDate left, FactDate right) => left.CompareTo(right) <= 0;

        /// <summary>Whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
        public static bool operator >=(FactDate left, FactDate right) => left.CompareTo(right) >= 0;
    }

    /// <summary>How far an event is established, as the curator recorded it.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public enum FactStatus
    {
        /// <summary>Reported by a source, not independently confirmed (the default).</summary>
        Reported,
        /// <summary>Confirmed.</summary>
        Confirmed,
        /// <summary>Disputed: sources disagree, or the article contradicts the record.</summary>
        Disputed,
        /// <summary>Retracted: withdrawn by its source or the curator, with the reason in <see cref="Event.Retraction"/>. Code that uses it is warned (CS0618).</summary>
        Retracted,
    }

    /// <summary>The article a fact file was curated from.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public sealed partial class Source
    {
        private readonly FactCatalogStorage? _s;
        private readonly int _row;
        private readonly string? _outlet, _title, _language, _url;
        private readonly FactDate? _published;

        internal Source(FactCatalogStorage storage, int index)
        {
            _s = storage;
            _row = index * global::FactGen.Emitting.RowLayout.SourceWidth;
        }

        // The source of a file that only reports on facts, given as values by its generated code.
        internal Source(string outlet, string? title, FactDate? published, string? language, string? url)
        {
            _outlet = outlet;
            _title = title;
            _published = published;
            _language = language;
            _url = url;
        }

        /// <summary>The outlet that published the article.</summary>
        public string Outlet => _s == null ? _outlet! : _s.Text(_s.SourceRows(_row + global::FactGen.Emitting.RowLayout.SourceOutlet));

        /// <summary>The article's headline, or null.</summary>
        public string? Title => _s == null ? _title : _s.OptionalText(_s.SourceRows(_row + global::FactGen.Emitting.RowLayout.SourceTitle));

        /// <summary>When the article was published, or null.</summary>
        public FactDate? Published => _s == null ? _published : _s.SourceRows(_row + global::FactGen.Emitting.RowLayout.SourceYear) == 0 ? (FactDate?)null : _s.SourceDate(_row + global::FactGen.Emitting.RowLayout.SourceYear);

        /// <summary>The article's language as a BCP 47 tag, or null.</summary>
        public string? Language => _s == null ? _language : _s.OptionalText(_s.SourceRows(_row + global::FactGen.Emitting.RowLayout.SourceLanguage));

        /// <summary>The article's address, or null.</summary>
        public string? Url => _s == null ? _url : _s.OptionalText(_s.SourceRows(_row + global::FactGen.Emitting.RowLayout.SourceUrl));

        /// <summary>A citation: outlet, title and date.</summary>
        public override string ToString()
        {
            string text = Outlet;
            if (Title != null) text += ", \"" + Title + "\"";
            if (Published != null) text += ", " + Published.Value.ToString();
            return text;
        }
    }

    /// <summary>What a source says of a fact: that it happened as reported, or that it is wrong.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public enum FactStance
    {
        /// <summary>The source reports the fact (the declaring file always does).</summary>
        Reports,
        /// <summary>The source disputes the fact: the fact's <c>Status</c> is <see cref="FactStatus.Disputed"/>.</summary>
        Disputes,
    }

    /// <summary>A polity: a sovereign state, a self-proclaimed one, or a region.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public sealed partial class State
    {
        private readonly FactCatalogStorage _s;
        private readonly int _row;
        // A fact of a catalog this one builds on, as this catalog's reports merge it: the upstream object, and this catalog's views.
        private readonly State? _original;
        private readonly FactCatalogViews? _mergedIn;
        private object? _merge;
        private global::System.Collections.Generic.IReadOnlyList<State>? _recognizedBy, _recognizes, _regions;
        private global::System.Collections.Generic.IReadOnlyList<string>? _aliases;
        private global::System.Collections.Generic.IReadOnlyDictionary<string, string>? _labels;
        private global::System.Collections.Generic.IReadOnlyList<Actor>? _actors;
        private global::System.Collections.Generic.IReadOnlyList<Event>? _events;
        private global::System.Collections.Generic.IReadOnlyList<StateReport>? _sources;

        internal State(FactCatalogStorage storage, int index)
        {
            _s = storage;
            _row = index * global::FactGen.Emitting.RowLayout.StateWidth;
        }

        internal State(State original, FactCatalogViews mergedIn)
        {
            _s = original._s;
            _row = original._row;
            _original = original;
            _mergedIn = mergedIn;
        }

        // The values every source agrees on (see Sources), or null where no other source reports on the fact.
        private StateReport? Merged => (_merge ??= (object?)(_mergedIn ?? (_s.MayHaveReports ? _s.Views : null))?.MergeOf(this) ?? FactCatalogViews.NoReports) as StateReport;

        /// <summary>The id in the fact files, such as <c>north-korea</c>.</summary>
        public string Id => _s.Text(_s.StateRows(_row + global::FactGen.Emitting.RowLayout.StateId));

        /// <summary>The common name.</summary>
        public string Name => Merged?.Name ?? DeclaredName;

        /// <summary>The official name, or null.</summary>
        public string? OfficialName => Merged is { } m ? m.OfficialName : DeclaredOfficialName;

        /// <summary>What kind of polity it is.</summary>
        public StateKind Kind => Merged?.Kind ?? DeclaredKind;

        /// <summary>The capital, or null.</summary>
        public string? Capital => Merged is { } m ? m.Capital : DeclaredCapital;

        /// <summary>The state this one lies within (for a region), or null.</summary>
        public State? Within => Merged is { } m ? m.Within : DeclaredWithin;

        /// <summary>The states that recognize this one, in the order the facts list them.</summary>
        public global::System.Collections.Generic.IReadOnlyList<State> RecognizedBy => _recognizedBy ??= Merged?.RecognizedBy ?? DeclaredRecognizedBy;

        /// <summary>The states this one recognizes (the reverse of <see cref="RecognizedBy"/>).</summary>
        public global::System.Collections.Generic.IReadOnlyList<State> Recognizes => _recognizes ??= _original?.Recognizes ?? _s.Views.Recognizes(this);

        /// <summary>Other names it goes by.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> Aliases => _aliases ??= Merged?.Aliases ?? DeclaredAliases;

        /// <summary>Its name in other languages, by BCP 47 tag.</summary>
        public global::System.Collections.Generic.IReadOnlyDictionary<string, string> Labels => _labels ??= Merged?.Labels ?? DeclaredLabels;

        /// <summary>
        /// The name in the language <paramref name="languageTag"/> (a BCP 47 tag such as <c>id</c>):
        /// the label for that tag, else for the tag cut at its last subtag (<c>id-ID</c>, then <c>id</c>),
        /// else <see cref="Name"/>. Tags compare case-insensitively.
        /// </summary>
        public string NameIn(string? languageTag) => Merged is { } m ? FactCatalogStorage.LabelOrName(m.Labels, Name, languageTag) : _s.LabelOrName(_s.StateRows(_row + global::FactGen.Emitting.RowLayout.StateLabels), Name, languageTag);

        /// <summary>The states whose <see cref="Within"/> is this one.</summary>
        public global::System.Collections.Generic.IReadOnlyList<State> Regions => _regions ??= _original?.Regions ?? _s.Views.Regions(this);

        /// <summary>The actors whose state this is.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Actor> Actors => _actors ??= _original?.Actors ?? _s.Views.ActorsOf(this);

        /// <summary>The events that involve this state or take place in it, in date order.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> Events => _events ??= _original?.Events ?? _s.Views.EventsOf(this);

        /// <summary>The article of the file that declares this fact.</summary>
        public Source Source => _s.Sources[_s.StateRows(_row + global::FactGen.Emitting.RowLayout.StateSource)];

        /// <summary>
        /// Every source that reports on the fact, each with its stance and the values it gave: the
        /// declaring file's first, then the reports of other files in path order (and of a catalog
        /// that builds on this one, after the sources of this one).
        /// </summary>
        public global::System.Collections.Generic.IReadOnlyList<StateReport> Sources => _sources ??= Merged?.Sources ?? new[] { Declared() };

        /// <summary>The common name.</summary>
        public override string ToString() => Name;

        internal StateReport Declared() => new StateReport(Source, FactStance.Reports, isDeclaration: true, FactCatalogViews.NoKeys,
            DeclaredName, DeclaredOfficialName, DeclaredKind, DeclaredCapital, DeclaredWithin, DeclaredRecognizedBy, DeclaredAliases, DeclaredLabels);

        internal State? Original => _original;

        private string DeclaredName => _s.Text(_s.StateRows(_row + global::FactGen.Emitting.RowLayout.StateName));

        private string? DeclaredOfficialName => _s.OptionalText(_s.StateRows(_row + global::FactGen.Emitting.RowLayout.StateOfficialName));

        private StateKind DeclaredKind => (StateKind)_s.StateKind(_s.StateRows(_row + global::FactGen.Emitting.RowLayout.StateKind));

        private string? DeclaredCapital => _s.OptionalText(_s.StateRows(_row + global::FactGen.Emitting.RowLayout.StateCapital));

        private State? DeclaredWithin => _s.OptionalState(_s.StateRows(_row + global::FactGen.Emitting.RowLayout.StateWithin));

        private global::System.Collections.Generic.IReadOnlyList<State> DeclaredRecognizedBy => _s.StateList(_s.StateRows(_row + global::FactGen.Emitting.RowLayout.StateRecognizedBy));

        private global::System.Collections.Generic.IReadOnlyList<string> DeclaredAliases => _s.TextList(_s.StateRows(_row + global::FactGen.Emitting.RowLayout.StateAliases));

        private global::System.Collections.Generic.IReadOnlyDictionary<string, string> DeclaredLabels => _s.Labels(_s.StateRows(_row + global::FactGen.Emitting.RowLayout.StateLabels));
    }

    /// <summary>A person, organization, news outlet or other group.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public sealed partial class Actor
    {
        private readonly FactCatalogStorage _s;
        private readonly int _row;
        private readonly Actor? _original;
        private readonly FactCatalogViews? _mergedIn;
        private object? _merge;
        private global::System.Collections.Generic.IReadOnlyList<string>? _aliases;
        private global::System.Collections.Generic.IReadOnlyDictionary<string, string>? _labels;
        private global::System.Collections.Generic.IReadOnlyList<Event>? _events, _reports, _timeline;
        private global::System.Collections.Generic.IReadOnlyList<ActorReport>? _sources;

        internal Actor(FactCatalogStorage storage, int index)
        {
            _s = storage;
            _row = index * global::FactGen.Emitting.RowLayout.ActorWidth;
        }

        internal Actor(Actor original, FactCatalogViews mergedIn)
        {
            _s = original._s;
            _row = original._row;
            _original = original;
            _mergedIn = mergedIn;
        }

        private ActorReport? Merged => (_merge ??= (object?)(_mergedIn ?? (_s.MayHaveReports ? _s.Views : null))?.MergeOf(this) ?? FactCatalogViews.NoReports) as ActorReport;

        /// <summary>The id in the fact files, such as <c>denis-pushilin</c>.</summary>
        public string Id => _s.Text(_s.ActorRows(_row + global::FactGen.Emitting.RowLayout.ActorId));

        /// <summary>The name.</summary>
        public string Name => Merged?.Name ?? DeclaredName;

        /// <summary>What kind of actor it is.</summary>
        public ActorKind Kind => Merged?.Kind ?? DeclaredKind;

        /// <summary>The actor's role or office, or null.</summary>
        public string? Role => Merged is { } m ? m.Role : DeclaredRole;

        /// <summary>The state the actor belongs to or acts for, or null.</summary>
        public State? State => Merged is { } m ? m.State : DeclaredState;

        /// <summary>Other names the actor goes by.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> Aliases => _aliases ??= Merged?.Aliases ?? DeclaredAliases;

        /// <summary>The actor's name in other languages, by BCP 47 tag.</summary>
        public global::System.Collections.Generic.IReadOnlyDictionary<string, string> Labels => _labels ??= Merged?.Labels ?? DeclaredLabels;

        /// <summary>
        /// The name in the language <paramref name="languageTag"/> (a BCP 47 tag such as <c>id</c>):
        /// the label for that tag, else for the tag cut at its last subtag (<c>id-ID</c>, then <c>id</c>),
        /// else <see cref="Name"/>. Tags compare case-insensitively.
        /// </summary>
        public string NameIn(string? languageTag) => Merged is { } m ? FactCatalogStorage.LabelOrName(m.Labels, Name, languageTag) : _s.LabelOrName(_s.ActorRows(_row + global::FactGen.Emitting.RowLayout.ActorLabels), Name, languageTag);

        /// <summary>The events the actor takes part in, in date order.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> Events => _events ??= _original?.Events ?? _s.Views.EventsOf(this);

        /// <summary>The events the actor reported, in date order.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> Reports => _reports ??= _original?.Reports ?? _s.Views.ReportsOf(this);

        /// <summary>Everything the actor did or reported (<see cref="Events"/> and <see cref="Reports"/>), each event once, in date order.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> Timeline => _timeline ??= FactCatalogStorage.Merge(Events, Reports);

        /// <summary>The article of the file that declares this fact.</summary>
        public Source Source => _s.Sources[_s.ActorRows(_row + global::FactGen.Emitting.RowLayout.ActorSource)];

        /// <summary>
        /// Every source that reports on the fact, each with its stance and the values it gave: the
        /// declaring file's first, then the reports of other files in path order (and of a catalog
        /// that builds on this one, after the sources of this one).
        /// </summary>
        public global::System.Collections.Generic.IReadOnlyList<ActorReport> Sources => _sources ??= Merged?.Sources ?? new[] { Declared() };

        /// <summary>The name.</summary>
        public override string ToString() => Name;

        internal ActorReport Declared() => new ActorReport(Source, FactStance.Reports, isDeclaration: true, FactCatalogViews.NoKeys,
            DeclaredName, DeclaredKind, DeclaredRole, DeclaredState, DeclaredAliases, DeclaredLabels);

        internal Actor? Original => _original;

        private string DeclaredName => _s.Text(_s.ActorRows(_row + global::FactGen.Emitting.RowLayout.ActorName));

        private ActorKind DeclaredKind => (ActorKind)_s.ActorKind(_s.ActorRows(_row + global::FactGen.Emitting.RowLayout.ActorKind));

        private string? DeclaredRole => _s.OptionalText(_s.ActorRows(_row + global::FactGen.Emitting.RowLayout.ActorRole));

        private State? DeclaredState => _s.OptionalState(_s.ActorRows(_row + global::FactGen.Emitting.RowLayout.ActorState));

        private global::System.Collections.Generic.IReadOnlyList<string> DeclaredAliases => _s.TextList(_s.ActorRows(_row + global::FactGen.Emitting.RowLayout.ActorAliases));

        private global::System.Collections.Generic.IReadOnlyDictionary<string, string> DeclaredLabels => _s.Labels(_s.ActorRows(_row + global::FactGen.Emitting.RowLayout.ActorLabels));
    }

    /// <summary>Something that happened, with when, who, where and who reported it.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public sealed partial class Event
    {
        private readonly FactCatalogStorage _s;
        private readonly int _row;
        private readonly Event? _original;
        private readonly FactCatalogViews? _mergedIn;
        private object? _merge;
        private global::System.Collections.Generic.IReadOnlyList<Actor>? _actors, _reportedBy;
        private global::System.Collections.Generic.IReadOnlyList<State>? _states;
        private global::System.Collections.Generic.IReadOnlyList<Event>? _follows, _followedBy;
        private global::System.Collections.Generic.IReadOnlyList<EventReport>? _sources;

        internal Event(FactCatalogStorage storage, int index)
        {
            _s = storage;
            _row = index * global::FactGen.Emitting.RowLayout.EventWidth;
        }

        internal Event(Event original, FactCatalogViews mergedIn)
        {
            _s = original._s;
            _row = original._row;
            _original = original;
            _mergedIn = mergedIn;
        }

        private EventReport? Merged => (_merge ??= (object?)(_mergedIn ?? (_s.MayHaveReports ? _s.Views : null))?.MergeOf(this) ?? FactCatalogViews.NoReports) as EventReport;

        /// <summary>The id in the fact files, such as <c>pushilin-letter-to-kim</c>.</summary>
        public string Id => _s.Text(_s.EventRows(_row + global::FactGen.Emitting.RowLayout.EventId));

        /// <summary>When it happened, as precisely as the sources tell (see <see cref="Sources"/>).</summary>
        public FactDate Date => Merged?.Date ?? DeclaredDate;

        /// <summary>What kind of event it is.</summary>
        public EventKind Kind => Merged?.Kind ?? DeclaredKind;

        /// <summary>One sentence on what happened, in the curator's words.</summary>
        public string Summary => Merged?.Summary ?? DeclaredSummary;

        /// <summary>The actors who took part.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Actor> Actors => _actors ??= Merged?.Actors ?? DeclaredActors;

        /// <summary>The states involved.</summary>
        public global::System.Collections.Generic.IReadOnlyList<State> States => _states ??= Merged?.States ?? DeclaredStates;

        /// <summary>Where it took place, or null.</summary>
        public State? Place => Merged is { } m ? m.Place : DeclaredPlace;

        /// <summary>Who reported it, as the article attributes it.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Actor> ReportedBy => _reportedBy ??= Merged?.ReportedBy ?? DeclaredReportedBy;

        /// <summary>The events this one responds to or reports on.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> Follows => _follows ??= Merged?.Follows ?? DeclaredFollows;

        /// <summary>The events that respond to or report on this one, in date order.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> FollowedBy => _followedBy ??= _original?.FollowedBy ?? _s.Views.FollowedBy(this);

        /// <summary>How far the event is established: as its sources tell it (see <see cref="Sources"/>).</summary>
        public FactStatus Status => Merged?.Status ?? DeclaredStatus;

        /// <summary>Whether sources disagree on the event, or the article contradicts the record (<c>status: disputed</c>, or a source that disputes it).</summary>
        public bool IsDisputed => Status == FactStatus.Disputed;

        /// <summary>Whether the event was withdrawn (<c>status: retracted</c>); <see cref="Retraction"/> says why.</summary>
        public bool IsRetracted => Status == FactStatus.Retracted;

        /// <summary>Why the event was retracted, or null when it was not.</summary>
        public string? Retraction => Merged is { } m ? m.Retraction : DeclaredRetraction;

        /// <summary>The curator's note (for example where the article is ambiguous), or null.</summary>
        public string? Note => Merged is { } m ? m.Note : DeclaredNote;

        /// <summary>The article of the file that declares this fact.</summary>
        public Source Source => _s.Sources[_s.EventRows(_row + global::FactGen.Emitting.RowLayout.EventSource)];

        /// <summary>
        /// Every source that reports on the event, each with its stance and the values it gave: the
        /// declaring file's first, then the reports of other files in path order (and of a catalog
        /// that builds on this one, after the sources of this one).
        /// </summary>
        public global::System.Collections.Generic.IReadOnlyList<EventReport> Sources => _sources ??= Merged?.Sources ?? new[] { Declared() };

        /// <summary>The date and the id, such as <c>2022-08-15 pushilin-letter-to-kim</c>.</summary>
        public override string ToString() => Date.ToString() + " " + Id;

        internal EventReport Declared() => new EventReport(Source, FactStance.Reports, isDeclaration: true, FactCatalogViews.NoKeys,
            DeclaredDate, DeclaredKind, DeclaredSummary, DeclaredActors, DeclaredStates, DeclaredPlace, DeclaredReportedBy, DeclaredFollows, DeclaredStatus, DeclaredRetraction, DeclaredNote);

        internal Event? Original => _original;

        private FactDate DeclaredDate => _s.EventDate(_row / global::FactGen.Emitting.RowLayout.EventWidth);

        private EventKind DeclaredKind => (EventKind)_s.EventKind(_s.EventRows(_row + global::FactGen.Emitting.RowLayout.EventKind));

        private string DeclaredSummary => _s.Text(_s.EventRows(_row + global::FactGen.Emitting.RowLayout.EventSummary));

        private global::System.Collections.Generic.IReadOnlyList<Actor> DeclaredActors => _s.ActorList(_s.EventRows(_row + global::FactGen.Emitting.RowLayout.EventActors));

        private global::System.Collections.Generic.IReadOnlyList<State> DeclaredStates => _s.StateList(_s.EventRows(_row + global::FactGen.Emitting.RowLayout.EventStates));

        private State? DeclaredPlace => _s.OptionalState(_s.EventRows(_row + global::FactGen.Emitting.RowLayout.EventPlace));

        private global::System.Collections.Generic.IReadOnlyList<Actor> DeclaredReportedBy => _s.ActorList(_s.EventRows(_row + global::FactGen.Emitting.RowLayout.EventReportedBy));

        private global::System.Collections.Generic.IReadOnlyList<Event> DeclaredFollows => _s.EventList(_s.EventRows(_row + global::FactGen.Emitting.RowLayout.EventFollows));

        private FactStatus DeclaredStatus => (FactStatus)_s.EventRows(_row + global::FactGen.Emitting.RowLayout.EventStatus);

        private string? DeclaredRetraction => _s.OptionalText(_s.EventRows(_row + global::FactGen.Emitting.RowLayout.EventRetraction));

        private string? DeclaredNote => _s.OptionalText(_s.EventRows(_row + global::FactGen.Emitting.RowLayout.EventNote));
    }

    /// <summary>What one source says of a state: its stance, and the values it gave (null or empty where it gave none).</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public sealed class StateReport
    {
        internal StateReport(Source source, FactStance stance, bool isDeclaration, global::System.Collections.Generic.IReadOnlyList<string> preferred,
            string? name, string? officialName, StateKind? kind, string? capital, State? within, global::System.Collections.Generic.IReadOnlyList<State> recognizedBy,
            global::System.Collections.Generic.IReadOnlyList<string> aliases, global::System.Collections.Generic.IReadOnlyDictionary<string, string> labels)
        {
            Source = source;
            Stance = stance;
            IsDeclaration = isDeclaration;
            Preferred = preferred;
            Name = name;
            OfficialName = officialName;
            Kind = kind;
            Capital = capital;
            Within = within;
            RecognizedBy = recognizedBy;
            Aliases = aliases;
            Labels = labels;
        }

        /// <summary>The article.</summary>
        public Source Source { get; }

        /// <summary>Whether the source reports the fact or disputes it.</summary>
        public FactStance Stance { get; }

        /// <summary>Whether this is the file that declares the fact (the first source), not a report on it.</summary>
        public bool IsDeclaration { get; }

        /// <summary>The keys whose values this source gives precedence (<c>preferred</c>), such as <c>name</c>.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> Preferred { get; }

        /// <summary>The name it gives, or null.</summary>
        public string? Name { get; }

        /// <summary>The official name it gives, or null.</summary>
        public string? OfficialName { get; }

        /// <summary>The kind it gives, or null.</summary>
        public StateKind? Kind { get; }

        /// <summary>The capital it gives, or null.</summary>
        public string? Capital { get; }

        /// <summary>The state it says this one lies within, or null.</summary>
        public State? Within { get; }

        /// <summary>The states it says recognize this one.</summary>
        public global::System.Collections.Generic.IReadOnlyList<State> RecognizedBy { get; }

        /// <summary>The other names it gives.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> Aliases { get; }

        /// <summary>The names in other languages it gives, by BCP 47 tag.</summary>
        public global::System.Collections.Generic.IReadOnlyDictionary<string, string> Labels { get; }

        internal global::System.Collections.Generic.IReadOnlyList<StateReport>? Sources { get; private set; }

        /// <summary>The source, and <c>(disputes)</c> where it disputes the fact.</summary>
        public override string ToString() => FactCatalogViews.FactMerge.Describe(Source, Stance);

        // The rule of FactGen's docs (format.md, "Reports"): the sources that report the fact decide, the declaring file first.
        internal static StateReport Merge(global::System.Collections.Generic.IReadOnlyList<StateReport> sources)
        {
            var reporting = FactCatalogViews.FactMerge.Reporting(sources, s => s.Stance);
            return new StateReport(sources[0].Source, FactStance.Reports, isDeclaration: false, FactCatalogViews.NoKeys,
                FactCatalogViews.FactMerge.Pick(reporting, "name", s => s.Preferred, s => s.Name),
                FactCatalogViews.FactMerge.Pick(reporting, "official_name", s => s.Preferred, s => s.OfficialName),
                FactCatalogViews.FactMerge.PickValue(reporting, "kind", s => s.Preferred, s => s.Kind),
                FactCatalogViews.FactMerge.Pick(reporting, "capital", s => s.Preferred, s => s.Capital),
                FactCatalogViews.FactMerge.Pick(reporting, "within", s => s.Preferred, s => s.Within),
                FactCatalogViews.FactMerge.Union(reporting, s => s.RecognizedBy),
                FactCatalogViews.FactMerge.Union(reporting, s => s.Aliases),
                FactCatalogViews.FactMerge.Labels(reporting, s => s.Labels))
            { Sources = sources };
        }
    }

    /// <summary>What one source says of an actor: its stance, and the values it gave (null or empty where it gave none).</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public sealed class ActorReport
    {
        internal ActorReport(Source source, FactStance stance, bool isDeclaration, global::System.Collections.Generic.IReadOnlyList<string> preferred,
            string? name, ActorKind? kind, string? role, State? state,
            global::System.Collections.Generic.IReadOnlyList<string> aliases, global::System.Collections.Generic.IReadOnlyDictionary<string, string> labels)
        {
            Source = source;
            Stance = stance;
            IsDeclaration = isDeclaration;
            Preferred = preferred;
            Name = name;
            Kind = kind;
            Role = role;
            State = state;
            Aliases = aliases;
            Labels = labels;
        }

        /// <summary>The article.</summary>
        public Source Source { get; }

        /// <summary>Whether the source reports the fact or disputes it.</summary>
        public FactStance Stance { get; }

        /// <summary>Whether this is the file that declares the fact (the first source), not a report on it.</summary>
        public bool IsDeclaration { get; }

        /// <summary>The keys whose values this source gives precedence (<c>preferred</c>), such as <c>role</c>.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> Preferred { get; }

        /// <summary>The name it gives, or null.</summary>
        public string? Name { get; }

        /// <summary>The kind it gives, or null.</summary>
        public ActorKind? Kind { get; }

        /// <summary>The role it gives, or null.</summary>
        public string? Role { get; }

        /// <summary>The state it says the actor belongs to, or null.</summary>
        public State? State { get; }

        /// <summary>The other names it gives.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> Aliases { get; }

        /// <summary>The names in other languages it gives, by BCP 47 tag.</summary>
        public global::System.Collections.Generic.IReadOnlyDictionary<string, string> Labels { get; }

        internal global::System.Collections.Generic.IReadOnlyList<ActorReport>? Sources { get; private set; }

        /// <summary>The source, and <c>(disputes)</c> where it disputes the fact.</summary>
        public override string ToString() => FactCatalogViews.FactMerge.Describe(Source, Stance);

        internal static ActorReport Merge(global::System.Collections.Generic.IReadOnlyList<ActorReport> sources)
        {
            var reporting = FactCatalogViews.FactMerge.Reporting(sources, s => s.Stance);
            return new ActorReport(sources[0].Source, FactStance.Reports, isDeclaration: false, FactCatalogViews.NoKeys,
                FactCatalogViews.FactMerge.Pick(reporting, "name", s => s.Preferred, s => s.Name),
                FactCatalogViews.FactMerge.PickValue(reporting, "kind", s => s.Preferred, s => s.Kind),
                FactCatalogViews.FactMerge.Pick(reporting, "role", s => s.Preferred, s => s.Role),
                FactCatalogViews.FactMerge.Pick(reporting, "state", s => s.Preferred, s => s.State),
                FactCatalogViews.FactMerge.Union(reporting, s => s.Aliases),
                FactCatalogViews.FactMerge.Labels(reporting, s => s.Labels))
            { Sources = sources };
        }
    }

    /// <summary>What one source says of an event: its stance, and the values it gave (null or empty where it gave none).</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public sealed class EventReport
    {
        internal EventReport(Source source, FactStance stance, bool isDeclaration, global::System.Collections.Generic.IReadOnlyList<string> preferred,
            FactDate? date, EventKind? kind, string? summary, global::System.Collections.Generic.IReadOnlyList<Actor> actors, global::System.Collections.Generic.IReadOnlyList<State> states,
            State? place, global::System.Collections.Generic.IReadOnlyList<Actor> reportedBy, global::System.Collections.Generic.IReadOnlyList<Event> follows,
            FactStatus? status, string? retraction, string? note)
        {
            Source = source;
            Stance = stance;
            IsDeclaration = isDeclaration;
            Preferred = preferred;
            Date = date;
            Kind = kind;
            Summary = summary;
            Actors = actors;
            States = states;
            Place = place;
            ReportedBy = reportedBy;
            Follows = follows;
            Status = status;
            Retraction = retraction;
            Note = note;
        }

        /// <summary>The article.</summary>
        public Source Source { get; }

        /// <summary>Whether the source reports the event or disputes it.</summary>
        public FactStance Stance { get; }

        /// <summary>Whether this is the file that declares the event (the first source), not a report on it.</summary>
        public bool IsDeclaration { get; }

        /// <summary>The keys whose values this source gives precedence (<c>preferred</c>), such as <c>date</c>.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> Preferred { get; }

        /// <summary>The date it gives, or null.</summary>
        public FactDate? Date { get; }

        /// <summary>The kind it gives, or null.</summary>
        public EventKind? Kind { get; }

        /// <summary>Its summary, or null.</summary>
        public string? Summary { get; }

        /// <summary>The actors it names.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Actor> Actors { get; }

        /// <summary>The states it names.</summary>
        public global::System.Collections.Generic.IReadOnlyList<State> States { get; }

        /// <summary>Where it says the event took place, or null.</summary>
        public State? Place { get; }

        /// <summary>Who it says reported the event.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Actor> ReportedBy { get; }

        /// <summary>The events it says this one responds to.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> Follows { get; }

        /// <summary>The status it gives, or null.</summary>
        public FactStatus? Status { get; }

        /// <summary>The retraction it gives, or null.</summary>
        public string? Retraction { get; }

        /// <summary>Its note, or null.</summary>
        public string? Note { get; }

        internal global::System.Collections.Generic.IReadOnlyList<EventReport>? Sources { get; private set; }

        /// <summary>The source, and <c>(disputes)</c> where it disputes the event.</summary>
        public override string ToString() => FactCatalogViews.FactMerge.Describe(Source, Stance);

        internal static EventReport Merge(global::System.Collections.Generic.IReadOnlyList<EventReport> sources)
        {
            var reporting = FactCatalogViews.FactMerge.Reporting(sources, s => s.Stance);
            FactStatus status = FactCatalogViews.FactMerge.Status(sources, reporting);
            return new EventReport(sources[0].Source, FactStance.Reports, isDeclaration: false, FactCatalogViews.NoKeys,
                FactCatalogViews.FactMerge.Date(reporting, s => s.Preferred, s => s.Date),
                FactCatalogViews.FactMerge.PickValue(reporting, "kind", s => s.Preferred, s => s.Kind),
                FactCatalogViews.FactMerge.Pick(reporting, "summary", s => s.Preferred, s => s.Summary),
                FactCatalogViews.FactMerge.Union(reporting, s => s.Actors),
                FactCatalogViews.FactMerge.Union(reporting, s => s.States),
                FactCatalogViews.FactMerge.Pick(reporting, "place", s => s.Preferred, s => s.Place),
                FactCatalogViews.FactMerge.Union(reporting, s => s.ReportedBy),
                FactCatalogViews.FactMerge.Union(reporting, s => s.Follows),
                status,
                status == FactStatus.Retracted ? FactCatalogViews.FactMerge.Pick(reporting, "retraction", s => s.Preferred, s => s.Status == FactStatus.Retracted ? s.Retraction : null) : null,
                FactCatalogViews.FactMerge.Pick(reporting, "note", s => s.Preferred, s => s.Note))
            { Sources = sources };
        }
    }

    /// <summary>
    /// The reports of one fact file, as its generated code gives them: its source and, per report,
    /// the reported fact and the values given, with facts by id (<c>namespace:id</c> for a fact
    /// of a catalog this one builds on) and kinds by their enum value. The catalog's views turn
    /// them into <see cref="StateReport"/>, <see cref="ActorReport"/> and <see cref="EventReport"/>
    /// on first use. For generated code only.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class FactReportFile
    {
        /// <summary>The file's source (<paramref name="published"/> as (year × 16 + month) × 32 + day, 0 for none) and its reports.</summary>
        public FactReportFile(string outlet, string? title, int published, string? language, string? url, FactReport[] reports)
        {
            Source = new Source(outlet, title, published == 0 ? (FactDate?)null : FactReport.DateOf(published), language, url);
            Reports = reports;
        }

        internal Source Source { get; }

        internal FactReport[] Reports { get; }
    }

    /// <summary>One report of a fact file, as its generated code gives it (see <see cref="FactReportFile"/>). For generated code only.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class FactReport
    {
        private FactReport(int category, string target, bool disputes, string[] preferred)
        {
            Category = category;
            Target = target;
            Disputes = disputes;
            Preferred = preferred;
        }

        internal int Category { get; }
        internal string Target { get; }
        internal bool Disputes { get; }
        internal string[] Preferred { get; }
        internal int Date { get; private set; }
        internal int? Kind { get; private set; }
        internal int? Status { get; private set; }
        internal string? Name { get; private set; }
        internal string? OfficialName { get; private set; }
        internal string? Capital { get; private set; }
        internal string? Role { get; private set; }
        internal string? Summary { get; private set; }
        internal string? Retraction { get; private set; }
        internal string? Note { get; private set; }
        internal string? Within { get; private set; }
        internal string? State { get; private set; }
        internal string? Place { get; private set; }
        internal string[]? RecognizedBy { get; private set; }
        internal string[]? Actors { get; private set; }
        internal string[]? States { get; private set; }
        internal string[]? ReportedBy { get; private set; }
        internal string[]? Follows { get; private set; }
        internal string[]? Aliases { get; private set; }
        internal string[]? Labels { get; private set; }

        internal static FactDate DateOf(int key) => new FactDate(key >> 9, ((key >> 5) & 15) == 0 ? (int?)null : (key >> 5) & 15, (key & 31) == 0 ? (int?)null : key & 31);

        /// <summary>A report on a state. <paramref name="labels"/> alternate tag and name.</summary>
        public static FactReport OnState(string target, bool disputes, string[] preferred, string? name = null, string? officialName = null, int? kind = null, string? capital = null, string? within = null, string[]? recognizedBy = null, string[]? aliases = null, string[]? labels = null)
            => new FactReport(0, target, disputes, preferred) { Name = name, OfficialName = officialName, Kind = kind, Capital = capital, Within = within, RecognizedBy = recognizedBy, Aliases = aliases, Labels = labels };

        /// <summary>A report on an actor. <paramref name="labels"/> alternate tag and name.</summary>
        public static FactReport OnActor(string target, bool disputes, string[] preferred, string? name = null, int? kind = null, string? role = null, string? state = null, string[]? aliases = null, string[]? labels = null)
            => new FactReport(1, target, disputes, preferred) { Name = name, Kind = kind, Role = role, State = state, Aliases = aliases, Labels = labels };

        /// <summary>A report on an event. <paramref name="date"/> as (year × 16 + month) × 32 + day, 0 for none.</summary>
        public static FactReport OnEvent(string target, bool disputes, string[] preferred, int date = 0, int? kind = null, string? summary = null, string[]? actors = null, string[]? states = null, string? place = null, string[]? reportedBy = null, string[]? follows = null, int? status = null, string? retraction = null, string? note = null)
            => new FactReport(2, target, disputes, preferred) { Date = date, Kind = kind, Summary = summary, Actors = actors, States = states, Place = place, ReportedBy = reportedBy, Follows = follows, Status = status, Retraction = retraction, Note = note };
    }

    /// <summary>
    /// Where the facts of one fact file read their values: its rows, lists and text, and its
    /// objects. The generated code of each fact file derives from it; so does that of a catalog
    /// built on this one (a project that references it), so that its facts are objects of these
    /// types and its references to this catalog's facts are these very objects. For generated
    /// code only.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public abstract class FactCatalogStorage
    {
        private readonly int _states, _actors, _events;
        private readonly int[] _stateKinds, _actorKinds, _eventKinds, _eventDates;
        private FactCatalogViews? _views;

        /// <summary>
        /// Creates the file's own facts. A reference to a fact of another file or catalog is an
        /// index past the file's own facts of its category: its object is fetched on first use
        /// (<see cref="ImportState"/>), so that files can reference each other in any order.
        /// </summary>
        /// <param name="sources">The file's sources.</param>
        /// <param name="states">The file's own states.</param>
        /// <param name="actors">The file's own actors.</param>
        /// <param name="events">The file's own events.</param>
        /// <param name="importedStates">The states of other files and catalogs that the file's facts reference.</param>
        /// <param name="importedActors">The actors of other files and catalogs that the file's facts reference.</param>
        /// <param name="importedEvents">The events of other files and catalogs that the file's facts reference.</param>
        /// <param name="stateKinds">The value of each state kind the file uses, by the file's own kind number.</param>
        /// <param name="actorKinds">The value of each actor kind the file uses.</param>
        /// <param name="eventKinds">The value of each event kind the file uses.</param>
        /// <param name="eventDates">The date of each of the file's events, as (year × 16 + month) × 32 + day.</param>
        protected FactCatalogStorage(int sources, int states, int actors, int events, int importedStates, int importedActors, int importedEvents, int[] stateKinds, int[] actorKinds, int[] eventKinds, int[] eventDates)
        {
            _eventDates = eventDates;
            _states = states;
            _actors = actors;
            _events = events;
            _stateKinds = stateKinds;
            _actorKinds = actorKinds;
            _eventKinds = eventKinds;
            Sources = new Source[sources];
            for (int i = 0; i < sources; i++) Sources[i] = new Source(this, i);
            States = new State[states + importedStates];
            for (int i = 0; i < states; i++) States[i] = new State(this, i);
            Actors = new Actor[actors + importedActors];
            for (int i = 0; i < actors; i++) Actors[i] = new Actor(this, i);
            Events = new Event[events + importedEvents];
            for (int i = 0; i < events; i++) Events[i] = new Event(this, i);
        }

        /// <summary>The file's sources, by index.</summary>
        public Source[] Sources { get; }

        /// <summary>The file's states, then (once fetched) the imported ones that its facts reference.</summary>
        public State[] States { get; }

        /// <summary>The file's actors, then (once fetched) the imported ones that its facts reference.</summary>
        public Actor[] Actors { get; }

        /// <summary>The file's events, then (once fetched) the imported ones that its facts reference.</summary>
        public Event[] Events { get; }

        /// <summary>How many states the file declares.</summary>
        public int StateCount => _states;

        /// <summary>How many actors the file declares.</summary>
        public int ActorCount => _actors;

        /// <summary>How many events the file declares.</summary>
        public int EventCount => _events;

        /// <summary>The whole catalog the file belongs to: its lists, timeline and back references.</summary>
        public FactCatalogViews Views => _views ?? (_views = Catalog());

        /// <summary>The views of the catalog the file belongs to, from its generated code.</summary>
        protected abstract FactCatalogViews Catalog();

        /// <summary>The text at <paramref name="index"/> of the file's string pool.</summary>
        public abstract string Text(int index);

        /// <summary>The int at <paramref name="at"/> of the list pool.</summary>
        public abstract int Lists(int at);

        /// <summary>The int at <paramref name="at"/> of the source rows.</summary>
        public abstract int SourceRows(int at);

        /// <summary>The int at <paramref name="at"/> of the state rows.</summary>
        public abstract int StateRows(int at);

        /// <summary>The int at <paramref name="at"/> of the actor rows.</summary>
        public abstract int ActorRows(int at);

        /// <summary>The int at <paramref name="at"/> of the event rows.</summary>
        public abstract int EventRows(int at);

        /// <summary>The <paramref name="index"/>-th state of another file or catalog that the file's facts reference.</summary>
        protected abstract State ImportState(int index);

        /// <summary>The <paramref name="index"/>-th actor of another file or catalog that the file's facts reference.</summary>
        protected abstract Actor ImportActor(int index);

        /// <summary>The <paramref name="index"/>-th event of another file or catalog that the file's facts reference.</summary>
        protected abstract Event ImportEvent(int index);

        internal State StateAt(int index) => States[index] ?? (States[index] = ImportState(index - _states));

        internal Actor ActorAt(int index) => Actors[index] ?? (Actors[index] = ImportActor(index - _actors));

        internal Event EventAt(int index) => Events[index] ?? (Events[index] = ImportEvent(index - _events));

        // 0 is none: references to other rows are stored one up.
        internal State? OptionalState(int stored) => stored == 0 ? null : StateAt(stored - 1);

        internal FactCatalogList<State> StateList(int offset) => new FactCatalogList<State>(this, offset, StateAt);

        internal FactCatalogList<Actor> ActorList(int offset) => new FactCatalogList<Actor>(this, offset, ActorAt);

        internal FactCatalogList<Event> EventList(int offset) => new FactCatalogList<Event>(this, offset, EventAt);

        // A fact with an error has no kind (-1); else the file's kind number maps to the enum's value.
        internal int StateKind(int kind) => kind < 0 ? -1 : _stateKinds[kind];

        internal int ActorKind(int kind) => kind < 0 ? -1 : _actorKinds[kind];

        internal int EventKind(int kind) => kind < 0 ? -1 : _eventKinds[kind];

        // 0 is none: text index 0 is reserved.
        internal string? OptionalText(int index) => index == 0 ? null : Text(index);

        internal global::System.Collections.Generic.IReadOnlyList<string> TextList(int offset)
        {
            string[] items = new string[Lists(offset)];
            for (int i = 0; i < items.Length; i++) items[i] = Text(Lists(offset + 1 + i));
            return new global::System.Collections.ObjectModel.ReadOnlyCollection<string>(items);
        }

        internal FactDate EventDate(int index)
        {
            int key = _eventDates[index];
            return Date(key >> 9, (key >> 5) & 15, key & 31);
        }

        internal FactDate SourceDate(int at) => Date(SourceRows(at), SourceRows(at + 1), SourceRows(at + 2));

        private static FactDate Date(int year, int month, int day) => new FactDate(year, month == 0 ? (int?)null : month, day == 0 ? (int?)null : day);

        internal global::System.Collections.Generic.IReadOnlyDictionary<string, string> Labels(int offset)
        {
            var labels = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < Lists(offset); i += 2) labels.Add(Text(Lists(offset + 1 + i)), Text(Lists(offset + 2 + i)));
            return new global::System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(labels);
        }

        /// <summary>The label for <paramref name="languageTag"/>, or for the tag cut subtag by subtag from its end, else <paramref name="name"/>.</summary>
        internal string LabelOrName(int offset, string name, string? languageTag)
        {
            if (languageTag == null || languageTag.Length == 0) return name;
            string tag = languageTag;
            int count = Lists(offset);
            while (true)
            {
                for (int i = 0; i < count; i += 2)
                {
                    if (string.Equals(Text(Lists(offset + 1 + i)), tag, global::System.StringComparison.OrdinalIgnoreCase)) return Text(Lists(offset + 2 + i));
                }
                int dash = tag.LastIndexOf('-');
                if (dash <= 0) return name;
                tag = tag.Substring(0, dash);
            }
        }

        /// <summary>Whether reports of the file's catalog may name its facts: false spares every fact the lookup.</summary>
        protected virtual bool HasReports => false;

        internal bool MayHaveReports => HasReports;

        /// <summary>The label for <paramref name="languageTag"/> among <paramref name="labels"/>, or for the tag cut subtag by subtag from its end, else <paramref name="name"/>.</summary>
        internal static string LabelOrName(global::System.Collections.Generic.IReadOnlyDictionary<string, string> labels, string name, string? languageTag)
        {
            if (languageTag == null || languageTag.Length == 0) return name;
            string tag = languageTag;
            while (true)
            {
                if (labels.TryGetValue(tag, out string? label)) return label;
                int dash = tag.LastIndexOf('-');
                if (dash <= 0) return name;
                tag = tag.Substring(0, dash);
            }
        }

        /// <summary>Two lists in timeline order as one, each event once.</summary>
        internal static global::System.Collections.Generic.IReadOnlyList<Event> Merge(global::System.Collections.Generic.IReadOnlyList<Event> first, global::System.Collections.Generic.IReadOnlyList<Event> second)
        {
            if (second.Count == 0) return first;
            if (first.Count == 0) return second;
            var merged = new global::System.Collections.Generic.List<Event>(first.Count + second.Count);
            int i = 0, j = 0;
            while (i < first.Count || j < second.Count)
            {
                if (j == second.Count) { merged.Add(first[i++]); continue; }
                if (i == first.Count) { merged.Add(second[j++]); continue; }
                Event a = first[i], b = second[j];
                if (ReferenceEquals(a, b)) { merged.Add(a); i++; j++; continue; }
                int order = a.Date.CompareTo(b.Date);
                if (order == 0) order = string.CompareOrdinal(a.Id, b.Id);
                if (order < 0) { merged.Add(a); i++; }
                else { merged.Add(b); j++; }
            }
            return new global::System.Collections.ObjectModel.ReadOnlyCollection<Event>(merged);
        }
    }

    /// <summary>
    /// One catalog as a whole, over the storages of its fact files: its facts in id order, its
    /// timeline, lookups by id and the back references (a state's <c>Recognizes</c>, an actor's
    /// <c>Events</c>). Each is built on first use from the files' forward references, so that a
    /// fact file's generated code depends on no other file's. For generated code only.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class FactCatalogViews
    {
        private readonly FactCatalogStorage[] _files;
        private readonly int[] _stateOrder, _actorOrder, _eventOrder;
        private global::System.Collections.Generic.IReadOnlyList<State>? _states;
        private global::System.Collections.Generic.IReadOnlyList<Actor>? _actors;
        private global::System.Collections.Generic.IReadOnlyList<Event>? _events, _timeline;
        private BackReferences? _back;

        /// <summary>
        /// The catalog of these fact files' storages (each belongs to one catalog). Each order
        /// names, for every fact of its category in id order, the file it belongs to; a file's
        /// own facts are in id order, so the order puts them together without reading an id.
        /// </summary>
        /// <param name="files">The storages of the catalog's fact files.</param>
        /// <param name="stateOrder">For each state in id order, the file it belongs to.</param>
        /// <param name="actorOrder">For each actor in id order, the file it belongs to.</param>
        /// <param name="eventOrder">For each event in id order, the file it belongs to.</param>
        /// <param name="reports">The reports of the catalog's fact files, in path order.</param>
        /// <param name="upstream">A fact of a catalog this one builds on, by category (0 state, 1 actor, 2 event), namespace and id.</param>
        public FactCatalogViews(FactCatalogStorage[] files, int[] stateOrder, int[] actorOrder, int[] eventOrder, FactReportFile[]? reports = null, global::System.Func<int, string, string, object>? upstream = null)
        {
            _reportFiles = reports ?? global::System.Array.Empty<FactReportFile>();
            _upstream = upstream;
            _files = files;
            _stateOrder = stateOrder;
            _actorOrder = actorOrder;
            _eventOrder = eventOrder;
        }

        /// <summary>Every state of the catalog, in id order.</summary>
        public global::System.Collections.Generic.IReadOnlyList<State> States => _states ??= InOrder(_stateOrder, f => f.States);

        /// <summary>Every actor of the catalog, in id order.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Actor> Actors => _actors ??= InOrder(_actorOrder, f => f.Actors);

        /// <summary>Every event of the catalog, in id order.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> Events => _events ??= InOrder(_eventOrder, f => f.Events);

        /// <summary>Every event of the catalog by date, earliest first, ties by id.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> Timeline => _timeline ??= ByDate(Events, byId: true);

        /// <summary>The state with the id, or null.</summary>
        public State? FindState(string? id) => Find(States, id, s => s.Id);

        /// <summary>The actor with the id, or null.</summary>
        public Actor? FindActor(string? id) => Find(Actors, id, a => a.Id);

        /// <summary>The event with the id, or null.</summary>
        public Event? FindEvent(string? id) => Find(Events, id, e => e.Id);

        /// <summary>The error for an id the catalog does not have, naming the nearest id there is.</summary>
        public global::System.Collections.Generic.KeyNotFoundException Missing<T>(string category, global::System.Collections.Generic.IReadOnlyList<T> facts, global::System.Func<T, string> idOf, string id)
        {
            string? nearest = null;
            // The build's rule for "did you mean": at most a third of the id changed. Facts are in id
            // order, so of equally near ids the first in ordinal order wins.
            int limit = global::System.Math.Max(1, id.Length / 3), best = limit + 1;
            for (int i = 0; id.Length <= 256 && i < facts.Count; i++)
            {
                string candidate = idOf(facts[i]);
                if (global::System.Math.Abs(candidate.Length - id.Length) > limit) continue;
                int distance = Distance(id, candidate);
                if (distance < best)
                {
                    best = distance;
                    nearest = candidate;
                }
            }
            string message = "No " + category + " in the fact catalog has the id '" + id + "'" + (nearest == null ? "." : "; did you mean '" + nearest + "'?");
            return new global::System.Collections.Generic.KeyNotFoundException(message);
        }

        /// <summary>
        /// How the sources of one fact make its values (format.md, "Reports"). Only the sources that
        /// report the fact give values, the declaring file first. A value one of them marks
        /// <c>preferred</c> wins; else the first given, except that a date more precise than the
        /// others and within every one of them wins (2022 and 2022-07-13 give 2022-07-13). Lists are
        /// merged, each item once, in the order of the sources. For generated code only.
        /// </summary>
        internal static class FactMerge
        {
            internal static string Describe(Source source, FactStance stance) => stance == FactStance.Disputes ? source.ToString() + " (disputes)" : source.ToString();

            internal static global::System.Collections.Generic.List<T> Reporting<T>(global::System.Collections.Generic.IReadOnlyList<T> sources, global::System.Func<T, FactStance> stance)
            {
                var reporting = new global::System.Collections.Generic.List<T>(sources.Count);
                foreach (T source in sources)
                {
                    if (stance(source) == FactStance.Reports) reporting.Add(source);
                }
                return reporting;
            }

            private static bool Prefers(global::System.Collections.Generic.IReadOnlyList<string> preferred, string key)
            {
                foreach (string p in preferred)
                {
                    if (p == key) return true;
                }
                return false;
            }

            internal static TValue? Pick<T, TValue>(global::System.Collections.Generic.List<T> sources, string key, global::System.Func<T, global::System.Collections.Generic.IReadOnlyList<string>> preferred, global::System.Func<T, TValue?> value)
                where TValue : class
            {
                foreach (T source in sources)
                {
                    if (Prefers(preferred(source), key) && value(source) is { } chosen) return chosen;
                }
                foreach (T source in sources)
                {
                    if (value(source) is { } first) return first;
                }
                return null;
            }

            internal static TValue? PickValue<T, TValue>(global::System.Collections.Generic.List<T> sources, string key, global::System.Func<T, global::System.Collections.Generic.IReadOnlyList<string>> preferred, global::System.Func<T, TValue?> value)
                where TValue : struct
            {
                foreach (T source in sources)
                {
                    if (Prefers(preferred(source), key) && value(source) is { } chosen) return chosen;
                }
                foreach (T source in sources)
                {
                    if (value(source) is { } first) return first;
                }
                return null;
            }

            /// <summary>The preferred date; else the most precise date, where it lies within every other date given; else the first.</summary>
            internal static FactDate? Date<T>(global::System.Collections.Generic.List<T> sources, global::System.Func<T, global::System.Collections.Generic.IReadOnlyList<string>> preferred, global::System.Func<T, FactDate?> value)
            {
                FactDate? first = null, finest = null;
                foreach (T source in sources)
                {
                    if (!(value(source) is { } date)) continue;
                    if (Prefers(preferred(source), "date")) return date;
                    if (first == null) first = date;
                    if (finest == null || date.Precision > finest.Value.Precision) finest = date;
                }
                if (finest == null) return null;
                foreach (T source in sources)
                {
                    if (value(source) is { } date && !date.Contains(finest.Value)) return first;
                }
                return finest;
            }

            /// <summary>
            /// The preferred status; else retracted where a reporting source retracts it, disputed where
            /// any source disputes it (its stance, or <c>status: disputed</c>), confirmed where one
            /// confirms it, else reported.
            /// </summary>
            internal static FactStatus Status(global::System.Collections.Generic.IReadOnlyList<EventReport> all, global::System.Collections.Generic.List<EventReport> reporting)
            {
                foreach (EventReport source in reporting)
                {
                    if (Prefers(source.Preferred, "status") && source.Status is { } chosen) return chosen;
                }
                bool disputed = false, confirmed = false;
                foreach (EventReport source in reporting)
                {
                    if (source.Status == FactStatus.Retracted) return FactStatus.Retracted;
                    disputed |= source.Status == FactStatus.Disputed;
                    confirmed |= source.Status == FactStatus.Confirmed;
                }
                foreach (EventReport source in all) disputed |= source.Stance == FactStance.Disputes;
                return disputed ? FactStatus.Disputed : confirmed ? FactStatus.Confirmed : FactStatus.Reported;
            }

            internal static global::System.Collections.Generic.IReadOnlyList<TItem> Union<T, TItem>(global::System.Collections.Generic.List<T> sources, global::System.Func<T, global::System.Collections.Generic.IReadOnlyList<TItem>> items)
            {
                global::System.Collections.Generic.List<TItem>? union = null;
                global::System.Collections.Generic.IReadOnlyList<TItem>? only = null;
                foreach (T source in sources)
                {
                    global::System.Collections.Generic.IReadOnlyList<TItem> list = items(source);
                    if (list.Count == 0) continue;
                    if (only == null && union == null)
                    {
                        only = list;
                        continue;
                    }
                    if (union == null) union = new global::System.Collections.Generic.List<TItem>(only!);
                    foreach (TItem item in list)
                    {
                        if (!union.Contains(item)) union.Add(item);
                    }
                }
                if (union != null) return new global::System.Collections.ObjectModel.ReadOnlyCollection<TItem>(union);
                return only ?? global::System.Array.Empty<TItem>();
            }

            internal static global::System.Collections.Generic.IReadOnlyDictionary<string, string> Labels<T>(global::System.Collections.Generic.List<T> sources, global::System.Func<T, global::System.Collections.Generic.IReadOnlyDictionary<string, string>> labels)
            {
                var merged = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.OrdinalIgnoreCase);
                foreach (T source in sources)
                {
                    foreach (global::System.Collections.Generic.KeyValuePair<string, string> label in labels(source))
                    {
                        if (!merged.ContainsKey(label.Key)) merged.Add(label.Key, label.Value);
                    }
                }
                return new global::System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(merged);
            }
        }

        /// <summary>A fact no report merges into (the cached answer of <c>MergeOf</c>).</summary>
        internal static readonly object NoReports = new object();

        internal static readonly global::System.Collections.Generic.IReadOnlyList<string> NoKeys = global::System.Array.Empty<string>();

        private readonly FactReportFile[] _reportFiles;
        private readonly global::System.Func<int, string, string, object>? _upstream;
        private global::System.Collections.Generic.Dictionary<object, object>? _copies;
        private ReportIndex? _reports;

        /// <summary>
        /// The merged values of a fact that reports of this catalog name, with all its sources; null
        /// for a fact without reports here.
        /// </summary>
        internal StateReport? MergeOf(State state) => Reports.States.TryGetValue(state, out StateReport? merged) ? merged : null;

        internal ActorReport? MergeOf(Actor actor) => Reports.Actors.TryGetValue(actor, out ActorReport? merged) ? merged : null;

        internal EventReport? MergeOf(Event @event) => Reports.Events.TryGetValue(@event, out EventReport? merged) ? merged : null;

        /// <summary>
        /// The fact as this catalog sees it: for a fact of a catalog this one builds on that a report
        /// here names, this catalog's own object for it, which carries the reports; else the fact.
        /// </summary>
        public T WithReports<T>(T fact)
            where T : class
            => _reportFiles.Length > 0 && Copies.TryGetValue(fact, out object? copy) ? (T)copy : fact;

        /// <summary>The facts as this catalog sees them (<see cref="WithReports{T}(T)"/>), in the order given.</summary>
        public global::System.Collections.Generic.IReadOnlyList<T> WithReports<T>(global::System.Collections.Generic.IReadOnlyList<T> facts)
            where T : class
        {
            if (_reportFiles.Length == 0 || Copies.Count == 0) return facts;
            var seen = new T[facts.Count];
            for (int i = 0; i < seen.Length; i++) seen[i] = WithReports(facts[i]);
            return new global::System.Collections.ObjectModel.ReadOnlyCollection<T>(seen);
        }

        /// <summary>For each fact of a catalog this one builds on that a report here names, this catalog's object for it.</summary>
        private global::System.Collections.Generic.Dictionary<object, object> Copies
        {
            get
            {
                if (_copies != null) return _copies;
                var copies = new global::System.Collections.Generic.Dictionary<object, object>();
                foreach (FactReportFile file in _reportFiles)
                {
                    foreach (FactReport report in file.Reports)
                    {
                        int colon = report.Target.IndexOf(':');
                        if (colon < 0 || _upstream == null) continue;
                        object original = _upstream(report.Category, report.Target.Substring(0, colon), report.Target.Substring(colon + 1));
                        if (copies.ContainsKey(original)) continue;
                        copies.Add(original, original switch
                        {
                            State s => new State(s, this),
                            Actor a => new Actor(a, this),
                            _ => new Event((Event)original, this),
                        });
                    }
                }
                return _copies = copies;
            }
        }

        private ReportIndex Reports => _reports ??= new ReportIndex(this);

        /// <summary>Every fact the catalog's reports name, with its sources and its merged values.</summary>
        private sealed class ReportIndex
        {
            internal readonly global::System.Collections.Generic.Dictionary<State, StateReport> States = new global::System.Collections.Generic.Dictionary<State, StateReport>();
            internal readonly global::System.Collections.Generic.Dictionary<Actor, ActorReport> Actors = new global::System.Collections.Generic.Dictionary<Actor, ActorReport>();
            internal readonly global::System.Collections.Generic.Dictionary<Event, EventReport> Events = new global::System.Collections.Generic.Dictionary<Event, EventReport>();
            private readonly FactCatalogViews _views;

            internal ReportIndex(FactCatalogViews views)
            {
                _views = views;
                var states = new global::System.Collections.Generic.Dictionary<State, global::System.Collections.Generic.List<StateReport>>();
                var actors = new global::System.Collections.Generic.Dictionary<Actor, global::System.Collections.Generic.List<ActorReport>>();
                var events = new global::System.Collections.Generic.Dictionary<Event, global::System.Collections.Generic.List<EventReport>>();
                foreach (FactReportFile file in views._reportFiles)
                {
                    foreach (FactReport r in file.Reports)
                    {
                        FactStance stance = r.Disputes ? FactStance.Disputes : FactStance.Reports;
                        switch (r.Category)
                        {
                            case 0:
                                if (StateOf(r.Target) is State state)
                                {
                                    Sources(states, state, s => s.Original?.Sources ?? new[] { s.Declared() }).Add(new StateReport(file.Source, stance, isDeclaration: false, r.Preferred,
                                        r.Name, r.OfficialName, r.Kind == null ? (StateKind?)null : (StateKind)r.Kind.Value, r.Capital, StateOf(r.Within), StatesOf(r.RecognizedBy), Texts(r.Aliases), Labels(r.Labels)));
                                }
                                break;
                            case 1:
                                if (ActorOf(r.Target) is Actor actor)
                                {
                                    Sources(actors, actor, a => a.Original?.Sources ?? new[] { a.Declared() }).Add(new ActorReport(file.Source, stance, isDeclaration: false, r.Preferred,
                                        r.Name, r.Kind == null ? (ActorKind?)null : (ActorKind)r.Kind.Value, r.Role, StateOf(r.State), Texts(r.Aliases), Labels(r.Labels)));
                                }
                                break;
                            default:
                                if (EventOf(r.Target) is Event @event)
                                {
                                    Sources(events, @event, e => e.Original?.Sources ?? new[] { e.Declared() }).Add(new EventReport(file.Source, stance, isDeclaration: false, r.Preferred,
                                        r.Date == 0 ? (FactDate?)null : FactReport.DateOf(r.Date), r.Kind == null ? (EventKind?)null : (EventKind)r.Kind.Value, r.Summary,
                                        ActorsOf(r.Actors), StatesOf(r.States), StateOf(r.Place), ActorsOf(r.ReportedBy), EventsOf(r.Follows),
                                        r.Status == null ? (FactStatus?)null : (FactStatus)r.Status.Value, r.Retraction, r.Note));
                                }
                                break;
                        }
                    }
                }
                foreach (var pair in states) States.Add(pair.Key, StateReport.Merge(pair.Value));
                foreach (var pair in actors) Actors.Add(pair.Key, ActorReport.Merge(pair.Value));
                foreach (var pair in events) Events.Add(pair.Key, EventReport.Merge(pair.Value));
            }

            // The declaring file's sources first: of the fact's own catalog, where it builds on it.
            private static global::System.Collections.Generic.List<TReport> Sources<TFact, TReport>(global::System.Collections.Generic.Dictionary<TFact, global::System.Collections.Generic.List<TReport>> all, TFact fact, global::System.Func<TFact, global::System.Collections.Generic.IReadOnlyList<TReport>> declared)
                where TFact : notnull
            {
                if (!all.TryGetValue(fact, out global::System.Collections.Generic.List<TReport>? sources)) all.Add(fact, sources = new global::System.Collections.Generic.List<TReport>(declared(fact)));
                return sources;
            }

            private T? Find<T>(int category, string? reference, global::System.Func<string, T?> own)
                where T : class
            {
                if (reference == null) return null;
                int colon = reference.IndexOf(':');
                if (colon < 0) return own(reference);
                return _views._upstream == null ? null : _views.WithReports((T)_views._upstream(category, reference.Substring(0, colon), reference.Substring(colon + 1)));
            }

            private State? StateOf(string? reference) => Find(0, reference, _views.FindState);

            private Actor? ActorOf(string? reference) => Find(1, reference, _views.FindActor);

            private Event? EventOf(string? reference) => Find(2, reference, _views.FindEvent);

            private global::System.Collections.Generic.IReadOnlyList<T> List<T>(string[]? references, global::System.Func<string?, T?> find)
                where T : class
            {
                if (references == null || references.Length == 0) return global::System.Array.Empty<T>();
                var items = new global::System.Collections.Generic.List<T>(references.Length);
                foreach (string reference in references)
                {
                    if (find(reference) is T item && !items.Contains(item)) items.Add(item);
                }
                return new global::System.Collections.ObjectModel.ReadOnlyCollection<T>(items);
            }

            private global::System.Collections.Generic.IReadOnlyList<State> StatesOf(string[]? references) => List(references, StateOf);

            private global::System.Collections.Generic.IReadOnlyList<Actor> ActorsOf(string[]? references) => List(references, ActorOf);

            private global::System.Collections.Generic.IReadOnlyList<Event> EventsOf(string[]? references) => List(references, EventOf);

            private static global::System.Collections.Generic.IReadOnlyList<string> Texts(string[]? texts) => texts ?? (global::System.Collections.Generic.IReadOnlyList<string>)global::System.Array.Empty<string>();

            private static global::System.Collections.Generic.IReadOnlyDictionary<string, string> Labels(string[]? pairs)
            {
                var labels = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.OrdinalIgnoreCase);
                for (int i = 0; pairs != null && i + 1 < pairs.Length; i += 2)
                {
                    if (!labels.ContainsKey(pairs[i])) labels.Add(pairs[i], pairs[i + 1]);
                }
                return new global::System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(labels);
            }
        }

        internal global::System.Collections.Generic.IReadOnlyList<State> Recognizes(State state) => Back.Get(Back.Recognizes, state);

        internal global::System.Collections.Generic.IReadOnlyList<State> Regions(State state) => Back.Get(Back.Regions, state);

        internal global::System.Collections.Generic.IReadOnlyList<Actor> ActorsOf(State state) => Back.Get(Back.StateActors, state);

        internal global::System.Collections.Generic.IReadOnlyList<Event> EventsOf(State state) => Back.Get(Back.StateEvents, state);

        internal global::System.Collections.Generic.IReadOnlyList<Event> EventsOf(Actor actor) => Back.Get(Back.ActorEvents, actor);

        internal global::System.Collections.Generic.IReadOnlyList<Event> ReportsOf(Actor actor) => Back.Get(Back.ActorReports, actor);

        internal global::System.Collections.Generic.IReadOnlyList<Event> FollowedBy(Event @event) => Back.Get(Back.FollowedBy, @event);

        private BackReferences Back => _back ??= new BackReferences(this);

        /// <summary>
        /// The reverse of every reference of the catalog's facts, read once: states in id order,
        /// actors in id order, events in timeline order, so each list reads in that order. A
        /// reference to a fact of another catalog adds nothing to that fact: its own catalog's
        /// back references stay as they are.
        /// </summary>
        private sealed class BackReferences
        {
            internal readonly global::System.Collections.Generic.Dictionary<State, global::System.Collections.Generic.List<State>> Recognizes = new global::System.Collections.Generic.Dictionary<State, global::System.Collections.Generic.List<State>>(), Regions = new global::System.Collections.Generic.Dictionary<State, global::System.Collections.Generic.List<State>>();
            internal readonly global::System.Collections.Generic.Dictionary<State, global::System.Collections.Generic.List<Actor>> StateActors = new global::System.Collections.Generic.Dictionary<State, global::System.Collections.Generic.List<Actor>>();
            internal readonly global::System.Collections.Generic.Dictionary<State, global::System.Collections.Generic.List<Event>> StateEvents = new global::System.Collections.Generic.Dictionary<State, global::System.Collections.Generic.List<Event>>();
            internal readonly global::System.Collections.Generic.Dictionary<Actor, global::System.Collections.Generic.List<Event>> ActorEvents = new global::System.Collections.Generic.Dictionary<Actor, global::System.Collections.Generic.List<Event>>(), ActorReports = new global::System.Collections.Generic.Dictionary<Actor, global::System.Collections.Generic.List<Event>>();
            internal readonly global::System.Collections.Generic.Dictionary<Event, global::System.Collections.Generic.List<Event>> FollowedBy = new global::System.Collections.Generic.Dictionary<Event, global::System.Collections.Generic.List<Event>>();

            internal BackReferences(FactCatalogViews catalog)
            {
                foreach (State state in catalog.States)
                {
                    foreach (State recognizer in state.RecognizedBy) Add(Recognizes, recognizer, state);
                    if (state.Within != null) Add(Regions, state.Within, state);
                }
                foreach (Actor actor in catalog.Actors)
                {
                    if (actor.State != null) Add(StateActors, actor.State, actor);
                }
                foreach (Event @event in catalog.Timeline)
                {
                    // States holds no duplicates, so only the place can repeat one.
                    foreach (State state in @event.States) Add(StateEvents, state, @event);
                    if (@event.Place != null && !Contains(@event.States, @event.Place)) Add(StateEvents, @event.Place, @event);
                    foreach (Actor actor in @event.Actors) Add(ActorEvents, actor, @event);
                    foreach (Actor reporter in @event.ReportedBy) Add(ActorReports, reporter, @event);
                    foreach (Event followed in @event.Follows) Add(FollowedBy, followed, @event);
                }
            }

            internal global::System.Collections.Generic.IReadOnlyList<T> Get<TKey, T>(global::System.Collections.Generic.Dictionary<TKey, global::System.Collections.Generic.List<T>> lists, TKey key)
                where TKey : notnull
                => lists.TryGetValue(key, out global::System.Collections.Generic.List<T>? list) ? new global::System.Collections.ObjectModel.ReadOnlyCollection<T>(list) : (global::System.Collections.Generic.IReadOnlyList<T>)global::System.Array.Empty<T>();

            private static void Add<TKey, T>(global::System.Collections.Generic.Dictionary<TKey, global::System.Collections.Generic.List<T>> lists, TKey key, T item)
                where TKey : notnull
            {
                if (!lists.TryGetValue(key, out global::System.Collections.Generic.List<T>? list)) lists.Add(key, list = new global::System.Collections.Generic.List<T>(2));
                list.Add(item);
            }

            private static bool Contains(global::System.Collections.Generic.IReadOnlyList<State> states, State state)
            {
                foreach (State s in states)
                {
                    if (ReferenceEquals(s, state)) return true;
                }
                return false;
            }
        }

        private global::System.Collections.Generic.IReadOnlyList<T> InOrder<T>(int[] order, global::System.Func<FactCatalogStorage, T[]> items)
        {
            var next = new int[_files.Length];
            var sorted = new T[order.Length];
            for (int i = 0; i < order.Length; i++)
            {
                int file = order[i];
                sorted[i] = items(_files[file])[next[file]++];
            }
            return new global::System.Collections.ObjectModel.ReadOnlyCollection<T>(sorted);
        }

        private static T? Find<T>(global::System.Collections.Generic.IReadOnlyList<T> facts, string? id, global::System.Func<T, string> idOf)
            where T : class
        {
            if (id == null) return null;
            int low = 0, high = facts.Count - 1;
            while (low <= high)
            {
                int middle = low + (high - low) / 2;
                int order = string.CompareOrdinal(idOf(facts[middle]), id);
                if (order == 0) return facts[middle];
                if (order < 0) low = middle + 1;
                else high = middle - 1;
            }
            return null;
        }

        /// <summary>Edits (insert, delete, replace, swap two neighbours) from one string to the other.</summary>
        private static int Distance(string a, string b)
        {
            int[] previous2 = new int[b.Length + 1], previous = new int[b.Length + 1], current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) previous[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int value = global::System.Math.Min(global::System.Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = global::System.Math.Min(value, previous2[j - 2] + 1);
                    current[j] = value;
                }
                int[] spare = previous2;
                previous2 = previous;
                previous = current;
                current = spare;
            }
            return previous[b.Length];
        }

        /// <summary>
        /// The events of several catalogs as one timeline: by date, earliest first, ties by id,
        /// each event once. For a catalog's whole view over the catalogs it builds on.
        /// </summary>
        public static global::System.Collections.Generic.IReadOnlyList<Event> TimelineOf(params global::System.Collections.Generic.IEnumerable<Event>[] catalogs)
        {
            var events = new global::System.Collections.Generic.List<Event>();
            var seen = new global::System.Collections.Generic.HashSet<Event>();
            foreach (global::System.Collections.Generic.IEnumerable<Event> catalog in catalogs)
            {
                foreach (Event @event in catalog)
                {
                    if (seen.Add(@event)) events.Add(@event);
                }
            }
            return ByDate(events, byId: false);
        }

        /// <summary>
        /// The events by date, earliest first, ties by id: where <paramref name="byId"/>, the
        /// events are in id order already, and a tie keeps that order without reading an id.
        /// </summary>
        private static global::System.Collections.Generic.IReadOnlyList<Event> ByDate(global::System.Collections.Generic.IReadOnlyList<Event> events, bool byId)
        {
            // Sort keys read once: a date as one int, and the id.
            var keys = new long[events.Count];
            var ids = byId ? null : new string[events.Count];
            var order = new int[events.Count];
            for (int i = 0; i < keys.Length; i++)
            {
                FactDate date = events[i].Date;
                keys[i] = (date.Year * 16L + (date.Month ?? 0)) * 32L + (date.Day ?? 0);
                if (ids != null) ids[i] = events[i].Id;
                order[i] = i;
            }
            global::System.Array.Sort(order, (a, b) =>
            {
                int byDate = keys[a].CompareTo(keys[b]);
                return byDate != 0 ? byDate : ids == null ? a.CompareTo(b) : string.CompareOrdinal(ids[a], ids[b]);
            });
            var sorted = new Event[order.Length];
            for (int i = 0; i < order.Length; i++) sorted[i] = events[order[i]];
            return new global::System.Collections.ObjectModel.ReadOnlyCollection<Event>(sorted);
        }

        /// <summary>The facts of several catalogs as one list, each once, in the order given.</summary>
        public static global::System.Collections.Generic.IReadOnlyList<T> Concat<T>(params global::System.Collections.Generic.IEnumerable<T>[] catalogs)
            where T : class
        {
            var items = new global::System.Collections.Generic.List<T>();
            var seen = new global::System.Collections.Generic.HashSet<T>();
            foreach (global::System.Collections.Generic.IEnumerable<T> catalog in catalogs)
            {
                foreach (T item in catalog)
                {
                    if (seen.Add(item)) items.Add(item);
                }
            }
            return new global::System.Collections.ObjectModel.ReadOnlyCollection<T>(items);
        }
    }

    /// <summary>
    /// Records a public catalog in its assembly: its namespace, kinds and fact ids. A project that
    /// references the assembly reads it to build on the catalog. For FactGen only.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    [global::System.AttributeUsage(global::System.AttributeTargets.Assembly, AllowMultiple = false)]
    public sealed class FactCatalogManifestAttribute : global::System.Attribute
    {
        /// <summary>Records the catalog that <paramref name="manifest"/> describes.</summary>
        public FactCatalogManifestAttribute(string manifest) => Manifest = manifest;

        /// <summary>The catalog, in FactGen's manifest format.</summary>
        public string Manifest { get; }
    }

    /// <summary>
    /// Marks a string parameter whose argument must be the id of a fact: the id of one of the
    /// <c>Ids</c> classes given. FactGen's analyzer checks every constant passed to such a parameter
    /// at compile time (FG0100). <c>Get</c> and <c>[Fact]</c> use it; a method of
    /// yours can too: <c>void Show([FactId(typeof(Actors.Ids))] string actorId)</c>.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    [global::System.AttributeUsage(global::System.AttributeTargets.Parameter, Inherited = false)]
    public sealed class FactIdAttribute : global::System.Attribute
    {
        /// <summary>Marks a parameter that takes an id of any of <paramref name="idClasses"/>, such as <c>typeof(Actors.Ids)</c>.</summary>
        public FactIdAttribute(params global::System.Type[] idClasses) => IdClasses = idClasses;

        /// <summary>The <c>Ids</c> classes whose constants are the allowed ids.</summary>
        public global::System.Type[] IdClasses { get; }
    }

#if FACTGEN_FACT_ATTRIBUTE
    /// <summary>
    /// Ties code to a fact by its id, such as <c>[Fact("kim-jong-un")]</c> or
    /// <c>[Fact(Actors.Ids.KimJongUn)]</c>. The id may be of a state, an actor or an event;
    /// FactGen's analyzer checks it at compile time (FG0100).
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    [global::System.AttributeUsage(global::System.AttributeTargets.All, AllowMultiple = true, Inherited = false)]
    public sealed class FactAttribute : global::System.Attribute
    {
        /// <summary>Ties the code to the fact with the id <paramref name="id"/>.</summary>
        public FactAttribute([global::FactGen.Runtime.FactId(typeof(global::FactGen.Runtime.States.Ids), typeof(global::FactGen.Runtime.Actors.Ids), typeof(global::FactGen.Runtime.Events.Ids))] string id) => Id = id;

        /// <summary>The fact's id, as written in the fact files.</summary>
        public string Id { get; }
    }
#endif
    /// <summary>The whole catalog at once.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public static partial class Catalog
    {
        /// <summary>
        /// The catalog as a Mermaid flowchart: states, actors and events as nodes, and an edge for
        /// every <c>recognized_by</c>, <c>state</c>, <c>actors</c> and <c>reported_by</c> reference,
        /// drawn from the fact that holds the key. Disputed and retracted events are drawn dashed.
        /// Put it in a <c>```mermaid</c> block of a Markdown file (GitHub renders it, within Mermaid's
        /// default limits of 50,000 characters and 500 edges).
        /// </summary>
        /// <param name="languageTag">Names in this language where the facts have a label (see <see cref="State.NameIn"/>); null for the names.</param>
        public static string ToMermaid(string? languageTag = null)
            => ToMermaid(global::FactGen.Runtime.States.All, global::FactGen.Runtime.Actors.All, global::FactGen.Runtime.Events.All, languageTag);

        /// <summary>
        /// The facts given as a Mermaid flowchart, drawn as <see cref="ToMermaid(string?)"/> draws the
        /// whole catalog: for a part of it, or for the facts of several catalogs together. An edge to
        /// a fact not given still shows its target, as a bare node.
        /// </summary>
        /// <param name="states">The states to draw.</param>
        /// <param name="actors">The actors to draw.</param>
        /// <param name="events">The events to draw.</param>
        /// <param name="languageTag">Names in this language where the facts have a label (see <see cref="State.NameIn"/>); null for the names.</param>
        public static string ToMermaid(global::System.Collections.Generic.IReadOnlyList<State> states, global::System.Collections.Generic.IReadOnlyList<Actor> actors, global::System.Collections.Generic.IReadOnlyList<Event> events, string? languageTag = null)
        {
            var text = new global::System.Text.StringBuilder();
            text.Append("flowchart LR\n");
            // A subgraph per category; an empty one is left out.
            if (states.Count > 0)
            {
                text.Append("    subgraph states [States]\n");
                foreach (State state in states) Node(text, "state_", state.Id, "[[\"", state.NameIn(languageTag), "\"]]");
                text.Append("    end\n");
            }
            if (actors.Count > 0)
            {
                text.Append("    subgraph actors [Actors]\n");
                foreach (Actor actor in actors) Node(text, "actor_", actor.Id, "([\"", actor.NameIn(languageTag), "\"])");
                text.Append("    end\n");
            }
            if (events.Count > 0)
            {
                text.Append("    subgraph events [Events]\n");
                foreach (Event @event in events) Node(text, "event_", @event.Id, "[\"", @event.Date.ToString() + "\n" + @event.Id, "\"]");
                text.Append("    end\n");
            }
            foreach (State state in states)
            {
                foreach (State recognizer in state.RecognizedBy) Edge(text, "state_", state.Id, "recognized by", "state_", recognizer.Id);
            }
            foreach (Actor actor in actors)
            {
                if (actor.State != null) Edge(text, "actor_", actor.Id, "state", "state_", actor.State.Id);
            }
            foreach (Event @event in events)
            {
                foreach (Actor actor in @event.Actors) Edge(text, "event_", @event.Id, "actor", "actor_", actor.Id);
                foreach (Actor reporter in @event.ReportedBy) Edge(text, "event_", @event.Id, "reported by", "actor_", reporter.Id);
            }
            StatusClass(text, events, FactStatus.Disputed, "disputed", "stroke-dasharray: 6 3");
            StatusClass(text, events, FactStatus.Retracted, "retracted", "stroke-dasharray: 2 2,color:#777");
            return text.ToString();
        }

        private static void Node(global::System.Text.StringBuilder text, string prefix, string id, string open, string label, string close)
        {
            text.Append("        ");
            NodeId(text, prefix, id);
            text.Append(open);
            foreach (char c in label)
            {
                // Mermaid's entity codes keep the label's own quotes and markup inert.
                switch (c)
                {
                    case '"': text.Append("#quot;"); break;
                    case '#': text.Append("#35;"); break;
                    case '&': text.Append("#amp;"); break;
                    case '<': text.Append("#lt;"); break;
                    case '>': text.Append("#gt;"); break;
                    case '`': text.Append("#96;"); break;
                    case '\n': text.Append("<br/>"); break;
                    default: text.Append(char.IsControl(c) ? ' ' : c); break;
                }
            }
            text.Append(close).Append('\n');
        }

        private static void Edge(global::System.Text.StringBuilder text, string fromPrefix, string from, string label, string toPrefix, string to)
        {
            text.Append("    ");
            NodeId(text, fromPrefix, from);
            text.Append(" -->|").Append(label).Append("| ");
            NodeId(text, toPrefix, to);
            text.Append('\n');
        }

        // Ids are kebab-case; an underscore never occurs in one, so the node ids stay distinct.
        private static void NodeId(global::System.Text.StringBuilder text, string prefix, string id)
            => text.Append(prefix).Append(id.Replace('-', '_'));

        private static void StatusClass(global::System.Text.StringBuilder text, global::System.Collections.Generic.IReadOnlyList<Event> events, FactStatus status, string name, string style)
        {
            string? members = null;
            foreach (Event @event in events)
            {
                if (@event.Status != status) continue;
                members = (members == null ? "event_" : members + ",event_") + @event.Id.Replace('-', '_');
            }
            if (members == null) return;
            text.Append("    classDef ").Append(name).Append(' ').Append(style).Append('\n');
            text.Append("    class ").Append(members).Append(' ').Append(name).Append('\n');
        }
    }

    /// <summary>A read-only list of catalog items, stored as indexes into the data table.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    internal sealed class FactCatalogList<T> : global::System.Collections.Generic.IReadOnlyList<T>
    {
        private readonly FactCatalogStorage _s;
        private readonly int _offset;
        private readonly global::System.Func<int, T> _item;

        internal FactCatalogList(FactCatalogStorage storage, int offset, global::System.Func<int, T> item)
        {
            _s = storage;
            _offset = offset;
            _item = item;
        }

        public int Count => _s.Lists(_offset);

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count) throw new global::System.ArgumentOutOfRangeException(nameof(index));
                return _item(_s.Lists(_offset + 1 + index));
            }
        }

        public global::System.Collections.Generic.IEnumerator<T> GetEnumerator()
        {
            int count = Count;
            for (int i = 0; i < count; i++) yield return _item(_s.Lists(_offset + 1 + i));
        }

        global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
