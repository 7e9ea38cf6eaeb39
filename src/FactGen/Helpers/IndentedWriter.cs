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

    public int Length => _builder.Length;

    public override string ToString() => _builder.ToString();

    /// <summary>A reader over what was written, without copying it into one string.</summary>
    public System.IO.TextReader CreateReader() => new BuilderReader(_builder);

    private sealed class BuilderReader : System.IO.TextReader
    {
        private readonly StringBuilder _builder;
        private int _position;

        public BuilderReader(StringBuilder builder) => _builder = builder;

        public override int Peek() => _position < _builder.Length ? _builder[_position] : -1;

        public override int Read() => _position < _builder.Length ? _builder[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            count = System.Math.Min(count, _builder.Length - _position);
            if (count <= 0) return 0;
            _builder.CopyTo(_position, buffer, index, count);
            _position += count;
            return count;
        }
    }
}
