// The FactGen sample: everything below comes from seeds/*.facts.yaml through generated members.
// There is no string id anywhere: rename or remove a fact and this file stops compiling.
//
//   dotnet run --project samples/FactGen.Sample                  the catalog, in English
//   dotnet run --project samples/FactGen.Sample -- --lang id     names in Indonesian where the facts have them
//   dotnet run --project samples/FactGen.Sample -- --mermaid     the relation graph as a Mermaid flowchart
using FactGen.Sample.Facts;
using Spectre.Console;

string? lang = null;
bool mermaid = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--lang" when i + 1 < args.Length:
            lang = args[++i];
            break;
        case "--mermaid":
            mermaid = true;
            break;
        default:
            Console.Error.WriteLine("usage: FactGen.Sample [--lang <BCP 47 tag, e.g. id>] [--mermaid]");
            return args[i] is "--help" or "-h" ? 0 : 2;
    }
}

if (mermaid)
{
    // Plain text on stdout, so it can go straight into a file: -- --mermaid > catalog.mmd
    Console.Write(Catalog.ToMermaid(lang));
    return 0;
}

var console = AnsiConsole.Console;
Text text = Text.For(lang);

console.Write(new Rule($"[bold]{text.Timeline}[/]").LeftJustified());
console.Write(EventTable(Events.Timeline));
console.WriteLine();

// Events.Between takes each date at its precision: July and August 2022 hold the events dated to
// a month or a day in them. Events known only to the year 2022 may fall in this window or not;
// FactDate.Overlaps finds those.
var july = new FactDate(2022, 7);
var august = new FactDate(2022, 8);
console.Write(new Rule($"[bold]{text.JulyAugust}[/]").LeftJustified());
IReadOnlyList<Event> inWindow = Events.Between(july, august);
console.Write(EventTable(inWindow));
List<Event> maybe = Events.Timeline.Where(e => !inWindow.Contains(e) && (e.Date.Overlaps(july) || e.Date.Overlaps(august))).ToList();
if (maybe.Count > 0)
{
    console.MarkupLine($"[grey]{text.MaybeInWindow}[/]");
    foreach (Event e in maybe) console.MarkupLine($"[grey]  {e.Date}: {Markup.Escape(e.Summary)}[/]");
}
console.WriteLine();

State dpr = States.DonetskPeoplesRepublic;
console.Write(new Rule($"[bold]{text.WhoRecognizes} {Markup.Escape(dpr.NameIn(lang))}[/]").LeftJustified());
int order = 0;
foreach (State recognizer in dpr.RecognizedBy)
{
    order++;
    console.MarkupLine($"  {order}. {Markup.Escape(recognizer.NameIn(lang))} [grey]({Kebab(recognizer.Kind)})[/]");
}
console.WriteLine();

console.Write(new Rule($"[bold]{text.Actors}[/]").LeftJustified());
var tree = new Tree($"[bold]{text.ActorsByState}[/]");
foreach (var group in Actors.All.GroupBy(a => a.State).OrderBy(g => g.Key is null).ThenBy(g => g.Key?.NameIn(lang), StringComparer.Ordinal))
{
    TreeNode node = tree.AddNode(Markup.Escape(group.Key?.NameIn(lang) ?? text.NoState));
    foreach (Actor actor in group)
    {
        string role = actor.Role is null ? string.Empty : $": {Markup.Escape(actor.Role)}";
        // Actor.Timeline: what the actor did and what it reported, in date order.
        string timeline = actor.Timeline.Count == 0 ? string.Empty : $"\n[grey]{string.Join("; ", actor.Timeline.Select(e => $"{e.Date} {Kebab(e.Kind)}"))}[/]";
        node.AddNode($"[bold]{Markup.Escape(actor.NameIn(lang))}[/] [grey]({Kebab(actor.Kind)})[/]{role}{timeline}");
    }
}
console.Write(tree);
return 0;

Table EventTable(IEnumerable<Event> events)
{
    var table = new Table().Border(TableBorder.Rounded).Expand();
    table.AddColumn(new TableColumn(text.When).NoWrap());
    table.AddColumn(new TableColumn(text.Who).Width(24));
    table.AddColumn(text.WhatHappened);
    foreach (Event e in events)
    {
        string when = $"{e.Date} [bold]{Kebab(e.Kind)}[/]";
        if (e.Status != FactStatus.Reported) when += $"\n[yellow]{e.Status.ToString().ToLowerInvariant()}[/]";
        string who = Markup.Escape(Names(e.Actors));
        if (e.ReportedBy.Count > 0) who += $"\n[grey]{text.ReportedBy} {Markup.Escape(Names(e.ReportedBy))}[/]";
        table.AddRow(new Markup(when), new Markup(who), new Markup(Markup.Escape(e.Summary)));
    }
    return table;
}

string Names(IReadOnlyList<Actor> actors) => actors.Count == 0 ? "-" : string.Join(", ", actors.Select(a => a.NameIn(lang)));

// Kinds are enums (EventKind.TalksRound); the fact files write them in kebab case (talks-round).
static string Kebab(Enum kind) => string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

/// <summary>The sample's own headings; the facts' names come from their labels.</summary>
sealed record Text(
    string Timeline, string JulyAugust, string MaybeInWindow, string WhoRecognizes, string Actors, string ActorsByState,
    string NoState, string When, string Who, string WhatHappened, string ReportedBy)
{
    public static Text For(string? lang) => lang is not null && (lang == "id" || lang.StartsWith("id-", StringComparison.OrdinalIgnoreCase))
        ? new("Linimasa", "Juli–Agustus 2022", "Bertanggal tahun 2022 saja, mungkin juga dalam rentang ini:", "Yang mengakui", "Aktor",
            "Aktor menurut negara", "tanpa negara", "Kapan", "Siapa", "Apa yang terjadi", "dilaporkan oleh")
        : new("Timeline", "What happened in July–August 2022", "Dated only to 2022, so possibly in this window too:", "Who recognizes the",
            "Actors", "Actors by state", "no state", "When", "Who", "What happened", "reported by");
}
