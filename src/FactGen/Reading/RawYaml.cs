using System.Collections.Generic;
using YamlDotNet.Core;

namespace FactGen.Reading;

// A YAML tree with positions, built from YamlDotNet's parser events. It lives only while one file
// is read: the pipeline keeps the typed FactFileSyntax made from it, never these nodes.

internal abstract class RawNode
{
    protected RawNode(Mark start, Mark end)
    {
        Start = start;
        End = end;
    }

    public Mark Start { get; }

    public Mark End { get; set; }

    /// <summary>What the node is, for messages: "a mapping", "a list", "a value".</summary>
    public abstract string Describe();
}

internal sealed class RawScalar : RawNode
{
    public RawScalar(string value, bool isNull, Mark start, Mark end, bool isAlias = false)
        : base(start, end)
    {
        Value = value;
        IsNull = isNull;
        IsAlias = isAlias;
    }

    /// <summary>Stands for a refused alias (already reported): read as "no value".</summary>
    public bool IsAlias { get; }

    public string Value { get; }

    /// <summary>An empty value, <c>~</c> or <c>null</c> written plain: "no value".</summary>
    public bool IsNull { get; }

    public override string Describe() => IsNull ? "empty" : "a single value";
}

internal sealed class RawSequence : RawNode
{
    public RawSequence(Mark start, Mark end)
        : base(start, end)
    {
    }

    public List<RawNode> Items { get; } = new();

    public override string Describe() => "a list";
}

internal sealed class RawMapping : RawNode
{
    public RawMapping(Mark start, Mark end)
        : base(start, end)
    {
    }

    public List<KeyValuePair<RawNode, RawNode>> Entries { get; } = new();

    public override string Describe() => "a mapping";
}
