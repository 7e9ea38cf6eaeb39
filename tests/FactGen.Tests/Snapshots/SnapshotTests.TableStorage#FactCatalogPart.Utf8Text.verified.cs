    internal static partial class FactCatalogData
    {
        /// <summary>The data of one fact file: its head (counts, kinds, the dates of its events), then an int table (lists and one row per fact) and a string pool, each loaded on first use.</summary>
        internal static readonly global::TestProject.Facts.FactCatalogStorage Part_tiny = new Storage(
            new Table(13, "%%#####%##+%5"),
            new Table(23, Data_tiny_0),
            "sovereign",
            new TextPool(TextSlice_tiny));

        private static string Data_tiny_0() => "##S/W/[/#%######')########";

        private static string TextSlice_tiny(int start, int length) => global::System.Text.Encoding.UTF8.GetString(TextData_tiny.Slice(start, length));

        private static global::System.ReadOnlySpan<byte> TextData_tiny => "Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire WiresaaBb"u8;
    }
