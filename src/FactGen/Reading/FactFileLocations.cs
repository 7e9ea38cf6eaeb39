using System;
using FactGen.Models;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace FactGen.Reading;

/// <summary>Turns YamlDotNet marks into Roslyn locations in one fact file.</summary>
internal sealed class FactFileLocations
{
    private readonly string _path;
    private readonly SourceText _text;
    private readonly int _markOffset;

    /// <param name="markOffset">How far the parser's text starts into the file (1 after a skipped BOM).</param>
    public FactFileLocations(string path, SourceText text, int markOffset = 0)
    {
        _path = path;
        _text = text;
        _markOffset = markOffset;
    }

    /// <summary>
    /// The span between two marks. Line and column come from the character offset through Roslyn's
    /// own line table, so they agree with the span whatever the line endings.
    /// </summary>
    public LocationInfo Span(Mark start, Mark end)
    {
        int from = Clamp(start.Index);
        int to = Math.Max(from, Clamp(end.Index));
        return Span(from, to);
    }

    public LocationInfo Span(int from, int to)
    {
        var span = TextSpan.FromBounds(from, to);
        return new LocationInfo(_path, span, _text.Lines.GetLinePositionSpan(span));
    }

    public LocationInfo FileStart => Span(0, 0);

    private int Clamp(long index) => (int)Math.Max(0, Math.Min(index + _markOffset, _text.Length));
}
