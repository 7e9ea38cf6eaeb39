using System;
using System.Text.RegularExpressions;

namespace FactGen.Binding;

/// <summary>How single values of the fact format are checked and parsed.</summary>
internal static class ValueRules
{
    private static readonly Regex s_languageTag = new(@"\A[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\z", RegexOptions.CultureInvariant);

    /// <summary>ASCII digits only (the regex class [0-9], not char.IsDigit, which takes any script's digits).</summary>
    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            char c = text[i];
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    internal static readonly string[] Statuses = { "reported", "confirmed", "disputed", "retracted" };

    /// <summary>Parses YYYY, YYYY-MM or YYYY-MM-DD; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParseDate(string text, out BoundDate date, out string error)
    {
        // By hand rather than by regex: one date per event, and this is the bind stage's hot path.
        date = default;
        bool hasMonth = text.Length >= 7, hasDay = text.Length == 10;
        if ((text.Length != 4 && text.Length != 7 && text.Length != 10)
            || !Digits(text, 0, 4, out int year)
            || (hasMonth && (text[4] != '-' || !Digits(text, 5, 2, out _)))
            || (hasDay && (text[7] != '-' || !Digits(text, 8, 2, out _))))
        {
            error = "it is not of the form YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }
        int month = hasMonth && Digits(text, 5, 2, out int m) ? m : 0;
        int day = hasDay && Digits(text, 8, 2, out int d) ? d : 0;
        if (year < 1)
        {
            error = "the year must be 0001 or later";
            return false;
        }
        if (hasMonth && month is < 1 or > 12)
        {
            error = $"there is no month {month:D2}";
            return false;
        }
        if (hasDay && (day < 1 || day > DateTime.DaysInMonth(year, month)))
        {
            error = $"{year:D4}-{month:D2} has no day {day:D2}";
            return false;
        }
        date = new BoundDate(Year: year, Month: month, Day: day);
        error = string.Empty;
        return true;
    }

    /// <summary>A plausible BCP 47 tag: a 2–3 letter language, then subtags (<c>id</c>, <c>en-GB</c>).</summary>
    public static bool IsLanguageTag(string text) => text.Length <= 64 && s_languageTag.IsMatch(text);

    public static bool IsWebUrl(string text)
        => Uri.TryCreate(text, UriKind.Absolute, out Uri? uri)
           && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// The Unicode bidi controls that reorder how text is displayed (the "Trojan Source" class of
    /// attacks: the embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, the list
    /// rustc denies), refused in every text, which reviewers read and code refers to. The marks
    /// that real Arabic and Hebrew text carries (U+200E, U+200F, U+061C) reorder nothing beyond
    /// their neighbours' direction and are accepted; the generated code escapes them.
    /// </summary>
    public static int IndexOfBidiControl(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
            {
                return i;
            }
        }
        return -1;
    }
}
