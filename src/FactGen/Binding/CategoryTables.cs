using System;
using System.Collections.Generic;
using System.Linq;
using FactGen.Models;
using FactGen.Reading;
using FactGen.Upstream;

namespace FactGen.Binding;

/// <summary>One fact the binder declared: its syntax, its id, and what the passes decide about it.</summary>
internal sealed class Declaration<TSyntax>
{
    public Declaration(TSyntax syntax, ScalarSyntax id, int source)
    {
        Syntax = syntax;
        Id = id;
        Source = source;
    }

    public TSyntax Syntax { get; }
    public ScalarSyntax Id { get; }
    public int Source { get; }
    /// <summary>No error in the fact: its values are emitted as written.</summary>
    public bool IsValid { get; set; } = true;
    /// <summary>The fact gets a generated member (its id makes a C# name that no other fact took).</summary>
    public bool Declares { get; set; } = true;
    /// <summary>The reader reported an error in the fact's text: bind what is there, report nothing more.</summary>
    public bool Quiet { get; set; }
    /// <summary>The fact's references are resolved, but an unknown one is not reported (its file has no usable source).</summary>
    public bool QuietReferences { get; set; }
    /// <summary>How many references bound to this fact (only counted for the misspelt-declaration check).</summary>
    public int References { get; set; }
    public string MemberName { get; set; } = string.Empty;
    public int Kind { get; set; } = -1;
    public int Index { get; set; } = -1;
    public BoundDate Date { get; set; }
    /// <summary>A report on a fact declared elsewhere, checked as a fact is but with no key required (<see cref="ReportBinder"/>).</summary>
    public bool IsReport { get; init; }
}

/// <summary>What the binder knows of a category's ids, whatever the syntax of its facts.</summary>
internal abstract class CategoryTable
{
    protected CategoryTable(CategoryInfo info, UpstreamIndex upstream)
    {
        Info = info;
        Upstream = upstream.Facts(info.Category);
        UpstreamKinds = upstream.Kinds(info.Category);
    }

    public CategoryInfo Info { get; }

    public FactCategory Kind => Info.Category;

    public string Singular => Info.Singular;

    /// <summary>The ids of the referenced catalogs in this category: the first catalog (by assembly name) that declares an id wins.</summary>
    public IReadOnlyDictionary<string, (UpstreamCatalog Catalog, UpstreamFact Fact)> Upstream { get; }

    /// <summary>Kind values of the root catalog's enum (and of kinds that upstream catalogs added), by kind.</summary>
    public IReadOnlyDictionary<string, int> UpstreamKinds { get; }

    /// <summary>Whether this project or a referenced catalog declares the id in this category.</summary>
    public bool Knows(string id) => Declares(id) || Upstream.ContainsKey(id);

    /// <summary>Whether this project declares the id in this category.</summary>
    public abstract bool Declares(string id);

    /// <summary>The ids of the facts that get a member, in id order.</summary>
    public abstract IEnumerable<ScalarSyntax> DeclaredIds { get; }

    /// <summary>The declared ids that no fact references.</summary>
    public abstract IEnumerable<ScalarSyntax> UnreferencedIds { get; }

    /// <summary>How many facts get a member: the index of the first imported fact.</summary>
    public abstract int DeclaredCount { get; }

    /// <summary>
    /// The facts of other files (binding one file) and of upstream catalogs (with their
    /// namespace) that this project's facts reference, in the order first referenced; a
    /// reference to one is <c>Declared.Count + its position here</c>.
    /// </summary>
    public List<(string Id, string? Namespace)> Imported { get; } = new();

    public Dictionary<string, int> ImportIndex { get; } = new(StringComparer.Ordinal);

    /// <summary>The kinds this project's valid facts and reports use, in name order.</summary>
    public List<string> Kinds { get; } = new();

    /// <summary>Each kind's C# member name, and the kind that took it.</summary>
    public Dictionary<string, string> KindsByMember { get; } = new(StringComparer.Ordinal);

    /// <summary>Kinds that valid reports give and no valid fact of this project uses: they are members of the kind enum as well (see <see cref="ReportBinder"/>).</summary>
    public SortedSet<string> ReportedKinds { get; } = new(StringComparer.Ordinal);

    /// <summary>The value of each kind this project's facts use.</summary>
    public Dictionary<string, int> KindValues { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A category's table with the syntax of its facts: the declarations by id, and in id order once numbered.</summary>
internal sealed class Category<TSyntax> : CategoryTable
{
    public Category(KeyTable<TSyntax> keys, UpstreamIndex upstream)
        : base(keys.Category ?? throw new ArgumentException($"The '{keys.Key}' table is no category.", nameof(keys)), upstream)
    {
        Keys = keys;
    }

    public override bool Declares(string id) => ById.ContainsKey(id);

    public override IEnumerable<ScalarSyntax> DeclaredIds => Declared.Select(d => d.Id);

    public override IEnumerable<ScalarSyntax> UnreferencedIds => Declared.Where(d => d.References == 0).Select(d => d.Id);

    public override int DeclaredCount => Declared.Count;

    /// <summary>The keys of a fact of the category: which are required, which hold references.</summary>
    public KeyTable<TSyntax> Keys { get; }

    public string ClassName => Info.ClassName;

    public Dictionary<string, Declaration<TSyntax>> ById { get; } = new(StringComparer.Ordinal);

    /// <summary>The facts that get a member, in id order (a fact's index is its position here).</summary>
    public List<Declaration<TSyntax>> Declared { get; set; } = new();
}

/// <summary>The three category tables of one bind, each pointed at the referenced catalogs' ids and kinds.</summary>
internal sealed class CategoryTables
{
    public CategoryTables(UpstreamIndex upstream)
    {
        States = new Category<StateSyntax>(FactKeys.State, upstream);
        Actors = new Category<ActorSyntax>(FactKeys.Actor, upstream);
        Events = new Category<EventSyntax>(FactKeys.Event, upstream);
        All = new CategoryTable[] { States, Actors, Events };
    }

    public Category<StateSyntax> States { get; }
    public Category<ActorSyntax> Actors { get; }
    public Category<EventSyntax> Events { get; }

    /// <summary>The three tables, by <see cref="FactCategory"/>.</summary>
    public CategoryTable[] All { get; }

    public CategoryTable Of(CategoryInfo category) => All[(int)category.Category];
}
