using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Models;

/// <summary>A place in a fact file, kept as plain values so pipeline models stay cacheable.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public override string ToString()
        => $"{FilePath}({LineSpan.Start.Line + 1},{LineSpan.Start.Character + 1})";
}
