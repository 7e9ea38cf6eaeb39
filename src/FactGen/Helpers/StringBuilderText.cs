using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Helpers;

/// <summary>
/// Generated source handed to Roslyn straight from the builder it was written into. A catalog's
/// source runs to megabytes; <c>SourceText.From(string)</c> would need it as one string (a copy
/// on the large object heap) and <c>SourceText.From(TextReader)</c> copies it into chunks of its
/// own. The builder must not change afterwards.
/// </summary>
internal sealed class StringBuilderText : SourceText
{
    private readonly StringBuilder _builder;

    public StringBuilderText(StringBuilder builder) => _builder = builder;

    public override Encoding Encoding => Encoding.UTF8;

    public override int Length => _builder.Length;

    public override char this[int position] => _builder[position];

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        => _builder.CopyTo(sourceIndex, destination, destinationIndex, count);
}
