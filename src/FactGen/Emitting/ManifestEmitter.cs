using System.Linq;
using FactGen.Binding;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Upstream;

namespace FactGen.Emitting;

/// <summary>
/// Emits FactGen.Manifest.g.cs for a public catalog: the assembly attribute by which a
/// referencing project finds the catalog and its ids (<see cref="CatalogManifest"/>).
/// </summary>
internal static class ManifestEmitter
{
    /// <param name="catalog">The catalog's shell: its kinds and how it builds on others.</param>
    /// <param name="declared">The facts that have a member, with their files and lines.</param>
    public static string Emit(CatalogShell catalog, EquatableArray<UpstreamFact> declared, GeneratorOptions options)
    {
        string typesNamespace = catalog.Composition?.TypesNamespace ?? options.Namespace;
        var kinds = catalog.Composition is { } composition
            ? composition.Kinds.AsEnumerable()
            : catalog.StateKinds.Select((k, i) => new UpstreamKind(FactCategory.State, k, i))
                .Concat(catalog.ActorKinds.Select((k, i) => new UpstreamKind(FactCategory.Actor, k, i)))
                .Concat(catalog.EventKinds.Select((k, i) => new UpstreamKind(FactCategory.Event, k, i)));
        string manifest = CatalogManifest.Encode(options.Namespace, typesNamespace, kinds, declared);
        var text = new System.Text.StringBuilder(manifest.Length + 256);
        text.Append(EmitterText.Header);
        text.Append("[assembly: global::").Append(typesNamespace).Append(".FactCatalogManifest(");
        SourceEscaping.AppendLiteral(text, manifest).Append(")]\n");
        return text.ToString();
    }
}
