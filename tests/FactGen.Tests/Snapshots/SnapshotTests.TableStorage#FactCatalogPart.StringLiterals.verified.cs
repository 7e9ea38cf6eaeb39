    internal static partial class FactCatalogData
    {
        /// <summary>The data of one fact file: its head (counts, kinds, the dates of its events), then an int table (lists and one row per fact) and a string pool, each loaded on first use.</summary>
        internal static readonly global::TestProject.Facts.FactCatalogStorage Part_tiny = new Storage(
            "%%#####%##+%5",
            "sovereign",
            Data_tiny_0,
            Text_tiny_0);

        private static string Data_tiny_0() => "##S/W/[/#%######')########";

        private static string Text_tiny_0() => "Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire WiresaaBb";
    }
