using System.Text;

namespace FactGen.Helpers;

internal static class StringBuilderExtensions
{
    /// <summary>
    /// Appends an int as C# writes it, whatever the culture: <c>StringBuilder.Append(int)</c> uses
    /// the current culture's minus sign, which is U+2212 in some (sv-SE, for one).
    /// </summary>
    public static StringBuilder AppendInvariant(this StringBuilder builder, int value)
    {
        if (value < 0)
        {
            builder.Append('-');
            return builder.Append((uint)(-(long)value));
        }
        return builder.Append((uint)value);
    }
}
