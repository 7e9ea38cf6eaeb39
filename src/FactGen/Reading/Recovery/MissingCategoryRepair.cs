using System;
using System.Collections.Generic;
using System.Linq;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;

namespace FactGen.Reading.Recovery;

/// <summary>
/// A tree repair for a top-level line that went missing (<c>events:</c> deleted), which puts the
/// facts below it in the block above: events under <c>actors:</c>, or states in the source. Where
/// the file lacks a category and the facts of a block have, from one fact on, the keys that only
/// that category has, the block is cut there: what comes before keeps its place, and those facts
/// are read as that category, with one error (FG0002) that says which line to add, instead of an
/// error for every key and every reference.
/// </summary>
internal sealed class MissingCategoryRepair
{
    private static readonly TopLevelKeys TopLevel = FactKeys.TopLevel;

    /// <summary>
    /// Per top-level slot, the keys that only that category's facts have (none for the source):
    /// what tells a misplaced fact's category.
    /// </summary>
    private static readonly string[][] s_exclusiveKeys = ExclusiveKeysOfEachCategory();

    /// <summary>Per top-level slot, whether the file has that key (or a block already read as it).</summary>
    private readonly bool[] _present;
    private readonly FactFileLocations _locations;
    private readonly DiagnosticSink _diagnostics;

    private MissingCategoryRepair(bool[] present, FactFileLocations locations, DiagnosticSink diagnostics)
    {
        _present = present;
        _locations = locations;
        _diagnostics = diagnostics;
    }

    /// <summary>The repair for a file with these top-level slots, or null where it has every category (nothing is misplaced).</summary>
    public static MissingCategoryRepair? For(IEnumerable<int> blocks, FactFileLocations locations, DiagnosticSink diagnostics)
    {
        var present = new bool[TopLevel.Count];
        foreach (int block in blocks) present[block] = true;
        return FirstMissingCategory(present) < 0 ? null : new MissingCategoryRepair(present, locations, diagnostics);
    }

    /// <summary>
    /// The top-level block <paramref name="value"/> (of the slot <paramref name="block"/>) cut where
    /// its facts start to belong to a category the file lacks: the entries it keeps, and the ones
    /// read as that category (its slot). Null where nothing in it is misplaced.
    /// </summary>
    public (RawMapping Kept, RawMapping Moved, int Category)? Split(RawNode value, int block)
    {
        if (value is not RawMapping { IsIncomplete: false } mapping || block == TopLevel.ReportsSlot) return null;
        bool inSource = !TopLevel.IsCategory(block);
        int from = -1, category = -1;
        for (int i = 0; i < mapping.Entries.Count && from < 0; i++)
        {
            KeyValuePair<RawNode, RawNode> fact = mapping.Entries[i];
            if (fact.Key is not ScalarSyntax { IsNull: false } id) continue;
            if (inSource && FactKeys.Source.SlotOf(id.Value) >= 0) continue;
            if (fact.Value is not RawMapping fields || (!inSource && FitsCategory(fields, block))) continue;
            // The first fact that the block's own category cannot hold: which category can?
            category = CategoryOf(fields);
            if (inSource && category < 0) category = FirstMissingCategory(_present);
            if (category >= 0 && category != block && !_present[category]) from = i;
        }
        if (from < 0 || !RestFits(mapping, from, category)) return null;

        ScalarSyntax first = (ScalarSyntax)mapping.Entries[from].Key;
        var kept = new RawMapping(mapping.Start, first.Start) { IsIncomplete = mapping.IsIncomplete };
        kept.Entries.AddRange(mapping.Entries.GetRange(0, from));
        var moved = new RawMapping(first.Start, mapping.End);
        moved.Entries.AddRange(mapping.Entries.GetRange(from, mapping.Entries.Count - from));
        string singular = MessageText.WithArticle(TopLevel.FieldsOf(category).Singular);
        string categoryKey = TopLevel.Names[category];
        string where = inSource ? "the source" : $"'{TopLevel.Names[block]}:'";
        _diagnostics.Report(DiagnosticInfo.Create(
            DiagnosticDescriptors.WrongShape,
            _locations.Span(first.Start, first.End),
            MessageText.Quote(first.Value),
            $"under '{categoryKey}:', as it has the keys of {singular}",
            $"in {where}; it and the {moved.Entries.Count - 1} entries below it are read as {categoryKey}, but the file has no '{categoryKey}:' line: add it above this one"));
        _present[category] = true;
        return (kept, moved, category);
    }

    private static string[][] ExclusiveKeysOfEachCategory()
    {
        var result = new string[TopLevel.Count][];
        for (int slot = 0; slot < TopLevel.Count; slot++)
        {
            if (!TopLevel.IsCategory(slot))
            {
                result[slot] = Array.Empty<string>();
                continue;
            }
            KeyTable own = TopLevel.FieldsOf(slot);
            result[slot] = own.Names
                .Where(name => FactKeys.Categories.All(other => other == own || other.SlotOf(name) < 0))
                .ToArray();
        }
        return result;
    }

    /// <summary>The slot of the first category the file has no key for, or -1.</summary>
    private static int FirstMissingCategory(bool[] present)
    {
        for (int slot = 0; slot < present.Length; slot++)
        {
            if (TopLevel.IsCategory(slot) && !present[slot]) return slot;
        }
        return -1;
    }

    /// <summary>
    /// A line such as <c>events:</c> went missing only if every entry from the first misplaced
    /// fact to the end of the block is a fact of the other category: all its keys are that
    /// category's, and a fact alone shows at least two keys only that category has. One stray
    /// key in a state is an unknown key (FG0004), not a missing line.
    /// </summary>
    private static bool RestFits(RawMapping mapping, int from, int category)
    {
        int exclusive = 0;
        for (int i = from; i < mapping.Entries.Count; i++)
        {
            if (mapping.Entries[i].Value is not RawMapping fields || !FitsCategory(fields, category)) return false;
            foreach (KeyValuePair<RawNode, RawNode> field in fields.Entries)
            {
                if (field.Key is ScalarSyntax key && Array.IndexOf(s_exclusiveKeys[category], key.Value) >= 0) exclusive++;
            }
        }
        return mapping.Entries.Count - from > 1 || exclusive >= 2;
    }

    /// <summary>Every key of the fact is a key of the category.</summary>
    private static bool FitsCategory(RawMapping fields, int category)
    {
        KeyTable keys = TopLevel.FieldsOf(category);
        foreach (KeyValuePair<RawNode, RawNode> field in fields.Entries)
        {
            if (field.Key is not ScalarSyntax key || keys.SlotOf(key.Value) < 0) return false;
        }
        return true;
    }

    /// <summary>The slot of the one category whose keys alone the fact has, or -1 (none, or more than one).</summary>
    private static int CategoryOf(RawMapping fields)
    {
        int found = -1;
        for (int slot = 0; slot < TopLevel.Count; slot++)
        {
            if (!TopLevel.IsCategory(slot) || !HasAnyOf(fields, s_exclusiveKeys[slot])) continue;
            if (found >= 0) return -1;
            found = slot;
        }
        return found;
    }

    private static bool HasAnyOf(RawMapping fields, string[] names)
    {
        foreach (KeyValuePair<RawNode, RawNode> field in fields.Entries)
        {
            if (field.Key is ScalarSyntax key && Array.IndexOf(names, key.Value) >= 0) return true;
        }
        return false;
    }
}
