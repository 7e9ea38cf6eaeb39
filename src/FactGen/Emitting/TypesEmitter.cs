namespace FactGen.Emitting;

/// <summary>
/// Emits the fixed types of the catalog: <c>FactDate</c>, <c>Source</c>, <c>State</c>,
/// <c>Actor</c>, <c>Event</c>, the status enum and the list type. They depend only on the
/// options, never on the facts, so Roslyn caches this file across every fact edit. Each object
/// is a row number; members read the generated table on demand, which makes references (and
/// cycles among them) free: nothing is wired up at start-up.
/// </summary>
internal static class TypesEmitter
{
    /// <summary>FactGen.Types.g.cs, from the template EmbeddedResources/Types.cs.</summary>
    public static string Emit(GeneratorOptions options) => Templates.Types(options);
}
