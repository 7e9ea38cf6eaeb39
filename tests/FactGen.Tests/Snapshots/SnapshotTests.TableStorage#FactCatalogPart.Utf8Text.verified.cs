    internal static class FactCatalogPart_tiny
    {
        private static global::System.ReadOnlySpan<byte> TextPool => "Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire WiresaaBb"u8;

        private static readonly Table TextStarts = new Table(5, 4096, TextStartsChunk);

        private static string TextStartsChunk(int chunk) => chunk switch
        {
            _ => TextStarts0(),
        };
        private static string TextStarts0() => "##S/W/[/";
        private static readonly string?[] s_text = new string?[4];

        internal static string Text(int index) => s_text[index] ?? (s_text[index] = global::System.Text.Encoding.UTF8.GetString(TextPool.Slice(TextStarts[index], TextStarts[index + 1] - TextStarts[index])));

        /// <summary>Lists as [count, item, item, ...]; offset 0 is the empty list.</summary>
        internal static readonly Table Lists = new Table(1, 4096, ListsChunk);

        private static string ListsChunk(int chunk) => chunk switch
        {
            _ => Lists0(),
        };
        private static string Lists0() => "#";

        /// <summary>One row of 7 ints per source.</summary>
        internal static readonly Table SourceRows = new Table(7, 4096, SourceRowsChunk);

        private static string SourceRowsChunk(int chunk) => chunk switch
        {
            _ => SourceRows0(),
        };
        private static string SourceRows0() => "%######";

        /// <summary>One row of 10 ints per state, in id order.</summary>
        internal static readonly Table StateRows = new Table(10, 4096, StateRowsChunk);

        private static string StateRowsChunk(int chunk) => chunk switch
        {
            _ => StateRows0(),
        };
        private static string StateRows0() => "')########";

        /// <summary>One row of 8 ints per actor, in id order.</summary>
        internal static readonly Table ActorRows = new Table(Decode("", 0));

        /// <summary>One row of 15 ints per event, in id order.</summary>
        internal static readonly Table EventRows = new Table(Decode("", 0));

        internal static readonly global::TestProject.Facts.FactCatalogStorage Instance = new Storage();
        internal static readonly global::TestProject.Facts.State[] States = Instance.States;
        internal static readonly global::TestProject.Facts.Actor[] Actors = Instance.Actors;
        internal static readonly global::TestProject.Facts.Event[] Events = Instance.Events;

