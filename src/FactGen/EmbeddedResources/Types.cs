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
        private readonly int _row;

        internal Source(int index) => _row = index * global::FactGen.Emitting.RowLayout.SourceWidth;

        /// <summary>The outlet that published the article.</summary>
        public string Outlet => global::FactGen.Runtime.FactCatalogData.Text(global::FactGen.Runtime.FactCatalogData.SourceRows[_row + global::FactGen.Emitting.RowLayout.SourceOutlet]);

        /// <summary>The article's headline, or null.</summary>
        public string? Title => global::FactGen.Runtime.FactCatalogData.OptionalText(global::FactGen.Runtime.FactCatalogData.SourceRows[_row + global::FactGen.Emitting.RowLayout.SourceTitle]);

        /// <summary>When the article was published, or null.</summary>
        public FactDate? Published => global::FactGen.Runtime.FactCatalogData.SourceRows[_row + global::FactGen.Emitting.RowLayout.SourceYear] == 0 ? (FactDate?)null : global::FactGen.Runtime.FactCatalogData.Date(global::FactGen.Runtime.FactCatalogData.SourceRows, _row + global::FactGen.Emitting.RowLayout.SourceYear);

        /// <summary>The article's language as a BCP 47 tag, or null.</summary>
        public string? Language => global::FactGen.Runtime.FactCatalogData.OptionalText(global::FactGen.Runtime.FactCatalogData.SourceRows[_row + global::FactGen.Emitting.RowLayout.SourceLanguage]);

        /// <summary>The article's address, or null.</summary>
        public string? Url => global::FactGen.Runtime.FactCatalogData.OptionalText(global::FactGen.Runtime.FactCatalogData.SourceRows[_row + global::FactGen.Emitting.RowLayout.SourceUrl]);

        /// <summary>A citation: outlet, title and date.</summary>
        public override string ToString()
        {
            string text = Outlet;
            if (Title != null) text += ", \"" + Title + "\"";
            if (Published != null) text += ", " + Published.Value.ToString();
            return text;
        }
    }

    /// <summary>A polity: a sovereign state, a self-proclaimed one, or a region.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public sealed partial class State
    {
        private readonly int _row;
        private global::System.Collections.Generic.IReadOnlyList<State>? _recognizedBy, _recognizes, _regions;
        private global::System.Collections.Generic.IReadOnlyList<string>? _aliases;
        private global::System.Collections.Generic.IReadOnlyDictionary<string, string>? _labels;
        private global::System.Collections.Generic.IReadOnlyList<Actor>? _actors;
        private global::System.Collections.Generic.IReadOnlyList<Event>? _events;

        internal State(int index) => _row = index * global::FactGen.Emitting.RowLayout.StateWidth;

        /// <summary>The id in the fact files, such as <c>north-korea</c>.</summary>
        public string Id => global::FactGen.Runtime.FactCatalogData.Text(global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateId]);

        /// <summary>The common name.</summary>
        public string Name => global::FactGen.Runtime.FactCatalogData.Text(global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateName]);

        /// <summary>The official name, or null.</summary>
        public string? OfficialName => global::FactGen.Runtime.FactCatalogData.OptionalText(global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateOfficialName]);

        /// <summary>What kind of polity it is.</summary>
        public StateKind Kind => (StateKind)global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateKind];

        /// <summary>The capital, or null.</summary>
        public string? Capital => global::FactGen.Runtime.FactCatalogData.OptionalText(global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateCapital]);

        /// <summary>The state this one lies within (for a region), or null.</summary>
        public State? Within => global::FactGen.Runtime.FactCatalogData.OptionalItem(global::FactGen.Runtime.FactCatalogData.States, global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateWithin]);

        /// <summary>The states that recognize this one, in the order the facts list them.</summary>
        public global::System.Collections.Generic.IReadOnlyList<State> RecognizedBy => _recognizedBy ??= global::FactGen.Runtime.FactCatalogData.List(global::FactGen.Runtime.FactCatalogData.States, global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateRecognizedBy]);

        /// <summary>The states this one recognizes (the reverse of <see cref="RecognizedBy"/>).</summary>
        public global::System.Collections.Generic.IReadOnlyList<State> Recognizes => _recognizes ??= global::FactGen.Runtime.FactCatalogData.List(global::FactGen.Runtime.FactCatalogData.States, global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateRecognizes]);

        /// <summary>Other names it goes by.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> Aliases => _aliases ??= global::FactGen.Runtime.FactCatalogData.TextList(global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateAliases]);

        /// <summary>Its name in other languages, by BCP 47 tag.</summary>
        public global::System.Collections.Generic.IReadOnlyDictionary<string, string> Labels => _labels ??= global::FactGen.Runtime.FactCatalogData.Labels(global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateLabels]);

        /// <summary>
        /// The name in the language <paramref name="languageTag"/> (a BCP 47 tag such as <c>id</c>):
        /// the label for that tag, else for the tag cut at its last subtag (<c>id-ID</c>, then <c>id</c>),
        /// else <see cref="Name"/>. Tags compare case-insensitively.
        /// </summary>
        public string NameIn(string? languageTag) => global::FactGen.Runtime.FactCatalogData.LabelOrName(global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateLabels], Name, languageTag);

        /// <summary>The states whose <see cref="Within"/> is this one.</summary>
        public global::System.Collections.Generic.IReadOnlyList<State> Regions => _regions ??= global::FactGen.Runtime.FactCatalogData.List(global::FactGen.Runtime.FactCatalogData.States, global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateRegions]);

        /// <summary>The actors whose state this is.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Actor> Actors => _actors ??= global::FactGen.Runtime.FactCatalogData.List(global::FactGen.Runtime.FactCatalogData.Actors, global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateActors]);

        /// <summary>The events that involve this state or take place in it, in date order.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> Events => _events ??= global::FactGen.Runtime.FactCatalogData.List(global::FactGen.Runtime.FactCatalogData.Events, global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateEvents]);

        /// <summary>The article this fact comes from.</summary>
        public Source Source => global::FactGen.Runtime.FactCatalogData.Sources[global::FactGen.Runtime.FactCatalogData.StateRows[_row + global::FactGen.Emitting.RowLayout.StateSource]];

        /// <summary>The common name.</summary>
        public override string ToString() => Name;
    }

    /// <summary>A person, organization, news outlet or other group.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public sealed partial class Actor
    {
        private readonly int _row;
        private global::System.Collections.Generic.IReadOnlyList<string>? _aliases;
        private global::System.Collections.Generic.IReadOnlyDictionary<string, string>? _labels;
        private global::System.Collections.Generic.IReadOnlyList<Event>? _events, _reports, _timeline;

        internal Actor(int index) => _row = index * global::FactGen.Emitting.RowLayout.ActorWidth;

        /// <summary>The id in the fact files, such as <c>denis-pushilin</c>.</summary>
        public string Id => global::FactGen.Runtime.FactCatalogData.Text(global::FactGen.Runtime.FactCatalogData.ActorRows[_row + global::FactGen.Emitting.RowLayout.ActorId]);

        /// <summary>The name.</summary>
        public string Name => global::FactGen.Runtime.FactCatalogData.Text(global::FactGen.Runtime.FactCatalogData.ActorRows[_row + global::FactGen.Emitting.RowLayout.ActorName]);

        /// <summary>What kind of actor it is.</summary>
        public ActorKind Kind => (ActorKind)global::FactGen.Runtime.FactCatalogData.ActorRows[_row + global::FactGen.Emitting.RowLayout.ActorKind];

        /// <summary>The actor's role or office, or null.</summary>
        public string? Role => global::FactGen.Runtime.FactCatalogData.OptionalText(global::FactGen.Runtime.FactCatalogData.ActorRows[_row + global::FactGen.Emitting.RowLayout.ActorRole]);

        /// <summary>The state the actor belongs to or acts for, or null.</summary>
        public State? State => global::FactGen.Runtime.FactCatalogData.OptionalItem(global::FactGen.Runtime.FactCatalogData.States, global::FactGen.Runtime.FactCatalogData.ActorRows[_row + global::FactGen.Emitting.RowLayout.ActorState]);

        /// <summary>Other names the actor goes by.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> Aliases => _aliases ??= global::FactGen.Runtime.FactCatalogData.TextList(global::FactGen.Runtime.FactCatalogData.ActorRows[_row + global::FactGen.Emitting.RowLayout.ActorAliases]);

        /// <summary>The actor's name in other languages, by BCP 47 tag.</summary>
        public global::System.Collections.Generic.IReadOnlyDictionary<string, string> Labels => _labels ??= global::FactGen.Runtime.FactCatalogData.Labels(global::FactGen.Runtime.FactCatalogData.ActorRows[_row + global::FactGen.Emitting.RowLayout.ActorLabels]);

        /// <summary>
        /// The name in the language <paramref name="languageTag"/> (a BCP 47 tag such as <c>id</c>):
        /// the label for that tag, else for the tag cut at its last subtag (<c>id-ID</c>, then <c>id</c>),
        /// else <see cref="Name"/>. Tags compare case-insensitively.
        /// </summary>
        public string NameIn(string? languageTag) => global::FactGen.Runtime.FactCatalogData.LabelOrName(global::FactGen.Runtime.FactCatalogData.ActorRows[_row + global::FactGen.Emitting.RowLayout.ActorLabels], Name, languageTag);

        /// <summary>The events the actor takes part in, in date order.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> Events => _events ??= global::FactGen.Runtime.FactCatalogData.List(global::FactGen.Runtime.FactCatalogData.Events, global::FactGen.Runtime.FactCatalogData.ActorRows[_row + global::FactGen.Emitting.RowLayout.ActorEvents]);

        /// <summary>The events the actor reported, in date order.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> Reports => _reports ??= global::FactGen.Runtime.FactCatalogData.List(global::FactGen.Runtime.FactCatalogData.Events, global::FactGen.Runtime.FactCatalogData.ActorRows[_row + global::FactGen.Emitting.RowLayout.ActorReports]);

        /// <summary>Everything the actor did or reported (<see cref="Events"/> and <see cref="Reports"/>), each event once, in date order.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> Timeline => _timeline ??= global::FactGen.Runtime.FactCatalogData.Merge(Events, Reports);

        /// <summary>The article this fact comes from.</summary>
        public Source Source => global::FactGen.Runtime.FactCatalogData.Sources[global::FactGen.Runtime.FactCatalogData.ActorRows[_row + global::FactGen.Emitting.RowLayout.ActorSource]];

        /// <summary>The name.</summary>
        public override string ToString() => Name;
    }

    /// <summary>Something that happened, with when, who, where and who reported it.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("FactGen", "$(FactGenVersion)")]
    public sealed partial class Event
    {
        private readonly int _row;
        private global::System.Collections.Generic.IReadOnlyList<Actor>? _actors, _reportedBy;
        private global::System.Collections.Generic.IReadOnlyList<State>? _states;
        private global::System.Collections.Generic.IReadOnlyList<Event>? _follows, _followedBy;

        internal Event(int index) => _row = index * global::FactGen.Emitting.RowLayout.EventWidth;

        /// <summary>The id in the fact files, such as <c>pushilin-letter-to-kim</c>.</summary>
        public string Id => global::FactGen.Runtime.FactCatalogData.Text(global::FactGen.Runtime.FactCatalogData.EventRows[_row + global::FactGen.Emitting.RowLayout.EventId]);

        /// <summary>When it happened, as precisely as the source tells.</summary>
        public FactDate Date => global::FactGen.Runtime.FactCatalogData.Date(global::FactGen.Runtime.FactCatalogData.EventRows, _row + global::FactGen.Emitting.RowLayout.EventYear);

        /// <summary>What kind of event it is.</summary>
        public EventKind Kind => (EventKind)global::FactGen.Runtime.FactCatalogData.EventRows[_row + global::FactGen.Emitting.RowLayout.EventKind];

        /// <summary>One sentence on what happened, in the curator's words.</summary>
        public string Summary => global::FactGen.Runtime.FactCatalogData.Text(global::FactGen.Runtime.FactCatalogData.EventRows[_row + global::FactGen.Emitting.RowLayout.EventSummary]);

        /// <summary>The actors who took part.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Actor> Actors => _actors ??= global::FactGen.Runtime.FactCatalogData.List(global::FactGen.Runtime.FactCatalogData.Actors, global::FactGen.Runtime.FactCatalogData.EventRows[_row + global::FactGen.Emitting.RowLayout.EventActors]);

        /// <summary>The states involved.</summary>
        public global::System.Collections.Generic.IReadOnlyList<State> States => _states ??= global::FactGen.Runtime.FactCatalogData.List(global::FactGen.Runtime.FactCatalogData.States, global::FactGen.Runtime.FactCatalogData.EventRows[_row + global::FactGen.Emitting.RowLayout.EventStates]);

        /// <summary>Where it took place, or null.</summary>
        public State? Place => global::FactGen.Runtime.FactCatalogData.OptionalItem(global::FactGen.Runtime.FactCatalogData.States, global::FactGen.Runtime.FactCatalogData.EventRows[_row + global::FactGen.Emitting.RowLayout.EventPlace]);

        /// <summary>Who reported it, as the article attributes it.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Actor> ReportedBy => _reportedBy ??= global::FactGen.Runtime.FactCatalogData.List(global::FactGen.Runtime.FactCatalogData.Actors, global::FactGen.Runtime.FactCatalogData.EventRows[_row + global::FactGen.Emitting.RowLayout.EventReportedBy]);

        /// <summary>The events this one responds to or reports on.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> Follows => _follows ??= global::FactGen.Runtime.FactCatalogData.List(global::FactGen.Runtime.FactCatalogData.Events, global::FactGen.Runtime.FactCatalogData.EventRows[_row + global::FactGen.Emitting.RowLayout.EventFollows]);

        /// <summary>The events that respond to or report on this one, in date order.</summary>
        public global::System.Collections.Generic.IReadOnlyList<Event> FollowedBy => _followedBy ??= global::FactGen.Runtime.FactCatalogData.List(global::FactGen.Runtime.FactCatalogData.Events, global::FactGen.Runtime.FactCatalogData.EventRows[_row + global::FactGen.Emitting.RowLayout.EventFollowedBy]);

        /// <summary>How far the event is established.</summary>
        public FactStatus Status => (FactStatus)global::FactGen.Runtime.FactCatalogData.EventRows[_row + global::FactGen.Emitting.RowLayout.EventStatus];

        /// <summary>Whether sources disagree on the event, or the article contradicts the record (<c>status: disputed</c>).</summary>
        public bool IsDisputed => Status == FactStatus.Disputed;

        /// <summary>Whether the event was withdrawn (<c>status: retracted</c>); <see cref="Retraction"/> says why.</summary>
        public bool IsRetracted => Status == FactStatus.Retracted;

        /// <summary>Why the event was retracted, or null when it was not.</summary>
        public string? Retraction => global::FactGen.Runtime.FactCatalogData.OptionalText(global::FactGen.Runtime.FactCatalogData.EventRows[_row + global::FactGen.Emitting.RowLayout.EventRetraction]);

        /// <summary>The curator's note (for example where the article is ambiguous), or null.</summary>
        public string? Note => global::FactGen.Runtime.FactCatalogData.OptionalText(global::FactGen.Runtime.FactCatalogData.EventRows[_row + global::FactGen.Emitting.RowLayout.EventNote]);

        /// <summary>The article this fact comes from.</summary>
        public Source Source => global::FactGen.Runtime.FactCatalogData.Sources[global::FactGen.Runtime.FactCatalogData.EventRows[_row + global::FactGen.Emitting.RowLayout.EventSource]];

        /// <summary>The date and the id, such as <c>2022-08-15 pushilin-letter-to-kim</c>.</summary>
        public override string ToString() => Date.ToString() + " " + Id;
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
        {
            var text = new global::System.Text.StringBuilder();
            text.Append("flowchart LR\n");
            // A subgraph per category; an empty one is left out.
            if (global::FactGen.Runtime.States.All.Count > 0)
            {
                text.Append("    subgraph states [States]\n");
                foreach (State state in global::FactGen.Runtime.States.All) Node(text, "state_", state.Id, "[[\"", state.NameIn(languageTag), "\"]]");
                text.Append("    end\n");
            }
            if (global::FactGen.Runtime.Actors.All.Count > 0)
            {
                text.Append("    subgraph actors [Actors]\n");
                foreach (Actor actor in global::FactGen.Runtime.Actors.All) Node(text, "actor_", actor.Id, "([\"", actor.NameIn(languageTag), "\"])");
                text.Append("    end\n");
            }
            if (global::FactGen.Runtime.Events.All.Count > 0)
            {
                text.Append("    subgraph events [Events]\n");
                foreach (Event @event in global::FactGen.Runtime.Events.All) Node(text, "event_", @event.Id, "[\"", @event.Date.ToString() + "\n" + @event.Id, "\"]");
                text.Append("    end\n");
            }
            foreach (State state in global::FactGen.Runtime.States.All)
            {
                foreach (State recognizer in state.RecognizedBy) Edge(text, "state_", state.Id, "recognized by", "state_", recognizer.Id);
            }
            foreach (Actor actor in global::FactGen.Runtime.Actors.All)
            {
                if (actor.State != null) Edge(text, "actor_", actor.Id, "state", "state_", actor.State.Id);
            }
            foreach (Event @event in global::FactGen.Runtime.Events.All)
            {
                foreach (Actor actor in @event.Actors) Edge(text, "event_", @event.Id, "actor", "actor_", actor.Id);
                foreach (Actor reporter in @event.ReportedBy) Edge(text, "event_", @event.Id, "reported by", "actor_", reporter.Id);
            }
            StatusClass(text, FactStatus.Disputed, "disputed", "stroke-dasharray: 6 3");
            StatusClass(text, FactStatus.Retracted, "retracted", "stroke-dasharray: 2 2,color:#777");
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

        private static void StatusClass(global::System.Text.StringBuilder text, FactStatus status, string name, string style)
        {
            string? members = null;
            foreach (Event @event in global::FactGen.Runtime.Events.All)
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
        private readonly T[] _items;
        private readonly int _offset;

        internal FactCatalogList(T[] items, int offset)
        {
            _items = items;
            _offset = offset;
        }

        public int Count => global::FactGen.Runtime.FactCatalogData.Lists[_offset];

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count) throw new global::System.ArgumentOutOfRangeException(nameof(index));
                return _items[global::FactGen.Runtime.FactCatalogData.Lists[_offset + 1 + index]];
            }
        }

        public global::System.Collections.Generic.IEnumerator<T> GetEnumerator()
        {
            int count = Count;
            for (int i = 0; i < count; i++) yield return _items[global::FactGen.Runtime.FactCatalogData.Lists[_offset + 1 + i]];
        }

        global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
