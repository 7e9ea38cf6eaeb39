using System.Collections.Generic;
using System.Text;
using FactGen.Binding;
using FactGen.Helpers;
using FactGen.Models;

namespace FactGen.Emitting;

/// <summary>
/// The XML doc comments on catalog members: what the fact says and which article it cites, so
/// hovering <c>Actors.DenisPushilin</c> shows the fact. Related facts are named rather than
/// linked: the typed members link them, and a name reads better in a tooltip and costs the
/// compiler less than a cref. Every piece of fact text goes through
/// <see cref="SourceEscaping.AppendXmlDocText"/>. Written straight into the output, since there
/// is one per fact.
/// </summary>
internal sealed class DocComments
{
    private readonly IndentedWriter _writer;
    private readonly BoundCatalog _catalog;
    private readonly string[] _citations;
    private readonly ReferenceLabels _labels;
    private readonly Dictionary<(FactCategory, string), List<FactReporter>>? _reporters;

    /// <param name="catalog">One fact file's facts (a part's).</param>
    /// <param name="labels">What the part's references to states and actors are called in its text.</param>
    /// <param name="reporters">The other sources that report on the part's facts, in file order.</param>
    public DocComments(IndentedWriter writer, BoundCatalog catalog, ReferenceLabels labels, EquatableArray<FactReporter> reporters = default)
    {
        _writer = writer;
        _catalog = catalog;
        _labels = labels;
        if (!reporters.IsEmpty)
        {
            _reporters = new Dictionary<(FactCategory, string), List<FactReporter>>();
            foreach (FactReporter reporter in reporters)
            {
                if (!_reporters.TryGetValue((reporter.Category, reporter.Id), out List<FactReporter>? list)) _reporters.Add((reporter.Category, reporter.Id), list = new List<FactReporter>());
                list.Add(reporter);
            }
        }
        // Each source is cited by many facts: escape its citation once.
        _citations = new string[catalog.Sources.Count];
        for (int i = 0; i < _citations.Length; i++) _citations[i] = Citation(catalog.Sources[i]);
    }

    public void State(BoundState state)
    {
        StringBuilder b = Summary();
        Text(b, state.Name);
        if (state.OfficialName is not null) Text(b.Append(" ("), state.OfficialName).Append(')');
        b = Remarks(b, ".</summary>\n").Append("State <c>");
        Text(b, state.Id).Append("</c>, ");
        Kind(b, _catalog.StateKinds, state.Kind).Append('.');
        if (state.Capital is not null) Text(b.Append(" Capital: "), state.Capital).Append('.');
        if (state.Within >= 0) Text(b.Append(" Within "), StateName(state.Within)).Append('.');
        if (state.RecognizedBy.Count > 0)
        {
            b.Append(" Recognized by ");
            for (int i = 0; i < state.RecognizedBy.Count; i++)
            {
                if (i > 0) b.Append(", ");
                Text(b, StateName(state.RecognizedBy[i]));
            }
            b.Append('.');
        }
        if (state.HasErrors) b.Append(HasErrorsNote);
        End(b, state.Source, FactCategory.State, state.Id);
    }

    public void Actor(BoundActor actor)
    {
        StringBuilder b = Summary();
        Text(b, actor.Name);
        if (actor.Role is not null) Text(b.Append(": "), actor.Role);
        b = Remarks(b, ".</summary>\n").Append("Actor <c>");
        Text(b, actor.Id).Append("</c>, ");
        Kind(b, _catalog.ActorKinds, actor.Kind).Append('.');
        if (actor.State >= 0) Text(b.Append(" State: "), StateName(actor.State)).Append('.');
        if (actor.HasErrors) b.Append(HasErrorsNote);
        End(b, actor.Source, FactCategory.Actor, actor.Id);
    }

    public void Event(BoundEvent @event)
    {
        StringBuilder b = Summary();
        // First, where a tooltip cannot miss it.
        if (@event.Status == BoundStatus.Disputed) b.Append("Disputed. ");
        if (@event.Retraction is { } reason)
        {
            Text(b.Append("Retracted: "), reason.TrimEnd());
            b.Append(reason.TrimEnd() is { Length: > 0 } r && r[r.Length - 1] is '.' or '!' or '?' ? " " : ". ");
        }
        b.Append(@event.Date.ToString()).Append(", ");
        Kind(b, _catalog.EventKinds, @event.Kind).Append(": ");
        Text(b, @event.Summary);
        b = Remarks(b, "</summary>\n").Append("Event <c>");
        Text(b, @event.Id).Append("</c>, ").Append(StatusWord(@event.Status)).Append('.');
        ActorList(b, " Actors: ", @event.Actors);
        ActorList(b, " Reported by ", @event.ReportedBy);
        if (@event.Note is not null) Text(b.Append(" Note: "), @event.Note);
        if (@event.HasErrors) b.Append(HasErrorsNote);
        End(b, @event.Source, FactCategory.Event, @event.Id);
    }

    /// <summary>The citation: outlet, title and date, escaped (the link is on <c>Source.Url</c>).</summary>
    public static string Citation(BoundSource source) => Cite(new StringBuilder("Source: "), source).Append('.').ToString();

    private static StringBuilder Cite(StringBuilder b, BoundSource source)
    {
        Text(b, source.Outlet);
        if (source.Title is not null) Text(b.Append(", \u201C"), source.Title).Append('\u201D');
        if (source.Published is { } published) b.Append(", ").Append(published.ToString());
        return b;
    }

    private static string StatusWord(BoundStatus status) => status switch
    {
        BoundStatus.Confirmed => "confirmed",
        BoundStatus.Disputed => "disputed",
        BoundStatus.Retracted => "retracted",
        _ => "reported",
    };

    private void ActorList(StringBuilder b, string label, EquatableArray<int> actors)
    {
        if (actors.Count == 0) return;
        b.Append(label);
        for (int i = 0; i < actors.Count; i++)
        {
            if (i > 0) b.Append(", ");
            Text(b, ActorName(actors[i]));
        }
        b.Append('.');
    }

    /// <summary>Said of a fact declared despite an error, whose values may be placeholders.</summary>
    private const string HasErrorsNote = " This fact has an error in its fact file (the build reports it); its values are placeholders until it is fixed.";

    /// <summary>The kind's name (a position in the file's kinds); a fact with an error has none (-1).</summary>
    private static StringBuilder Kind(StringBuilder b, EquatableArray<string> kinds, int kind)
        => kind < 0 ? b.Append("of no kind yet") : Text(b, kinds[kind]);

    private string StateName(int index) => _labels.State(index);

    private string ActorName(int index) => _labels.Actor(index);

    private StringBuilder Summary() => _writer.Start().Append("/// <summary>");

    private StringBuilder Remarks(StringBuilder summary, string endOfSummary)
    {
        summary.Append(endOfSummary);
        return _writer.Start().Append("/// <remarks>");
    }

    /// <summary>The fact's citation, then each other source that reports on it or disputes it.</summary>
    private void End(StringBuilder b, int source, FactCategory category, string id)
    {
        b.Append(' ').Append(_citations[source]);
        if (_reporters is not null && _reporters.TryGetValue((category, id), out List<FactReporter>? reporters))
        {
            foreach (FactReporter reporter in reporters)
            {
                b.Append(reporter.Disputes ? " Disputed by: " : " Also reported by: ");
                Cite(b, reporter.Source).Append('.');
            }
        }
        b.Append("</remarks>\n");
    }

    private static StringBuilder Text(StringBuilder b, string value) => SourceEscaping.AppendXmlDocText(b, value);

}
