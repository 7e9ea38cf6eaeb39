using System;
using System.Collections.Generic;
using FactGen.Helpers;
using FactGen.Models;

namespace FactGen.Reading;

/// <summary>
/// Every key a fact file knows, one table per mapping: the file itself, its source, and a fact of
/// each category. Everything that depends on the set of keys (the reader's slots, unknown-key
/// suggestions, which keys tell a category apart, required-key checks, references to collect,
/// what counts as an empty fact) is derived from these tables, so a key is added in one line here,
/// plus where its value is read and bound. The order of a table is the order of its slots and has
/// no other meaning; a test checks the tables against the JSON Schema.
/// </summary>
internal static class FactKeys
{
    public static readonly KeyTable<SourceSyntax> Source = new("source", "source",
        Key<SourceSyntax>.Value("outlet", s => s.Outlet, required: true),
        Key<SourceSyntax>.Value("title", s => s.Title, prose: true),
        Key<SourceSyntax>.Value("published", s => s.Published),
        Key<SourceSyntax>.Value("language", s => s.Language),
        Key<SourceSyntax>.Value("url", s => s.Url));

    public static readonly KeyTable<StateSyntax> State = new(CategoryInfo.State,
        Key<StateSyntax>.Value("name", s => s.Name, required: true),
        Key<StateSyntax>.Value("official_name", s => s.OfficialName),
        Key<StateSyntax>.Value("kind", s => s.Kind, required: true),
        Key<StateSyntax>.Value("capital", s => s.Capital),
        Key<StateSyntax>.Value("within", s => s.Within, references: FactCategory.State),
        Key<StateSyntax>.List("recognized_by", s => s.RecognizedBy, references: FactCategory.State),
        Key<StateSyntax>.List("aliases", s => s.Aliases),
        Key<StateSyntax>.Labels("labels", s => s.Labels));

    public static readonly KeyTable<ActorSyntax> Actor = new(CategoryInfo.Actor,
        Key<ActorSyntax>.Value("name", a => a.Name, required: true),
        Key<ActorSyntax>.Value("kind", a => a.Kind, required: true),
        Key<ActorSyntax>.Value("role", a => a.Role),
        Key<ActorSyntax>.Value("state", a => a.State, references: FactCategory.State),
        Key<ActorSyntax>.List("aliases", a => a.Aliases),
        Key<ActorSyntax>.Labels("labels", a => a.Labels));

    public static readonly KeyTable<EventSyntax> Event = new(CategoryInfo.Event,
        Key<EventSyntax>.Value("date", e => e.Date, required: true),
        Key<EventSyntax>.Value("kind", e => e.Kind, required: true),
        Key<EventSyntax>.Value("summary", e => e.Summary, required: true, prose: true),
        Key<EventSyntax>.List("actors", e => e.Actors, references: FactCategory.Actor),
        Key<EventSyntax>.List("states", e => e.States, references: FactCategory.State),
        Key<EventSyntax>.Value("place", e => e.Place, references: FactCategory.State),
        Key<EventSyntax>.List("reported_by", e => e.ReportedBy, references: FactCategory.Actor),
        Key<EventSyntax>.List("follows", e => e.Follows, references: FactCategory.Event),
        Key<EventSyntax>.Value("status", e => e.Status),
        Key<EventSyntax>.Value("retraction", e => e.Retraction, prose: true),
        Key<EventSyntax>.Value("note", e => e.Note, prose: true));

    /// <summary>
    /// The keys of a report on a fact of each category (an entry of the <c>reports</c> block): the
    /// category's keys, none required, then <c>stance</c> and <c>preferred</c>.
    /// </summary>
    public static readonly KeyTable<ReportSyntax> StateReport = ReportTable(State, static r => r.State);

    public static readonly KeyTable<ReportSyntax> ActorReport = ReportTable(Actor, static r => r.Actor);

    public static readonly KeyTable<ReportSyntax> EventReport = ReportTable(Event, static r => r.Event);

    /// <summary>The keys of the <c>reports</c> block: one per category, each a mapping from a reported id to a report.</summary>
    public static readonly ReportBlockKeys Reports = new(StateReport, ActorReport, EventReport);

    /// <summary>The keys at the top of a file: the source block, one per category of facts, then the reports.</summary>
    public static readonly TopLevelKeys TopLevel = new(Source, Reports, State, Actor, Event);

    /// <summary>The values a report's <c>stance</c> takes; the first is the default.</summary>
    public static readonly string[] Stances = { "reports", "disputes" };

    /// <summary>The report table of a category.</summary>
    public static KeyTable<ReportSyntax> ReportOn(FactCategory category)
        => category switch { FactCategory.State => StateReport, FactCategory.Actor => ActorReport, _ => EventReport };

    private static KeyTable<ReportSyntax> ReportTable<T>(KeyTable<T> facts, Func<ReportSyntax, T?> fact)
        where T : class
    {
        var keys = new List<Key<ReportSyntax>>();
        foreach (Key<T> key in facts.Typed) keys.Add(key.InReport(fact));
        keys.Add(Key<ReportSyntax>.Value("stance", static r => r.Stance));
        keys.Add(Key<ReportSyntax>.List("preferred", static r => r.Preferred));
        CategoryInfo category = facts.Category!;
        return new KeyTable<ReportSyntax>(category.Key, "report on " + category.Singular, category, keys.ToArray());
    }

    /// <summary>The fact tables, in the order of their keys at the top level.</summary>
    public static readonly IReadOnlyList<KeyTable> Categories = new KeyTable[] { State, Actor, Event };
}

/// <summary>How a key's value is written.</summary>
internal enum KeyShape
{
    /// <summary>A single value: <c>name: Russia</c>.</summary>
    Value,

    /// <summary>A list of values: <c>aliases: [a, b]</c>.</summary>
    List,

    /// <summary>A mapping from language tag to name: <c>labels: { id: Rusia }</c>.</summary>
    Labels,

    /// <summary>A mapping of its own keys (the <c>source</c> block).</summary>
    Block,

    /// <summary>A mapping from id to a fact's keys (<c>states</c>, <c>actors</c>, <c>events</c>).</summary>
    Facts,

    /// <summary>The <c>reports</c> block: a mapping from category to a mapping from reported id to a report.</summary>
    Reports,
}

/// <summary>One key of a mapping. Its slot is its position in its table, set by the table.</summary>
internal class KeyInfo
{
    public KeyInfo(string name, KeyShape shape, bool required, FactCategory? references, KeyTable? fields)
    {
        Name = name;
        Shape = shape;
        IsRequired = required;
        References = references;
        Fields = fields;
    }

    public string Name { get; }

    /// <summary>The value is prose: a comment that cuts it short on its line is warned about (FG0015).</summary>
    public bool IsProse { get; protected init; }

    public KeyShape Shape { get; }

    /// <summary>The file, its source or a fact is incomplete without it (FG0003).</summary>
    public bool IsRequired { get; }

    /// <summary>For a key whose values are ids: the category they name.</summary>
    public FactCategory? References { get; }

    /// <summary>For <see cref="KeyShape.Block"/> and <see cref="KeyShape.Facts"/>: the keys inside.</summary>
    public KeyTable? Fields { get; }

    public int Slot { get; internal set; } = -1;

    public override string ToString() => Name;
}

/// <summary>A key of a fact or of the source, with how to get its value back from the syntax model.</summary>
internal sealed class Key<T> : KeyInfo
{
    private readonly Func<T, ScalarSyntax?>? _value;
    private readonly Func<T, EquatableArray<ScalarSyntax>>? _list;
    private readonly Func<T, EquatableArray<LabelSyntax>>? _labels;

    private Key(string name, KeyShape shape, bool required, FactCategory? references, Func<T, ScalarSyntax?>? value, Func<T, EquatableArray<ScalarSyntax>>? list, Func<T, EquatableArray<LabelSyntax>>? labels)
        : base(name, shape, required, references, fields: null)
    {
        _value = value;
        _list = list;
        _labels = labels;
    }

    /// <param name="prose">The value is sentences in the curator's words, where a <c> #</c> is more likely text than a comment (FG0015).</param>
    public static Key<T> Value(string name, Func<T, ScalarSyntax?> value, bool required = false, FactCategory? references = null, bool prose = false)
        => new(name, KeyShape.Value, required, references, value, null, null) { IsProse = prose };

    public static Key<T> List(string name, Func<T, EquatableArray<ScalarSyntax>> list, FactCategory? references = null)
        => new(name, KeyShape.List, required: false, references, null, list, null);

    public static Key<T> Labels(string name, Func<T, EquatableArray<LabelSyntax>> labels)
        => new(name, KeyShape.Labels, required: false, references: null, null, null, labels);

    /// <summary>
    /// The same key in a report on a fact of the category: never required (a report says only
    /// what its source says), read from the report's fact syntax.
    /// </summary>
    public Key<ReportSyntax> InReport(Func<ReportSyntax, T?> fact)
    {
        Func<T, ScalarSyntax?>? value = _value;
        Func<T, EquatableArray<ScalarSyntax>>? list = _list;
        Func<T, EquatableArray<LabelSyntax>>? labels = _labels;
        return new Key<ReportSyntax>(
            Name,
            Shape,
            required: false,
            References,
            value is null ? null : r => fact(r) is { } f ? value(f) : null,
            list is null ? null : r => fact(r) is { } f ? list(f) : EquatableArray<ScalarSyntax>.Empty,
            labels is null ? null : r => fact(r) is { } f ? labels(f) : EquatableArray<LabelSyntax>.Empty)
        { IsProse = IsProse };
    }

    /// <summary>The single value, for a <see cref="KeyShape.Value"/> key; null if not written.</summary>
    public ScalarSyntax? ValueOf(T syntax) => _value?.Invoke(syntax);

    /// <summary>The ids or texts of a key: one for a single value, the items of a list.</summary>
    public EquatableArray<ScalarSyntax> ValuesOf(T syntax)
        => _list is not null ? _list(syntax)
         : _value?.Invoke(syntax) is { } one ? new EquatableArray<ScalarSyntax>(new[] { one })
         : EquatableArray<ScalarSyntax>.Empty;

    /// <summary>Nothing was read for the key (not written, empty, or an empty list or mapping).</summary>
    public bool IsAbsent(T syntax)
        => Shape switch
        {
            KeyShape.Value => _value!(syntax) is null,
            KeyShape.List => _list!(syntax).IsEmpty,
            _ => _labels!(syntax).IsEmpty,
        };
}

/// <summary>The keys of one mapping, in slot order.</summary>
internal class KeyTable
{
    private readonly KeyInfo[] _keys;

    protected KeyTable(string key, string singular, CategoryInfo? category, KeyInfo[] keys)
    {
        Key = key;
        Singular = singular;
        Category = category;
        _keys = keys;
        Names = new string[keys.Length];
        for (int slot = 0; slot < keys.Length; slot++)
        {
            if (Array.IndexOf(Names, keys[slot].Name, 0, slot) >= 0) throw new InvalidOperationException($"The key '{keys[slot].Name}' is in the {singular} table twice.");
            if (keys[slot].Slot >= 0) throw new InvalidOperationException($"The key '{keys[slot].Name}' is in two tables.");
            keys[slot].Slot = slot;
            Names[slot] = keys[slot].Name;
        }
    }

    /// <summary>The key the mapping is under at the top of the file: <c>source</c>, <c>states</c>, ...</summary>
    public string Key { get; }

    /// <summary>What one mapping of the table is called in messages: <c>source</c>, <c>state</c>, ...</summary>
    public string Singular { get; }

    /// <summary>The category whose facts the table describes; null for the source and the file.</summary>
    public CategoryInfo? Category { get; }

    /// <summary>The key names in slot order: for lookups and "did you mean".</summary>
    public string[] Names { get; }

    public int Count => _keys.Length;

    public IReadOnlyList<KeyInfo> Keys => _keys;

    /// <summary>The slot of a key, or -1 for a key the table does not have.</summary>
    public int SlotOf(string name) => Array.IndexOf(Names, name);

    /// <summary>The key by name; a name the table lacks is a bug in the caller.</summary>
    public KeyInfo this[string name]
        => SlotOf(name) is >= 0 and var slot ? _keys[slot] : throw new ArgumentException($"The {Singular} table has no key '{name}'.", nameof(name));

    public override string ToString() => Key;
}

/// <summary>The keys of a fact or the source, each able to read its value back from the syntax model.</summary>
internal sealed class KeyTable<T> : KeyTable
{
    private readonly Key<T>[] _typed;

    /// <summary>The keys of a mapping that is no fact (the source).</summary>
    public KeyTable(string key, string singular, params Key<T>[] keys)
        : this(key, singular, null, keys)
    {
    }

    /// <summary>The keys of a fact of the category.</summary>
    public KeyTable(CategoryInfo category, params Key<T>[] keys)
        : this(category.Key, category.Singular, category, keys)
    {
    }

    /// <summary>The keys of a mapping about a fact of the category under a name of its own (a report), or of no category.</summary>
    public KeyTable(string key, string singular, CategoryInfo? category, Key<T>[] keys)
        : base(key, singular, category, keys)
    {
        _typed = keys;
        var required = new List<Key<T>>();
        var references = new List<Key<T>>();
        foreach (Key<T> k in keys)
        {
            if (k.IsRequired) required.Add(k);
            if (k.References is not null) references.Add(k);
        }
        Required = required.ToArray();
        References = references.ToArray();
    }

    public IReadOnlyList<Key<T>> Typed => _typed;

    /// <summary>The keys without which the mapping is incomplete (FG0003), in slot order.</summary>
    public IReadOnlyList<Key<T>> Required { get; }

    /// <summary>The keys whose values are ids of other facts, in slot order.</summary>
    public IReadOnlyList<Key<T>> References { get; }

    public new Key<T> this[string name] => (Key<T>)base[name];

    /// <summary>Nothing was read for any key: an id alone on its line, or a bare <c>source:</c>.</summary>
    public bool IsEmpty(T syntax)
    {
        foreach (Key<T> key in _typed)
        {
            if (!key.IsAbsent(syntax)) return false;
        }
        return true;
    }
}

/// <summary>
/// The keys at the top of a fact file: <c>source</c> and one key per category of facts, in that
/// order. The slot of a category is what the reader calls the category.
/// </summary>
internal sealed class TopLevelKeys : KeyTable
{
    // The file's mapping is under no key: its "key" is what messages call it.
    public TopLevelKeys(KeyTable source, ReportBlockKeys reports, params KeyTable[] categories)
        : base("the fact file", "fact file", category: null, Build(source, reports, categories))
    {
        SourceSlot = this[source.Key].Slot;
        ReportsSlot = this[reports.Key].Slot;
    }

    public int SourceSlot { get; }

    /// <summary>The slot of the <c>reports</c> block.</summary>
    public int ReportsSlot { get; }

    /// <summary>Whether the slot is a category of facts (not the source).</summary>
    public bool IsCategory(int slot) => slot >= 0 && slot < Count && Keys[slot].Shape == KeyShape.Facts;

    /// <summary>The keys of a fact of the category at the slot.</summary>
    public KeyTable FieldsOf(int slot) => Keys[slot].Fields!;

    private static KeyInfo[] Build(KeyTable source, ReportBlockKeys reports, KeyTable[] categories)
    {
        var keys = new KeyInfo[2 + categories.Length];
        keys[0] = new KeyInfo(source.Key, KeyShape.Block, required: true, references: null, source);
        for (int i = 0; i < categories.Length; i++) keys[1 + i] = new KeyInfo(categories[i].Key, KeyShape.Facts, required: false, references: null, categories[i]);
        // Last: where recovery looks for a missing category's key, it takes the first it lacks.
        keys[1 + categories.Length] = new KeyInfo(reports.Key, KeyShape.Reports, required: false, references: null, reports);
        return keys;
    }
}

/// <summary>
/// The keys of the <c>reports</c> block: one per category (<c>states</c>, <c>actors</c>,
/// <c>events</c>), each a mapping from the id of a fact declared elsewhere to a report on it.
/// </summary>
internal sealed class ReportBlockKeys : KeyTable
{
    public ReportBlockKeys(params KeyTable[] reportTables)
        : base("reports", "reports", category: null, Build(reportTables))
    {
    }

    /// <summary>The report table of the category at the slot.</summary>
    public KeyTable FieldsOf(int slot) => Keys[slot].Fields!;

    /// <summary>The category at the slot (the block's keys are in the order of the categories).</summary>
    public FactCategory CategoryOf(int slot) => Keys[slot].Fields!.Category!.Category;

    private static KeyInfo[] Build(KeyTable[] reportTables)
    {
        var keys = new KeyInfo[reportTables.Length];
        for (int i = 0; i < reportTables.Length; i++) keys[i] = new KeyInfo(reportTables[i].Key, KeyShape.Facts, required: false, references: null, reportTables[i]);
        return keys;
    }
}
