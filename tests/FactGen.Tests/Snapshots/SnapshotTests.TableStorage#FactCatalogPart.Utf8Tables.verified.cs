    internal static partial class FactCatalogData
    {
        /// <summary>The data of one fact file: its head (counts, kinds, the dates of its events), then an int table (lists and one row per fact) and a string pool, each loaded on first use.</summary>
        internal static readonly global::TestProject.Facts.FactCatalogStorage Part_tiny = new Storage(
            new Table(Decode("%%#####%##+%5"u8, 13)),
            new Table(Decode("##S/W/[/#%######')########"u8, 23)),
            "sovereign",
            new TextPool(Text_tiny_0));

        private static string Text_tiny_0() => "Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire WiresaaBb";
    }
