using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FactGen.Binding;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Upstream;
using L = FactGen.Emitting.RowLayout;

namespace FactGen.Emitting;

/// <summary>
/// Emits the data of each fact file (a <c>Part_*</c> field of the catalog's <c>FactCatalogData</c>): its facts as one pool of
/// strings and a few int arrays. Catalog members are one-line lookups into it. This keeps compile
/// cost close to that of trivial members (no constructor call per fact) and stores each distinct
/// string of the file once.
/// </summary>
internal static class DataTableEmitter
{
    /// <summary>How the parts write text and tables (see <see cref="Forms"/>).</summary>
    internal sealed record TableForms(bool TextUtf8, TableForm Tables)
    {
        public static readonly TableForms Literals = new(TextUtf8: false, Tables: TableForm.Literal);
    }

    /// <summary>
    /// Text up to this many UTF-16 characters goes into string literals, which are readable in the
    /// generated file. Literals share the assembly's user-string heap (16 MiB, about 8 million
    /// characters, CS8103) with the project's own code, so more text goes into one UTF-8 literal,
    /// which the compiler stores as data instead.
    /// </summary>
    internal const int MaxLiteralTextLength = 4_000_000;

    /// <summary>
    /// What one part's literals hold at most, bounded cheaply: the length of every text it would
    /// hold (a repeated string counts each time) and a count of its ints. A part's bounds depend on
    /// that part alone, so an edit to one file bounds that file again, and the decision for the
    /// whole catalog (<see cref="Forms"/>, <see cref="Refusal"/>) adds up one number per file.
    /// Where the bounds of every part together pass the literal limit, the bounds decide nothing:
    /// every part is measured exactly (<see cref="Measure"/>), and the measures decide.
    /// </summary>
    /// <param name="TextUpper">At least the length of the part's pooled text and its kinds' names.</param>
    /// <param name="IntUpper">At least the ints of the part's head and table.</param>
    /// <param name="OrderEntries">The shell's order entries for the part's facts (each the position of a file: at most 7 characters).</param>
    /// <param name="LoneSurrogate">A text holds a lone surrogate, which UTF-8 cannot store.</param>
    internal sealed record PartSize(long TextUpper, long IntUpper, long OrderEntries, bool LoneSurrogate)
    {
        /// <summary>
        /// At least the length of the part's int table as a literal: each int at most as long as
        /// the largest value it can hold (a UTF-8 text offset, a count, a date) takes encoded.
        /// </summary>
        public long TableUpper => IntUpper * CharsPerInt(System.Math.Max(3 * TextUpper, System.Math.Max(IntUpper, LargestDateKey))) + 7 * OrderEntries;
    }

    /// <summary>A part measured as it is written: its text, and its int table as literals with UTF-16 and with UTF-8 text offsets.</summary>
    internal sealed record PartMeasure(long Text, long Table, long Utf8Table);

    /// <summary>
    /// The sizes of a catalog's parts: the bounds of each, and where the bounds together pass the
    /// literal limit (<see cref="NeedsMeasure"/>), the exact measure of each; otherwise none.
    /// </summary>
    internal sealed record CatalogSize(EquatableArray<PartSize> Bounds, EquatableArray<PartMeasure> Measures)
    {
        /// <summary>Every part is measured (a part without facts has neither bounds nor a measure).</summary>
        public bool IsMeasured => Measures.Count == Bounds.Count;

        public static CatalogSize Of(IEnumerable<PartSize?> bounds, IEnumerable<PartMeasure?> measures)
            => new(bounds.OfType<PartSize>().ToEquatableArray(), measures.OfType<PartMeasure>().ToEquatableArray());
    }

    /// <summary>The sizes of <paramref name="parts"/> in one pass: their bounds, and their measures where the bounds do not fit.</summary>
    public static CatalogSize Sizes(IReadOnlyCollection<BoundPart> parts, long maxLiteralTextLength = MaxLiteralTextLength)
    {
        PartSize[] bounds = parts.Select(Estimate).ToArray();
        return CatalogSize.Of(bounds, NeedsMeasure(bounds, maxLiteralTextLength) ? parts.Select(Measure) : Enumerable.Empty<PartMeasure>());
    }

    /// <summary>The cheap bounds of a part (<see cref="PartSize"/>).</summary>
    public static PartSize Estimate(BoundPart part)
    {
        BoundCatalog facts = part.Facts;
        long text = 0, ints = 0;
        bool lone = false;
        void Text(string? value)
        {
            if (value is null) return;
            text += value.Length;
            lone |= HasLoneSurrogate(value);
        }
        static long List<T>(EquatableArray<T> items) where T : System.IEquatable<T> => items.IsEmpty ? 0 : 1 + items.Count;
        foreach (BoundSource s in facts.Sources)
        {
            Text(s.Outlet); Text(s.Title); Text(s.Language); Text(s.Url);
            ints += L.SourceWidth;
        }
        foreach (BoundState s in facts.States)
        {
            Text(s.Id); Text(s.Name); Text(s.OfficialName); Text(s.Capital);
            foreach (string alias in s.Aliases) Text(alias);
            foreach (BoundLabel label in s.Labels) { Text(label.Language); Text(label.Text); }
            ints += L.StateWidth + List(s.RecognizedBy) + List(s.Aliases) + 2 * List(s.Labels);
        }
        foreach (BoundActor a in facts.Actors)
        {
            Text(a.Id); Text(a.Name); Text(a.Role);
            foreach (string alias in a.Aliases) Text(alias);
            foreach (BoundLabel label in a.Labels) { Text(label.Language); Text(label.Text); }
            ints += L.ActorWidth + List(a.Aliases) + 2 * List(a.Labels);
        }
        foreach (BoundEvent e in facts.Events)
        {
            Text(e.Id); Text(e.Summary); Text(e.Retraction); Text(e.Note);
            ints += L.EventWidth + List(e.Actors) + List(e.States) + List(e.ReportedBy) + List(e.Follows);
        }
        foreach (PartImport import in part.Imports) { Text(import.Id); Text(import.Namespace); }
        foreach (PartKind kind in part.Kinds) Text(kind.Name);
        int rows = facts.Sources.Count + facts.States.Count + facts.Actors.Count + facts.Events.Count;
        // Besides the rows and lists: the header, each kind's length, each event's date, a start
        // per text (at most one per int and per row's text columns, plus one), and two ints per
        // import.
        long others = Header + part.Kinds.Count + facts.Events.Count + (ints + 4L * rows + 2 * part.Imports.Count + 1) + 2L * part.Imports.Count;
        return new PartSize(text, ints + others, facts.States.Count + facts.Actors.Count + facts.Events.Count, lone);
    }

    private const int Header = 12;

    /// <summary>The largest date an event's head entry can hold (<see cref="RowLayout.DateKey"/>).</summary>
    private static readonly long LargestDateKey = L.DateKey(9999, 12, 31);

    /// <summary>How many characters <see cref="DataEncoding"/> takes for an int up to <paramref name="largest"/>.</summary>
    private static long CharsPerInt(long largest)
        => largest >= int.MaxValue / 2 ? 7 : DataEncoding.Length(new[] { (int)largest });

    /// <summary>Whether the bounds of every part together pass the literal limit, and so every part is measured exactly.</summary>
    public static bool NeedsMeasure(IEnumerable<PartSize?> sizes, long maxLiteralTextLength = MaxLiteralTextLength)
    {
        long length = 0;
        foreach (PartSize? size in sizes)
        {
            if (size is not null) length += size.TextUpper + size.TableUpper;
        }
        return length > maxLiteralTextLength;
    }

    /// <summary>The part's literals, measured as <see cref="WritePart"/> writes them: its distinct strings once, its head and table encoded.</summary>
    public static PartMeasure Measure(BoundPart part)
    {
        PartData data = Data(part);
        long text = data.KindNames.Length;
        foreach (string t in data.Table.Texts) text += t.Length;
        // The shell's order entries for the part's facts: at most 7 characters each.
        long orders = 7L * (part.Facts.States.Count + part.Facts.Actors.Count + part.Facts.Events.Count);
        return new PartMeasure(text, data.EncodedLength(utf8: false) + orders, data.EncodedLength(utf8: true) + orders);
    }

    /// <summary>
    /// Why the catalog cannot be emitted for this project, or null. Checked before anything is
    /// emitted, so that a refused catalog gives one diagnostic and no code that fails to compile.
    /// Decided on the measured text where the bounds do not fit, never on the bounds alone: they
    /// count a repeated string each time, so a catalog that fits could be refused.
    /// </summary>
    public static string? Refusal(CatalogSize sizes, GeneratorOptions options, long maxLiteralTextLength = MaxLiteralTextLength)
    {
        if (sizes.Bounds.Sum(s => s.TextUpper) <= maxLiteralTextLength) return null;
        bool lone = sizes.Bounds.Any(s => s.LoneSurrogate);
        // With UTF-8 text any size fits; only a lone surrogate, which UTF-8 cannot store, is refused.
        if (options.CanUseUtf8Text && !lone) return null;
        // Bounds past the limit are always measured (NeedsMeasure: the text is part of them);
        // were they not, the bounds decide, which can refuse but never lets too much through.
        long textLength = sizes.IsMeasured ? sizes.Measures.Sum(m => m.Text) : sizes.Bounds.Sum(b => b.TextUpper);
        if (textLength <= maxLiteralTextLength) return null;
        if (!options.CanUseUtf8Text)
        {
            return $"the catalog holds {textLength.ToString("N0", CultureInfo.InvariantCulture)} characters of text, more than the "
                + $"{maxLiteralTextLength.ToString("N0", CultureInfo.InvariantCulture)} that string literals may take; larger catalogs store their text as UTF-8 data, "
                + "which needs C# 11 or later and .NET (Core) 2.1 or later";
        }
        return "the catalog's text is too large for string literals and holds a lone surrogate (\\uD800-\\uDFFF escape), which UTF-8 cannot store; remove it";
    }

    /// <summary>
    /// How every part of the catalog writes its text and tables, decided for the whole catalog:
    /// the parts share the assembly's user-string heap. Where the bounds fit, string literals;
    /// otherwise the exact measures decide: literals where they fit after all, else UTF-8 text
    /// (C# 11), with the tables as literals where they fit beside the project's code and as
    /// UTF-8 data where not, and without UTF-8, array initializers. It changes only when the
    /// catalog crosses a limit, so an edit below one re-emits no other file.
    /// </summary>
    public static TableForms Forms(CatalogSize sizes, GeneratorOptions options, long maxLiteralTextLength = MaxLiteralTextLength)
    {
        if (!NeedsMeasure(sizes.Bounds, maxLiteralTextLength)) return TableForms.Literals;
        long textLength = 0, tableLength = 0, utf8TableLength = 0;
        foreach (PartMeasure measure in sizes.Measures)
        {
            textLength += measure.Text;
            tableLength += measure.Table;
            utf8TableLength += measure.Utf8Table;
        }
        if (!sizes.IsMeasured)
        {
            // Not measured (no caller does this): decide on the bounds, never below the real size.
            textLength = sizes.Bounds.Sum(b => b.TextUpper);
            tableLength = utf8TableLength = sizes.Bounds.Sum(b => b.TableUpper);
        }
        if (textLength + tableLength <= maxLiteralTextLength) return TableForms.Literals;
        if (!options.CanUseUtf8Text) return new TableForms(TextUtf8: false, Tables: TableForm.Initializer);
        if (textLength > maxLiteralTextLength)
        {
            return new TableForms(TextUtf8: true, Tables: utf8TableLength > maxLiteralTextLength ? TableForm.Utf8 : TableForm.Literal);
        }
        return new TableForms(TextUtf8: false, Tables: TableForm.Utf8);
    }

    /// <summary>A part's string pool, its kinds and its int table (less the text starts, which depend on the form).</summary>
    private sealed class PartData
    {
        private readonly int[] _head;
        private readonly int[] _rest;

        public PartData(Table table, string[] kinds, int[] head, int[] rest)
        {
            Table = table;
            KindNames = string.Concat(kinds);
            _head = head;
            _rest = rest;
        }

        public Table Table { get; }

        /// <summary>The names of the part's kinds, one literal.</summary>
        public string KindNames { get; }

        /// <summary>The head: the counts, the length of each kind's name, then the date of each event (<see cref="RowLayout.DateKey"/>).</summary>
        public int[] Head => _head;

        /// <summary>The data table: where each string starts, then lists, rows and imports.</summary>
        public int[] Ints(bool utf8)
        {
            int[] starts = TextStarts(Table.Texts, utf8);
            var ints = new int[starts.Length + _rest.Length];
            starts.CopyTo(ints, 0);
            _rest.CopyTo(ints, starts.Length);
            return ints;
        }

        /// <summary>The length of <see cref="Head"/> and <see cref="Ints"/> as literals (<see cref="DataEncoding.Length"/>), without building them.</summary>
        public long EncodedLength(bool utf8)
            => DataEncoding.Length(_head) + DataEncoding.Length(TextStarts(Table.Texts, utf8)) + DataEncoding.Length(_rest);
    }

    private static PartData Data(BoundPart part)
    {
        BoundCatalog facts = part.Facts;
        var table = new Table();
        var sourceRows = facts.Sources.Select((s, i) => ("source-" + i.ToString(CultureInfo.InvariantCulture), SourceRow(table, s))).ToList();
        var stateRows = facts.States.Select(s => (s.Id, Row: StateRow(table, s))).ToList();
        var actorRows = facts.Actors.Select(a => (a.Id, Row: ActorRow(table, a))).ToList();
        var eventRows = facts.Events.Select(e => (e.Id, Row: EventRow(table, e))).ToList();

        // Two int tables per file (see FactCatalogData.Layout in the template): the head (the
        // counts, the lengths of the kinds' names, the events' dates), read when the catalog's
        // facts are created; and the data (where each string starts, the lists, the rows and the
        // imported facts), read when one of the file's facts is.
        int imported(FactCategory category) => part.Imports.Count(i => i.Category == category);
        // Kinds by name, so that the file depends on no other file's kinds (FactCatalogData.KindValue).
        string[] KindNames(FactCategory category) => part.Kinds.Where(k => k.Category == category).Select(k => k.Name).ToArray();
        string[] stateKinds = KindNames(FactCategory.State), actorKinds = KindNames(FactCategory.Actor), eventKinds = KindNames(FactCategory.Event);
        // Each imported fact by its id and its catalog (0: this one), found on first use.
        int[] imports = part.Imports.SelectMany(i => new[] { table.Text(i.Id), i.Namespace is null ? 0 : table.Text(i.Namespace) }).ToArray();
        int[] header =
        {
            facts.Sources.Count, facts.States.Count, facts.Actors.Count, facts.Events.Count,
            imported(FactCategory.State), imported(FactCategory.Actor), imported(FactCategory.Event),
            stateKinds.Length, actorKinds.Length, eventKinds.Length, table.Texts.Count, table.Lists.Count,
        };
        string[] kinds = stateKinds.Concat(actorKinds).Concat(eventKinds).ToArray();
        int[] head = header.Concat(kinds.Select(k => k.Length)).Concat(facts.Events.Select(e => L.DateKey(e.Date.Year, e.Date.Month, e.Date.Day))).ToArray();
        var rest = new int[table.Lists.Count + sourceRows.Count * L.SourceWidth + stateRows.Count * L.StateWidth
            + actorRows.Count * L.ActorWidth + eventRows.Count * L.EventWidth + imports.Length];
        table.Lists.CopyTo(rest, 0);
        int at = table.Lists.Count;
        void Rows(List<(string Id, int[] Row)> rows)
        {
            foreach ((string _, int[] row) in rows)
            {
                row.CopyTo(rest, at);
                at += row.Length;
            }
        }
        Rows(sourceRows);
        Rows(stateRows);
        Rows(actorRows);
        Rows(eventRows);
        imports.CopyTo(rest, at);
        return new PartData(table, kinds, head, rest);
    }

    /// <summary>
    /// Writes the data class of one fact file: its text, lists and rows handed to the catalog's
    /// shared <c>FactCatalogData.Storage</c> (the code that reads them is in FactGen.Catalog.g.cs,
    /// so the JIT compiles it once for the catalog, not once per file), and what its references to
    /// other files' and catalogs' facts are (fetched on first use).
    /// </summary>
    public static void WritePart(IndentedWriter writer, BoundPart part, GeneratorOptions options, TableForms forms)
    {
        PartData partData = Data(part);
        Table table = partData.Table;
        int[] data = partData.Ints(forms.TextUtf8);
        // The fact types: this catalog's own, or those of the root catalog it builds on.
        string t = "global::" + (part.TypesNamespace ?? options.Namespace);

        // One class for the whole catalog, its parts spread over the files: the runtime loads one
        // type and the JIT compiles one static constructor, not one of each per fact file, and
        // each file adds to it a few instructions and its literals.
        writer.Open("internal static partial class FactCatalogData");

        // The literals of the data table and the text are in methods of their own, loaded when
        // first read; the head and the kinds' names are arguments of one field initializer.
        string suffix = part.FieldName.Substring("Part".Length);
        var members = new IndentedWriter();
        writer.Line("/// <summary>The data of one fact file: its head (counts, kinds, the dates of its events), then an int table (lists and one row per fact) and a string pool, each loaded on first use.</summary>");
        writer.Line($"internal static readonly {t}.FactCatalogStorage {part.FieldName} = new Storage(");
        writer.Indent();
        // The head is read when the catalog's facts are created; the data table and the text
        // only when one of this file's facts is read, so each is loaded by a method of its own.
        List<int> textChunkEnds = TextChunkEnds(table.Texts, TextStarts(table.Texts, forms.TextUtf8));
        if (forms.Tables == TableForm.Literal && !forms.TextUtf8 && data.Length <= TableChunkLength && textChunkEnds.Count == 1)
        {
            // The usual case, in the fewest instructions: FactCatalogData's static constructor
            // holds one such initializer per fact file, and the JIT compiles them all at once.
            System.Text.StringBuilder head = writer.Start().Append('"');
            DataEncoding.AppendInts(head, partData.Head, 0, partData.Head.Length);
            head.Append("\",\n");
            SourceEscaping.AppendLiteral(writer.Start(), partData.KindNames).Append(",\n");
            writer.Start().Append(TableMethod(members, "Data", suffix, data)).Append(",\n");
            WriteText(writer, members, suffix, table.Texts, textChunkEnds, utf8: false, pool: false);
        }
        else
        {
            WriteTable(writer.Start(), members, "Head", suffix, partData.Head, forms.Tables, lazy: false).Append(",\n");
            WriteTable(writer.Start(), members, "Data", suffix, data, forms.Tables, lazy: true).Append(",\n");
            SourceEscaping.AppendLiteral(writer.Start(), partData.KindNames).Append(",\n");
            WriteText(writer, members, suffix, table.Texts, textChunkEnds, forms.TextUtf8, pool: true);
        }
        writer.Outdent();
        if (members.Length > 0)
        {
            writer.Line();
            writer.Lines(members.ToString().TrimEnd('\n'));
        }
        writer.Close();
    }

    private static System.Text.StringBuilder AppendInts(System.Text.StringBuilder b, int[] values)
    {
        b.Append("new int[] {");
        for (int i = 0; i < values.Length; i++) b.Append(i == 0 ? " " : ", ").AppendInvariant(values[i]);
        return b.Append(values.Length == 0 ? "}" : " }");
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

    /// <summary>Where each chunk of the text ends (the index of its first string past it): chunks end at string boundaries, so each string lies in one chunk.</summary>
    private static List<int> TextChunkEnds(List<string> texts, int[] starts)
    {
        int chunkStart = 0;
        var chunkEnds = new List<int>();
        for (int i = 0; i < texts.Count; i++)
        {
            if (starts[i + 1] - chunkStart > TextChunkLength && starts[i] > chunkStart)
            {
                chunkEnds.Add(i);
                chunkStart = starts[i];
            }
        }
        chunkEnds.Add(texts.Count);
        return chunkEnds;
    }

    /// <summary>The last argument (one line): the <c>TextPool</c>, or with <paramref name="pool"/> false the method that returns the text in one literal; and, where the text needs them, the members it calls. Where each string starts is in the int table.</summary>
    private static void WriteText(IndentedWriter writer, IndentedWriter members, string suffix, List<string> texts, List<int> chunkEnds, bool utf8, bool pool)
    {
        System.Text.StringBuilder b = writer.Start();
        if (pool) b.Append("new TextPool(");
        if (utf8)
        {
            // Past the user-string heap: one UTF-8 literal (data), which this file decodes.
            b.Append("TextSlice").Append(suffix).Append("));\n");
            members.Line($"private static string TextSlice{suffix}(int start, int length) => global::System.Text.Encoding.UTF8.GetString(TextData{suffix}.Slice(start, length));");
            members.Line();
            System.Text.StringBuilder u = members.Start().Append("private static global::System.ReadOnlySpan<byte> TextData").Append(suffix).Append(" => \"");
            foreach (string text in texts) SourceEscaping.AppendLiteralBody(u, text);
            u.Append("\"u8;\n");
            members.Line();
            return;
        }

        if (chunkEnds.Count == 1)
        {
            // A method, not an argument: the JIT loads a literal when it compiles the method that
            // holds it, and creating the catalog's facts reads no string.
            // Named as chunk 0 would be: Text_a_1 is chunk 1 of file a, never the text of file a_1.
            b.Append("Text").Append(suffix).Append(pool ? "_0));\n" : "_0);\n");
            System.Text.StringBuilder one = members.Start().Append("private static string Text").Append(suffix).Append("_0() => \"");
            foreach (string text in texts) SourceEscaping.AppendLiteralBody(one, text);
            one.Append("\";\n");
            members.Line();
            return;
        }
        // A few ints (one per 64 K characters of text): an initializer.
        int[] starts = TextStarts(texts, utf8);
        AppendInts(b, new[] { 0 }.Concat(chunkEnds.Take(chunkEnds.Count - 1).Select(end => starts[end])).ToArray()).Append(", TextChunk").Append(suffix).Append("));\n");
        // One method per chunk: the JIT loads every literal of a method when it compiles it.
        members.Line($"private static string TextChunk{suffix}(int chunk) => chunk switch");
        members.Line("{");
        for (int c = 0; c + 1 < chunkEnds.Count; c++)
        {
            members.Start().Append("    ").AppendInvariant(c).Append(" => Text").Append(suffix).Append('_').AppendInvariant(c).Append("(),\n");
        }
        members.Start().Append("    _ => Text").Append(suffix).Append('_').AppendInvariant(chunkEnds.Count - 1).Append("(),\n");
        members.Line("};");
        members.Line();
        int first = 0;
        for (int c = 0; c < chunkEnds.Count; c++)
        {
            System.Text.StringBuilder t = members.Start().Append("private static string Text").Append(suffix).Append('_').AppendInvariant(c).Append("() => \"");
            for (int i = first; i < chunkEnds[c]; i++) SourceEscaping.AppendLiteralBody(t, texts[i]);
            t.Append("\";\n");
            first = chunkEnds[c];
        }
        members.Line();
    }

    /// <summary>How the int tables are written.</summary>
    internal enum TableForm
    {
        /// <summary>Encoded string literals, decoded on first read; past a chunk, a chunk per method.</summary>
        Literal,

        /// <summary>One encoded UTF-8 literal per table (data), decoded whole on first read.</summary>
        Utf8,

        /// <summary>Array initializers: slow to compile, but they take no user-string heap and need no UTF-8.</summary>
        Initializer,
    }

    /// <summary>Ints per table chunk: the first access decodes (and loads the literal of) the chunks it reads.</summary>
    internal const int TableChunkLength = 4096;

    /// <summary>
    /// A <c>Table</c>, decoded when first read, a chunk at a time. Each chunk of a
    /// <paramref name="lazy"/> table is its own method (in <paramref name="members"/>), because
    /// the runtime loads every literal of a method when it compiles it: a literal argument of the
    /// field initializer would be loaded with every other file's at the first access to the
    /// catalog. Past the user-string heap, a table is one UTF-8 literal (data, loaded for free)
    /// decoded whole.
    /// </summary>
    private static System.Text.StringBuilder WriteTable(System.Text.StringBuilder b, IndentedWriter members, string name, string suffix, int[] values, TableForm form, bool lazy)
    {
        const string type = "Table";
        if (form == TableForm.Initializer) return AppendInts(b.Append("new ").Append(type).Append('('), values).Append(')');
        if (form == TableForm.Utf8)
        {
            b.Append("new ").Append(type).Append("(Decode(\"");
            DataEncoding.AppendInts(b, values, 0, values.Length);
            return b.Append("\"u8, ").AppendInvariant(values.Length).Append("))");
        }
        if (values.Length <= TableChunkLength && !lazy)
        {
            b.Append("new ").Append(type).Append('(').AppendInvariant(values.Length).Append(", \"");
            DataEncoding.AppendInts(b, values, 0, values.Length);
            return b.Append("\")");
        }
        if (values.Length <= TableChunkLength) return b.Append("new ").Append(type).Append('(').AppendInvariant(values.Length).Append(", ").Append(TableMethod(members, name, suffix, values)).Append(')');
        int chunks = (values.Length + TableChunkLength - 1) / TableChunkLength;
        // DataChunk_a(1) is Data_a_1(): the chunk's number last, after the file's name, so no
        // file's name (letters, digits and '_') makes another file's chunk.
        b.Append("new ").Append(type).Append('(').AppendInvariant(values.Length).Append(", ").AppendInvariant(TableChunkLength).Append(", ").Append(name).Append("Chunk").Append(suffix).Append(')');
        members.Line($"private static string {name}Chunk{suffix}(int chunk) => chunk switch");
        members.Line("{");
        for (int c = 0; c + 1 < chunks; c++) members.Start().Append("    ").AppendInvariant(c).Append(" => ").Append(name).Append(suffix).Append('_').AppendInvariant(c).Append("(),\n");
        members.Start().Append("    _ => ").Append(name).Append(suffix).Append('_').AppendInvariant(chunks - 1).Append("(),\n");
        members.Line("};");
        members.Line();
        for (int c = 0; c < chunks; c++)
        {
            System.Text.StringBuilder line = members.Start().Append("private static string ").Append(name).Append(suffix).Append('_').AppendInvariant(c).Append("() => \"");
            int start = c * TableChunkLength;
            DataEncoding.AppendInts(line, values, start, System.Math.Min(TableChunkLength, values.Length - start));
            line.Append("\";\n");
        }
        members.Line();
        return b;
    }

    /// <summary>A method that returns a table of one chunk as one literal, named as chunk 0 would be (see <see cref="WriteTable"/>); its name.</summary>
    private static string TableMethod(IndentedWriter members, string name, string suffix, int[] values)
    {
        string method = name + suffix + "_0";
        System.Text.StringBuilder line = members.Start().Append("private static string ").Append(method).Append("() => \"");
        DataEncoding.AppendInts(line, values, 0, values.Length);
        line.Append("\";\n");
        members.Line();
        return method;
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
        row[L.StateAliases] = table.TextList(state.Aliases);
        row[L.StateLabels] = table.Labels(state.Labels);
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
        row[L.ActorSource] = actor.Source;
        return row;
    }

    private static int[] EventRow(Table table, BoundEvent @event)
    {
        var row = new int[L.EventWidth];
        row[L.EventId] = table.Text(@event.Id);
        row[L.EventKind] = @event.Kind;
        row[L.EventSummary] = table.Text(@event.Summary);
        row[L.EventActors] = table.List(@event.Actors);
        row[L.EventStates] = table.List(@event.States);
        row[L.EventPlace] = Reference(@event.Place);
        row[L.EventReportedBy] = table.List(@event.ReportedBy);
        row[L.EventFollows] = table.List(@event.Follows);
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
