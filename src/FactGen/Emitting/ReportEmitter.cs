using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using FactGen.Binding;
using FactGen.Helpers;
using FactGen.Models;

namespace FactGen.Emitting;

/// <summary>
/// Emits the reports of one fact file (<c>FactGen.Reports.&lt;file&gt;.g.cs</c>): a method of the
/// catalog's <c>FactCatalogData</c> that returns the file's source and, per report, the reported
/// fact and the values its source gave, facts by id and kinds by name. The catalog's views merge
/// them into the facts they name on first use, so the source depends on this file alone: an edit
/// to a report re-emits it and nothing else. Reports are written by hand, a few per file, so they
/// are plain code rather than data tables.
/// </summary>
internal static class ReportEmitter
{
    public static string Emit(BoundReportFile file, GeneratorOptions options, string? typesNamespace)
    {
        string t = "global::" + (typesNamespace ?? options.Namespace);
        var writer = new IndentedWriter();
        writer.Lines(EmitterText.Header.TrimEnd('\n'));
        writer.Line();
        writer.Open($"namespace {options.Namespace}");
        writer.Open("internal static partial class FactCatalogData");
        writer.Line($"/// <summary>The reports of {SourceEscaping.XmlDocText(System.IO.Path.GetFileName(file.Path))}: what its source says of facts declared elsewhere.</summary>");
        writer.Line($"internal static {t}.FactReportFile {file.MethodName}() => new {t}.FactReportFile(");
        writer.Indent();
        BoundSource source = file.Source;
        StringBuilder head = writer.Start();
        SourceEscaping.AppendLiteral(head, source.Outlet).Append(", ");
        Text(head, source.Title).Append(", ");
        head.Append(source.Published is { } published ? RowLayout.DateKey(published.Year, published.Month, published.Day).ToString(CultureInfo.InvariantCulture) : "0").Append(", ");
        Text(head, source.Language).Append(", ");
        Text(head, source.Url).Append(",\n");
        writer.Line($"new {t}.FactReport[]");
        writer.Line("{");
        writer.Indent();
        foreach (BoundReport report in file.Reports) WriteReport(writer.Start(), t, report);
        writer.Outdent();
        writer.Line("});");
        writer.Outdent();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void WriteReport(StringBuilder b, string t, BoundReport r)
    {
        string factory = r.Category switch { FactCategory.State => "OnState", FactCategory.Actor => "OnActor", _ => "OnEvent" };
        b.Append(t).Append(".FactReport.").Append(factory).Append('(');
        SourceEscaping.AppendLiteral(b, r.Target.ToString()).Append(r.Disputes ? ", true, " : ", false, ");
        Texts(b, r.Preferred);
        int category = (int)r.Category;
        void Named(string name) => b.Append(", ").Append(name).Append(": ");
        void Value(string name, string? value)
        {
            if (value is null) return;
            Named(name);
            SourceEscaping.AppendLiteral(b, value);
        }
        void Reference(string name, BoundRef? value) => Value(name, value?.ToString());
        void References(string name, EquatableArray<BoundRef> values)
        {
            if (values.IsEmpty) return;
            Named(name);
            Texts(b, values.Select(static v => v.ToString()));
        }
        void List(string name, IEnumerable<string> values)
        {
            if (!values.Any()) return;
            Named(name);
            Texts(b, values);
        }
        switch (r.Category)
        {
            case FactCategory.State:
                Value("name", r.Name);
                Value("officialName", r.OfficialName);
                Kind(r.Kind);
                Value("capital", r.Capital);
                Reference("within", r.Within);
                References("recognizedBy", r.RecognizedBy);
                List("aliases", r.Aliases);
                List("labels", r.Labels.SelectMany(static l => new[] { l.Language, l.Text }));
                break;
            case FactCategory.Actor:
                Value("name", r.Name);
                Kind(r.Kind);
                Value("role", r.Role);
                Reference("state", r.State);
                List("aliases", r.Aliases);
                List("labels", r.Labels.SelectMany(static l => new[] { l.Language, l.Text }));
                break;
            default:
                if (r.Date is { } date)
                {
                    Named("date");
                    b.Append(RowLayout.DateKey(date.Year, date.Month, date.Day).ToString(CultureInfo.InvariantCulture));
                }
                Kind(r.Kind);
                Value("summary", r.Summary);
                References("actors", r.Actors);
                References("states", r.States);
                Reference("place", r.Place);
                References("reportedBy", r.ReportedBy);
                References("follows", r.Follows);
                if (r.Status is { } status)
                {
                    Named("status");
                    b.Append(status.ToString(CultureInfo.InvariantCulture));
                }
                Value("retraction", r.Retraction);
                Value("note", r.Note);
                break;
        }
        b.Append("),\n");

        // By name, so that the report depends on no other file's kinds: KindValue gives the enum's value.
        void Kind(string? kind)
        {
            if (kind is null) return;
            Named("kind");
            b.Append("KindValue(").Append(category.ToString(CultureInfo.InvariantCulture)).Append(", ");
            SourceEscaping.AppendLiteral(b, kind).Append(')');
        }
    }

    private static StringBuilder Text(StringBuilder b, string? value)
        => value is null ? b.Append("null") : SourceEscaping.AppendLiteral(b, value);

    private static void Texts(StringBuilder b, IEnumerable<string> values)
    {
        b.Append("new string[] {");
        bool first = true;
        foreach (string value in values)
        {
            b.Append(first ? " " : ", ");
            SourceEscaping.AppendLiteral(b, value);
            first = false;
        }
        b.Append(first ? "}" : " }");
    }
}
