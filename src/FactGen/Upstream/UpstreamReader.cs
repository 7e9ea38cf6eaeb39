using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;
using System.Threading;
using FactGen.Helpers;
using Microsoft.CodeAnalysis;

namespace FactGen.Upstream;

/// <summary>
/// Finds the FactGen catalogs among a compilation's references: the assemblies that carry a
/// <c>FactCatalogManifest</c> attribute (every public catalog emits one). It reads the attribute
/// from metadata the compiler has already loaded, never another project's YAML.
/// </summary>
internal static class UpstreamReader
{
    /// <summary>
    /// The compilation's references, compared by identity: they are the same objects from one
    /// C# edit to the next, so the step that reads the manifests runs only when a reference changes.
    /// </summary>
    internal readonly struct References : IEquatable<References>
    {
        public References(ImmutableArray<MetadataReference> items) => Items = items;

        public ImmutableArray<MetadataReference> Items { get; }

        public bool Equals(References other)
        {
            if (Items.IsDefault || other.Items.IsDefault) return Items.IsDefault == other.Items.IsDefault;
            if (Items.Length != other.Items.Length) return false;
            for (int i = 0; i < Items.Length; i++)
            {
                if (!ReferenceEquals(Items[i], other.Items[i])) return false;
            }
            return true;
        }

        public override bool Equals(object? obj) => obj is References other && Equals(other);

        public override int GetHashCode() => Items.IsDefault ? 0 : Items.Length;
    }

    public static UpstreamCatalogs Read(References references, CancellationToken cancellationToken)
    {
        if (references.Items.IsDefaultOrEmpty) return UpstreamCatalogs.None;
        var catalogs = new List<UpstreamCatalog>();
        var problems = new List<string>();
        foreach (MetadataReference reference in references.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (string Assembly, string? Manifest)? found = reference switch
            {
                PortableExecutableReference pe => FromMetadata(pe),
                CompilationReference compilation => FromCompilation(compilation),
                _ => null,
            };
            if (found is not { } manifest) continue;
            UpstreamCatalog? catalog = CatalogManifest.Decode(manifest.Assembly, manifest.Manifest, out string? problem);
            if (catalog is not null) catalogs.Add(catalog);
            else if (problem is not null) problems.Add(problem);
        }
        if (catalogs.Count == 0 && problems.Count == 0) return UpstreamCatalogs.None;
        // The same assembly can be referenced twice (an alias, a facade); keep one.
        UpstreamCatalog[] distinct = catalogs
            .GroupBy(static c => c.AssemblyName, StringComparer.Ordinal)
            .Select(static g => g.First())
            .OrderBy(static c => c.AssemblyName, StringComparer.Ordinal)
            .ToArray();
        // One set of fact types per project: the catalogs must share their root. Those of the root
        // that the most catalogs build on are used (the first in name order on a tie).
        // The others are kept aside: referencing unrelated catalogs is fine until a fact file
        // references one of their ids (then FG0007 says why it cannot).
        string[] roots = distinct.Select(static c => c.TypesNamespace).Distinct(StringComparer.Ordinal).ToArray();
        UpstreamCatalog[] others = Array.Empty<UpstreamCatalog>();
        if (roots.Length > 1)
        {
            string root = distinct
                .GroupBy(static c => c.TypesNamespace, StringComparer.Ordinal)
                .OrderByDescending(static g => g.Count())
                .ThenBy(static g => g.First().AssemblyName, StringComparer.Ordinal)
                .First().Key;
            others = distinct.Where(c => c.TypesNamespace != root).ToArray();
            distinct = distinct.Where(c => c.TypesNamespace == root).ToArray();
        }
        return new UpstreamCatalogs(distinct.ToEquatableArray(), problems.Distinct(StringComparer.Ordinal).OrderBy(static p => p, StringComparer.Ordinal).ToEquatableArray())
        {
            OtherRoots = others.ToEquatableArray(),
        };
    }

    /// <summary>The manifest of a compiled assembly, read from its assembly-level attributes.</summary>
    private static (string, string?)? FromMetadata(PortableExecutableReference reference)
    {
        Metadata metadata;
        try
        {
            metadata = reference.GetMetadata();
        }
        catch (Exception exception) when (exception is BadImageFormatException or System.IO.IOException or UnauthorizedAccessException)
        {
            // Not ours to report: the compiler reports an unreadable reference itself.
            return null;
        }
        if (metadata is not AssemblyMetadata assembly) return null;
        ImmutableArray<ModuleMetadata> modules = assembly.GetModules();
        if (modules.IsDefaultOrEmpty) return null;
        MetadataReader reader;
        try
        {
            reader = modules[0].GetMetadataReader();
            if (!reader.IsAssembly) return null;
            foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute attribute = reader.GetCustomAttribute(handle);
                if (!IsManifestAttribute(reader, attribute)) continue;
                string name = reader.GetString(reader.GetAssemblyDefinition().Name);
                BlobReader value = reader.GetBlobReader(attribute.Value);
                if (value.Length < 2 || value.ReadUInt16() != 1) return (name, null);
                return (name, value.ReadSerializedString());
            }
        }
        catch (BadImageFormatException)
        {
            return null;
        }
        return null;
    }

    private static bool IsManifestAttribute(MetadataReader reader, CustomAttribute attribute)
    {
        StringHandle typeName;
        switch (attribute.Constructor.Kind)
        {
            case HandleKind.MemberReference:
                EntityHandle parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                if (parent.Kind == HandleKind.TypeReference) typeName = reader.GetTypeReference((TypeReferenceHandle)parent).Name;
                else if (parent.Kind == HandleKind.TypeDefinition) typeName = reader.GetTypeDefinition((TypeDefinitionHandle)parent).Name;
                else return false;
                break;
            case HandleKind.MethodDefinition:
                typeName = reader.GetTypeDefinition(reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()).Name;
                break;
            default:
                return false;
        }
        return reader.StringComparer.Equals(typeName, CatalogManifest.AttributeName);
    }

    /// <summary>The manifest of a project the IDE references as a compilation rather than as a built assembly.</summary>
    private static (string, string?)? FromCompilation(CompilationReference reference)
    {
        IAssemblySymbol assembly = reference.Compilation.Assembly;
        foreach (AttributeData attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.Name != CatalogManifest.AttributeName) continue;
            string? text = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            return (assembly.Name, text);
        }
        return null;
    }
}
