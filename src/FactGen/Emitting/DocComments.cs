using System.Collections.Generic;
using System.Linq;
using FactGen.Binding;
using FactGen.Helpers;

namespace FactGen.Emitting;

/// <summary>
/// The XML doc comments on catalog members: what the fact says and which article it cites, so
/// hovering <c>Actors.DenisPushilin</c> shows the fact. Every piece of fact text goes through
/// <see cref="SourceEscaping.XmlDocText"/>.
/// </summary>
internal static class DocComments
{
    public static void State(IndentedWriter writer, string catalogNamespace, BoundCatalog catalog, BoundState state)
    {
        string summary = Text(state.Name) + (state.OfficialName is null ? string.Empty : $" ({Text(state.OfficialName)})");
        var remarks = new List<string> { $"State <c>{Text(state.Id)}</c>, {Text(catalog.StateKinds[state.Kind])}." };
        if (state.Capital is not null) remarks.Add($"Capital: {Text(state.Capital)}.");
        if (state.Within >= 0) remarks.Add($"Within {Ref(catalogNamespace, "States", catalog.States[state.Within].MemberName)}.");
        if (state.RecognizedBy.Count > 0) remarks.Add($"Recognized by {Join(state.RecognizedBy.Select(i => Ref(catalogNamespace, "States", catalog.States[i].MemberName)))}.");
        Write(writer, summary + ".", remarks, catalog.Sources[state.Source]);
    }

    public static void Actor(IndentedWriter writer, string catalogNamespace, BoundCatalog catalog, BoundActor actor)
    {
        string summary = Text(actor.Name) + (actor.Role is null ? string.Empty : ": " + Text(actor.Role));
        var remarks = new List<string> { $"Actor <c>{Text(actor.Id)}</c>, {Text(catalog.ActorKinds[actor.Kind])}." };
        if (actor.State >= 0) remarks.Add($"State: {Ref(catalogNamespace, "States", catalog.States[actor.State].MemberName)}.");
        Write(writer, summary + ".", remarks, catalog.Sources[actor.Source]);
    }

    public static void Event(IndentedWriter writer, string catalogNamespace, BoundCatalog catalog, BoundEvent @event)
    {
        string summary = $"{@event.Date}, {Text(catalog.EventKinds[@event.Kind])}: {Text(@event.Summary)}";
        var remarks = new List<string> { $"Event <c>{Text(@event.Id)}</c>, {@event.Status.ToString().ToLowerInvariant()}." };
        if (@event.Actors.Count > 0) remarks.Add($"Actors: {Join(@event.Actors.Select(i => Ref(catalogNamespace, "Actors", catalog.Actors[i].MemberName)))}.");
        if (@event.ReportedBy.Count > 0) remarks.Add($"Reported by {Join(@event.ReportedBy.Select(i => Ref(catalogNamespace, "Actors", catalog.Actors[i].MemberName)))}.");
        if (@event.Note is not null) remarks.Add("Note: " + Text(@event.Note));
        Write(writer, summary, remarks, catalog.Sources[@event.Source]);
    }

    /// <summary>The citation: outlet, title, date and link.</summary>
    public static string Citation(BoundSource source)
    {
        string text = "Source: " + Text(source.Outlet);
        if (source.Title is not null) text += ", \u201C" + Text(source.Title) + "\u201D";
        if (source.Published is { } published) text += ", " + published;
        if (source.Url is not null) text += $", <see href=\"{Text(source.Url)}\"/>";
        return text + ".";
    }

    private static void Write(IndentedWriter writer, string summary, List<string> remarks, BoundSource source)
    {
        writer.Line($"/// <summary>{summary}</summary>");
        writer.Line($"/// <remarks>{string.Join(" ", remarks)} {Citation(source)}</remarks>");
    }

    private static string Text(string value) => SourceEscaping.XmlDocText(value);

    private static string Ref(string catalogNamespace, string catalogClass, string member) => $"<see cref=\"global::{catalogNamespace}.{catalogClass}.{member}\"/>";

    private static string Join(IEnumerable<string> items) => string.Join(", ", items);
}
