    internal static class FactCatalogPart_tiny
    {
        private static readonly Table TextStarts = new Table(new int[]
        {
            0, 0, 200, 202, 204,
        });
        private static readonly int[] ChunkStarts = new int[] { 0 };
        private static readonly string?[] s_text = new string?[4];
        private static readonly string?[] s_chunks = new string?[1];

        internal static string Text(int index) => s_text[index] ?? (s_text[index] = Cut(index));

        private static string Cut(int index)
        {
            int start = TextStarts[index], length = TextStarts[index + 1] - start;
            if (length == 0) return string.Empty;
            int chunk = global::System.Array.BinarySearch(ChunkStarts, start);
            if (chunk < 0) chunk = ~chunk - 1;
            string text = s_chunks[chunk] ?? (s_chunks[chunk] = Chunk(chunk));
            return text.Substring(start - ChunkStarts[chunk], length);
        }

        private static string Chunk(int chunk) => chunk switch
        {
            _ => Chunk0(),
        };

        private static string Chunk0() => "Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire WiresaaBb";

        /// <summary>Lists as [count, item, item, ...]; offset 0 is the empty list.</summary>
        internal static readonly Table Lists = new Table(new int[]
        {
            0,
        });

        /// <summary>One row of 7 ints per source.</summary>
        internal static readonly Table SourceRows = new Table(new int[]
        {
            1, 0, 0, 0, 0, 0, 0,
        });

        /// <summary>One row of 10 ints per state, in id order.</summary>
        internal static readonly Table StateRows = new Table(new int[]
        {
            2, 3, 0, 0, 0, 0, 0, 0, 0, 0,
        });

        /// <summary>One row of 8 ints per actor, in id order.</summary>
        internal static readonly Table ActorRows = new Table(new int[]
        {
        });

        /// <summary>One row of 15 ints per event, in id order.</summary>
        internal static readonly Table EventRows = new Table(new int[]
        {
        });

        internal static readonly global::TestProject.Facts.FactCatalogStorage Instance = new Storage();
        internal static readonly global::TestProject.Facts.State[] States = Instance.States;
        internal static readonly global::TestProject.Facts.Actor[] Actors = Instance.Actors;
        internal static readonly global::TestProject.Facts.Event[] Events = Instance.Events;

