using System.Text;

namespace FactGen.Helpers;

/// <summary>
/// Writes C# with consistent indentation and '\n' line endings, so generated text is
/// byte-identical on every OS.
/// </summary>
internal sealed class IndentedWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder;
    private int _depth;

    public IndentedWriter(int capacity = 4 * 1024) => _builder = new StringBuilder(capacity);

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

    /// <summary>
    /// Starts a line at the current depth and returns the builder to append its text to, for the
    /// per-fact lines, which are many: the caller ends the line with <c>'\n'</c>.
    /// </summary>
    public StringBuilder Start()
    {
        for (int i = 0; i < _depth; i++) _builder.Append(IndentUnit);
        return _builder;
    }

    /// <summary>Writes several lines (split on '\n') at the current depth.</summary>
    public IndentedWriter Lines(string text)
    {
        foreach (string line in text.Split('\n')) Line(line.TrimEnd('\r'));
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

    /// <summary>One level deeper, without a brace: the continuation lines of a long expression.</summary>
    public IndentedWriter Indent()
    {
        _depth++;
        return this;
    }

    public IndentedWriter Outdent()
    {
        _depth--;
        return this;
    }

    public int Length => _builder.Length;

    public override string ToString() => _builder.ToString();

    /// <summary>The text written so far; nothing may be written after it is handed on.</summary>
    public StringBuilder Builder => _builder;
}
