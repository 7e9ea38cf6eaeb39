// The FactGen sample: everything below comes from seeds/*.facts.yaml through generated members.
// There is no string id anywhere: rename or remove a fact and this file stops compiling.
using FactGen.Sample.Facts;
using Spectre.Console;

var console = AnsiConsole.Console;

console.Write(new Rule("[bold]Timeline[/]").LeftJustified());
var timeline = new Table().Border(TableBorder.Rounded).Expand();
timeline.AddColumn(new TableColumn("When").NoWrap());
timeline.AddColumn(new TableColumn("Who").Width(24));
timeline.AddColumn("What happened");
foreach (Event e in Events.Timeline)
{
    string when = $"{e.Date} [bold]{Kebab(e.Kind)}[/]";
    if (e.Status != FactStatus.Reported) when += $"\n[yellow]{e.Status.ToString().ToLowerInvariant()}[/]";
    string who = Markup.Escape(Names(e.Actors));
    if (e.ReportedBy.Count > 0) who += $"\n[grey]reported by {Markup.Escape(Names(e.ReportedBy))}[/]";
    timeline.AddRow(new Markup(when), new Markup(who), new Markup(Markup.Escape(e.Summary)));
}
console.Write(timeline);
console.WriteLine();

State dpr = States.DonetskPeoplesRepublic;
console.Write(new Rule($"[bold]Who recognizes the {Markup.Escape(dpr.Name)}[/]").LeftJustified());
int order = 0;
foreach (State recognizer in dpr.RecognizedBy)
{
    order++;
    console.MarkupLine($"  {order}. {Markup.Escape(recognizer.Name)} [grey]({Kebab(recognizer.Kind)})[/]");
}
console.WriteLine();

console.Write(new Rule("[bold]Actors[/]").LeftJustified());
var tree = new Tree("[bold]Actors by state[/]");
foreach (var group in Actors.All.GroupBy(a => a.State).OrderBy(g => g.Key is null).ThenBy(g => g.Key?.Name, StringComparer.Ordinal))
{
    TreeNode node = tree.AddNode(Markup.Escape(group.Key?.Name ?? "no state"));
    foreach (Actor actor in group)
    {
        string role = actor.Role is null ? string.Empty : $": {Markup.Escape(actor.Role)}";
        node.AddNode($"[bold]{Markup.Escape(actor.Name)}[/] [grey]({Kebab(actor.Kind)})[/]{role}");
    }
}
console.Write(tree);

// Kinds are enums (EventKind.TalksRound); the fact files write them in kebab case (talks-round).
static string Kebab(Enum kind) => string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

static string Names(IReadOnlyList<Actor> actors) => actors.Count == 0 ? "-" : string.Join(", ", actors.Select(a => a.Name));
