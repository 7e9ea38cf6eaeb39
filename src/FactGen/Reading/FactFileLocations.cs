using System;
using FactGen.Models;
using YamlDotNet.Core;

namespace FactGen.Reading;

/// <summary>Turns YamlDotNet marks into offsets and Roslyn locations in one fact file.</summary>
internal sealed class FactFileLocations
{
    private readonly int _markOffset;

    /// <param name="lines">The file's line table.</param>
    /// <param name="markOffset">How far the parser's text starts into the file (1 after a skipped BOM).</param>
    public FactFileLocations(FileLines lines, int markOffset = 0)
    {
        Lines = lines;
        _markOffset = markOffset;
    }

    public FileLines Lines { get; }

    /// <summary>
    /// The span between two marks. Line and column come from the character offset through Roslyn's
    /// own line table, so they agree with the span whatever the line endings.
    /// </summary>
    public LocationInfo Span(Mark start, Mark end) => Lines.Location(Offset(start), Offset(end));

    public LocationInfo Span(int from, int to) => Lines.Location(from, to);

    public LocationInfo FileStart => Span(0, 0);

    /// <summary>The offset in the file of a parser mark.</summary>
    public int Offset(Mark mark) => (int)Math.Max(0, Math.Min(mark.Index + _markOffset, int.MaxValue));
}
