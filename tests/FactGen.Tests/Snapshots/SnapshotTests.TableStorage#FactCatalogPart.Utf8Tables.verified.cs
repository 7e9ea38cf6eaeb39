    internal static partial class FactCatalogData
    {
        /// <summary>The data of one fact file: an int table (its counts, kinds, lists and one row per fact) and a string pool, decoded on first use.</summary>
        internal static readonly global::TestProject.Facts.FactCatalogStorage Part_tiny = new Storage(
            new Table(Decode("%%#####%##+%5"u8, 13)),
            new Table(Decode("##S/W/[/#%######')########"u8, 23)),
            "sovereign",
            new TextPool(Text_tiny_0));

        private static string Text_tiny_0() => "Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire Wire WiresaaBb";
    }
