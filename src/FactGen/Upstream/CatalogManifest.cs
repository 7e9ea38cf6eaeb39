using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using FactGen.Helpers;
using FactGen.Models;

namespace FactGen.Upstream;

/// <summary>
/// The text of the assembly-level <c>FactCatalogManifest</c> attribute that every public catalog
/// carries. A downstream project's generator reads it from the referenced assembly's metadata, so
/// it never needs the upstream YAML.
/// </summary>
/// <remarks>
/// One record per line, fields separated by tabs:
/// <code>
/// factgen-catalog 1          the manifest format; a reader refuses a version it does not know
/// n  Shared.Facts            the namespace of States, Actors and Events
/// t  Shared.Facts            the namespace of the fact types (the root catalog's)
/// k  state  sovereign  0     a kind enum member and its value
/// f  states.facts.yaml       the file of the facts that follow
/// s  north-korea  12         a fact: s, a or e for state, actor or event; its id; its line
/// </code>
/// Ids are kebab-case and file names have their tabs and line breaks replaced, so no field holds
/// a separator.
/// </remarks>
internal static class CatalogManifest
{
    public const string AttributeName = "FactCatalogManifestAttribute";
    public const int FormatVersion = 1;
    private const string Magic = "factgen-catalog ";

    public static string Encode(string @namespace, string typesNamespace, IEnumerable<UpstreamKind> kinds, IEnumerable<UpstreamFact> facts)
    {
        var text = new StringBuilder();
        text.Append(Magic).Append(FormatVersion.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("n\t").Append(@namespace).Append('\n');
        text.Append("t\t").Append(typesNamespace).Append('\n');
        foreach (UpstreamKind kind in kinds)
        {
            text.Append("k\t").Append(Letter(kind.Category)).Append('\t').Append(kind.Name).Append('\t')
                .Append(kind.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        string? file = null;
        foreach (UpstreamFact fact in facts)
        {
            if (!string.Equals(file, fact.File, StringComparison.Ordinal))
            {
                file = fact.File;
                text.Append("f\t").Append(Clean(file)).Append('\n');
            }
            text.Append(Letter(fact.Category)).Append('\t').Append(fact.Id).Append('\t')
                .Append(fact.Line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Reads a manifest; null with <paramref name="problem"/> set when it cannot be used.</summary>
    public static UpstreamCatalog? Decode(string assemblyName, string? manifest, out string? problem)
    {
        problem = null;
        if (manifest is null || !manifest.StartsWith(Magic, StringComparison.Ordinal))
        {
            problem = $"'{assemblyName}' has a FactGen catalog manifest that this FactGen cannot read";
            return null;
        }
        string[] lines = manifest.Split('\n');
        if (!int.TryParse(lines[0].Substring(Magic.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int version) || version != FormatVersion)
        {
            problem = $"'{assemblyName}' was built with a FactGen whose catalog format ({lines[0].Substring(Magic.Length)}) this FactGen ({FormatVersion}) does not read; use the same FactGen version in both projects";
            return null;
        }

        string? @namespace = null, typesNamespace = null, file = "";
        var kinds = new List<UpstreamKind>();
        var facts = new List<UpstreamFact>();
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Length == 0) continue;
            string[] fields = line.Split('\t');
            switch (fields[0])
            {
                case "n" when fields.Length == 2: @namespace = fields[1]; break;
                case "t" when fields.Length == 2: typesNamespace = fields[1]; break;
                case "f" when fields.Length == 2: file = fields[1]; break;
                case "k" when fields.Length == 4 && TryCategory(fields[1], out FactCategory kindCategory) && TryInt(fields[3], out int value):
                    kinds.Add(new UpstreamKind(kindCategory, Name: fields[2], Value: value));
                    break;
                case "s" or "a" or "e" when fields.Length == 3 && TryCategory(fields[0], out FactCategory category) && TryInt(fields[2], out int lineNumber):
                    facts.Add(new UpstreamFact(category, Id: fields[1], File: file!, Line: lineNumber));
                    break;
                default:
                    problem = $"'{assemblyName}' has a damaged FactGen catalog manifest (line {i + 1})";
                    return null;
            }
        }
        if (@namespace is null || typesNamespace is null)
        {
            problem = $"'{assemblyName}' has a damaged FactGen catalog manifest (no namespace)";
            return null;
        }
        return new UpstreamCatalog(assemblyName, @namespace, typesNamespace, kinds.ToEquatableArray(), facts.ToEquatableArray());
    }

    /// <summary>A category in the manifest: the first letter of its singular (s, a, e).</summary>
    public static char Letter(FactCategory category) => CategoryInfo.Of(category).Singular[0];

    private static bool TryCategory(string letter, out FactCategory category)
    {
        foreach (CategoryInfo info in CategoryInfo.All)
        {
            if (letter.Length == 1 && Letter(info.Category) == letter[0])
            {
                category = info.Category;
                return true;
            }
        }
        category = default;
        return false;
    }

    private static bool TryInt(string text, out int value)
        => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static string Clean(string file) => file.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
