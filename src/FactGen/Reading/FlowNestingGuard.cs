namespace FactGen.Reading;

/// <summary>
/// A linear pre-scan for deeply nested flow collections (<c>[[[[</c>, <c>{{{{</c>). YamlDotNet's
/// scanner does work proportional to the flow depth for every token, so a file of a million
/// <c>[</c> would keep the compiler busy for hours. Files nested deeper than the reader would accept
/// anyway are refused before they reach the parser.
/// </summary>
/// <remarks>
/// The scan follows YAML closely enough for this purpose: it skips quoted scalars (a quote opens
/// one only where a scalar can start) and comments. Brackets inside block scalars or plain text
/// are counted too, which can only make it stricter, never let a deep file through.
/// </remarks>
internal static class FlowNestingGuard
{
    /// <summary>The offset of the first bracket nested deeper than <paramref name="maxDepth"/>, or -1.</summary>
    public static int FindTooDeep(string text, int maxDepth)
    {
        int depth = 0;
        char previous = '\n'; // the last character that is not a space or a tab
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '[':
                case '{':
                    if (++depth > maxDepth) return i;
                    break;
                case ']':
                case '}':
                    if (depth > 0) depth--;
                    break;
                case '#' when i == 0 || text[i - 1] is ' ' or '\t' or '\n' or '\r':
                    while (i + 1 < text.Length && text[i + 1] is not '\n' and not '\r') i++;
                    break;
                case '"' when StartsScalar(previous):
                    for (i++; i < text.Length && text[i] != '"'; i++)
                    {
                        if (text[i] == '\\') i++;
                    }
                    break;
                case '\'' when StartsScalar(previous):
                    for (i++; i < text.Length; i++)
                    {
                        if (text[i] != '\'') continue;
                        if (i + 1 < text.Length && text[i + 1] == '\'') i++; // '' is an escaped quote
                        else break;
                    }
                    break;
            }
            if (i < text.Length && text[i] is not ' ' and not '\t') previous = text[i];
        }
        return -1;
    }

    /// <summary>Whether a scalar can start after this character (so a quote there opens one).</summary>
    private static bool StartsScalar(char previous) => previous is '\n' or '\r' or ':' or '-' or ',' or '[' or '{' or '?';
}
