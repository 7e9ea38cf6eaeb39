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

    /// <summary>The schema definition of each table but the file's (which is the schema's root).</summary>
    public static TheoryData<string> Tables() => new(AllTables().Skip(1).Select(DefinitionOf));

    /// <summary>The schema definition of each report table: <c>stateReport</c>, <c>actorReport</c>, <c>eventReport</c>.</summary>
    public static TheoryData<string> ReportTables() => new(FactKeys.Reports.Keys.Select(k => DefinitionOf(k.Fields!)));

    private static KeyTable Table(string definition) => AllTables().Single(t => DefinitionOf(t) == definition);

    /// <summary>Every key table, each once: the file's first, then the tables of its keys' values, to any depth (the reports block, then the report tables in it).</summary>
    private static List<KeyTable> AllTables()
    {
        var tables = new List<KeyTable> { FactKeys.TopLevel };
        for (int i = 0; i < tables.Count; i++)
        {
            foreach (KeyInfo key in tables[i].Keys)
            {
                if (key.Fields is { } fields && !tables.Contains(fields)) tables.Add(fields);
            }
        }
        return tables;
    }

    /// <summary>
    /// The name of a table's definition under <c>$defs</c>: a fact's or the source's is its singular
    /// (<c>state</c>), a report's is its category's singular and <c>Report</c> (<c>stateReport</c>),
    /// the reports block's is <c>reports</c>.
    /// </summary>
    private static string DefinitionOf(KeyTable table) => IsReport(table) ? table.Category!.Singular + "Report" : table.Singular;

    private static bool IsReport(KeyTable table) => FactKeys.Reports.Keys.Any(k => ReferenceEquals(k.Fields, table));

    /// <summary>Each table has its definition, and each definition with keys of its own (<c>properties</c>) is a table's.</summary>
    [Fact]
    public void TheSchemaDefinesEachTableAndNoOtherMapping()
    {
        string[] definitions = AllTables().Skip(1).Select(DefinitionOf).OrderBy(d => d, StringComparer.Ordinal).ToArray();
        string[] mappings = ((JsonObject)s_schema["$defs"]!).Where(d => d.Value?["properties"] is not null).Select(d => d.Key).OrderBy(d => d, StringComparer.Ordinal).ToArray();
        Assert.Equal(mappings, definitions);
    }

    [Fact]
    public void EveryTableHasEachKeyOnceInItsSlot()
    {
        foreach (KeyTable table in AllTables())
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
        foreach (KeyInfo key in FactKeys.TopLevel.Keys) AssertShape(key, s_schema["properties"]![key.Name]!, "the top level");
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void EachTableHasTheKeysAndRequiredKeysOfItsSchemaDefinition(string definition)
        => AssertSameKeys(Table(definition), (JsonObject)s_schema["$defs"]![definition]!, definition);

    [Theory]
    [MemberData(nameof(Tables))]
    public void EachKeyHasTheShapeAndReferencesTheSchemaGivesIt(string definition)
    {
        JsonObject properties = (JsonObject)s_schema["$defs"]![definition]!["properties"]!;
        foreach (KeyInfo key in Table(definition).Keys)
        {
            // A report's list of preferred keys is no list of texts: its items are the report's key names (checked below).
            if (IsReport(Table(definition)) && key.Name == "preferred") continue;
            AssertShape(key, properties[key.Name]!, definition);
        }
    }

    /// <summary>
    /// A report on a fact has the keys of a fact of its category, with the same shapes, none
    /// required, then <c>stance</c> and <c>preferred</c>; its schema definition says the same: each
    /// of the fact's keys as the fact's definition has it (a key the fact requires may be left
    /// empty in a report), the fact's rules across keys, a stance of <see cref="FactKeys.Stances"/>,
    /// and preferred keys among the report's own.
    /// </summary>
    [Theory]
    [MemberData(nameof(ReportTables))]
    public void EachReportTableIsItsCategorysKeysNoneRequiredWithStanceAndPreferred(string definition)
    {
        KeyTable report = Table(definition);
        KeyTable fact = FactKeys.Categories.Single(c => c.Category == report.Category);
        Assert.Equal(fact.Names.Concat(new[] { "stance", "preferred" }), report.Names);
        Assert.DoesNotContain(report.Keys, k => k.IsRequired);
        foreach (KeyInfo key in fact.Keys)
        {
            Assert.Equal((key.Shape, key.References, key.IsProse), (report[key.Name].Shape, report[key.Name].References, report[key.Name].IsProse));
        }
        Assert.Equal((KeyShape.Value, (FactGen.Models.FactCategory?)null), (report["stance"].Shape, report["stance"].References));
        Assert.Equal((KeyShape.List, (FactGen.Models.FactCategory?)null), (report["preferred"].Shape, report["preferred"].References));

        JsonObject reportSchema = (JsonObject)s_schema["$defs"]![definition]!;
        JsonObject factSchema = (JsonObject)s_schema["$defs"]![fact.Singular]!;
        Assert.Null(reportSchema["required"]);
        Assert.False((bool)reportSchema["additionalProperties"]!, $"{definition} allows keys of its own.");
        foreach (KeyInfo key in fact.Keys)
        {
            JsonNode factKey = WithoutDescription(factSchema["properties"]![key.Name]!);
            JsonNode expected = key.IsRequired ? new JsonObject { ["anyOf"] = new JsonArray(factKey, JsonNode.Parse("""{ "type": "null" }""")) } : factKey;
            JsonNode actual = WithoutDescription(reportSchema["properties"]![key.Name]!);
            Assert.True(JsonNode.DeepEquals(expected, actual), $"{definition}.{key.Name}: the fact's definition makes it {expected.ToJsonString()}, the report's {actual.ToJsonString()}.");
        }
        // The fact's rules across keys (an event's retraction) hold for a report as well, and a fact has no other.
        Assert.Null(factSchema["if"]);
        string[] rules = References(reportSchema["allOf"]);
        Assert.All(References(factSchema["allOf"]), rule => Assert.Contains(rule, rules));

        JsonNode stance = Resolve(reportSchema["properties"]!["stance"]!);
        Assert.Equal(FactKeys.Stances, ((JsonArray)stance["anyOf"]![0]!["enum"]!).Select(v => (string)v!));
        JsonNode preferred = reportSchema["properties"]!["preferred"]!;
        Assert.Equal(new[] { "array", "null" }, ((JsonArray)preferred["type"]!).Select(v => (string)v!));
        Assert.Equal(
            report.Names.Where(n => n is not "stance" and not "preferred").OrderBy(n => n, StringComparer.Ordinal),
            ((JsonArray)preferred["items"]!["enum"]!).Select(v => (string)v!).OrderBy(n => n, StringComparer.Ordinal));
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
        yaml.Append(FactKeys.Reports.Key).Append(":\n");
        foreach (KeyInfo category in FactKeys.Reports.Keys)
        {
            yaml.Append("  ").Append(category.Name).Append(":\n    the-reported-fact:\n");
            foreach (KeyInfo key in category.Fields!.Keys) yaml.Append("      ").Append(key.Name).Append(": ").Append(Written(key)).Append('\n');
        }

        FactFileSyntax file = FactFileReader.Read("/facts/keys.facts.yaml", SourceText.From(yaml.ToString()), CancellationToken.None);

        Assert.Empty(file.Diagnostics);
        AssertReadBack(FactKeys.Source, file.Source!);
        AssertReadBack(FactKeys.State, Assert.Single(file.States));
        AssertReadBack(FactKeys.Actor, Assert.Single(file.Actors));
        AssertReadBack(FactKeys.Event, Assert.Single(file.Events));
        Assert.Equal(3, file.Reports.Count);
        foreach (ReportSyntax report in file.Reports)
        {
            Assert.Equal("the-reported-fact", report.Target.Value);
            AssertReadBack(FactKeys.ReportOn(report.Category), report);
        }
        Assert.Equal(new[] { FactGen.Models.FactCategory.State, FactGen.Models.FactCategory.Actor, FactGen.Models.FactCategory.Event }, file.Reports.Select(r => r.Category));
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

    /// <summary>
    /// The schema gives a key the shape the table does: a single value, a list of texts or of ids,
    /// labels, a mapping of its own keys (<c>$ref</c> to its table's definition), or a mapping from
    /// ids to the mappings of a table (its definition under <c>additionalProperties</c>).
    /// </summary>
    private static void AssertShape(KeyInfo key, JsonNode property, string where)
    {
        string? reference = (string?)property["$ref"];
        switch (key.Shape)
        {
            case KeyShape.Block or KeyShape.Reports:
                Assert.True($"#/$defs/{DefinitionOf(key.Fields!)}" == reference, $"{where}.{key.Name}: the table says a mapping of {key.Fields!.Singular} keys, the schema {reference ?? "no $ref"}.");
                return;
            case KeyShape.Facts:
                string? facts = (string?)property["additionalProperties"]?["$ref"];
                Assert.True($"#/$defs/{DefinitionOf(key.Fields!)}" == facts, $"{where}.{key.Name}: the table says a mapping from id to {key.Fields!.Singular}, the schema maps to {facts ?? "no $ref"}.");
                Assert.True("#/$defs/id" == (string?)property["propertyNames"]?["$ref"], $"{where}.{key.Name}: the ids of the mapping are not the schema's ids.");
                return;
        }
        string? expected = key.Shape switch
        {
            KeyShape.List => key.References is null ? "#/$defs/texts" : "#/$defs/ids",
            KeyShape.Labels => "#/$defs/labels",
            _ => key.References is null ? null : "#/$defs/optionalId",
        };
        string[] shaped = { "#/$defs/texts", "#/$defs/ids", "#/$defs/labels", "#/$defs/optionalId" };
        // A single value is neither one of the shaped definitions nor a list or mapping of its own.
        bool typedAsMany = property["type"] is { } type && new[] { "array", "object" }.Any(t => type.ToJsonString().Contains($"\"{t}\"", StringComparison.Ordinal));
        bool agrees = expected is null ? Array.IndexOf(shaped, reference) < 0 && !typedAsMany : expected == reference;
        Assert.True(agrees, $"{where}.{key.Name}: the table says {key.Shape}{(key.References is null ? string.Empty : " of " + key.References)}, the schema {reference ?? property["type"]?.ToJsonString() ?? "no $ref"}.");
        if (key.References is { } target) Assert.True(FactKeys.TopLevel.SlotOf(FactGen.Models.CategoryInfo.Of(target).Key) is >= 0 and var slot && FactKeys.TopLevel.IsCategory(slot), $"{where}.{key.Name} references '{target}', whose key is no category of a fact file.");
    }

    private static JsonNode WithoutDescription(JsonNode node)
    {
        JsonNode copy = node.DeepClone();
        ((JsonObject)copy).Remove("description");
        return copy;
    }

    /// <summary>The definition a <c>{ "$ref": "#/$defs/..." }</c> names.</summary>
    private static JsonNode Resolve(JsonNode node)
        => (string?)node["$ref"] is { } reference ? s_schema["$defs"]![reference.Substring("#/$defs/".Length)]! : node;

    private static string[] References(JsonNode? allOf)
        => (allOf as JsonArray ?? new JsonArray()).Select(rule => (string)rule!["$ref"]!).ToArray();

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
