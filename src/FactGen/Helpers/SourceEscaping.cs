using System.Globalization;
using System.Text;

namespace FactGen.Helpers;

/// <summary>
/// Turns fact text into C# string literals and XML doc text. Fact files are edited by hand and
/// may hold anything, so everything that could end a literal or a comment, break a line, or
/// reorder what a reviewer sees (bidi controls) is escaped; nothing from YAML reaches the
/// generated source raw.
/// </summary>
internal static class SourceEscaping
{
    /// <summary>A regular C# string literal, quotes included.</summary>
    public static string Literal(string value)
        => AppendLiteral(new StringBuilder(value.Length + 2), value).ToString();

    /// <summary>Appends <paramref name="value"/> as a regular C# string literal, quotes included.</summary>
    public static StringBuilder AppendLiteral(StringBuilder builder, string value)
        => AppendLiteralBody(builder.Append('"'), value).Append('"');

    /// <summary>Appends <paramref name="value"/> escaped for a regular C# string literal, without the quotes.</summary>
    public static StringBuilder AppendLiteralBody(StringBuilder builder, string value)
    {
        foreach (char c in value)
        {
            if (c >= ' ' && c < 0x7F && c != '"' && c != '\\')
            {
                builder.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (NeedsEscape(c)) AppendUnicodeEscape(builder, c);
                    else builder.Append(c);
                    break;
            }
        }
        return builder;
    }

    /// <summary>
    /// Text for one line of an XML doc comment: markup characters become entities and every
    /// line break or invisible control becomes a space or a character reference, so the text can
    /// neither close the comment nor start a new line of code.
    /// </summary>
    public static string XmlDocText(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (!IsPlainXmlChar(value[i])) return AppendXmlDocText(new StringBuilder(value.Length + 16), value).ToString();
        }
        return value;
    }

    /// <summary>Appends <paramref name="value"/> as XML doc text; see <see cref="XmlDocText"/>.</summary>
    public static StringBuilder AppendXmlDocText(StringBuilder builder, string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (IsPlainXmlChar(c))
            {
                builder.Append(c);
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                // A valid pair is one character outside the BMP (an emoji, say): one reference.
                builder.Append("&#x").Append(char.ConvertToUtf32(c, value[++i]).ToString("X", CultureInfo.InvariantCulture)).Append(';');
                continue;
            }
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\n':
                case '\r':
                case '\t':
                case '\u2028':
                case '\u2029':
                case '\u0085':
                    builder.Append(' ');
                    break;
                default:
                    if (NeedsEscape(c) || c is '\uFFFE' or '\uFFFF')
                    {
                        // XML 1.0 cannot carry C0 controls, lone surrogates or U+FFFE/U+FFFF, not even
                        // as references (the compiler would warn CS1570): they become U+FFFD.
                        if (c < 0x20 || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF') builder.Append('\uFFFD');
                        else builder.Append("&#x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(';');
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder;
    }

    /// <summary>Printable ASCII that is not XML markup: the common case, copied as is.</summary>
    private static bool IsPlainXmlChar(char c) => c >= ' ' && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"';

    private static bool NeedsEscape(char c)
    {
        if (c < 0x20 || c == 0x7F) return true;
        if (char.IsSurrogate(c)) return true; // pairs are escaped too: simpler than validating them
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:             // bidi controls, zero-width characters
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
                return true;
            default:
                return false;
        }
    }

    private static void AppendUnicodeEscape(StringBuilder builder, char c)
        => builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
}
