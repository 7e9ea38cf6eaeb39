using System.Text;

namespace FactGen.Helpers;

/// <summary>The id rules of the fact format and how ids become C# names.</summary>
internal static class Naming
{
    // Ids and kinds: lowercase kebab-case, ASCII only. Everything derived from them is therefore
    // a valid C# identifier once PascalCased, and cannot be a keyword (keywords are lowercase).
    // \A and \z, not ^ and $: '$' also matches before a final '\n', which would let "abc\n" through.
    // Ids and kinds match \A[a-z][a-z0-9]*(-[a-z0-9]+)*\z (checked by hand in IsKebabCase).

    /// <summary>
    /// Ids become C# identifiers, which the compiler caps at 512 characters (CS0645); 200 leaves
    /// room and is far beyond any real id.
    /// </summary>
    public const int MaxIdLength = 200;

    public static bool IsKebabCase(string value)
    {
        // The pattern above, by hand: one id and one kind per fact.
        if (value.Length == 0 || value.Length > MaxIdLength || value[0] < 'a' || value[0] > 'z') return false;
        bool afterHyphen = false;
        for (int i = 1; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '-')
            {
                if (afterHyphen) return false;
                afterHyphen = true;
            }
            else if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                afterHyphen = false;
            }
            else
            {
                return false;
            }
        }
        return !afterHyphen;
    }

    /// <summary><c>denis-pushilin</c> becomes <c>DenisPushilin</c>. Call only on kebab-case input.</summary>
    public static string ToPascalCase(string kebab)
    {
        var builder = new StringBuilder(kebab.Length);
        bool upper = true;
        foreach (char c in kebab)
        {
            if (c == '-')
            {
                upper = true;
                continue;
            }
            builder.Append(upper && c is >= 'a' and <= 'z' ? (char)(c - 'a' + 'A') : c);
            upper = false;
        }
        return builder.ToString();
    }

    /// <summary>
    /// The id a name would most likely have: <c>Donetsk People's Republic</c> gives
    /// <c>donetsk-peoples-republic</c> (letters and digits kept, lowercased; other runs become one hyphen, apostrophes vanish).
    /// </summary>
    public static string KebabOfName(string name)
    {
        var b = new System.Text.StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (c is '\'' or '\u2019') continue;
            if (char.IsLetterOrDigit(c)) b.Append(char.ToLowerInvariant(c));
            else if (b.Length > 0 && b[b.Length - 1] != '-') b.Append('-');
        }
        return b.ToString().Trim('-');
    }

    /// <summary>A kebab-case spelling of a bad id or kind, for the message.</summary>
    public static string SuggestKebab(string value)
    {
        var builder = new System.Text.StringBuilder();
        for (int i = 0; i < value.Length && builder.Length < 60; i++)
        {
            char c = value[i];
            if (c is >= 'A' and <= 'Z')
            {
                if (builder.Length > 0 && builder[builder.Length - 1] != '-' && i > 0 && value[i - 1] is >= 'a' and <= 'z') builder.Append('-');
                builder.Append((char)(c - 'A' + 'a'));
            }
            else if (c is '"' or '\'')
            {
                // A stray quote is no part of a word: 'north-ko"rea' was meant as 'north-korea'.
            }
            else if (c is >= 'a' and <= 'z' || (c is >= '0' and <= '9' && builder.Length > 0))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                builder.Append('-');
            }
        }
        string result = builder.ToString().Trim('-');
        return result.Length == 0 ? "my-fact" : result;
    }
}
