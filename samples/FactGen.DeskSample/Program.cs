// The composition sample: a desk's app whose fact file (facts/*.facts.yaml, a Reuters report)
// references the states and actors of a shared catalog (samples/FactGen.SharedCatalog, the seed)
// by id, and reports on one of its events. Both catalogs hand out the same objects: there is one North Korea, whichever catalog
// you reach it from.
//
//   dotnet run --project samples/FactGen.DeskSample              both timelines as one
//   dotnet run --project samples/FactGen.DeskSample -- --mermaid  the relation graph of both catalogs
using FactGen.DeskSample.Facts;
using Shared = FactGen.SharedCatalog.Facts;

if (args is ["--mermaid"])
{
    Console.Write(Catalog.ToMermaid());
    return 0;
}
if (args.Length > 0)
{
    Console.Error.WriteLine("usage: FactGen.DeskSample [--mermaid]");
    return args[0] is "--help" or "-h" ? 0 : 2;
}

// The desk's Reuters file reports on the shared catalog's recognition event rather than declaring
// it again: one event, with both sources. Reuters gives the day within Kontan's year, so the event
// is dated to the day, and the two republics it names are both among its states.
Shared.Event recognition = Catalog.Timeline.Single(e => e.Id == Shared.Events.Ids.NorthKoreaRecognizesDonetsk);
Console.WriteLine($"{recognition.Date}: {recognition.Summary}");
Console.WriteLine($"  states: {string.Join(", ", recognition.States.Select(s => s.Name))}");
foreach (Shared.EventReport source in recognition.Sources)
{
    string what = source.IsDeclaration ? "declares it" : source.Stance == Shared.FactStance.Disputes ? "disputes it" : "reports it";
    Console.WriteLine($"  {source.Source.Outlet} {what}, dated {source.Date?.ToString() ?? "-"}");
}
Shared.State northKorea = recognition.States[0];
Console.WriteLine($"  {northKorea.Name} is the shared catalog's own object: {ReferenceEquals(northKorea, Shared.States.NorthKorea)}");
Console.WriteLine($"  the shared catalog's own view of it is unchanged: {Shared.Events.NorthKoreaRecognizesDonetsk.Date}, {Shared.Events.NorthKoreaRecognizesDonetsk.Sources.Count} source");
Console.WriteLine();

// A kind the shared catalog never used: the desk's catalog names it.
Shared.Event severance = Events.UkraineCutsTiesWithNorthKorea;
Console.WriteLine($"{severance.Id} is a severance: {severance.Kind == EventKinds.Severance}");
Console.WriteLine($"  it follows the recognition, as this catalog sees it: {ReferenceEquals(severance.Follows[0], recognition)}");
Console.WriteLine();

// The shared catalog's objects do not change: its timeline holds its own events only. The desk's
// catalog offers the whole view.
Console.WriteLine($"The shared catalog has {Shared.Events.Timeline.Count} events, the desk's {Events.All.Count}; together:");
foreach (Shared.Event e in Catalog.Timeline)
{
    string from = Shared.Events.TryGet(e.Id, out _) ? "shared" : "desk";
    Console.WriteLine($"  {e.Date,-10}  {from,-6}  {e.Id}");
}
Console.WriteLine();

Shared.State dpr = Shared.States.DonetskPeoplesRepublic;
Console.WriteLine($"Events of both catalogs that involve {dpr.Name}: {Catalog.Timeline.Count(e => e.States.Contains(dpr))}");
Console.WriteLine($"  of the shared catalog alone ({nameof(Shared.State)}.{nameof(Shared.State.Events)}): {dpr.Events.Count}");
return 0;
