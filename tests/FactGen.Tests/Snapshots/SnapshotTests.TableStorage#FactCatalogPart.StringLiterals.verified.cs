    internal static partial class FactCatalogData
    {
        /// <summary>The data of one fact file: an int table (its counts, kinds, lists and one row per fact) and a string pool, decoded on first use.</summary>
        internal static readonly global::TestProject.Facts.FactCatalogStorage Part_tiny = new Storage(
            "%%#####%##+%5",
            "sovereign",
            Data_tiny_0,
            Text_tiny_0);

        private static string Data_tiny_0() => "##S/W/[/#%######')########";

        private static string Text_tiny_0() => "Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire WiresaaBb";
    }
