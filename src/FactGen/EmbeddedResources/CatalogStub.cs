// Not a template and not embedded: a stand-in for what CatalogEmitter and DataTableEmitter write for
// each catalog, so that the templates beside it compile. Keep it to the members the templates
// use; the real ones are checked by the tests that compile generated catalogs.
#nullable enable

namespace FactGen.Runtime
{
    public enum StateKind { }

    public enum ActorKind { }

    public enum EventKind { }

    public static partial class States
    {
        public static global::System.Collections.Generic.IReadOnlyList<State> All => FactCatalogData.Views.States;

        public static partial class Ids { }
    }

    public static partial class Actors
    {
        public static global::System.Collections.Generic.IReadOnlyList<Actor> All => FactCatalogData.Views.Actors;

        public static partial class Ids { }
    }

    public static partial class Events
    {
        public static global::System.Collections.Generic.IReadOnlyList<Event> All => FactCatalogData.Views.Events;

        public static partial class Ids { }
    }

    internal static partial class FactCatalogData
    {
        internal static readonly FactCatalogViews Views = new FactCatalogViews(new FactCatalogStorage[0], new int[0], new int[0], new int[0]);
        internal static global::System.Collections.Generic.IReadOnlyList<Event> Timeline => Views.Timeline;

        /// <summary>The value of the kind named <paramref name="name"/> of a category (0 state, 1 actor, 2 event) in its enum, or -1.</summary>
        internal static int KindValue(int category, string name) => -1;

        /// <summary>Whether a fact file of the catalog has reports.</summary>
        internal const bool HasReports = false;

        internal static State UpstreamState(string @namespace, string id) => throw new global::System.ArgumentOutOfRangeException(nameof(@namespace));

        internal static Actor UpstreamActor(string @namespace, string id) => throw new global::System.ArgumentOutOfRangeException(nameof(@namespace));

        internal static Event UpstreamEvent(string @namespace, string id) => throw new global::System.ArgumentOutOfRangeException(nameof(@namespace));
    }
}
