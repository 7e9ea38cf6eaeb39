using System;
using System.Collections.Generic;
using System.Linq;

namespace FactGen.Models;

/// <summary>The three kinds of fact: what a reference can point at, and a generated class each.</summary>
internal enum FactCategory
{
    State,
    Actor,
    Event,
}

/// <summary>
/// A category of facts, defined once: its key in a fact file, what messages call one of its
/// facts, and the names the generated code gives it. The reader's key tables
/// (<see cref="Reading.FactKeys"/>), the binder, the emitters, the analyzer and the manifest loop
/// over <see cref="All"/> instead of spelling the categories out.
/// </summary>
internal sealed class CategoryInfo
{
    /// <summary>Names every generated catalog class has (from <see cref="object"/>), which no fact may take.</summary>
    private static readonly string[] s_objectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize" };

    /// <summary>The members every generated category class declares besides one per fact.</summary>
    private static readonly string[] s_classMembers = { "All", "Ids", "TryGet", "Get" };

    public static readonly CategoryInfo State = new(FactCategory.State, "states", "state", "State");

    public static readonly CategoryInfo Actor = new(FactCategory.Actor, "actors", "actor", "Actor");

    public static readonly CategoryInfo Event = new(FactCategory.Event, "events", "event", "Event", "Timeline", "Between", "On");

    /// <summary>The categories in the order of <see cref="FactCategory"/>, which is also their order in a fact file.</summary>
    public static IReadOnlyList<CategoryInfo> All { get; } = new[] { State, Actor, Event };

    private readonly HashSet<string> _reserved;

    private CategoryInfo(FactCategory category, string key, string singular, string typeName, params string[] members)
    {
        Category = category;
        Key = key;
        Singular = singular;
        TypeName = typeName;
        ClassName = typeName + "s";
        _reserved = new HashSet<string>(s_objectMembers.Concat(s_classMembers).Concat(members).Append(ClassName), StringComparer.Ordinal);
    }

    public FactCategory Category { get; }

    /// <summary>The top-level key of a fact file that holds the category's facts: <c>states</c>.</summary>
    public string Key { get; }

    /// <summary>What messages call one fact of the category: <c>state</c>.</summary>
    public string Singular { get; }

    /// <summary>The generated type of one fact: <c>State</c>.</summary>
    public string TypeName { get; }

    /// <summary>The generated class with a member per fact, and the views' list of them: <c>States</c>.</summary>
    public string ClassName { get; }

    /// <summary>The generated enum of the category's kinds: <c>StateKind</c>.</summary>
    public string KindTypeName => TypeName + "Kind";

    public static CategoryInfo Of(FactCategory category) => All[(int)category];

    /// <summary>Whether a member name is taken in the category's generated class, so that no fact may take it.</summary>
    public bool IsReserved(string memberName) => _reserved.Contains(memberName);

    public override string ToString() => Key;
}
