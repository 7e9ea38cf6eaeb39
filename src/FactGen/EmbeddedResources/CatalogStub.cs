// Not a template and not embedded: a stand-in for what CatalogEmitter and DataTableEmitter write
// for each catalog, so that the templates beside it compile. Keep it to the members the templates
// use; the real ones are checked by the tests that compile generated catalogs.
#nullable enable

namespace FactGen.Runtime
{
    public enum StateKind { }

    public enum ActorKind { }

    public enum EventKind { }

    public static partial class States
    {
        public static global::System.Collections.Generic.IReadOnlyList<State> All => FactCatalogData.AllStates;

        public static class Ids { }
    }

    public static partial class Actors
    {
        public static global::System.Collections.Generic.IReadOnlyList<Actor> All => FactCatalogData.AllActors;

        public static class Ids { }
    }

    public static partial class Events
    {
        public static global::System.Collections.Generic.IReadOnlyList<Event> All => FactCatalogData.AllEvents;

        public static class Ids { }
    }

    internal static partial class FactCatalogData
    {
        internal static readonly Table Lists = new Table(new[] { 0 });
        internal static readonly Table SourceRows = new Table(new int[0]);
        internal static readonly Table StateRows = new Table(new int[0]);
        internal static readonly Table ActorRows = new Table(new int[0]);
        internal static readonly Table EventRows = new Table(new int[0]);
        internal const int TimelineList = 0;
        private static readonly Storage Instance = new Storage(0, 0, 0, 0, new State[0], new Actor[0], new Event[0]);
        internal static readonly global::System.Collections.Generic.IReadOnlyList<State> AllStates = Instance.AllStates;
        internal static readonly global::System.Collections.Generic.IReadOnlyList<Actor> AllActors = Instance.AllActors;
        internal static readonly global::System.Collections.Generic.IReadOnlyList<Event> AllEvents = Instance.AllEvents;
        internal static readonly global::System.Collections.Generic.IReadOnlyList<Event> Timeline = Instance.EventList(TimelineList);

        internal static string Text(int index) => string.Empty;
    }
}
