using System;
using System.Collections.Generic;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;

namespace FactGen.Binding;

/// <summary>
/// Resolves a reference to a fact by id, through scopes in order: the facts this bind declares;
/// the referenced catalogs' facts (an import by id and catalog); and binding one file alone, the
/// other files of the catalog (an import by id: which file declares it is the index's to say).
/// An id no scope knows is kept, with every place that names it, for the FG0007 report
/// (<see cref="UnknownReferenceReport"/>).
/// </summary>
internal sealed class ReferenceResolver
{
    private readonly BindDiagnostics _diagnostics;
    private readonly bool _fileMode;
    private readonly Dictionary<string, UnknownReferences> _unknown = new(StringComparer.Ordinal);

    public ReferenceResolver(BindDiagnostics diagnostics, bool fileMode)
    {
        _diagnostics = diagnostics;
        _fileMode = fileMode;
    }

    /// <summary>Every unknown id, in the order first referenced.</summary>
    public List<UnknownReferences> Unknown { get; } = new();

    /// <summary>The indexes of the referenced facts, each once, in the order written; unknown ones are left out.</summary>
    public EquatableArray<int> ResolveAll<T>(Category<T> target, EquatableArray<ScalarSyntax> ids, string key, bool quiet)
    {
        if (ids.IsEmpty) return EquatableArray<int>.Empty;
        var indexes = new int[ids.Count];
        int count = 0;
        foreach (ScalarSyntax id in ids)
        {
            int index = Resolve(target, id, key, quiet);
            if (index >= 0 && Array.IndexOf(indexes, index, 0, count) < 0) indexes[count++] = index;
        }
        if (count == 0) return EquatableArray<int>.Empty;
        if (count < indexes.Length) Array.Resize(ref indexes, count);
        return new EquatableArray<int>(indexes);
    }

    /// <summary>
    /// The index of the referenced fact, or -1. A fact with errors still has its member, so a
    /// reference binds to it; a declared id that gets no member (not kebab-case, reserved) is
    /// dropped quietly, since its error is already reported. An unknown id is kept for the
    /// FG0007 report; a fact whose text the reader could not read whole
    /// (<paramref name="quiet"/>) reports none.
    /// </summary>
    public int Resolve<T>(Category<T> target, ScalarSyntax? id, string key, bool quiet)
    {
        if (id is null) return -1;
        // This bind's facts.
        if (target.ById.TryGetValue(id.Value, out Declaration<T>? declaration))
        {
            if (!declaration.Declares)
            {
                _diagnostics.NeedsWholeBind();
                return -1;
            }
            declaration.References++;
            return declaration.Index;
        }
        // The referenced catalogs; binding one file alone, any other id is another file's fact.
        bool isUpstream = target.Upstream.TryGetValue(id.Value, out var upstream);
        if (isUpstream || _fileMode) return Import(target, id.Value, isUpstream ? upstream.Catalog.Namespace : null);

        Remember(target, id, key, quiet);
        return -1;
    }

    /// <summary>
    /// Where the fact with the id is, by id, for a report (which is found on first use, by id, as
    /// an import is, but adds no import to its file's part): this catalog's (a null namespace) or
    /// a referenced catalog's; binding one file alone, any other id is another file's. An unknown
    /// id is kept for the FG0007 report, as in <see cref="Resolve{T}"/>; then null.
    /// </summary>
    public BoundRef? Locate<T>(Category<T> target, ScalarSyntax? id, string key, bool quiet)
    {
        if (id is null) return null;
        if (target.ById.TryGetValue(id.Value, out Declaration<T>? declaration))
        {
            if (!declaration.Declares)
            {
                _diagnostics.NeedsWholeBind();
                return null;
            }
            declaration.References++;
            return new BoundRef(id.Value, null);
        }
        if (target.Upstream.TryGetValue(id.Value, out var upstream)) return new BoundRef(id.Value, upstream.Catalog.Namespace);
        if (_fileMode) return new BoundRef(id.Value, null);
        Remember(target, id, key, quiet);
        return null;
    }

    /// <summary>An id no scope knows: kept, with every place that names it, for the FG0007 report (none for a quiet fact).</summary>
    private void Remember(CategoryTable target, ScalarSyntax id, string key, bool quiet)
    {
        _diagnostics.NeedsWholeBind();
        if (quiet) return;
        string group = target.Singular + "\n" + id.Value;
        if (!_unknown.TryGetValue(group, out UnknownReferences? references))
        {
            references = new UnknownReferences(target.Info, id: id.Value, key: key, first: id.Location);
            _unknown.Add(group, references);
            Unknown.Add(references);
        }
        else
        {
            references.More.Add(id.Location);
        }
    }

    /// <summary>A fact this bind does not declare, by id (and its catalog's namespace): its index past the declared facts.</summary>
    private static int Import(CategoryTable target, string id, string? ns)
    {
        if (!target.ImportIndex.TryGetValue(id, out int imported))
        {
            imported = target.Imported.Count;
            target.ImportIndex.Add(id, imported);
            target.Imported.Add((id, ns));
        }
        return target.DeclaredCount + imported;
    }
}

/// <summary>Every reference to one unknown id, in the order read.</summary>
internal sealed class UnknownReferences
{
    public UnknownReferences(CategoryInfo category, string id, string key, LocationInfo first)
    {
        Category = category;
        Id = id;
        Key = key;
        First = first;
    }

    public CategoryInfo Category { get; }
    public string Singular => Category.Singular;
    public string Id { get; }
    public string Key { get; }
    public LocationInfo First { get; private set; }
    public List<LocationInfo> More { get; } = new();

    /// <summary>Puts the references in file order: the first in the file is reported.</summary>
    public void SortByPlace()
    {
        if (More.Count == 0) return;
        More.Add(First);
        More.Sort(static (a, b) =>
        {
            int byFile = string.CompareOrdinal(a.FilePath, b.FilePath);
            return byFile != 0 ? byFile : a.Span.Start.CompareTo(b.Span.Start);
        });
        First = More[0];
        More.RemoveAt(0);
    }
}
