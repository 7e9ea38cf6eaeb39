// The composition sample: a desk's app whose fact file (facts/*.facts.yaml, a Reuters report)
// references the states and actors of a shared catalog (samples/FactGen.SharedCatalog, the seed)
// by id. Both catalogs hand out the same objects: there is one North Korea, whichever catalog
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

// The desk's own event references the shared catalog's state: the very same object.
Shared.Event recognition = Events.NorthKoreaRecognizesDprLpr;
Shared.State northKorea = recognition.States[0];
Console.WriteLine($"{recognition.Date}: {recognition.Summary}");
Console.WriteLine($"  {northKorea.Name} is the shared catalog's own object: {ReferenceEquals(northKorea, Shared.States.NorthKorea)}");
Console.WriteLine($"  follows: {string.Join(", ", recognition.Follows.Select(e => e.Id))}");
Console.WriteLine();

// A kind the shared catalog never used: the desk's catalog names it.
Shared.Event severance = Events.UkraineCutsTiesWithNorthKorea;
Console.WriteLine($"{severance.Id} is a severance: {severance.Kind == EventKinds.Severance}");
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
