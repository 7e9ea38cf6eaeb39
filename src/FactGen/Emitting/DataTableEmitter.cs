using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FactGen.Binding;
using FactGen.Helpers;
using L = FactGen.Emitting.RowLayout;

namespace FactGen.Emitting;

/// <summary>
/// Emits <c>FactCatalogData</c>: the whole catalog as one pool of strings and a few int arrays.
/// Catalog members are one-line lookups into it. This keeps compile cost close to that of
/// trivial members (no constructor call per fact) and stores each distinct string once.
/// </summary>
internal static class DataTableEmitter
{
    /// <summary>
    /// Text up to this many UTF-16 characters goes into string literals, which are readable in the
    /// generated file. Literals share the assembly's user-string heap (16 MiB, about 8 million
    /// characters, CS8103) with the project's own code, so more text goes into one UTF-8 literal,
    /// which the compiler stores as data instead.
    /// </summary>
    internal const int MaxLiteralTextLength = 4_000_000;

    /// <summary>
    /// Why the catalog cannot be emitted for this project, or null. Checked before anything is
    /// emitted, so that a refused catalog gives one diagnostic and no code that fails to compile.
    /// Cheap where it matters: only a catalog whose text might not fit is measured exactly.
    /// </summary>
    public static string? Refusal(BoundCatalog catalog, GeneratorOptions options)
    {
        if (TextUpperBound(catalog) <= MaxLiteralTextLength) return null;
        // With UTF-8 text any size fits; only a lone surrogate, which UTF-8 cannot store, is
        // refused. Scan for one before building the table, which costs as much as emitting it.
        if (options.CanUseUtf8Text && !AnyLoneSurrogate(catalog)) return null;
        var table = new Table();
        foreach (BoundSource source in catalog.Sources) SourceRow(table, source);
        foreach (BoundState state in catalog.States) StateRow(table, state);
        foreach (BoundActor actor in catalog.Actors) ActorRow(table, actor);
        foreach (BoundEvent @event in catalog.Events) EventRow(table, @event);
        return Problem(table.Texts, table.Texts.Sum(t => (long)t.Length), options);
    }

    private static bool AnyLoneSurrogate(BoundCatalog catalog)
    {
        static bool Any(string? text) => text is not null && HasLoneSurrogate(text);
        static bool Labels(EquatableArray<BoundLabel> labels) => labels.Any(l => Any(l.Language) || Any(l.Text));
        static bool Aliases(EquatableArray<string> aliases) => aliases.Any(Any);
        foreach (BoundSource s in catalog.Sources) if (Any(s.Outlet) || Any(s.Title) || Any(s.Language) || Any(s.Url)) return true;
        foreach (BoundState s in catalog.States) if (Any(s.Id) || Any(s.Name) || Any(s.OfficialName) || Any(s.Capital) || Aliases(s.Aliases) || Labels(s.Labels)) return true;
        foreach (BoundActor a in catalog.Actors) if (Any(a.Id) || Any(a.Name) || Any(a.Role) || Aliases(a.Aliases) || Labels(a.Labels)) return true;
        foreach (BoundEvent e in catalog.Events) if (Any(e.Id) || Any(e.Summary) || Any(e.Retraction) || Any(e.Note)) return true;
        return false;
    }

    /// <summary>At least the length of every text the table would hold.</summary>
    private static long TextUpperBound(BoundCatalog catalog)
    {
        long length = 0;
        static long Of(string? text) => text?.Length ?? 0;
        static long Labels(EquatableArray<BoundLabel> labels) => labels.Sum(l => Of(l.Language) + Of(l.Text));
        static long Aliases(EquatableArray<string> aliases) => aliases.Sum(a => (long)a.Length);
        foreach (BoundSource s in catalog.Sources) length += Of(s.Outlet) + Of(s.Title) + Of(s.Language) + Of(s.Url);
        foreach (BoundState s in catalog.States) length += Of(s.Id) + Of(s.Name) + Of(s.OfficialName) + Of(s.Capital) + Aliases(s.Aliases) + Labels(s.Labels);
        foreach (BoundActor a in catalog.Actors) length += Of(a.Id) + Of(a.Name) + Of(a.Role) + Aliases(a.Aliases) + Labels(a.Labels);
        foreach (BoundEvent e in catalog.Events) length += Of(e.Id) + Of(e.Summary) + Of(e.Retraction) + Of(e.Note);
        return length;
    }

    /// <summary>The one rule for refusing a catalog's text (see <see cref="MaxLiteralTextLength"/>).</summary>
    private static string? Problem(List<string> texts, long textLength, GeneratorOptions options, long maxLiteralTextLength = MaxLiteralTextLength)
    {
        if (textLength <= maxLiteralTextLength) return null;
        if (!options.CanUseUtf8Text)
        {
            return $"the catalog holds {textLength.ToString("N0", CultureInfo.InvariantCulture)} characters of text, more than the "
                + $"{maxLiteralTextLength.ToString("N0", CultureInfo.InvariantCulture)} that string literals may take; larger catalogs store their text as UTF-8 data, "
                + "which needs C# 11 or later and .NET (Core) 2.1 or later";
        }
        if (texts.Any(HasLoneSurrogate))
        {
            return "the catalog's text is too large for string literals and holds a lone surrogate (\\uD800-\\uDFFF escape), which UTF-8 cannot store; remove it";
        }
        return null;
    }

    /// <summary>Writes the table; false when its text cannot be emitted for this project (see <paramref name="problem"/>).</summary>
    /// <param name="maxLiteralTextLength"><see cref="MaxLiteralTextLength"/>; tests pass less to reach the other forms with a small catalog.</param>
    public static bool TryEmit(IndentedWriter writer, BoundCatalog catalog, GeneratorOptions options, out string problem, long maxLiteralTextLength = MaxLiteralTextLength)
    {
        var table = new Table();
        var sourceRows = catalog.Sources.Select((s, i) => ("source-" + i.ToString(CultureInfo.InvariantCulture), SourceRow(table, s))).ToList();
        var stateRows = catalog.States.Select(s => (s.Id, Row: StateRow(table, s))).ToList();
        var actorRows = catalog.Actors.Select(a => (a.Id, Row: ActorRow(table, a))).ToList();
        var eventRows = catalog.Events.Select(e => (e.Id, Row: EventRow(table, e))).ToList();
        int timeline = table.List(catalog.Timeline);

        // The fact types: this catalog's own, or those of the root catalog it builds on.
        string t = "global::" + (catalog.Composition?.TypesNamespace ?? options.Namespace);
        string list = "global::System.Collections.Generic.IReadOnlyList";

        long textLength = table.Texts.Sum(t => (long)t.Length);
        var tables = new List<(string Name, string Summary, int[] Values)>
        {
            ("Lists", "Lists as [count, item, item, ...]; offset 0 is the empty list.", table.Lists.ToArray()),
            ("SourceRows", $"One row of {L.SourceWidth} ints per source.", Flatten(sourceRows, L.SourceWidth)),
            ("StateRows", $"One row of {L.StateWidth} ints per state, in id order.", Flatten(stateRows, L.StateWidth)),
            ("ActorRows", $"One row of {L.ActorWidth} ints per actor, in id order.", Flatten(actorRows, L.ActorWidth)),
            ("EventRows", $"One row of {L.EventWidth} ints per event, in id order.", Flatten(eventRows, L.EventWidth)),
        };
        // Text and tables are string literals where they fit: the compiler stores those in the
        // assembly's user-string heap (16 MiB, shared with the project's own literals; CS8103
        // past it), so the catalog takes at most MaxLiteralTextLength characters of it, counted
        // exactly. Past that, text goes into a UTF-8 literal (data, but about a hundred times
        // slower to compile per character) and so do the tables if they no longer fit; without
        // UTF-8 literals (C# before 11, or no Encoding.GetString(ReadOnlySpan<byte>)) the tables
        // become array initializers, which take no heap space.
        int[] charStarts = TextStarts(table.Texts, utf8: false);
        long tableLength = tables.Sum(t => (long)DataEncoding.Length(t.Values)) + DataEncoding.Length(charStarts);
        bool textUtf8 = false;
        TableForm tableForm = TableForm.Literal;
        if (Problem(table.Texts, textLength, options, maxLiteralTextLength) is { } refused)
        {
            problem = refused;
            return false;
        }
        if (textLength + tableLength > maxLiteralTextLength)
        {
            if (!options.CanUseUtf8Text)
            {
                tableForm = TableForm.Initializer;
            }
            else if (textLength > maxLiteralTextLength)
            {
                textUtf8 = true;
                long byteStartsLength = tables.Sum(t => (long)DataEncoding.Length(t.Values)) + DataEncoding.Length(TextStarts(table.Texts, utf8: true));
                tableForm = byteStartsLength > maxLiteralTextLength ? TableForm.Utf8 : TableForm.Literal;
            }
            else
            {
                tableForm = TableForm.Utf8;
            }
        }

        writer.Line("/// <summary>The catalog's data: a string pool, a list pool and one row of ints per fact, decoded on first use.</summary>");
        writer.Line(EmitterText.GeneratedCodeAttribute);
        writer.Open("internal static class FactCatalogData");

        WriteText(writer, table.Texts, textUtf8, tableForm);
        foreach ((string name, string summary, int[] values) in tables)
        {
            writer.Line($"/// <summary>{summary}</summary>");
            WriteTable(writer, "internal", name, values, tableForm);
            writer.Line();
        }

        writer.Line($"internal const int TimelineList = {timeline.ToString(CultureInfo.InvariantCulture)};");
        writer.Line();
        // The objects: this catalog's facts, then those of the catalogs it builds on that its
        // facts reference, fetched from their own catalogs, so that there is one object per fact.
        string count(int value) => value.ToString(CultureInfo.InvariantCulture);
        System.Text.StringBuilder storage = writer.Start().Append("private static readonly Storage Instance = new Storage(")
            .Append(count(catalog.Sources.Count)).Append(", ").Append(count(catalog.States.Count)).Append(", ")
            .Append(count(catalog.Actors.Count)).Append(", ").Append(count(catalog.Events.Count));
        AppendImports(storage, catalog, t, FactGen.Upstream.FactCategory.State, "State", "States");
        AppendImports(storage, catalog, t, FactGen.Upstream.FactCategory.Actor, "Actor", "Actors");
        AppendImports(storage, catalog, t, FactGen.Upstream.FactCategory.Event, "Event", "Events");
        storage.Append(");\n");
        writer.Line($"internal static readonly {t}.Source[] Sources = Instance.Sources;");
        writer.Line($"internal static readonly {t}.State[] States = Instance.States;");
        writer.Line($"internal static readonly {t}.Actor[] Actors = Instance.Actors;");
        writer.Line($"internal static readonly {t}.Event[] Events = Instance.Events;");
        writer.Line($"internal static readonly {list}<{t}.State> AllStates = Instance.AllStates;");
        writer.Line($"internal static readonly {list}<{t}.Actor> AllActors = Instance.AllActors;");
        writer.Line($"internal static readonly {list}<{t}.Event> AllEvents = Instance.AllEvents;");
        if (catalog.Composition is { } composition)
        {
            // The timeline of a catalog built on others holds their events too (Events.Timeline,
            // Between and On read it); each upstream catalog's own list is its own events only.
            string upstream = string.Concat(composition.UpstreamNamespaces.Select(u => $"global::{u}.Events.All, "));
            // Merged on first use, not when the catalog's data is first touched: it reads the dates
            // of every upstream event.
            writer.Line($"private static {list}<{t}.Event>? s_timeline;");
            writer.Line($"internal static {list}<{t}.Event> Timeline => s_timeline ??= {t}.FactCatalogStorage.Timeline({upstream}Instance.EventList(TimelineList));");
        }
        else
        {
            writer.Line($"internal static readonly {list}<{t}.Event> Timeline = Instance.EventList(TimelineList);");
        }
        writer.Line();
        // The fixed members, from the template EmbeddedResources/FactCatalogData.cs.
        writer.Lines(Templates.CatalogDataMembers(catalog.Composition?.TypesNamespace ?? options.Namespace, utf8Tables: tableForm == TableForm.Utf8));
        writer.Close();
        problem = string.Empty;
        return true;
    }

    /// <summary>
    /// The upstream facts of one category that this catalog's facts reference, as the storage's
    /// argument: each from its own catalog's <c>Get</c>, so it is that catalog's object.
    /// </summary>
    private static void AppendImports(System.Text.StringBuilder b, BoundCatalog catalog, string t, FactGen.Upstream.FactCategory category, string type, string className)
    {
        b.Append(", new ").Append(t).Append('.').Append(type).Append("[] {");
        bool any = false;
        if (catalog.Composition is { } composition)
        {
            foreach (BoundImport import in composition.Imports)
            {
                if (import.Category != category) continue;
                b.Append(any ? ", " : " ").Append("global::").Append(import.Namespace).Append('.').Append(className).Append(".Get(");
                SourceEscaping.AppendLiteral(b, import.Id).Append(')');
                any = true;
            }
        }
        b.Append(any ? " }" : "}");
    }

    /// <summary>Characters per text chunk: loading a literal costs time in proportion to its length.</summary>
    internal const int TextChunkLength = 64 * 1024;

    /// <summary>
    /// All text as literals, with the offset where each string starts; each string is cut out
    /// the first time it is read, so the first access costs one string, not the catalog. String
    /// literals come in chunks of about <see cref="TextChunkLength"/> characters, one method
    /// each, loaded when first needed: the JIT loads (and interns) every literal of a method
    /// when it compiles it, which for a catalog's megabytes of text takes longer than
    /// everything else at first access.
    /// </summary>
    private static int[] TextStarts(List<string> texts, bool utf8)
    {
        var starts = new int[texts.Count + 1];
        for (int i = 0; i < texts.Count; i++)
        {
            starts[i + 1] = starts[i] + (utf8 ? System.Text.Encoding.UTF8.GetByteCount(texts[i]) : texts[i].Length);
        }
        return starts;
    }

    private static void WriteText(IndentedWriter writer, List<string> texts, bool utf8, TableForm tableForm)
    {
        int[] starts = TextStarts(texts, utf8);
        if (utf8)
        {
            System.Text.StringBuilder b = writer.Start().Append("private static global::System.ReadOnlySpan<byte> TextPool => \"");
            foreach (string text in texts) SourceEscaping.AppendLiteralBody(b, text);
            b.Append("\"u8;\n");
            writer.Line();
            WriteTable(writer, "private", "TextStarts", starts, tableForm);
            writer.Line($"private static readonly string?[] s_text = new string?[{texts.Count.ToString(CultureInfo.InvariantCulture)}];");
            writer.Line();
            writer.Line("internal static string Text(int index) => s_text[index] ?? (s_text[index] = global::System.Text.Encoding.UTF8.GetString(TextPool.Slice(TextStarts[index], TextStarts[index + 1] - TextStarts[index])));");
            writer.Line();
            return;
        }

        // Chunks end at text boundaries, so each text lies in one chunk.
        var chunkStarts = new List<int> { 0 };
        var chunkEnds = new List<int>();
        for (int i = 0; i < texts.Count; i++)
        {
            if (starts[i + 1] - chunkStarts[chunkStarts.Count - 1] > TextChunkLength && starts[i] > chunkStarts[chunkStarts.Count - 1])
            {
                chunkEnds.Add(i);
                chunkStarts.Add(starts[i]);
            }
        }
        chunkEnds.Add(texts.Count);
        WriteTable(writer, "private", "TextStarts", starts, tableForm);
        // A few ints (one per 64 K characters of text): an initializer.
        System.Text.StringBuilder cs = writer.Start().Append("private static readonly int[] ChunkStarts = new int[] { ");
        for (int i = 0; i < chunkStarts.Count; i++) cs.AppendInvariant(chunkStarts[i]).Append(i + 1 < chunkStarts.Count ? ", " : " };\n");
        writer.Line($"private static readonly string?[] s_text = new string?[{texts.Count.ToString(CultureInfo.InvariantCulture)}];");
        writer.Line($"private static readonly string?[] s_chunks = new string?[{chunkStarts.Count.ToString(CultureInfo.InvariantCulture)}];");
        writer.Line();
        writer.Line("internal static string Text(int index) => s_text[index] ?? (s_text[index] = Cut(index));");
        writer.Line();
        writer.Lines("""
private static string Cut(int index)
{
    int start = TextStarts[index], length = TextStarts[index + 1] - start;
    if (length == 0) return string.Empty;
    int chunk = global::System.Array.BinarySearch(ChunkStarts, start);
    if (chunk < 0) chunk = ~chunk - 1;
    string text = s_chunks[chunk] ?? (s_chunks[chunk] = Chunk(chunk));
    return text.Substring(start - ChunkStarts[chunk], length);
}
""");
        writer.Line();
        // One method per chunk: the JIT loads every literal of a method when it compiles it.
        writer.Line("private static string Chunk(int chunk) => chunk switch");
        writer.Line("{");
        for (int c = 0; c + 1 < chunkEnds.Count; c++)
        {
            writer.Start().Append("    ").AppendInvariant(c).Append(" => Chunk").AppendInvariant(c).Append("(),\n");
        }
        writer.Start().Append("    _ => Chunk").AppendInvariant(chunkEnds.Count - 1).Append("(),\n");
        writer.Line("};");
        writer.Line();
        int first = 0;
        for (int c = 0; c < chunkEnds.Count; c++)
        {
            System.Text.StringBuilder b = writer.Start().Append("private static string Chunk").AppendInvariant(c).Append("() => \"");
            for (int i = first; i < chunkEnds[c]; i++) SourceEscaping.AppendLiteralBody(b, texts[i]);
            b.Append("\";\n");
            first = chunkEnds[c];
        }
        writer.Line();
    }

    /// <summary>How the int tables are written.</summary>
    private enum TableForm
    {
        /// <summary>Encoded string literals, a chunk per method, decoded on first read.</summary>
        Literal,

        /// <summary>One encoded UTF-8 literal per table (data), decoded whole on first read.</summary>
        Utf8,

        /// <summary>Array initializers: slow to compile, but they take no user-string heap and need no UTF-8.</summary>
        Initializer,
    }

    /// <summary>Ints per table chunk: the first access decodes (and loads the literal of) the chunks it reads.</summary>
    internal const int TableChunkLength = 4096;

    /// <summary>
    /// A table, decoded when first read, a chunk at a time: each chunk's literal is its own
    /// method, because the runtime loads every literal of a method when it compiles it. Past the
    /// user-string heap, a table is one UTF-8 literal (data, loaded for free) decoded whole.
    /// </summary>
    private static void WriteTable(IndentedWriter writer, string accessibility, string name, int[] values, TableForm form)
    {
        if (form == TableForm.Initializer)
        {
            writer.Open($"{accessibility} static readonly Table {name} = new Table(new int[]");
            for (int i = 0; i < values.Length; i += 24)
            {
                System.Text.StringBuilder line = writer.Start();
                int end = System.Math.Min(values.Length, i + 24);
                for (int j = i; j < end; j++) line.AppendInvariant(values[j]).Append(j + 1 < end ? ", " : ",\n");
            }
            writer.Close(");");
            return;
        }
        bool utf8 = form == TableForm.Utf8;
        if (utf8 || values.Length == 0)
        {
            System.Text.StringBuilder b = writer.Start().Append(accessibility).Append(" static readonly Table ").Append(name).Append(" = new Table(Decode(\"");
            DataEncoding.AppendInts(b, values, 0, values.Length);
            b.Append(utf8 ? "\"u8, " : "\", ").AppendInvariant(values.Length).Append("));\n");
            return;
        }
        int chunks = (values.Length + TableChunkLength - 1) / TableChunkLength;
        writer.Start().Append(accessibility).Append(" static readonly Table ").Append(name).Append(" = new Table(").AppendInvariant(values.Length)
            .Append(", ").AppendInvariant(TableChunkLength).Append(", ").Append(name).Append("Chunk);\n");
        writer.Line();
        writer.Line($"private static string {name}Chunk(int chunk) => chunk switch");
        writer.Line("{");
        for (int c = 0; c + 1 < chunks; c++) writer.Start().Append("    ").AppendInvariant(c).Append(" => ").Append(name).AppendInvariant(c).Append("(),\n");
        writer.Start().Append("    _ => ").Append(name).AppendInvariant(chunks - 1).Append("(),\n");
        writer.Line("};");
        for (int c = 0; c < chunks; c++)
        {
            System.Text.StringBuilder b = writer.Start().Append("private static string ").Append(name).AppendInvariant(c).Append("() => \"");
            int start = c * TableChunkLength;
            DataEncoding.AppendInts(b, values, start, System.Math.Min(TableChunkLength, values.Length - start));
            b.Append("\";\n");
        }
    }

    private static int[] Flatten(List<(string Id, int[] Row)> rows, int width)
    {
        var values = new int[rows.Count * width];
        for (int i = 0; i < rows.Count; i++) System.Array.Copy(rows[i].Row, 0, values, i * width, width);
        return values;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    private static int[] SourceRow(Table table, BoundSource source)
    {
        var row = new int[L.SourceWidth];
        row[L.SourceOutlet] = table.Text(source.Outlet);
        row[L.SourceTitle] = table.Text(source.Title);
        row[L.SourceYear] = source.Published?.Year ?? 0;
        row[L.SourceMonth] = source.Published?.Month ?? 0;
        row[L.SourceDay] = source.Published?.Day ?? 0;
        row[L.SourceLanguage] = table.Text(source.Language);
        row[L.SourceUrl] = table.Text(source.Url);
        return row;
    }

    private static int[] StateRow(Table table, BoundState state)
    {
        var row = new int[L.StateWidth];
        row[L.StateId] = table.Text(state.Id);
        row[L.StateName] = table.Text(state.Name);
        row[L.StateOfficialName] = table.Text(state.OfficialName);
        row[L.StateKind] = state.Kind;
        row[L.StateCapital] = table.Text(state.Capital);
        row[L.StateWithin] = Reference(state.Within);
        row[L.StateRecognizedBy] = table.List(state.RecognizedBy);
        row[L.StateRecognizes] = table.List(state.Recognizes);
        row[L.StateAliases] = table.TextList(state.Aliases);
        row[L.StateLabels] = table.Labels(state.Labels);
        row[L.StateRegions] = table.List(state.Regions);
        row[L.StateActors] = table.List(state.Actors);
        row[L.StateEvents] = table.List(state.Events);
        row[L.StateSource] = state.Source;
        return row;
    }

    private static int[] ActorRow(Table table, BoundActor actor)
    {
        var row = new int[L.ActorWidth];
        row[L.ActorId] = table.Text(actor.Id);
        row[L.ActorName] = table.Text(actor.Name);
        row[L.ActorKind] = actor.Kind;
        row[L.ActorRole] = table.Text(actor.Role);
        row[L.ActorState] = Reference(actor.State);
        row[L.ActorAliases] = table.TextList(actor.Aliases);
        row[L.ActorLabels] = table.Labels(actor.Labels);
        row[L.ActorEvents] = table.List(actor.Events);
        row[L.ActorReports] = table.List(actor.Reports);
        row[L.ActorSource] = actor.Source;
        return row;
    }

    private static int[] EventRow(Table table, BoundEvent @event)
    {
        var row = new int[L.EventWidth];
        row[L.EventId] = table.Text(@event.Id);
        row[L.EventYear] = @event.Date.Year;
        row[L.EventMonth] = @event.Date.Month;
        row[L.EventDay] = @event.Date.Day;
        row[L.EventKind] = @event.Kind;
        row[L.EventSummary] = table.Text(@event.Summary);
        row[L.EventActors] = table.List(@event.Actors);
        row[L.EventStates] = table.List(@event.States);
        row[L.EventPlace] = Reference(@event.Place);
        row[L.EventReportedBy] = table.List(@event.ReportedBy);
        row[L.EventFollows] = table.List(@event.Follows);
        row[L.EventFollowedBy] = table.List(@event.FollowedBy);
        row[L.EventStatus] = (int)@event.Status;
        row[L.EventNote] = table.Text(@event.Note);
        row[L.EventSource] = @event.Source;
        row[L.EventRetraction] = table.Text(@event.Retraction);
        return row;
    }

    /// <summary>An optional reference to another fact's row (-1 for none in the bound model) as the table stores it: one up, 0 for none.</summary>
    private static int Reference(int index) => index + 1;

    /// <summary>
    /// The string pool (each distinct string once) and the list pool. Text index 0 is an empty
    /// string no column refers to: it is the "none" of an optional text column (see
    /// <see cref="RowLayout"/>), never a fact's own empty text, which gets an index of its own.
    /// </summary>
    private sealed class Table
    {
        private readonly Dictionary<string, int> _textIndex = new(System.StringComparer.Ordinal);

        public List<string> Texts { get; } = new() { string.Empty };

        public List<int> Lists { get; } = new() { 0 };

        public int Text(string? value)
        {
            if (value is null) return 0;
            if (!_textIndex.TryGetValue(value, out int index))
            {
                index = Texts.Count;
                Texts.Add(value);
                _textIndex.Add(value, index);
            }
            return index;
        }

        public int List(EquatableArray<int> items)
        {
            if (items.IsEmpty) return 0;
            int offset = Lists.Count;
            Lists.Add(items.Count);
            foreach (int item in items) Lists.Add(item);
            return offset;
        }

        public int TextList(EquatableArray<string> items) => List(items.Select(Text).ToEquatableArray());

        public int Labels(EquatableArray<BoundLabel> labels)
            => List(labels.SelectMany(l => new[] { Text(l.Language), Text(l.Text) }).ToEquatableArray());
    }
}
