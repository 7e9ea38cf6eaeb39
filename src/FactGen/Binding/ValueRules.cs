using System;
using System.Text.RegularExpressions;

namespace FactGen.Binding;

/// <summary>How single values of the fact format are checked and parsed.</summary>
internal static class ValueRules
{
    private static readonly Regex s_date = new(@"\A([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\z", RegexOptions.CultureInvariant);
    private static readonly Regex s_languageTag = new(@"\A[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\z", RegexOptions.CultureInvariant);

    internal static readonly string[] Statuses = { "reported", "confirmed", "disputed", "retracted" };

    /// <summary>Parses YYYY, YYYY-MM or YYYY-MM-DD; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParseDate(string text, out BoundDate date, out string error)
    {
        date = default;
        Match match = s_date.Match(text);
        if (!match.Success)
        {
            error = "it is not of the form YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }
        int year = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        int month = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        int day = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (year < 1)
        {
            error = "the year must be 0001 or later";
            return false;
        }
        if (match.Groups[2].Success && month is < 1 or > 12)
        {
            error = $"there is no month {month:D2}";
            return false;
        }
        if (match.Groups[3].Success && (day < 1 || day > DateTime.DaysInMonth(year, month)))
        {
            error = $"{year:D4}-{month:D2} has no day {day:D2}";
            return false;
        }
        date = new BoundDate(year, month, day);
        error = string.Empty;
        return true;
    }

    /// <summary>A plausible BCP 47 tag: a 2–3 letter language, then subtags (<c>id</c>, <c>en-GB</c>).</summary>
    public static bool IsLanguageTag(string text) => text.Length <= 64 && s_languageTag.IsMatch(text);

    public static bool IsWebUrl(string text)
        => Uri.TryCreate(text, UriKind.Absolute, out Uri? uri)
           && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// Unicode bidi controls reorder how text is displayed (the "Trojan Source" class of attacks),
    /// so they are refused in names, which reviewers read and code refers to.
    /// </summary>
    public static int IndexOfBidiControl(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\u061C' or '\u200E' or '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
            {
                return i;
            }
        }
        return -1;
    }
}
