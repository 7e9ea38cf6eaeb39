using System.Text;

namespace FactGen.Emitting;

/// <summary>
/// The int tables of the generated catalog (rows, lists, text offsets) written as one string
/// literal each rather than as array initializers. The compiler parses and binds every element
/// of an initializer, about a microsecond per int; a literal is one token. The runtime decodes
/// each table once, when the catalog is first used.
/// </summary>
/// <remarks>
/// Each int is zigzag-encoded (small negative values stay short) and written 5 bits per
/// character, low bits first; a character whose symbol has bit 5 set is followed by more. The 64
/// symbols are the printable ASCII characters <c>#</c> to <c>[</c> and <c>]</c> to <c>c</c>: no
/// quote, no backslash, so the literal needs no escapes and reads the same as UTF-8.
/// </remarks>
internal static class DataEncoding
{
    public static void AppendInts(StringBuilder builder, int[] values, int start, int count)
    {
        for (int i = start; i < start + count; i++)
        {
            uint value = (uint)((values[i] << 1) ^ (values[i] >> 31));
            do
            {
                int symbol = (int)(value & 31);
                value >>= 5;
                if (value != 0) symbol |= 32;
                builder.Append((char)(symbol < 57 ? 0x23 + symbol : 0x5D + symbol - 57));
            }
            while (value != 0);
        }
    }

    /// <summary>The exact number of characters <see cref="AppendInts"/> writes for these values.</summary>
    public static long Length(int[] values)
    {
        long length = 0;
        foreach (int v in values)
        {
            uint value = (uint)((v << 1) ^ (v >> 31));
            do
            {
                length++;
                value >>= 5;
            }
            while (value != 0);
        }
        return length;
    }

    /// <summary>
    /// The generated decoder, over a <c>string</c> or over UTF-8 bytes, as the catalog has it
    /// (from the template EmbeddedResources/FactCatalogData.cs, unindented).
    /// </summary>
    public static string Decoder(bool utf8)
    {
        string members = Templates.CatalogDataMembers(Templates.Namespace, utf8Tables: true);
        string signature = "internal static int[] Decode(" + (utf8 ? "global::System.ReadOnlySpan<byte>" : "string") + " data, int count)\n";
        int start = members.IndexOf(signature, System.StringComparison.Ordinal);
        int end = start < 0 ? -1 : members.IndexOf("\n}", start, System.StringComparison.Ordinal);
        if (end < 0) throw new System.InvalidOperationException("The template has no decoder " + signature);
        return members.Substring(start, end + 2 - start);
    }
}
