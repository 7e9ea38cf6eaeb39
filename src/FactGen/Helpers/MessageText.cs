namespace FactGen.Helpers;

/// <summary>
/// Fact text quoted in a diagnostic message: invisible and control characters are shown as
/// escapes (a bidi control must not reorder the build log either), and long values are cut.
/// </summary>
internal static class MessageText
{
    private const int MaxLength = 80;

    public static string Quote(string value)
    {
        string shown = value.Length > MaxLength ? value.Substring(0, MaxLength) : value;
        string escaped = SourceEscaping.Literal(shown);
        escaped = escaped.Substring(1, escaped.Length - 2).Replace("\\\"", "\"");
        return value.Length > MaxLength ? escaped + "\u2026" : escaped;
    }

    /// <summary>A category's singular with its article: "a state", "an actor", "an event".</summary>
    public static string WithArticle(string singular)
        => (singular.Length > 0 && "aeiou".IndexOf(singular[0]) >= 0 ? "an " : "a ") + singular;

    /// <summary>Items as a sentence lists them: "a", "a and b", "a, b and c".</summary>
    public static string List(System.Collections.Generic.IReadOnlyList<string> items)
        => items.Count <= 1 ? string.Concat(items) : string.Join(", ", System.Linq.Enumerable.Take(items, items.Count - 1)) + " and " + items[items.Count - 1];
}
