using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FactGen.Binding;
using FactGen.Helpers;
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
        Measure measure = MeasureParts(catalog);
        return Problem(measure.Texts, measure.TextLength, options);
    }

    /// <summary>What the parts' literals hold, measured as they are written: one pool per fact file.</summary>
    private sealed record Measure(List<string> Texts, long TextLength, long TableLength, long Utf8TableLength);

    private static Measure MeasureParts(BoundCatalog catalog)
    {
        int files = catalog.SourceFiles.Count;
        var tables = new Table[files];
        var values = new List<int>[files];
        for (int f = 0; f < files; f++)
        {
            tables[f] = new Table();
            values[f] = new List<int>(SourceRow(tables[f], catalog.Sources[f]));
        }
        foreach (BoundState state in catalog.States) values[state.Source].AddRange(StateRow(tables[state.Source], state));
        foreach (BoundActor actor in catalog.Actors) values[actor.Source].AddRange(ActorRow(tables[actor.Source], actor));
        foreach (BoundEvent @event in catalog.Events) values[@event.Source].AddRange(EventRow(tables[@event.Source], @event));
        var texts = new List<string>();
        long textLength = 0, tableLength = 0, utf8TableLength = 0;
        for (int f = 0; f < files; f++)
        {
            texts.AddRange(tables[f].Texts);
            textLength += tables[f].Texts.Sum(t => (long)t.Length);
            long ints = DataEncoding.Length(values[f].ToArray()) + DataEncoding.Length(tables[f].Lists.ToArray());
            tableLength += ints + DataEncoding.Length(TextStarts(tables[f].Texts, utf8: false));
            utf8TableLength += ints + DataEncoding.Length(TextStarts(tables[f].Texts, utf8: true));
        }
        // What the rows do not show: the imported ids, the kinds' names, each file's header and
        // imports, and the shell's orders, each at its most.
        long extraInts = 7L * (PerFileInts(catalog) + 2 * References(catalog));
        return new Measure(texts, textLength + ImportUpperBound(catalog) + KindNamesUpperBound(catalog), tableLength + extraInts, utf8TableLength + extraInts);
    }

    /// <summary>Ints each file's table holds besides its rows and lists (header, kind name lengths, one more text start, the empty list), and the shell's orders.</summary>
    private static long PerFileInts(BoundCatalog catalog)
        => catalog.SourceFiles.Count * (14L + catalog.StateKinds.Count + catalog.ActorKinds.Count + catalog.EventKinds.Count + (catalog.Composition?.Kinds.Count ?? 0))
            + catalog.States.Count + catalog.Actors.Count + catalog.Events.Count;

    /// <summary>The names of the kinds, which each file that uses them holds once.</summary>
    private static long KindNamesUpperBound(BoundCatalog catalog)
    {
        long names = catalog.StateKinds.Concat(catalog.ActorKinds).Concat(catalog.EventKinds).Sum(k => (long)k.Length);
        if (catalog.Composition is { } composition) names += composition.Kinds.Sum(k => (long)k.Name.Length);
        return catalog.SourceFiles.Count * names;
    }

    /// <summary>How many references the catalog's facts make (each may be an import of its file).</summary>
    private static long References(BoundCatalog catalog)
    {
        long references = 0;
        foreach (BoundState s in catalog.States) references += (s.Within >= 0 ? 1 : 0) + s.RecognizedBy.Count;
        foreach (BoundActor a in catalog.Actors) references += a.State >= 0 ? 1 : 0;
        foreach (BoundEvent e in catalog.Events) references += e.Actors.Count + e.States.Count + (e.Place >= 0 ? 1 : 0) + e.ReportedBy.Count + e.Follows.Count;
        return references;
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

    /// <summary>
    /// At least the length of the ids (and namespaces) that the parts repeat: each file holds the
    /// id of every fact of another file or catalog that its facts reference.
    /// </summary>
    private static long ImportUpperBound(BoundCatalog catalog)
    {
        long references = References(catalog);
        int longest = 0;
        foreach (BoundState s in catalog.States) longest = System.Math.Max(longest, s.Id.Length);
        foreach (BoundActor a in catalog.Actors) longest = System.Math.Max(longest, a.Id.Length);
        foreach (BoundEvent e in catalog.Events) longest = System.Math.Max(longest, e.Id.Length);
        if (catalog.Composition is { } composition)
        {
            foreach (BoundImport import in composition.Imports) longest = System.Math.Max(longest, import.Id.Length);
            foreach (string upstream in composition.UpstreamNamespaces) longest += upstream.Length;
        }
        return references * longest;
    }

    /// <summary>At least the length of every text the table would hold.</summary>
    private static long TextUpperBound(BoundCatalog catalog)
    {
        long length = ImportUpperBound(catalog) + KindNamesUpperBound(catalog);
        static long Of(string? text) => text?.Length ?? 0;
        static long Labels(EquatableArray<BoundLabel> labels) => labels.Sum(l => Of(l.Language) + Of(l.Text));
        static long Aliases(EquatableArray<string> aliases) => aliases.Sum(a => (long)a.Length);
        foreach (BoundSource s in catalog.Sources) length += Of(s.Outlet) + Of(s.Title) + Of(s.Language) + Of(s.Url);
        foreach (BoundState s in catalog.States) length += Of(s.Id) + Of(s.Name) + Of(s.OfficialName) + Of(s.Capital) + Aliases(s.Aliases) + Labels(s.Labels);
        foreach (BoundActor a in catalog.Actors) length += Of(a.Id) + Of(a.Name) + Of(a.Role) + Aliases(a.Aliases) + Labels(a.Labels);
        foreach (BoundEvent e in catalog.Events) length += Of(e.Id) + Of(e.Summary) + Of(e.Retraction) + Of(e.Note);
        return length;
    }

    /// <summary>At least the number of ints the rows and lists would hold.</summary>
    private static long IntUpperBound(BoundCatalog catalog)
    {
        static long List<T>(EquatableArray<T> items) where T : System.IEquatable<T> => items.IsEmpty ? 0 : 1 + items.Count;
        long ints = catalog.Sources.Count * (long)L.SourceWidth;
        foreach (BoundState s in catalog.States) ints += L.StateWidth + List(s.RecognizedBy) + List(s.Aliases) + 2 * List(s.Labels);
        foreach (BoundActor a in catalog.Actors) ints += L.ActorWidth + List(a.Aliases) + 2 * List(a.Labels);
        foreach (BoundEvent e in catalog.Events) ints += L.EventWidth + List(e.Actors) + List(e.States) + List(e.ReportedBy) + List(e.Follows);
        // Each text's start too: at most one per int or per source, state and event text column;
        // and what each file's table holds besides (header, imports) and the shell's orders.
        return 2 * ints + catalog.Sources.Count * 4L + catalog.States.Count * 4L + catalog.Actors.Count * 3L + catalog.Events.Count * 4L
            + PerFileInts(catalog) + 2 * References(catalog);
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

    /// <summary>
    /// How every part of the catalog writes its text and tables, decided for the whole catalog:
    /// the parts share the assembly's user-string heap. Only a catalog whose text might not fit
    /// is measured exactly, so this is cheap where it matters; it changes only when the catalog
    /// crosses a limit, so an edit below it re-emits no other file.
    /// </summary>
    public static TableForms Forms(BoundCatalog catalog, GeneratorOptions options, long maxLiteralTextLength = MaxLiteralTextLength)
    {
        // Every int of the tables takes at most 7 characters (5 bits each).
        if (TextUpperBound(catalog) + 7 * IntUpperBound(catalog) <= maxLiteralTextLength) return TableForms.Literals;
        Measure measure = MeasureParts(catalog);
        long textLength = measure.TextLength, tableLength = measure.TableLength;
        if (textLength + tableLength <= maxLiteralTextLength) return TableForms.Literals;
        if (!options.CanUseUtf8Text) return new TableForms(TextUtf8: false, Tables: TableForm.Initializer);
        if (textLength > maxLiteralTextLength)
        {
            return new TableForms(TextUtf8: true, Tables: measure.Utf8TableLength > maxLiteralTextLength ? TableForm.Utf8 : TableForm.Literal);
        }
        return new TableForms(TextUtf8: false, Tables: TableForm.Utf8);
    }

    /// <summary>
    /// Writes the data class of one fact file: its text, lists and rows handed to the catalog's
    /// shared <c>FactCatalogData.Storage</c> (the code that reads them is in FactGen.Catalog.g.cs,
    /// so the JIT compiles it once for the catalog, not once per file), and what its references to
    /// other files' and catalogs' facts are (fetched on first use).
    /// </summary>
    public static void WritePart(IndentedWriter writer, BoundPart part, GeneratorOptions options, TableForms forms)
    {
        BoundCatalog facts = part.Facts;
        var table = new Table();
        var sourceRows = facts.Sources.Select((s, i) => ("source-" + i.ToString(CultureInfo.InvariantCulture), SourceRow(table, s))).ToList();
        var stateRows = facts.States.Select(s => (s.Id, Row: StateRow(table, s))).ToList();
        var actorRows = facts.Actors.Select(a => (a.Id, Row: ActorRow(table, a))).ToList();
        var eventRows = facts.Events.Select(e => (e.Id, Row: EventRow(table, e))).ToList();

        // The fact types: this catalog's own, or those of the root catalog it builds on.
        string t = "global::" + (part.TypesNamespace ?? options.Namespace);
        // One int table per file (see FactCatalogData.Layout in the template): the header, the
        // kinds' names, where each string starts, the lists, the rows and the imported facts.
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
        int[] data = header.Concat(stateKinds.Concat(actorKinds).Concat(eventKinds).Select(k => k.Length))
            .Concat(TextStarts(table.Texts, forms.TextUtf8))
            .Concat(table.Lists)
            .Concat(Flatten(sourceRows, L.SourceWidth))
            .Concat(Flatten(stateRows, L.StateWidth))
            .Concat(Flatten(actorRows, L.ActorWidth))
            .Concat(Flatten(eventRows, L.EventWidth))
            .Concat(imports)
            .ToArray();

        // One class for the whole catalog, its parts spread over the files: the runtime loads one
        // type and the JIT compiles one static constructor, not one of each per fact file, and
        // each file adds to it a few instructions and its literals.
        writer.Open("internal static partial class FactCatalogData");

        // Only a file with more data than one chunk has methods of its own (loaded when first
        // read); the rest are arguments of one field initializer.
        string suffix = part.FieldName.Substring("Part".Length);
        var members = new IndentedWriter();
        writer.Line("/// <summary>The data of one fact file: an int table (its counts, kinds, lists and one row per fact) and a string pool, decoded on first use.</summary>");
        writer.Line($"internal static readonly {t}.FactCatalogStorage {part.FieldName} = new Storage(");
        writer.Indent();
        WriteTable(writer.Start(), members, "Data", suffix, data, forms.Tables).Append(",\n");
        SourceEscaping.AppendLiteral(writer.Start(), string.Concat(stateKinds.Concat(actorKinds).Concat(eventKinds))).Append(",\n");
        WriteText(writer, members, suffix, table.Texts, forms.TextUtf8);
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

    /// <summary>The <c>TextPool</c>, the last argument (one line) and, where the text needs them, the members it calls; where each string starts is in the int table.</summary>
    private static void WriteText(IndentedWriter writer, IndentedWriter members, string suffix, List<string> texts, bool utf8)
    {
        int[] starts = TextStarts(texts, utf8);
        System.Text.StringBuilder b = writer.Start().Append("new TextPool(");
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
        if (chunkEnds.Count == 1)
        {
            // A method, not an argument: the JIT loads a literal when it compiles the method that
            // holds it, and creating the catalog's facts reads no string.
            // Named as chunk 0 would be: Text_a_1 is chunk 1 of file a, never the text of file a_1.
            b.Append("Text").Append(suffix).Append("_0));\n");
            System.Text.StringBuilder one = members.Start().Append("private static string Text").Append(suffix).Append("_0() => \"");
            foreach (string text in texts) SourceEscaping.AppendLiteralBody(one, text);
            one.Append("\";\n");
            members.Line();
            return;
        }
        // A few ints (one per 64 K characters of text): an initializer.
        AppendInts(b, chunkStarts.ToArray()).Append(", TextChunk").Append(suffix).Append("));\n");
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
    /// A <c>Table</c>, decoded when first read, a chunk at a time: a table of one chunk is a
    /// literal argument; each chunk of a larger one is its own method (in <paramref name="members"/>),
    /// because the runtime loads every literal of a method when it compiles it. Past the
    /// user-string heap, a table is one UTF-8 literal (data, loaded for free) decoded whole.
    /// </summary>
    private static System.Text.StringBuilder WriteTable(System.Text.StringBuilder b, IndentedWriter members, string name, string suffix, int[] values, TableForm form)
    {
        const string type = "Table";
        if (form == TableForm.Initializer) return AppendInts(b.Append("new ").Append(type).Append('('), values).Append(')');
        if (form == TableForm.Utf8)
        {
            b.Append("new ").Append(type).Append("(Decode(\"");
            DataEncoding.AppendInts(b, values, 0, values.Length);
            return b.Append("\"u8, ").AppendInvariant(values.Length).Append("))");
        }
        if (values.Length <= TableChunkLength)
        {
            b.Append("new ").Append(type).Append('(').AppendInvariant(values.Length).Append(", \"");
            DataEncoding.AppendInts(b, values, 0, values.Length);
            return b.Append("\")");
        }
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
