namespace FactGen.Emitting;

/// <summary>
/// Columns of the generated data table. Each fact is one row of ints: indexes into the text pool,
/// the list pool or another category's rows. 0 is none in every optional column: text index 0 is
/// reserved, list offset 0 is the empty list, a reference to another fact's row is stored one up,
/// and a date's year 0 is no date. A row starts as zeros, so a column the emitter forgets to write
/// reads as null or empty, not as some other fact's value. The template EmbeddedResources/Types.cs
/// reads rows with these offsets (back references are not stored: the catalog's views
/// compute them from the forward references) and <see cref="DataTableEmitter"/> writes them, so both share
/// this one place.
/// </summary>
internal static class RowLayout
{
    public const int SourceOutlet = 0, SourceTitle = 1, SourceYear = 2, SourceMonth = 3, SourceDay = 4, SourceLanguage = 5, SourceUrl = 6;
    public const int SourceWidth = 7;

    public const int StateId = 0, StateName = 1, StateOfficialName = 2, StateKind = 3, StateCapital = 4, StateWithin = 5,
        StateRecognizedBy = 6, StateAliases = 7, StateLabels = 8, StateSource = 9;
    public const int StateWidth = 10;

    public const int ActorId = 0, ActorName = 1, ActorKind = 2, ActorRole = 3, ActorState = 4, ActorAliases = 5, ActorLabels = 6,
        ActorSource = 7;
    public const int ActorWidth = 8;

    public const int EventId = 0, EventYear = 1, EventMonth = 2, EventDay = 3, EventKind = 4, EventSummary = 5, EventActors = 6,
        EventStates = 7, EventPlace = 8, EventReportedBy = 9, EventFollows = 10, EventStatus = 11,
        EventNote = 12, EventSource = 13, EventRetraction = 14;
    public const int EventWidth = 15;
}
