// A template, not code the generator runs: DataTableEmitter writes the members of this class
// into FactGen.Catalog.g.cs, after the catalog's own data (see Emitting/Templates.cs). It is
// compiled here, against CatalogStub.cs, so that the compiler checks it like any other code.
// Only the members are used: the lines between the class's braces. What varies:
//   global::FactGen.Runtime.                   the namespace of the fact types: the catalog's,
//                                              or the root catalog's for one built on others
//   #if FACTGEN_UTF8_TABLES ... #endif         kept when the int tables are UTF-8 literals
#nullable enable

namespace FactGen.Runtime
{
    internal static partial class FactCatalogData
    {
        private static int[] Decode(string data, int count)
        {
            // See the FactGen docs: zigzag ints, 5 bits per character, '#'..'[' and ']'..'c'.
            int[] values = new int[count];
            int at = 0;
            for (int i = 0; i < count; i++)
            {
                uint value = 0;
                int shift = 0;
                int symbol;
                do
                {
                    int c = data[at++];
                    symbol = c < 0x5C ? c - 0x23 : c - 0x5D + 57;
                    value |= (uint)(symbol & 31) << shift;
                    shift += 5;
                }
                while ((symbol & 32) != 0);
                values[i] = (int)(value >> 1) ^ -(int)(value & 1);
            }
            return values;
        }
#if FACTGEN_UTF8_TABLES

        private static int[] Decode(global::System.ReadOnlySpan<byte> data, int count)
        {
            // See the FactGen docs: zigzag ints, 5 bits per character, '#'..'[' and ']'..'c'.
            int[] values = new int[count];
            int at = 0;
            for (int i = 0; i < count; i++)
            {
                uint value = 0;
                int shift = 0;
                int symbol;
                do
                {
                    int c = data[at++];
                    symbol = c < 0x5C ? c - 0x23 : c - 0x5D + 57;
                    value |= (uint)(symbol & 31) << shift;
                    shift += 5;
                }
                while ((symbol & 32) != 0);
                values[i] = (int)(value >> 1) ^ -(int)(value & 1);
            }
            return values;
        }
#endif

        /// <summary>An int table, decoded a chunk at a time on first read.</summary>
        internal sealed class Table
        {
            private readonly int[]?[] _chunks;
            private readonly global::System.Func<int, string>? _chunk;
            private readonly int _chunkLength;

            internal Table(int[] values)
            {
                Length = values.Length;
                _chunkLength = values.Length == 0 ? 1 : values.Length;
                _chunks = new int[]?[] { values };
            }

            internal Table(int length, int chunkLength, global::System.Func<int, string> chunk)
            {
                Length = length;
                _chunkLength = chunkLength;
                _chunk = chunk;
                _chunks = new int[]?[(length + chunkLength - 1) / chunkLength];
            }

            internal int Length { get; }

            internal int this[int index]
            {
                get
                {
                    int chunk = index / _chunkLength;
                    int[] values = _chunks[chunk] ?? Load(chunk);
                    return values[index - chunk * _chunkLength];
                }
            }

            private int[] Load(int chunk)
                => _chunks[chunk] = Decode(_chunk!(chunk), global::System.Math.Min(_chunkLength, Length - chunk * _chunkLength));
        }

        /// <summary>What the fact types read: this catalog's tables, through the root catalog's <c>FactCatalogStorage</c>.</summary>
        private sealed class Storage : global::FactGen.Runtime.FactCatalogStorage
        {
            internal Storage(int sources, int states, int actors, int events, global::FactGen.Runtime.State[] importedStates, global::FactGen.Runtime.Actor[] importedActors, global::FactGen.Runtime.Event[] importedEvents)
                : base(sources, states, actors, events, importedStates, importedActors, importedEvents)
            {
            }

            public override string Text(int index) => FactCatalogData.Text(index);

            public override int Lists(int at) => FactCatalogData.Lists[at];

            public override int SourceRows(int at) => FactCatalogData.SourceRows[at];

            public override int StateRows(int at) => FactCatalogData.StateRows[at];

            public override int ActorRows(int at) => FactCatalogData.ActorRows[at];

            public override int EventRows(int at) => FactCatalogData.EventRows[at];
        }

        /// <summary>The events whose date lies wholly within <paramref name="from"/> to <paramref name="to"/>, in timeline order.</summary>
        internal static global::System.Collections.Generic.IReadOnlyList<global::FactGen.Runtime.Event> Between(global::FactGen.Runtime.FactDate from, global::FactGen.Runtime.FactDate to)
        {
            if (from.Year == 0) throw new global::System.ArgumentException("default(FactDate) is not a date.", nameof(from));
            if (to.Year == 0) throw new global::System.ArgumentException("default(FactDate) is not a date.", nameof(to));
            global::System.DateTime start = from.Start, end = to.End;
            var found = new global::System.Collections.Generic.List<global::FactGen.Runtime.Event>();
            // Years never decrease along the timeline: start at the first event of from's year.
            int low = 0, high = Timeline.Count;
            while (low < high)
            {
                int middle = low + (high - low) / 2;
                if (Timeline[middle].Date.Year < from.Year) low = middle + 1;
                else high = middle;
            }
            for (int i = low; i < Timeline.Count; i++)
            {
                global::FactGen.Runtime.Event @event = Timeline[i];
                global::FactGen.Runtime.FactDate date = @event.Date;
                if (date.Year > to.Year) break;
                if (date.Start >= start && date.End <= end) found.Add(@event);
            }
            return new global::System.Collections.ObjectModel.ReadOnlyCollection<global::FactGen.Runtime.Event>(found);
        }

        /// <summary>The error for an id the catalog does not have, naming the nearest id there is.</summary>
        internal static global::System.Collections.Generic.KeyNotFoundException Missing(string category, Table rows, int width, string id)
        {
            string? nearest = null;
            // The build's rule for "did you mean": at most a third of the id changed. Rows are in id
            // order, so of equally near ids the first in ordinal order wins.
            int limit = global::System.Math.Max(1, id.Length / 3), best = limit + 1;
            for (int row = 0; id.Length <= 256 && row < rows.Length; row += width)
            {
                string candidate = Text(rows[row]);
                if (global::System.Math.Abs(candidate.Length - id.Length) > limit) continue;
                int distance = Distance(id, candidate);
                if (distance < best)
                {
                    best = distance;
                    nearest = candidate;
                }
            }
            string message = "No " + category + " in the fact catalog has the id '" + id + "'" + (nearest == null ? "." : "; did you mean '" + nearest + "'?");
            return new global::System.Collections.Generic.KeyNotFoundException(message);
        }

        /// <summary>Edits (insert, delete, replace, swap two neighbours) from one string to the other.</summary>
        private static int Distance(string a, string b)
        {
            int[] previous2 = new int[b.Length + 1], previous = new int[b.Length + 1], current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) previous[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int value = global::System.Math.Min(global::System.Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = global::System.Math.Min(value, previous2[j - 2] + 1);
                    current[j] = value;
                }
                int[] spare = previous2;
                previous2 = previous;
                previous = current;
                current = spare;
            }
            return previous[b.Length];
        }

        /// <summary>Binary search by id: rows are sorted by id in ordinal order.</summary>
        internal static int Find(Table rows, int width, string? id)
        {
            if (id == null) return -1;
            int low = 0, high = rows.Length / width - 1;
            while (low <= high)
            {
                int middle = low + (high - low) / 2;
                int order = string.CompareOrdinal(Text(rows[middle * width]), id);
                if (order == 0) return middle;
                if (order < 0) low = middle + 1;
                else high = middle - 1;
            }
            return -1;
        }
    }
}
