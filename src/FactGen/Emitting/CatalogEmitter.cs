using System;
using System.Linq;
using System.Globalization;
using FactGen.Binding;
using FactGen.Helpers;

namespace FactGen.Emitting;

/// <summary>
/// Emits the catalog file: the kind enums, the static classes <c>States</c>, <c>Actors</c> and
/// <c>Events</c> (one thin property per fact, <c>All</c>, <c>TryGet</c>, <c>Ids</c>) and the
/// data table they read.
/// </summary>
internal static class CatalogEmitter
{
    /// <summary>The catalog file, or null when it cannot be emitted for this project (see <paramref name="problem"/>).</summary>
    /// <param name="maxLiteralTextLength">Tests pass a small limit to reach the UTF-8 and initializer forms of the table with a small catalog.</param>
    public static string? Emit(BoundCatalog catalog, GeneratorOptions options, out string problem, long maxLiteralTextLength = DataTableEmitter.MaxLiteralTextLength)
        => Write(catalog, options, out problem, maxLiteralTextLength)?.ToString();

    /// <summary>
    /// The catalog file as a <see cref="Microsoft.CodeAnalysis.Text.SourceText"/> over the
    /// writer's buffer, without a copy (see <see cref="StringBuilderText"/>).
    /// </summary>
    public static Microsoft.CodeAnalysis.Text.SourceText? EmitText(BoundCatalog catalog, GeneratorOptions options, out string problem)
    {
        IndentedWriter? writer = Write(catalog, options, out problem, DataTableEmitter.MaxLiteralTextLength);
        return writer is null ? null : new StringBuilderText(writer.Builder);
    }

    private static IndentedWriter? Write(BoundCatalog catalog, GeneratorOptions options, out string problem, long maxLiteralTextLength)
    {
        // The builder grows in chunks rather than one large buffer.
        var writer = new IndentedWriter();
        var docs = new DocComments(writer, catalog);
        writer.Lines(EmitterText.Header.TrimEnd('\n'));
        writer.Line();
        writer.Open($"namespace {options.Namespace}");

        if (catalog.Composition is { } composition)
        {
            // Built on referenced catalogs: the fact types and kind enums are the root catalog's.
            // Aliases keep the one-line members short, as in a catalog of its own.
            string root = "global::" + composition.TypesNamespace;
            foreach (string type in new[] { "State", "Actor", "Event" }) writer.Line($"using {type} = {root}.{type};");
            writer.Line();
            WriteAddedKinds(writer, options, composition, FactGen.Upstream.FactCategory.State, "StateKinds", "StateKind", "state");
            WriteAddedKinds(writer, options, composition, FactGen.Upstream.FactCategory.Actor, "ActorKinds", "ActorKind", "actor");
            WriteAddedKinds(writer, options, composition, FactGen.Upstream.FactCategory.Event, "EventKinds", "EventKind", "event");
            WriteWholeView(writer, options, composition);
        }
        else
        {
            WriteKinds(writer, options, "StateKind", "state", catalog.StateKinds);
            WriteKinds(writer, options, "ActorKind", "actor", catalog.ActorKinds);
            WriteKinds(writer, options, "EventKind", "event", catalog.EventKinds);
        }
        string t = "global::" + (catalog.Composition?.TypesNamespace ?? options.Namespace);

        var states = new Category("States", "State", "state", "StateRows", RowLayout.StateWidth, "AllStates");
        WriteCategory(writer, options, states, catalog.States.Count,
            i => catalog.States[i].MemberName, i => catalog.States[i].Id,
            i => docs.State(catalog.States[i]), t,
            "All states, in id order.",
            obsolete: null);

        var actors = new Category("Actors", "Actor", "actor", "ActorRows", RowLayout.ActorWidth, "AllActors");
        WriteCategory(writer, options, actors, catalog.Actors.Count,
            i => catalog.Actors[i].MemberName, i => catalog.Actors[i].Id,
            i => docs.Actor(catalog.Actors[i]), t,
            "All actors, in id order.",
            obsolete: null);

        var events = new Category("Events", "Event", "event", "EventRows", RowLayout.EventWidth, "AllEvents");
        WriteCategory(writer, options, events, catalog.Events.Count,
            i => catalog.Events[i].MemberName, i => catalog.Events[i].Id,
            i => docs.Event(catalog.Events[i]), t,
            "All events, in id order; see Timeline for date order.",
            obsolete: i => catalog.Events[i].Retraction,
            extra: () =>
            {
                string n = "global::" + options.Namespace;
                string events = $"global::System.Collections.Generic.IReadOnlyList<{t}.Event>";
                writer.Line(catalog.Composition is null
                    ? "/// <summary>All events by date, earliest first (ties by id); a year-only date sorts before the months in it.</summary>"
                    : "/// <summary>All events of this catalog and of the catalogs it builds on, by date, earliest first (ties by id); a year-only date sorts before the months in it.</summary>");
                writer.Line($"public static {events} Timeline => {n}.FactCatalogData.Timeline;");
                writer.Line();
                writer.Lines($$"""
/// <summary>
/// The events whose date lies wholly within <paramref name="from"/> to <paramref name="to"/>
/// (both included, each at its own precision), in timeline order.
/// <c>Between(new FactDate(2022, 7), new FactDate(2022, 8))</c> holds the events of July and
/// August 2022 dated to the month or the day. An event dated only <c>2022</c> is not among them,
/// since it may have happened in another month; <see cref="{{t}}.FactDate.Overlaps"/> finds such events.
/// </summary>
/// <exception cref="global::System.ArgumentException"><paramref name="from"/> or <paramref name="to"/> is <c>default(FactDate)</c>.</exception>
public static {{events}} Between({{t}}.FactDate from, {{t}}.FactDate to) => {{n}}.FactCatalogData.Between(from, to);

/// <summary>
/// The events on <paramref name="date"/>, or within it for a month or a year:
/// <c>On(new FactDate(2022, 8))</c> is August 2022, including the events dated to a day in it.
/// </summary>
/// <exception cref="global::System.ArgumentException"><paramref name="date"/> is <c>default(FactDate)</c>.</exception>
public static {{events}} On({{t}}.FactDate date)
    => date.Year == 0 ? throw new global::System.ArgumentException("default(FactDate) is not a date.", nameof(date)) : {{n}}.FactCatalogData.Between(date, date);

""");
            });

        if (!DataTableEmitter.TryEmit(writer, catalog, options, out problem, maxLiteralTextLength)) return null;
        writer.Close();
        return writer;
    }

    /// <summary>
    /// The most fact members in one generated type. The runtime refuses to load a type with more
    /// than 65,535 methods (TypeLoadException); each property is one, and the class has a few more.
    /// </summary>
    internal const int MaxMembersPerType = 50_000;

    private sealed record Category(string ClassName, string TypeName, string Singular, string Rows, int Width, string All);

    /// <summary>
    /// The kinds this catalog's facts use that the root catalog's enum does not name, as
    /// constants of that enum (their values come from their names: <see cref="FactGen.Upstream.UpstreamKinds.ValueOf"/>).
    /// </summary>
    private static void WriteAddedKinds(IndentedWriter writer, GeneratorOptions options, BoundComposition composition, FactGen.Upstream.FactCategory category, string className, string enumName, string singular)
    {
        string root = "global::" + composition.TypesNamespace;
        bool any = false;
        foreach (FactGen.Upstream.UpstreamKind kind in composition.Kinds)
        {
            if (kind.Category != category || kind.Value < FactGen.Upstream.UpstreamKinds.FirstAddedValue) continue;
            if (!any)
            {
                writer.Line($"/// <summary>The kinds of {singular} this catalog uses that <see cref=\"{root}.{enumName}\"/> does not name.</summary>");
                writer.Line(EmitterText.GeneratedCodeAttribute);
                writer.Open($"{options.Accessibility} static class {className}");
                any = true;
            }
            writer.Line($"/// <summary>{(singular == "state" ? "A" : "An")} {singular} of kind <c>{SourceEscaping.XmlDocText(kind.Name)}</c>.</summary>");
            writer.Line($"public const {root}.{enumName} {Naming.ToPascalCase(kind.Name)} = ({root}.{enumName}){kind.Value.ToString(CultureInfo.InvariantCulture)};");
        }
        if (!any) return;
        writer.Close();
        writer.Line();
    }

    /// <summary>
    /// <c>Catalog</c> of a catalog built on others: this catalog and every catalog it builds on
    /// as one, and <c>FactAttribute</c> for the ids of all of them.
    /// </summary>
    private static void WriteWholeView(IndentedWriter writer, GeneratorOptions options, BoundComposition composition)
    {
        string root = "global::" + composition.TypesNamespace;
        string n = "global::" + options.Namespace;
        string list = "global::System.Collections.Generic.IReadOnlyList";
        string[] catalogs = composition.UpstreamNamespaces.Select(u => "global::" + u).Concat(new[] { n }).ToArray();
        string all(string className) => string.Join(", ", catalogs.Select(c => $"{c}.{className}.All"));

        writer.Line("/// <summary>");
        writer.Line("/// This catalog and the catalogs it builds on, as one. The upstream catalogs' own objects do not");
        writer.Line("/// change: their back references (an actor's <c>Events</c>, a state's <c>Events</c>) hold only");
        writer.Line("/// their own catalog's facts; these views hold everything.");
        writer.Line("/// </summary>");
        writer.Line(EmitterText.GeneratedCodeAttribute);
        writer.Open($"{options.Accessibility} static partial class Catalog");
        writer.Line("/// <summary>Every state of the catalogs this one builds on (each in id order), then this catalog's.</summary>");
        writer.Line($"public static {list}<{root}.State> States {{ get; }} = {root}.FactCatalogStorage.Concat({all("States")});");
        writer.Line();
        writer.Line("/// <summary>Every actor of the catalogs this one builds on (each in id order), then this catalog's.</summary>");
        writer.Line($"public static {list}<{root}.Actor> Actors {{ get; }} = {root}.FactCatalogStorage.Concat({all("Actors")});");
        writer.Line();
        writer.Line("/// <summary>Every event of the catalogs this one builds on (each in id order), then this catalog's; see <see cref=\"Timeline\"/> for date order.</summary>");
        writer.Line($"public static {list}<{root}.Event> Events {{ get; }} = {root}.FactCatalogStorage.Concat({all("Events")});");
        writer.Line();
        writer.Line("/// <summary>Every event of this catalog and the catalogs it builds on, by date (the same as <c>Events.Timeline</c>).</summary>");
        writer.Line($"public static {list}<{root}.Event> Timeline => {n}.Events.Timeline;");
        writer.Line();
        writer.Line("/// <summary>This catalog and the catalogs it builds on as one Mermaid flowchart (see the root catalog's <c>Catalog.ToMermaid</c>).</summary>");
        writer.Line("/// <param name=\"languageTag\">Names in this language where the facts have a label; null for the names.</param>");
        writer.Line($"public static string ToMermaid(string? languageTag = null) => {root}.Catalog.ToMermaid(States, Actors, Events, languageTag);");
        writer.Close();
        writer.Line();

        if (!options.EmitFactAttribute) return;
        string ids = string.Join(", ", catalogs.SelectMany(c => new[] { $"typeof({c}.States.Ids)", $"typeof({c}.Actors.Ids)", $"typeof({c}.Events.Ids)" }));
        writer.Line("/// <summary>");
        writer.Line("/// Ties code to a fact of this catalog or of a catalog it builds on, by its id, such as");
        writer.Line("/// <c>[Fact(\"kim-jong-un\")]</c>. FactGen's analyzer checks it at compile time (FG0100).");
        writer.Line("/// </summary>");
        writer.Line(EmitterText.GeneratedCodeAttribute);
        writer.Line("[global::System.AttributeUsage(global::System.AttributeTargets.All, AllowMultiple = true, Inherited = false)]");
        writer.Open($"{options.Accessibility} sealed class FactAttribute : global::System.Attribute");
        writer.Line("/// <summary>Ties the code to the fact with the id <paramref name=\"id\"/>.</summary>");
        writer.Line($"public FactAttribute([{root}.FactId({ids})] string id) => Id = id;");
        writer.Line();
        writer.Line("/// <summary>The fact's id, as written in the fact files.</summary>");
        writer.Line("public string Id { get; }");
        writer.Close();
        writer.Line();
    }

    private static void WriteKinds(IndentedWriter writer, GeneratorOptions options, string enumName, string singular, EquatableArray<string> kinds)
    {
        writer.Line($"/// <summary>The kinds of {singular} the fact files use.</summary>");
        writer.Line(EmitterText.GeneratedCodeAttribute);
        writer.Open($"{options.Accessibility} enum {enumName}");
        foreach (string kind in kinds)
        {
            writer.Line($"/// <summary>{(singular == "state" ? "A" : "An")} {singular} of kind <c>{SourceEscaping.XmlDocText(kind)}</c>.</summary>");
            writer.Line(Naming.ToPascalCase(kind) + ",");
        }
        writer.Close();
        writer.Line();
    }

    private static void WriteCategory(
        IndentedWriter writer,
        GeneratorOptions options,
        Category category,
        int count,
        Func<int, string> memberName,
        Func<int, string> id,
        Action<int> writeDocs,
        string typesNamespace,
        string allDoc,
        Func<int, string?>? obsolete,
        Action? extra = null)
    {
        string n = "global::" + options.Namespace;
        string data = n + ".FactCatalogData";
        string t = typesNamespace;
        string type = $"{t}.{category.TypeName}";

        int parts = count > MaxMembersPerType ? (count + MaxMembersPerType - 1) / MaxMembersPerType : 0;
        for (int part = 0; part < parts; part++)
        {
            // The runtime loads no type with more than 65,535 methods, and each property is one:
            // a category this large is spread over a chain of base classes, whose static members
            // Events.X still reaches through Events.
            string partName = $"{category.ClassName}_Part{part.ToString(CultureInfo.InvariantCulture)}";
            writer.Line($"/// <summary>Part {(part + 1).ToString(CultureInfo.InvariantCulture)} of {parts.ToString(CultureInfo.InvariantCulture)} of the members of <see cref=\"{category.ClassName}\"/>, which has more facts than the runtime allows methods in one type; use <see cref=\"{category.ClassName}\"/>.</summary>");
            writer.Line(EmitterText.GeneratedCodeAttribute);
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.Open($"{options.Accessibility} abstract class {partName}" + (part == 0 ? string.Empty : $" : {n}.{category.ClassName}_Part{(part - 1).ToString(CultureInfo.InvariantCulture)}"));
            if (part == 0) writer.Line($"private protected static readonly {type}[] s_items = {data}.{category.ClassName};");
            writer.Line($"private protected {partName}() {{ }}");
            writer.Line();
            WriteMembers(part * MaxMembersPerType, Math.Min(count, (part + 1) * MaxMembersPerType));
            writer.Close();
            writer.Line();
        }

        writer.Line($"/// <summary>Every {category.Singular} in the fact catalog, one property per fact.</summary>");
        writer.Line(EmitterText.GeneratedCodeAttribute);
        if (parts == 0)
        {
            writer.Open($"{options.Accessibility} static partial class {category.ClassName}");
            // A lowercase name: no id can give it (ids become PascalCase members).
            writer.Line($"private static readonly {type}[] s_items = {data}.{category.ClassName};");
            writer.Line();
            WriteMembers(0, count);
        }
        else
        {
            writer.Open($"{options.Accessibility} sealed partial class {category.ClassName} : {n}.{category.ClassName}_Part{(parts - 1).ToString(CultureInfo.InvariantCulture)}");
            writer.Line($"private {category.ClassName}() {{ }}");
            writer.Line();
        }

        // One line per fact, as cheap to compile as a member can be: the type by its simple name
        // (a type position sees only types, and the catalog's namespace has this one) and an index.
        void WriteMembers(int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                if (options.WriteDocComments) writeDocs(i);
                WriteObsolete(i);
                writer.Start().Append("public static ").Append(category.TypeName).Append(' ').Append(memberName(i))
                    .Append(" => s_items[").AppendInvariant(i).Append("];\n\n");
            }
        }

        writer.Line($"/// <summary>{allDoc}</summary>");
        writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{type}> All => {data}.{category.All};");
        writer.Line();
        extra?.Invoke();

        // A retracted fact stays in the catalog, but every use of it in code warns with the reason.
        void WriteObsolete(int i)
        {
            if (obsolete?.Invoke(i) is not { } reason) return;
            SourceEscaping.AppendLiteral(writer.Start().Append("[global::System.Obsolete("), "Retracted: " + reason).Append(")]\n");
        }

        string rows = $"{data}.{category.Rows}";
        string width = category.Width.ToString(CultureInfo.InvariantCulture);
        writer.Line($"/// <summary>The {category.Singular} with the id <paramref name=\"id\"/>, as written in the fact files.</summary>");
        writer.Line($"/// <remarks>FactGen's analyzer checks a constant id at compile time (FG0100); for one known when the code is written, the property is shorter and follows a rename.</remarks>");
        writer.Line($"/// <param name=\"id\">The id, such as <c>{SourceEscaping.XmlDocText(count > 0 ? id(0) : "an-id")}</c>.</param>");
        writer.Line($"/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"id\"/> is null.</exception>");
        writer.Line($"/// <exception cref=\"global::System.Collections.Generic.KeyNotFoundException\">No {category.Singular} has that id; the message names the nearest one.</exception>");
        writer.Open($"public static {type} Get([{t}.FactId(typeof({n}.{category.ClassName}.Ids))] string id)");
        writer.Line("if (id == null) throw new global::System.ArgumentNullException(nameof(id));");
        writer.Line($"int index = {data}.Find({rows}, {width}, id);");
        writer.Line($"if (index < 0) throw {data}.Missing(\"{category.Singular}\", {rows}, {width}, id);");
        writer.Line($"return {data}.{category.ClassName}[index];");
        writer.Close();
        writer.Line();

        // "event" is a C# keyword: the out parameter is written @event but documented as event.
        string parameter = category.Singular == "event" ? "@event" : category.Singular;
        string notNullWhen = options.HasNotNullWhen ? "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] " : string.Empty;
        writer.Line($"/// <summary>Finds the {category.Singular} with the id <paramref name=\"id\"/>, as written in the fact files.</summary>");
        writer.Line($"/// <param name=\"id\">The id, such as <c>{SourceEscaping.XmlDocText(count > 0 ? id(0) : "an-id")}</c>.</param>");
        writer.Line($"/// <param name=\"{category.Singular}\">The {category.Singular}, or null when there is none with that id.</param>");
        writer.Line($"/// <returns>Whether the id was found.</returns>");
        writer.Open($"public static bool TryGet(string id, {notNullWhen}out {type}? {parameter})");
        writer.Line($"int index = {data}.Find({data}.{category.Rows}, {category.Width.ToString(CultureInfo.InvariantCulture)}, id);");
        writer.Line($"{parameter} = index < 0 ? null : {data}.{category.ClassName}[index];");
        writer.Line("return index >= 0;");
        writer.Close();
        writer.Line();

        writer.Line($"/// <summary>The id of every {category.Singular}, as constants for attributes and switch cases.</summary>");
        writer.Open("public static class Ids");
        for (int i = 0; i < count; i++)
        {
            string member = memberName(i);
            if (options.WriteDocComments)
            {
                // The class's own name cannot be an id of its category (FG0009), so it resolves here.
                System.Text.StringBuilder doc = writer.Start().Append("/// <summary>The id of <see cref=\"");
                // A cref does not look into base classes: a spread category names the part.
                if (parts == 0) doc.Append(category.ClassName);
                else doc.Append(n).Append('.').Append(category.ClassName).Append("_Part").AppendInvariant(i / MaxMembersPerType);
                doc.Append('.').Append(member).Append("\"/>.</summary>\n");
            }
            WriteObsolete(i);
            SourceEscaping.AppendLiteral(writer.Start().Append("public const string ").Append(member).Append(" = "), id(i)).Append(";\n");
        }
        writer.Close();
        writer.Close();
        writer.Line();
    }
}
