using System;
using System.Collections.Generic;
using System.Linq;

namespace FactGen.Reading.Recovery;

/// <summary>
/// Tree repairs for a fact's id line that went missing, which leaves its keys where a fact's id
/// should be, or among the keys of the fact above. Each repair finds those keys and sets them apart
/// as a mapping marked <see cref="RawMapping.IsOrphan"/>; the reader reads them quietly as a fact
/// whose id is missing, and the binder reports the missing line once and declares the keys under
/// the id they must have had. What the fact above holds is kept as it is. (Line-based recovery
/// finds the same mistake where the parser fails: <see cref="YamlRecovery"/>.)
/// </summary>
internal sealed class MissingIdRepair
{
    /// <summary>One flag per known key, reused from fact to fact: <see cref="SplitAtRepeatedKeys"/> runs for every fact.</summary>
    private readonly bool[] _seen = new bool[FactKeys.Categories.Concat(FactKeys.Reports.Keys.Select(static k => k.Fields!)).Max(static c => c.Count)];

    /// <summary>
    /// A category whose every entry is a key of the category with a value that is no mapping
    /// (<c>states:</c> over <c>name: ...</c> and <c>kind: ...</c>): the keys of one fact whose id
    /// line is missing, not facts.
    /// </summary>
    public static bool IsKeysOfOneFact(RawMapping mapping, string[] known)
    {
        if (mapping.Entries.Count == 0 || mapping.IsIncomplete) return false;
        foreach (KeyValuePair<RawNode, RawNode> entry in mapping.Entries)
        {
            if (entry.Key is not ScalarSyntax { IsNull: false } key || Array.IndexOf(known, key.Value) < 0 || entry.Value is RawMapping) return false;
        }
        return true;
    }

    /// <summary>
    /// Where at least two keys of a fact repeat, from the first repeated key on: the fact's own
    /// keys, and the keys of the next fact, whose id line is missing. A single repeated key is
    /// only a repeated line (FG0001, which the reader reports); then null.
    /// </summary>
    public (RawMapping Own, RawMapping Lost)? SplitAtRepeatedKeys(RawMapping fields, string[] known)
    {
        bool[] seen = _seen;
        Array.Clear(seen, 0, seen.Length);
        int first = -1, repeats = 0;
        for (int e = 0; e < fields.Entries.Count; e++)
        {
            if (fields.Entries[e].Key is not ScalarSyntax { IsNull: false } key) continue;
            int slot = Array.IndexOf(known, key.Value);
            if (slot < 0) continue;
            if (!seen[slot])
            {
                seen[slot] = true;
                continue;
            }
            if (first < 0) first = e;
            repeats++;
        }
        if (repeats < 2) return null;
        RawNode firstKey = fields.Entries[first].Key;
        var own = new RawMapping(fields.Start, firstKey.Start);
        own.Entries.AddRange(fields.Entries.GetRange(0, first));
        var lost = new RawMapping(firstKey.Start, fields.End) { IsOrphan = true };
        lost.Entries.AddRange(fields.Entries.GetRange(first, fields.Entries.Count - first));
        return (own, lost);
    }
}
