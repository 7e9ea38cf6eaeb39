using System;
using FactGen.Helpers;
using FactGen.Models;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.Reading;

// The read stage's output: one fact file as written, with a location for every key and value.
// Nothing is resolved or validated beyond shape; that is the binder's job.

/// <summary>
/// A single YAML value and where it was written: a node of the reader's tree, handed on as it is.
/// The location is kept as offsets and becomes a <see cref="LocationInfo"/> (with line and
/// column) only when a diagnostic needs one: a catalog has hundreds of thousands of values and
/// few diagnostics.
/// </summary>
internal sealed class ScalarSyntax : RawNode, IEquatable<ScalarSyntax>
{
    private readonly FileLines _file;

    public ScalarSyntax(string value, FileLines file, int start, int end, bool isNull = false, bool isAlias = false)
        : base(start, end)
    {
        Value = value;
        _file = file;
        IsNull = isNull;
        IsAlias = isAlias;
    }

    public string Value { get; }

    /// <summary>An empty value, <c>~</c> or <c>null</c> written plain: "no value". Never in a fact's syntax.</summary>
    public bool IsNull { get; }

    /// <summary>Stands for a refused alias (already reported): read as "no value".</summary>
    public bool IsAlias { get; }

    /// <summary>Written plain (not quoted, not a block): a comment may cut it, and it may stand for a number, a Boolean or null.</summary>
    public bool IsPlain { get; init; } = true;

    public LocationInfo Location => _file.Location(Start, End);

    public override string Describe() => IsNull ? "empty" : "a single value";

    /// <summary>
    /// Value and offsets in the same file. Line positions are compared once per file, by
    /// <see cref="FactFileSyntax.Lines"/>, rather than once per value.
    /// </summary>
    public bool Equals(ScalarSyntax? other)
        => other is not null
           && Start == other.Start
           && End == other.End
           && string.Equals(Value, other.Value, StringComparison.Ordinal)
           && IsPlain == other.IsPlain
           && string.Equals(_file.Path, other._file.Path, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ScalarSyntax);

    public override int GetHashCode() => (Value.GetHashCode() * 31) ^ Start;

    public override string ToString() => $"{Value} at {Start}..{End}";

    /// <summary>The same place with another value: an id recovered for keys whose id line is missing.</summary>
    public ScalarSyntax WithValue(string value) => new(value, _file, Start, End) { IsPlain = IsPlain };
}

/// <summary>
/// Where each line of a fact file starts, to turn offsets into line and column on demand. Equal
/// when the path and every line start are equal.
/// </summary>
internal sealed class FileLines : IEquatable<FileLines>
{
    private readonly int _length;

    // The line table is built on first need (a diagnostic, or comparing two versions of the
    // file), and the text let go then: most files are read and never need it.
    private volatile SourceText? _text;
    private volatile int[]? _lineStarts;

    public FileLines(string path, SourceText text)
    {
        Path = path;
        _length = text.Length;
        _text = text;
    }

    public string Path { get; }

    private int[] LineStarts
    {
        get
        {
            if (_lineStarts is { } starts) return starts;
            SourceText? text = _text;
            if (text is null) return _lineStarts!;
            TextLineCollection lines = text.Lines;
            starts = new int[lines.Count];
            for (int i = 0; i < starts.Length; i++) starts[i] = lines[i].Start;
            _lineStarts = starts;
            _text = null;
            return starts;
        }
    }

    public LocationInfo Location(int start, int end)
    {
        start = Math.Max(0, Math.Min(start, _length));
        end = Math.Max(start, Math.Min(end, _length));
        return new LocationInfo(Path, TextSpan.FromBounds(start, end), new LinePositionSpan(Position(start), Position(end)));
    }

    private LinePosition Position(int offset)
    {
        if (offset == 0) return default; // the file's start, without building the line table
        int[] starts = LineStarts;
        int line = Array.BinarySearch(starts, offset);
        if (line < 0) line = ~line - 1;
        if (line < 0) line = 0;
        return new LinePosition(line, offset - starts[line]);
    }

    public bool Equals(FileLines? other)
        => other is not null
           && (ReferenceEquals(this, other)
               || (_length == other._length
                   && string.Equals(Path, other.Path, StringComparison.Ordinal)
                   && SameStarts(LineStarts, other.LineStarts)));

    private static bool SameStarts(int[] a, int[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i]) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as FileLines);

    public override int GetHashCode() => (Path.GetHashCode() * 31) ^ _length;
}

/// <summary>
/// How the reader read a fact (or the source block), as one value: each fact is in exactly one of
/// these states. The binder asks one question of it (<c>HasErrors</c>: declare it with what was
/// read and check it no further) and looks for <see cref="IdMissing"/>.
/// </summary>
internal enum ReadOutcome
{
    /// <summary>Read without an error: the binder checks it.</summary>
    Clean,

    /// <summary>The reader reported an error inside it (a wrong shape or a repeated key, say).</summary>
    HasErrors,

    /// <summary>
    /// Read quietly, as its one error is reported elsewhere: the parser stopped inside it, it holds
    /// an alias, its line had a stray quote, or the file is not text. What it would report is not.
    /// </summary>
    Quiet,

    /// <summary>
    /// Keys without an id line above them, read quietly; <c>Id</c> is empty and marks where they
    /// start. The binder reports the missing line once, and declares the keys under the id they
    /// must have had where the other facts tell which one that is.
    /// </summary>
    IdMissing,
}

/// <summary>One entry of a <c>labels</c> mapping: a BCP 47 tag and the name in that language.</summary>
internal sealed record LabelSyntax(ScalarSyntax Language, ScalarSyntax Text);

internal sealed record SourceSyntax(
    LocationInfo Location,
    ScalarSyntax? Outlet,
    ScalarSyntax? Title,
    ScalarSyntax? Published,
    ScalarSyntax? Language,
    ScalarSyntax? Url)
{
    /// <summary>How the reader read the block: never <see cref="Reading.ReadOutcome.IdMissing"/>.</summary>
    public ReadOutcome Outcome { get; init; }

    /// <summary>The binder checks the block no further: its one error is reported already.</summary>
    public bool HasErrors => Outcome != ReadOutcome.Clean;

    /// <summary>No key was read (<c>source:</c> alone, or a repeated <c>source:</c> line).</summary>
    public bool IsEmpty => FactKeys.Source.IsEmpty(this);
}

internal sealed record StateSyntax(
    ScalarSyntax Id,
    ScalarSyntax? Name,
    ScalarSyntax? OfficialName,
    ScalarSyntax? Kind,
    ScalarSyntax? Capital,
    ScalarSyntax? Within,
    EquatableArray<ScalarSyntax> RecognizedBy,
    EquatableArray<ScalarSyntax> Aliases,
    EquatableArray<LabelSyntax> Labels)
{
    /// <summary>How the reader read the fact.</summary>
    public ReadOutcome Outcome { get; init; }

    /// <summary>The binder declares the fact with what was read, and checks it no further: its one error is reported already.</summary>
    public bool HasErrors => Outcome != ReadOutcome.Clean;
}

internal sealed record ActorSyntax(
    ScalarSyntax Id,
    ScalarSyntax? Name,
    ScalarSyntax? Kind,
    ScalarSyntax? Role,
    ScalarSyntax? State,
    EquatableArray<ScalarSyntax> Aliases,
    EquatableArray<LabelSyntax> Labels)
{
    /// <summary>How the reader read the fact.</summary>
    public ReadOutcome Outcome { get; init; }

    /// <summary>The binder declares the fact with what was read, and checks it no further: its one error is reported already.</summary>
    public bool HasErrors => Outcome != ReadOutcome.Clean;
}

internal sealed record EventSyntax(
    ScalarSyntax Id,
    ScalarSyntax? Date,
    ScalarSyntax? Kind,
    ScalarSyntax? Summary,
    EquatableArray<ScalarSyntax> Actors,
    EquatableArray<ScalarSyntax> States,
    ScalarSyntax? Place,
    EquatableArray<ScalarSyntax> ReportedBy,
    EquatableArray<ScalarSyntax> Follows,
    ScalarSyntax? Status,
    ScalarSyntax? Retraction,
    ScalarSyntax? Note)
{
    /// <summary>How the reader read the fact.</summary>
    public ReadOutcome Outcome { get; init; }

    /// <summary>The binder declares the fact with what was read, and checks it no further: its one error is reported already.</summary>
    public bool HasErrors => Outcome != ReadOutcome.Clean;
}

/// <summary>
/// A report on a fact that another file (or a referenced catalog) declares: an entry of the
/// <c>reports</c> block, keyed by the reported fact's id. It holds what its file's source says of
/// the fact: its stance, the keys it prefers, and any of the category's keys, none required, in
/// the syntax of a fact of that category (exactly one of <see cref="State"/>, <see cref="Actor"/>
/// and <see cref="Event"/> is set).
/// </summary>
internal sealed record ReportSyntax(
    FactCategory Category,
    ScalarSyntax Target,
    ScalarSyntax? Stance,
    EquatableArray<ScalarSyntax> Preferred,
    StateSyntax? State,
    ActorSyntax? Actor,
    EventSyntax? Event)
{
    /// <summary>How the reader read the report.</summary>
    public ReadOutcome Outcome { get; init; }

    /// <summary>The binder checks the report no further: its one error is reported already.</summary>
    public bool HasErrors => Outcome != ReadOutcome.Clean;
}

/// <summary>
/// One fact file as read. <see cref="IsUnreadable"/> files (not text at all) contribute no facts.
/// <see cref="IsRecovered"/> files had a YAML syntax error: they hold what could be read around it.
/// </summary>
internal sealed record FactFileSyntax(
    string Path,
    FileLines Lines,
    LocationInfo Start,
    bool IsUnreadable,
    SourceSyntax? Source,
    EquatableArray<StateSyntax> States,
    EquatableArray<ActorSyntax> Actors,
    EquatableArray<EventSyntax> Events,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The file had a YAML syntax error (FG0001) and was read around it.</summary>
    public bool IsRecovered { get; init; }

    /// <summary>Diagnostics of this file left out by the cap (<see cref="Diagnostics.DiagnosticCap"/>).</summary>
    public int DiagnosticsLeftOut { get; init; }

    /// <summary>The file's reports on facts declared elsewhere (its <c>reports</c> block), in file order.</summary>
    public EquatableArray<ReportSyntax> Reports { get; init; } = EquatableArray<ReportSyntax>.Empty;
}
