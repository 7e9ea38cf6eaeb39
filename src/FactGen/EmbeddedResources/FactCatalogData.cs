// A template, not code the generator runs. PartEmitter writes the members of FactCatalogPart
// into the data class of each fact file's source, after the file's own data; CatalogEmitter
// writes the members of FactCatalogData into FactGen.Catalog.g.cs (see Emitting/Templates.cs).
// It is compiled here, against CatalogStub.cs, so that the compiler checks it like any other code.
// Only the members are used: the lines between each class's braces. What varies:
//   global::FactGen.Runtime.                   the namespace of the fact types: the catalog's,
//                                              or the root catalog's for one built on others
//   #if FACTGEN_UTF8_TABLES ... #endif         kept when the int tables are UTF-8 literals
#nullable enable

namespace FactGen.Runtime
{
    internal static partial class FactCatalogPart
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
    }

    internal static partial class FactCatalogData
    {
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
    }
}
