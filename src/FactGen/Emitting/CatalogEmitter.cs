using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using FactGen.Binding;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Upstream;

namespace FactGen.Emitting;

/// <summary>
/// Emits the catalog as one source per fact file plus one catalog-wide source. Each fact file's
/// source (<see cref="EmitPart"/>) holds its facts' members (one thin property and one
/// <c>Ids</c> constant per fact) and its data; the catalog-wide source (<see cref="EmitShell"/>)
/// holds the kind enums and what spans the files: <c>All</c>, <c>Get</c>, <c>TryGet</c>, the
/// timeline and the views that put the files together at run time.
/// </summary>
internal static class CatalogEmitter
{
    /// <summary>
    /// Every source of the catalog as the generator adds them (the catalog-wide one first), for
    /// tests and benchmarks that emit without a generator driver.
    /// </summary>
    public static System.Collections.Generic.IReadOnlyList<(string HintName, string Text)> EmitAll(BoundCatalog catalog, GeneratorOptions options, long maxLiteralTextLength = DataTableEmitter.MaxLiteralTextLength)
    {
        EquatableArray<BoundPart> parts = CatalogParts.Split(catalog);
        DataTableEmitter.TableForms forms = DataTableEmitter.Forms(DataTableEmitter.Sizes(parts, maxLiteralTextLength), options, maxLiteralTextLength);
        var sources = new System.Collections.Generic.List<(string, string)> { ("FactGen.Catalog.g.cs", EmitShell(CatalogParts.Shell(catalog), options, forms)) };
        foreach (BoundPart part in parts) sources.Add((part.HintName, EmitPart(part, options, forms)));
        return sources;
    }

    /// <summary>One fact file's source: its facts' members and its data class.</summary>
    public static string EmitPart(BoundPart part, GeneratorOptions options, DataTableEmitter.TableForms forms)
        => WritePart(part, options, forms).ToString();

    /// <summary>The same as a <see cref="Microsoft.CodeAnalysis.Text.SourceText"/> over the writer's buffer, without a copy.</summary>
    public static Microsoft.CodeAnalysis.Text.SourceText EmitPartText(BoundPart part, GeneratorOptions options, DataTableEmitter.TableForms forms)
        => new StringBuilderText(WritePart(part, options, forms).Builder);

    private static IndentedWriter WritePart(BoundPart part, GeneratorOptions options, DataTableEmitter.TableForms forms)
    {
        var writer = new IndentedWriter();
        var docs = new DocComments(writer, part.Facts, part.Labels(), part.ReportedBy);
        writer.Lines(EmitterText.Header.TrimEnd('\n'));
        writer.Line();
        writer.Open($"namespace {options.Namespace}");
        if (part.TypesNamespace is { } root)
        {
            // Built on referenced catalogs: the fact types are the root catalog's. Aliases keep the
            // one-line members short, as in a catalog of its own.
            foreach (CategoryInfo category in CategoryInfo.All) writer.Line($"using {category.TypeName} = global::{root}.{category.TypeName};");
            writer.Line();
        }
        BoundCatalog facts = part.Facts;
        WriteMembers(writer, options, part, CategoryInfo.State, facts.States.Count, i => facts.States[i].MemberName, i => facts.States[i].Id, i => docs.State(facts.States[i]), obsolete: null);
        WriteMembers(writer, options, part, CategoryInfo.Actor, facts.Actors.Count, i => facts.Actors[i].MemberName, i => facts.Actors[i].Id, i => docs.Actor(facts.Actors[i]), obsolete: null);
        WriteMembers(writer, options, part, CategoryInfo.Event, facts.Events.Count, i => facts.Events[i].MemberName, i => facts.Events[i].Id, i => docs.Event(facts.Events[i]), obsolete: i => facts.Events[i].Retraction);
        DataTableEmitter.WritePart(writer, part, options, forms);
        writer.Close();
        return writer;
    }

    /// <summary>
    /// The file's members of one category: in the category's class, or where the category has more
    /// facts than one type may hold, in this file's link of a chain of base classes (<c>Events_Part3</c>)
    /// whose static members <c>Events.X</c> still reaches.
    /// </summary>
    private static void WriteMembers(IndentedWriter writer, GeneratorOptions options, BoundPart part, CategoryInfo category, int count,
        Func<int, string> memberName, Func<int, string> id, Action<int> writeDocs, Func<int, string?>? obsolete)
    {
        int firstLink = part.Spread[(int)category.Category];
        bool spread = firstLink >= 0;
        if (count == 0) return;
        string n = "global::" + options.Namespace;
        string Link(int i) => $"{category.ClassName}_Part{(firstLink + i / CatalogParts.MaxMembersPerType).ToString(CultureInfo.InvariantCulture)}";
        if (!spread) writer.Open($"{options.Accessibility} static partial class {category.ClassName}");

        // One line per fact, as cheap to compile as a member can be: the type by its simple name
        // (a type position sees only types, and the catalog's namespace has this one) and an index.
        for (int i = 0; i < count; i++)
        {
            if (spread && i % CatalogParts.MaxMembersPerType == 0)
            {
                int link = firstLink + i / CatalogParts.MaxMembersPerType;
                if (i > 0)
                {
                    writer.Close();
                    writer.Line();
                }
                writer.Line($"/// <summary>Members of <see cref=\"{category.ClassName}\"/>, which has more facts than the runtime allows methods in one type: a link of a chain of base classes; use <see cref=\"{category.ClassName}\"/>.</summary>");
                writer.Line(EmitterText.GeneratedCodeAttribute);
                writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                writer.Open($"{options.Accessibility} abstract class {Link(i)}" + (link == 0 ? string.Empty : $" : {n}.{category.ClassName}_Part{(link - 1).ToString(CultureInfo.InvariantCulture)}"));
                writer.Line($"private protected {Link(i)}() {{ }}");
                writer.Line();
            }
            if (options.WriteDocComments) writeDocs(i);
            WriteObsolete(writer, obsolete?.Invoke(i));
            writer.Start().Append("public static ").Append(category.TypeName).Append(' ').Append(memberName(i))
                .Append(" => global::").Append(options.Namespace).Append(".FactCatalogData.").Append(part.FieldName).Append('.').Append(category.ClassName).Append('[').AppendInvariant(i).Append("];\n\n");
        }
        if (spread)
        {
            writer.Close();
            writer.Line();
            writer.Open($"{options.Accessibility} sealed partial class {category.ClassName}");
        }
        writer.Open("public static partial class Ids");
        for (int i = 0; i < count; i++)
        {
            string member = memberName(i);
            if (options.WriteDocComments)
            {
                // The class's own name cannot be an id of its category (FG0009), so it resolves here.
                // A cref does not look into base classes: a spread category names the link.
                writer.Start().Append("/// <summary>The id of <see cref=\"").Append(spread ? Link(i) : category.ClassName).Append('.').Append(member).Append("\"/>.</summary>\n");
            }
            WriteObsolete(writer, obsolete?.Invoke(i));
            SourceEscaping.AppendLiteral(writer.Start().Append("public const string ").Append(member).Append(" = "), id(i)).Append(";\n");
        }
        writer.Close();
        writer.Close();
        writer.Line();
    }

    /// <summary>A retracted fact stays in the catalog, but every use of it in code warns with the reason.</summary>
    private static void WriteObsolete(IndentedWriter writer, string? reason)
    {
        if (reason is null) return;
        SourceEscaping.AppendLiteral(writer.Start().Append("[global::System.Obsolete("), "Retracted: " + reason).Append(")]\n");
    }

    /// <summary>The catalog-wide source: kinds, the category classes' shared members, and the views over the files.</summary>
    public static string EmitShell(CatalogShell shell, GeneratorOptions options, DataTableEmitter.TableForms forms)
    {
        var writer = new IndentedWriter();
        writer.Lines(EmitterText.Header.TrimEnd('\n'));
        writer.Line();
        writer.Open($"namespace {options.Namespace}");
        string t = "global::" + (shell.Composition?.TypesNamespace ?? options.Namespace);
        if (shell.Composition is { } composition)
        {
            // Built on referenced catalogs: the fact types and kind enums are the root catalog's.
            foreach (CategoryInfo category in CategoryInfo.All) WriteAddedKinds(writer, options, composition, category);
            WriteWholeView(writer, options, composition, hasReports: !shell.ReportNames.IsEmpty);
        }
        else
        {
            foreach (CategoryInfo category in CategoryInfo.All) WriteKinds(writer, options, category, shell.KindsOf(category.Category));
        }
        foreach (CategoryInfo category in CategoryInfo.All) WriteShellCategory(writer, options, shell, category, t);
        WriteCatalogData(writer, options, shell, t, forms);
        writer.Close();
        return writer.ToString();
    }

    private static void WriteShellCategory(IndentedWriter writer, GeneratorOptions options, CatalogShell shell, CategoryInfo category, string t)
    {
        string n = "global::" + options.Namespace;
        string data = n + ".FactCatalogData";
        string type = $"{t}.{category.TypeName}";
        string list = $"global::System.Collections.Generic.IReadOnlyList<{type}>";
        string example = SourceEscaping.XmlDocText(shell.ExampleIds[(int)category.Category]);

        writer.Line($"/// <summary>Every {category.Singular} in the fact catalog, one property per fact.</summary>");
        writer.Line(EmitterText.GeneratedCodeAttribute);
        if (shell.Spread[(int)category.Category] > 0)
        {
            int last = shell.Spread[(int)category.Category] - 1;
            writer.Open($"{options.Accessibility} sealed partial class {category.ClassName} : {n}.{category.ClassName}_Part{last.ToString(CultureInfo.InvariantCulture)}");
            writer.Line($"private {category.ClassName}() {{ }}");
            writer.Line();
        }
        else
        {
            writer.Open($"{options.Accessibility} static partial class {category.ClassName}");
        }
        writer.Line(category.Category == FactCategory.Event
            ? "/// <summary>All events, in id order; see Timeline for date order.</summary>"
            : $"/// <summary>All {category.ClassName.ToLowerInvariant()}, in id order.</summary>");
        writer.Line($"public static {list} All => {data}.Views.{category.ClassName};");
        writer.Line();
        if (category.Category == FactCategory.Event)
        {
            writer.Line(shell.Composition is null
                ? "/// <summary>All events by date, earliest first (ties by id); a year-only date sorts before the months in it.</summary>"
                : "/// <summary>All events of this catalog and of the catalogs it builds on, by date, earliest first (ties by id); a year-only date sorts before the months in it.</summary>");
            writer.Line($"public static {list} Timeline => {data}.Timeline;");
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
public static {{list}} Between({{t}}.FactDate from, {{t}}.FactDate to) => {{data}}.Between(from, to);

/// <summary>
/// The events on <paramref name="date"/>, or within it for a month or a year:
/// <c>On(new FactDate(2022, 8))</c> is August 2022, including the events dated to a day in it.
/// </summary>
/// <exception cref="global::System.ArgumentException"><paramref name="date"/> is <c>default(FactDate)</c>.</exception>
public static {{list}} On({{t}}.FactDate date)
    => date.Year == 0 ? throw new global::System.ArgumentException("default(FactDate) is not a date.", nameof(date)) : {{data}}.Between(date, date);

""");
        }

        writer.Line($"/// <summary>The {category.Singular} with the id <paramref name=\"id\"/>, as written in the fact files.</summary>");
        writer.Line($"/// <remarks>FactGen's analyzer checks a constant id at compile time (FG0100); for one known when the code is written, the property is shorter and follows a rename.</remarks>");
        writer.Line($"/// <param name=\"id\">The id, such as <c>{example}</c>.</param>");
        writer.Line($"/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"id\"/> is null.</exception>");
        writer.Line($"/// <exception cref=\"global::System.Collections.Generic.KeyNotFoundException\">No {category.Singular} has that id; the message names the nearest one.</exception>");
        writer.Open($"public static {type} Get([{t}.FactId(typeof({n}.{category.ClassName}.Ids))] string id)");
        writer.Line("if (id == null) throw new global::System.ArgumentNullException(nameof(id));");
        writer.Line($"return {data}.Views.Find{category.TypeName}(id) ?? throw {data}.Views.Missing(\"{category.Singular}\", All, fact => fact.Id, id);");
        writer.Close();
        writer.Line();

        // "event" is a C# keyword: the out parameter is written @event but documented as event.
        string parameter = category.Singular == "event" ? "@event" : category.Singular;
        string notNullWhen = options.HasNotNullWhen ? "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] " : string.Empty;
        writer.Line($"/// <summary>Finds the {category.Singular} with the id <paramref name=\"id\"/>, as written in the fact files.</summary>");
        writer.Line($"/// <param name=\"id\">The id, such as <c>{example}</c>.</param>");
        writer.Line($"/// <param name=\"{category.Singular}\">The {category.Singular}, or null when there is none with that id.</param>");
        writer.Line($"/// <returns>Whether the id was found.</returns>");
        writer.Open($"public static bool TryGet(string id, {notNullWhen}out {type}? {parameter})");
        writer.Line($"{parameter} = {data}.Views.Find{category.TypeName}(id);");
        writer.Line($"return {parameter} != null;");
        writer.Close();
        writer.Line();

        writer.Line($"/// <summary>The id of every {category.Singular}, as constants for attributes and switch cases.</summary>");
        writer.Line("public static partial class Ids { }");
        writer.Close();
        writer.Line();
    }

    /// <summary><c>FactCatalogData</c>: the catalog's views over the storages of its fact files, the timeline, and the code that reads every file's data.</summary>
    private static void WriteCatalogData(IndentedWriter writer, GeneratorOptions options, CatalogShell shell, string t, DataTableEmitter.TableForms forms)
    {
        string list = $"global::System.Collections.Generic.IReadOnlyList<{t}.Event>";
        writer.Line("/// <summary>The catalog as a whole: the views over the data of its fact files.</summary>");
        writer.Line(EmitterText.GeneratedCodeAttribute);
        writer.Open("internal static partial class FactCatalogData");
        // Each fact file's source adds its Part_ field. On first use, not in the static
        // constructor, which may run before those fields are set: the order of field
        // initializers across the partial declarations is the compiler's.
        writer.Line($"private static {t}.FactCatalogViews? s_views;");
        writer.Line();
        writer.Line($"internal static {t}.FactCatalogViews Views => s_views ?? global::System.Threading.Interlocked.CompareExchange(ref s_views, NewViews(), null) ?? s_views;");
        writer.Line();
        // Which file holds each fact in id order: the lists in id order are put together from it,
        // without reading a single id.
        writer.Line($"private static {t}.FactCatalogViews NewViews() => new {t}.FactCatalogViews(");
        writer.Indent();
        System.Text.StringBuilder files = writer.Start().Append("new ").Append(t).Append(".FactCatalogStorage[] { ");
        for (int i = 0; i < shell.PartFields.Count; i++) files.Append(i == 0 ? string.Empty : ", ").Append(shell.PartFields[i]);
        files.Append(shell.PartFields.Count == 0 ? "},\n" : " },\n");
        for (int c = 0; c < 3; c++)
        {
            int[] order = shell.Orders[c].ToArray();
            System.Text.StringBuilder line = writer.Start();
            if (forms.Tables == DataTableEmitter.TableForm.Initializer)
            {
                // The form for a catalog whose literals would not fit: no literal here either.
                line.Append("new int[] {");
                for (int i = 0; i < order.Length; i++) line.Append(i == 0 ? " " : ", ").AppendInvariant(order[i]);
                line.Append(order.Length == 0 ? "}" : " }");
            }
            else
            {
                line.Append("Decode(\"");
                DataEncoding.AppendInts(line, order, 0, order.Length);
                line.Append("\", ").AppendInvariant(order.Length).Append(')');
            }
            line.Append(c < 2 || !shell.ReportNames.IsEmpty ? ",\n" : ");\n");
        }
        if (!shell.ReportNames.IsEmpty)
        {
            // The files' reports, merged into the facts they name on first use.
            System.Text.StringBuilder reports = writer.Start().Append("new ").Append(t).Append(".FactReportFile[] { ");
            for (int i = 0; i < shell.ReportNames.Count; i++) reports.Append(i == 0 ? string.Empty : ", ").Append("Reports_").Append(shell.ReportNames[i]).Append("()");
            reports.Append(" },\n");
            writer.Line("Upstream);");
        }
        writer.Outdent();
        writer.Line();
        writer.Line("/// <summary>Whether a fact file of the catalog has reports (a <c>reports</c> block): only then do its facts look for them.</summary>");
        writer.Line($"internal const bool HasReports = {(shell.ReportNames.IsEmpty ? "false" : "true")};");
        writer.Line();
        if (!shell.ReportNames.IsEmpty)
        {
            writer.Line("/// <summary>A fact of a catalog this one builds on, by category (0 state, 1 actor, 2 event), namespace and id.</summary>");
            writer.Line("private static object Upstream(int category, string @namespace, string id) => category switch");
            writer.Line("{");
            writer.Line("    0 => UpstreamState(@namespace, id),");
            writer.Line("    1 => UpstreamActor(@namespace, id),");
            writer.Line("    _ => (object)UpstreamEvent(@namespace, id),");
            writer.Line("};");
            writer.Line();
        }
        if (shell.Composition is { } composition)
        {
            // The timeline of a catalog built on others holds their events too (Events.Timeline,
            // Between and On read it); each upstream catalog's own list is its own events only.
            // Merged on first use: it reads the dates of every upstream event.
            string upstream = string.Concat(composition.UpstreamNamespaces.Select(u => shell.ReportNames.IsEmpty ? $"global::{u}.Events.All, " : $"Views.WithReports(global::{u}.Events.All), "));
            writer.Line($"private static {list}? s_timeline;");
            writer.Line($"internal static {list} Timeline => s_timeline ??= {t}.FactCatalogViews.TimelineOf({upstream}Views.Events);");
        }
        else
        {
            writer.Line($"internal static {list} Timeline => Views.Timeline;");
        }
        writer.Line();
        WriteKindValues(writer, shell, t);
        WriteUpstreamLookups(writer, shell, t);
        // The fixed members, from the template EmbeddedResources/FactCatalogData.cs.
        writer.Lines(Templates.CatalogDataMembers(shell.Composition?.TypesNamespace ?? options.Namespace, utf8Tables: forms.Tables == DataTableEmitter.TableForm.Utf8));
        writer.Close();
    }

    /// <summary>
    /// How a fact file's data reaches a fact of a catalog it builds on: by the catalog's namespace
    /// and the fact's id, through that catalog's <c>Get</c>.
    /// </summary>
    private static void WriteUpstreamLookups(IndentedWriter writer, CatalogShell shell, string t)
    {
        foreach (CategoryInfo category in CategoryInfo.All)
        {
            writer.Line($"/// <summary>The {category.Singular} <paramref name=\"id\"/> of the catalog in <paramref name=\"namespace\"/>, one this catalog builds on.</summary>");
            writer.Line($"internal static {t}.{category.TypeName} Upstream{category.TypeName}(string @namespace, string id) => @namespace switch");
            writer.Line("{");
            foreach (string upstream in shell.Composition?.UpstreamNamespaces ?? EquatableArray<string>.Empty)
            {
                SourceEscaping.AppendLiteral(writer.Start().Append("    "), upstream).Append(" => global::").Append(upstream).Append('.').Append(category.ClassName).Append(".Get(id),\n");
            }
            writer.Line("    _ => throw new global::System.ArgumentOutOfRangeException(nameof(@namespace)),");
            writer.Line("};");
            writer.Line();
        }
    }

    /// <summary>
    /// How a fact file's data names its kinds (by name, so that it depends on no other file) is
    /// turned into the enum's value: a catalog of its own names its enum's members, whose values
    /// depend on every kind of the catalog; one built on others has the root's values.
    /// </summary>
    private static void WriteKindValues(IndentedWriter writer, CatalogShell shell, string t)
    {
        writer.Line("/// <summary>The value of the kind named <paramref name=\"name\"/> of a category (0 state, 1 actor, 2 event) in its enum, or -1.</summary>");
        writer.Line("internal static int KindValue(int category, string name) => category switch");
        writer.Line("{");
        writer.Indent();
        foreach (CategoryInfo category in CategoryInfo.All)
        {
            writer.Line((category.Category == FactCategory.Event ? "_" : ((int)category.Category).ToString(CultureInfo.InvariantCulture)) + " => name switch");
            writer.Line("{");
            foreach (PartKind kind in shell.ResolvedKinds(category.Category))
            {
                string value = kind.Value >= 0 ? kind.Value.ToString(CultureInfo.InvariantCulture) : $"(int){t}.{category.KindTypeName}.{Naming.ToPascalCase(kind.Name)}";
                SourceEscaping.AppendLiteral(writer.Start().Append("    "), kind.Name).Append(" => ").Append(value).Append(",\n");
            }
            writer.Line("    _ => -1,");
            writer.Line("},");
        }
        writer.Outdent();
        writer.Line("};");
        writer.Line();
    }

    /// <summary>
    /// The kinds this catalog's facts use that the root catalog's enum does not name, as
    /// constants of that enum (their values come from their names: <see cref="UpstreamKinds.ValueOf"/>).
    /// </summary>
    private static void WriteAddedKinds(IndentedWriter writer, GeneratorOptions options, BoundComposition composition, CategoryInfo category)
    {
        string root = "global::" + composition.TypesNamespace;
        string enumName = category.KindTypeName;
        bool any = false;
        foreach (UpstreamKind kind in composition.Kinds)
        {
            if (kind.Category != category.Category || kind.Value < UpstreamKinds.FirstAddedValue) continue;
            if (!any)
            {
                writer.Line($"/// <summary>The kinds of {category.Singular} this catalog uses that <see cref=\"{root}.{enumName}\"/> does not name.</summary>");
                writer.Line(EmitterText.GeneratedCodeAttribute);
                writer.Open($"{options.Accessibility} static class {category.KindTypeName}s");
                any = true;
            }
            writer.Line($"/// <summary>{Capitalized(MessageText.WithArticle(category.Singular))} of kind <c>{SourceEscaping.XmlDocText(kind.Name)}</c>.</summary>");
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
    private static void WriteWholeView(IndentedWriter writer, GeneratorOptions options, BoundComposition composition, bool hasReports)
    {
        string root = "global::" + composition.TypesNamespace;
        string n = "global::" + options.Namespace;
        string list = "global::System.Collections.Generic.IReadOnlyList";
        string[] catalogs = composition.UpstreamNamespaces.Select(u => "global::" + u).Concat(new[] { n }).ToArray();
        // An upstream fact that this catalog's reports name is seen as this catalog's object for it, which carries them.
        string all(string className) => string.Join(", ", catalogs.Select(c => hasReports && c != n
            ? $"{n}.FactCatalogData.Views.WithReports({c}.{className}.All)"
            : $"{c}.{className}.All"));

        writer.Line("/// <summary>");
        writer.Line("/// This catalog and the catalogs it builds on, as one. The upstream catalogs' own objects do not");
        writer.Line("/// change: their back references (an actor's <c>Events</c>, a state's <c>Events</c>) hold only");
        writer.Line("/// their own catalog's facts; these views hold everything.");
        writer.Line("/// </summary>");
        writer.Line(EmitterText.GeneratedCodeAttribute);
        writer.Open($"{options.Accessibility} static partial class Catalog");
        writer.Line("/// <summary>Every state of the catalogs this one builds on (each in id order), then this catalog's.</summary>");
        writer.Line($"public static {list}<{root}.State> States {{ get; }} = {root}.FactCatalogViews.Concat({all("States")});");
        writer.Line();
        writer.Line("/// <summary>Every actor of the catalogs this one builds on (each in id order), then this catalog's.</summary>");
        writer.Line($"public static {list}<{root}.Actor> Actors {{ get; }} = {root}.FactCatalogViews.Concat({all("Actors")});");
        writer.Line();
        writer.Line("/// <summary>Every event of the catalogs this one builds on (each in id order), then this catalog's; see <see cref=\"Timeline\"/> for date order.</summary>");
        writer.Line($"public static {list}<{root}.Event> Events {{ get; }} = {root}.FactCatalogViews.Concat({all("Events")});");
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

    private static void WriteKinds(IndentedWriter writer, GeneratorOptions options, CategoryInfo category, EquatableArray<string> kinds)
    {
        writer.Line($"/// <summary>The kinds of {category.Singular} the fact files use.</summary>");
        writer.Line(EmitterText.GeneratedCodeAttribute);
        writer.Open($"{options.Accessibility} enum {category.KindTypeName}");
        foreach (string kind in kinds)
        {
            writer.Line($"/// <summary>{Capitalized(MessageText.WithArticle(category.Singular))} of kind <c>{SourceEscaping.XmlDocText(kind)}</c>.</summary>");
            writer.Line(Naming.ToPascalCase(kind) + ",");
        }
        writer.Close();
        writer.Line();
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);
}
