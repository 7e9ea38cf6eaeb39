using System.Text;

namespace FactGen.Helpers;

/// <summary>
/// Writes C# with consistent indentation and '\n' line endings, so generated text is
/// byte-identical on every OS.
/// </summary>
internal sealed class IndentedWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _depth;

    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (int i = 0; i < _depth; i++) _builder.Append(IndentUnit);
            _builder.Append(text);
        }
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes several lines (split on '\n') at the current depth.</summary>
    public IndentedWriter Lines(string text)
    {
        foreach (string line in text.Split('\n')) Line(line);
        return this;
    }

    public IndentedWriter Open(string header)
    {
        Line(header);
        Line("{");
        _depth++;
        return this;
    }

    public IndentedWriter Close(string suffix = "")
    {
        _depth--;
        Line("}" + suffix);
        return this;
    }

    public override string ToString() => _builder.ToString();
}
