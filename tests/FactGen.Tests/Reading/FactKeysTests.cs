using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using FactGen.Reading;
using FactGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactGen.Tests.Reading;

/// <summary>
/// The key tables (<see cref="FactKeys"/>) are the one list of keys: they agree with the JSON
/// Schema, and every key is read into its own property, whatever its place in its table.
/// </summary>
public class FactKeysTests
{
    private static readonly JsonObject s_schema = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "FactGen", "schema", "facts.schema.json")))!;

    public static TheoryData<string> Tables() => new(FactKeys.TopLevel.Keys.Select(k => k.Fields!.Singular));

    private static KeyTable Table(string singular) => FactKeys.TopLevel.Keys.Select(k => k.Fields!).Single(t => t.Singular == singular);

    [Fact]
    public void EveryTableHasEachKeyOnceInItsSlot()
    {
        foreach (KeyTable table in new KeyTable[] { FactKeys.TopLevel }.Concat(FactKeys.TopLevel.Keys.Select(k => k.Fields!)))
        {
            Assert.Equal(table.Names.Length, table.Names.Distinct(StringComparer.Ordinal).Count());
            for (int slot = 0; slot < table.Count; slot++)
            {
                Assert.Equal(slot, table.Keys[slot].Slot);
                Assert.Equal(table.Names[slot], table.Keys[slot].Name);
                Assert.Equal(slot, table.SlotOf(table.Names[slot]));
            }
        }
    }

    [Fact]
    public void TheTopLevelKeysAreTheSchemasProperties()
    {
        AssertSameKeys(FactKeys.TopLevel, s_schema, "the top level");
        foreach (KeyInfo category in FactKeys.TopLevel.Keys.Where(k => k.Shape == KeyShape.Facts))
        {
            Assert.Equal($"#/$defs/{category.Fields!.Singular}", (string?)s_schema["properties"]![category.Name]!["additionalProperties"]!["$ref"]);
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void EachTableHasTheKeysAndRequiredKeysOfItsSchemaDefinition(string singular)
        => AssertSameKeys(Table(singular), (JsonObject)s_schema["$defs"]![singular]!, singular);

    [Theory]
    [MemberData(nameof(Tables))]
    public void EachKeyHasTheShapeAndReferencesTheSchemaGivesIt(string singular)
    {
        JsonObject properties = (JsonObject)s_schema["$defs"]![singular]!["properties"]!;
        foreach (KeyInfo key in Table(singular).Keys)
        {
            string? reference = (string?)properties[key.Name]!["$ref"];
            string? expected = key.Shape switch
            {
                KeyShape.List => key.References is null ? "#/$defs/texts" : "#/$defs/ids",
                KeyShape.Labels => "#/$defs/labels",
                _ => key.References is null ? null : "#/$defs/optionalId",
            };
            string[] shaped = { "#/$defs/texts", "#/$defs/ids", "#/$defs/labels", "#/$defs/optionalId" };
            bool agrees = expected is null ? Array.IndexOf(shaped, reference) < 0 : expected == reference;
            Assert.True(agrees, $"{singular}.{key.Name}: the table says {key.Shape}{(key.References is null ? string.Empty : " of " + key.References)}, the schema {reference ?? "no $ref"}.");
            if (key.References is { } target) Assert.True(FactKeys.TopLevel.SlotOf(FactGen.Models.CategoryInfo.Of(target).Key) is >= 0 and var slot && FactKeys.TopLevel.IsCategory(slot), $"{singular}.{key.Name} references '{target}', whose key is no category of a fact file.");
        }
    }

    /// <summary>
    /// Each key written with a value of its own name comes back from its own property: a value read
    /// from the slot of another key, or passed to the neighbouring parameter, would not.
    /// </summary>
    [Fact]
    public void EveryKeyIsReadIntoItsOwnProperty()
    {
        var yaml = new StringBuilder();
        yaml.Append("source:\n");
        foreach (KeyInfo key in FactKeys.Source.Keys) yaml.Append("  ").Append(key.Name).Append(": ").Append(Written(key)).Append('\n');
        foreach (KeyInfo category in FactKeys.TopLevel.Keys.Where(k => k.Shape == KeyShape.Facts))
        {
            yaml.Append(category.Name).Append(":\n  the-fact:\n");
            foreach (KeyInfo key in category.Fields!.Keys) yaml.Append("    ").Append(key.Name).Append(": ").Append(Written(key)).Append('\n');
        }

        FactFileSyntax file = FactFileReader.Read("/facts/keys.facts.yaml", SourceText.From(yaml.ToString()), CancellationToken.None);

        Assert.Empty(file.Diagnostics);
        AssertReadBack(FactKeys.Source, file.Source!);
        AssertReadBack(FactKeys.State, Assert.Single(file.States));
        AssertReadBack(FactKeys.Actor, Assert.Single(file.Actors));
        AssertReadBack(FactKeys.Event, Assert.Single(file.Events));
    }

    private static string Written(KeyInfo key) => key.Shape switch
    {
        KeyShape.List => $"[{key.Name}]",
        KeyShape.Labels => $"{{ en: {key.Name} }}",
        _ => key.Name,
    };

    private static void AssertReadBack<T>(KeyTable<T> table, T syntax)
    {
        foreach (Key<T> key in table.Typed)
        {
            Assert.False(key.IsAbsent(syntax), $"{table.Singular}.{key.Name} was not read.");
            if (key.Shape == KeyShape.Labels) continue; // no accessor for label texts; IsAbsent shows it was read
            Assert.Equal(new[] { key.Name }, key.ValuesOf(syntax).Select(v => v.Value));
        }
    }

    private static void AssertSameKeys(KeyTable table, JsonObject definition, string what)
    {
        string[] schemaKeys = ((JsonObject)definition["properties"]!).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        Assert.True(
            schemaKeys.SequenceEqual(table.Names.OrderBy(k => k, StringComparer.Ordinal)),
            $"Keys of {what}: the table has {string.Join(", ", table.Names)}; the schema has {string.Join(", ", schemaKeys)}.");
        string[] schemaRequired = (definition["required"] as JsonArray ?? new JsonArray()).Select(n => (string)n!).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        string[] tableRequired = table.Keys.Where(k => k.IsRequired).Select(k => k.Name).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        Assert.Equal(schemaRequired, tableRequired);
    }
}
