using System.Collections.Generic;

namespace FactGen.Reading;

// A YAML tree with positions, built from YamlDotNet's parser events. It lives only while one file
// is read: the pipeline keeps the typed FactFileSyntax made from it, never these nodes.

internal abstract class RawNode
{
    protected RawNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Offset in the file where the node starts.</summary>
    public int Start { get; }

    /// <summary>Offset in the file where the node ends.</summary>
    public int End { get; set; }

    /// <summary>
    /// A syntax error stopped the parser inside this node: it holds what was read before the
    /// error. The reader declares what it can from it and reports nothing more about it.
    /// </summary>
    public bool IsIncomplete { get; set; }

    /// <summary>What the node is, for messages: "a mapping", "a list", "a value".</summary>
    public abstract string Describe();
}

// Scalars are ScalarSyntax nodes (FactFileSyntax.cs): the reader hands them on as they are.

internal sealed class RawSequence : RawNode
{
    public RawSequence(int start, int end)
        : base(start, end)
    {
    }

    public List<RawNode> Items { get; } = new();

    public override string Describe() => "a list";
}

internal sealed class RawMapping : RawNode
{
    public RawMapping(int start, int end)
        : base(start, end)
    {
    }

    public List<KeyValuePair<RawNode, RawNode>> Entries { get; } = new();

    /// <summary>The keys of a fact whose id line is missing (recovered, not written as a mapping).</summary>
    public bool IsOrphan { get; set; }

    public override string Describe() => "a mapping";
}
