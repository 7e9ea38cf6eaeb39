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

    // An event's date is not in its row but in its file's head (FactCatalogData.Layout), so that
    // the timeline is sorted without loading any file's rows.
    public const int EventId = 0, EventKind = 1, EventSummary = 2, EventActors = 3, EventStates = 4, EventPlace = 5,
        EventReportedBy = 6, EventFollows = 7, EventStatus = 8, EventNote = 9, EventSource = 10, EventRetraction = 11;
    public const int EventWidth = 12;

    /// <summary>A date as one int, in the order of dates: (year × 16 + month) × 32 + day, 0 for an absent month or day.</summary>
    public static int DateKey(int year, int month, int day) => (year * 16 + month) * 32 + day;
}
