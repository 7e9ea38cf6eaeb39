// A template, not code the generator runs. CatalogEmitter writes the members of FactCatalogData
// into FactGen.Catalog.g.cs, once per catalog (see Emitting/Templates.cs); each fact file's data
// class (DataTableEmitter.WritePart) holds only its data and hands it to FactCatalogData.Storage.
// The code is shared so that the JIT compiles it once, not once per fact file.
// It is compiled here, against CatalogStub.cs, so that the compiler checks it like any other code.
// Only the members are used: the lines between the class's braces. What varies:
//   global::FactGen.Runtime.                   the namespace of the fact types: the catalog's,
//                                              or the root catalog's for one built on others
//   #if FACTGEN_UTF8_TABLES ... #endif         kept when the int tables are UTF-8 literals
#nullable enable

namespace FactGen.Runtime
{
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

        internal static int[] Decode(string data, int count)
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

        internal static int[] Decode(global::System.ReadOnlySpan<byte> data, int count)
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

        /// <summary>An int table of one fact file, decoded on first read (a chunk at a time where it has several).</summary>
        internal sealed class Table
        {
            private readonly int[]?[] _chunks;
            private readonly string? _data;
            private readonly global::System.Func<int, string>? _chunk;
            private readonly int _chunkLength;

            /// <summary>A table already decoded.</summary>
            internal Table(int[] values)
            {
                Length = values.Length;
                _chunkLength = values.Length == 0 ? 1 : values.Length;
                _chunks = new int[]?[] { values };
            }

            /// <summary>A table encoded in one literal.</summary>
            internal Table(int length, string data)
            {
                Length = length;
                _chunkLength = length == 0 ? 1 : length;
                _data = data;
                _chunks = new int[]?[1];
            }

            /// <summary>A short table encoded in one literal, decoded now: its length is the number of ints it encodes.</summary>
            internal Table(string data)
            {
                int length = 0;
                foreach (char c in data)
                {
                    // The last character of each int has no continuation bit (see Decode).
                    if (((c < 0x5C ? c - 0x23 : c - 0x5D + 57) & 32) == 0) length++;
                }
                Length = length;
                _chunkLength = length == 0 ? 1 : length;
                _chunks = new int[]?[] { Decode(data, length) };
            }

            /// <summary>A table encoded in one literal, the one <paramref name="data"/> returns: loaded when the table is first read.</summary>
            internal Table(int length, global::System.Func<string> data)
                : this(length, length == 0 ? 1 : length, _ => data())
            {
            }

            /// <summary>A table in chunks of <paramref name="chunkLength"/> ints, each its own literal.</summary>
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
                => _chunks[chunk] = Decode(_data ?? _chunk!(chunk), global::System.Math.Min(_chunkLength, Length - chunk * _chunkLength));
        }

        /// <summary>
        /// The string pool of one fact file: each string is cut out the first time it is read,
        /// from the literal (or the chunk of literals) that holds it. Where each string starts is
        /// part of the file's int table (see <see cref="Layout"/>).
        /// </summary>
        internal sealed class TextPool
        {
            private readonly int[] _chunkStarts;
            private readonly string?[] _chunks;
            private readonly global::System.Func<int, string>? _chunk;
            private readonly global::System.Func<int, int, string>? _slice;
            private Table _starts = null!;
            private int _offset;
            private string?[] _texts = null!;

            /// <summary>The pool in one literal, the one <paramref name="text"/> returns: loaded when a string is first read.</summary>
            internal TextPool(global::System.Func<string> text)
            {
                _chunkStarts = new int[] { 0 };
                _chunks = new string?[1];
                _chunk = _ => text();
            }

            /// <summary>The pool in chunks of literals, each its own method; <paramref name="chunkStarts"/> is where each begins.</summary>
            internal TextPool(int[] chunkStarts, global::System.Func<int, string> chunk)
            {
                _chunkStarts = chunkStarts;
                _chunks = new string?[chunkStarts.Length];
                _chunk = chunk;
            }

            /// <summary>The pool as data the file decodes itself (UTF-8): <paramref name="slice"/> reads a start and a length in bytes.</summary>
            internal TextPool(global::System.Func<int, int, string> slice)
            {
                _chunkStarts = new int[] { 0 };
                _chunks = new string?[1];
                _slice = slice;
            }

            /// <summary>Where each of the <paramref name="count"/> strings starts: from <paramref name="offset"/> on in <paramref name="data"/>.</summary>
            internal void Attach(Table data, int offset, int count)
            {
                _starts = data;
                _offset = offset;
                _texts = new string?[count];
            }

            internal string this[int index] => _texts[index] ?? (_texts[index] = Cut(index));

            private string Cut(int index)
            {
                int start = _starts[_offset + index], length = _starts[_offset + index + 1] - start;
                if (length == 0) return string.Empty;
                if (_slice != null) return _slice(start, length);
                int chunk = global::System.Array.BinarySearch(_chunkStarts, start);
                if (chunk < 0) chunk = ~chunk - 1;
                string text = _chunks[chunk] ?? (_chunks[chunk] = _chunk!(chunk));
                return text.Substring(start - _chunkStarts[chunk], length);
            }
        }

        /// <summary>
        /// Where each part of a fact file's data starts. The head is a small table: the number of
        /// sources, states, actors and events; of the states, actors and events of other files
        /// and catalogs its facts reference; of the kinds per category; of the strings; the
        /// length of the lists; the length of each kind's name; then the date of each event. The
        /// data table holds where each string starts, the lists, the rows of sources, states,
        /// actors and events, and the imported facts. The head and the kinds' names are literals
        /// of their own, so that creating a file's facts, and sorting the timeline, loads neither
        /// its data table nor its strings.
        /// </summary>
        internal sealed class Layout
        {
            internal Layout(Table head, string kindNames)
            {
                for (int i = 0; i < Counts.Length; i++) Counts[i] = head[i];
                int at = Counts.Length + 5, name = 0;
                StateKinds = Kinds(head, kindNames, 0, head[Counts.Length], ref at, ref name);
                ActorKinds = Kinds(head, kindNames, 1, head[Counts.Length + 1], ref at, ref name);
                EventKinds = Kinds(head, kindNames, 2, head[Counts.Length + 2], ref at, ref name);
                EventDates = new int[Counts[3]];
                for (int i = 0; i < EventDates.Length; i++) EventDates[i] = head[at++];
                Strings = head[Counts.Length + 3];
                Lists = Strings + 1;
                SourceRows = Lists + head[Counts.Length + 4];
                StateRows = SourceRows + Counts[0] * global::FactGen.Emitting.RowLayout.SourceWidth;
                ActorRows = StateRows + Counts[1] * global::FactGen.Emitting.RowLayout.StateWidth;
                EventRows = ActorRows + Counts[2] * global::FactGen.Emitting.RowLayout.ActorWidth;
                Imports = EventRows + Counts[3] * global::FactGen.Emitting.RowLayout.EventWidth;
                DataLength = Imports + 2 * (Counts[4] + Counts[5] + Counts[6]);
            }

            /// <summary>The number of strings in the pool; where each starts opens the data table.</summary>
            internal int Strings { get; }

            /// <summary>The number of ints in the data table.</summary>
            internal int DataLength { get; }

            /// <summary>Sources, states, actors, events; then imported states, actors, events.</summary>
            internal int[] Counts { get; } = new int[7];

            internal int[] StateKinds { get; }

            internal int[] ActorKinds { get; }

            internal int[] EventKinds { get; }

            /// <summary>The date of each of the file's events, as one int: (year × 16 + month) × 32 + day.</summary>
            internal int[] EventDates { get; }

            internal int Lists { get; }

            internal int SourceRows { get; }

            internal int StateRows { get; }

            internal int ActorRows { get; }

            internal int EventRows { get; }

            /// <summary>Two ints per imported fact (states, then actors, then events): the string of its id, and of its catalog's namespace (0 for this catalog).</summary>
            internal int Imports { get; }

            // The enum's value of each kind the file uses, by the file's own kind number.
            private static int[] Kinds(Table head, string names, int category, int count, ref int at, ref int name)
            {
                int[] kinds = new int[count];
                for (int i = 0; i < count; i++)
                {
                    int length = head[at++];
                    kinds[i] = KindValue(category, names.Substring(name, length));
                    name += length;
                }
                return kinds;
            }
        }

        /// <summary>What the fact types read: one fact file's tables, through the root catalog's <c>FactCatalogStorage</c>.</summary>
        internal sealed class Storage : global::FactGen.Runtime.FactCatalogStorage
        {
            private readonly Table _data;
            private readonly TextPool _text;
            private readonly int _lists, _sourceRows, _stateRows, _actorRows, _eventRows, _imports, _importedStates, _importedActors;

            /// <param name="head">The file's counts, the lengths of its kinds' names and its events' dates (see <see cref="Layout"/>).</param>
            /// <param name="data">The file's int table, read from the first access to one of its facts' values on.</param>
            /// <param name="kindNames">The names of the kinds the file uses, one after the other.</param>
            /// <param name="text">The file's string pool.</param>
            internal Storage(Table head, Table data, string kindNames, TextPool text)
                : this(new Layout(head, kindNames), data, text)
            {
            }

            /// <summary>
            /// The usual case, with the fewest instructions in the catalog's static constructor (the
            /// JIT compiles one initializer per fact file there): the head as one literal, the data
            /// table and the text each in one literal that its method returns on first read.
            /// </summary>
            internal Storage(string head, string kindNames, global::System.Func<string> data, global::System.Func<string> text)
                : this(new Layout(new Table(head), kindNames), data, new TextPool(text))
            {
            }

            private Storage(Layout layout, global::System.Func<string> data, TextPool text)
                : this(layout, new Table(layout.DataLength, data), text)
            {
            }

            private Storage(Layout layout, Table data, TextPool text)
                : base(layout.Counts[0], layout.Counts[1], layout.Counts[2], layout.Counts[3], layout.Counts[4], layout.Counts[5], layout.Counts[6], layout.StateKinds, layout.ActorKinds, layout.EventKinds, layout.EventDates)
            {
                text.Attach(data, 0, layout.Strings);
                _data = data;
                _text = text;
                _lists = layout.Lists;
                _sourceRows = layout.SourceRows;
                _stateRows = layout.StateRows;
                _actorRows = layout.ActorRows;
                _eventRows = layout.EventRows;
                _imports = layout.Imports;
                _importedStates = layout.Counts[4];
                _importedActors = layout.Counts[5];
            }

            public override string Text(int index) => _text[index];

            public override int Lists(int at) => _data[_lists + at];

            public override int SourceRows(int at) => _data[_sourceRows + at];

            public override int StateRows(int at) => _data[_stateRows + at];

            public override int ActorRows(int at) => _data[_actorRows + at];

            public override int EventRows(int at) => _data[_eventRows + at];

            // Qualified: a plain Views would be the inherited FactCatalogStorage.Views, which calls this.
            protected override global::FactGen.Runtime.FactCatalogViews Catalog() => FactCatalogData.Views;

            protected override bool HasReports => FactCatalogData.HasReports;

            // An imported fact is found by its id, in this catalog's views or through the upstream
            // catalog's Get: no code per import, which the compiler would have to bind.
            protected override global::FactGen.Runtime.State ImportState(int index)
            {
                int at = _imports + 2 * index;
                string id = _text[_data[at]];
                return _data[at + 1] == 0
                    ? FactCatalogData.Views.FindState(id) ?? throw Missing("state", id)
                    : HasReports ? FactCatalogData.Views.WithReports(UpstreamState(_text[_data[at + 1]], id)) : UpstreamState(_text[_data[at + 1]], id);
            }

            protected override global::FactGen.Runtime.Actor ImportActor(int index)
            {
                int at = _imports + 2 * (_importedStates + index);
                string id = _text[_data[at]];
                return _data[at + 1] == 0
                    ? FactCatalogData.Views.FindActor(id) ?? throw Missing("actor", id)
                    : HasReports ? FactCatalogData.Views.WithReports(UpstreamActor(_text[_data[at + 1]], id)) : UpstreamActor(_text[_data[at + 1]], id);
            }

            protected override global::FactGen.Runtime.Event ImportEvent(int index)
            {
                int at = _imports + 2 * (_importedStates + _importedActors + index);
                string id = _text[_data[at]];
                return _data[at + 1] == 0
                    ? FactCatalogData.Views.FindEvent(id) ?? throw Missing("event", id)
                    : HasReports ? FactCatalogData.Views.WithReports(UpstreamEvent(_text[_data[at + 1]], id)) : UpstreamEvent(_text[_data[at + 1]], id);
            }

            private static global::System.InvalidOperationException Missing(string category, string id)
                => new global::System.InvalidOperationException("The fact catalog has no " + category + " '" + id + "', which a fact file references; rebuild the project.");
        }
    }
}
