using System.Linq;
using FactGen.Diagnostics;
using FactGen.Models;
using FactGen.Reading;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FactGen.Tests.Diagnostics;

/// <summary>The one helper through which the reader and the binder cap a file's diagnostics.</summary>
public class DiagnosticCapTests
{
    private static readonly FileLines Lines = new("/facts/test.facts.yaml", SourceText.From(new string(' ', 100)));

    private static DiagnosticInfo At(int offset, string text) => DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntaxError, Lines.Location(offset, offset + 1), text);

    [Fact]
    public void KeepsTheFirstByPositionAndCountsTheRest()
    {
        DiagnosticInfo[] kept = DiagnosticCap.FirstInFile(new[] { At(50, "c"), At(10, "a"), At(90, "d"), At(10, "b") }, 3, out int leftOut);

        // Those at one position stay in the order reported.
        Assert.Equal(new[] { "a", "b", "c" }, kept.Select(d => d.Arguments[0]));
        Assert.Equal(1, leftOut);
    }

    [Fact]
    public void NoRoomLeavesEverythingOut()
    {
        DiagnosticInfo[] kept = DiagnosticCap.FirstInFile(new[] { At(5, "a"), At(1, "b") }, 0, out int leftOut);

        Assert.Empty(kept);
        Assert.Equal(2, leftOut);
    }

    [Fact]
    public void WhatFitsIsKeptInPositionOrder()
    {
        DiagnosticInfo[] kept = DiagnosticCap.FirstInFile(new[] { At(5, "b"), At(1, "a") }, DiagnosticCap.PerFile, out int leftOut);

        Assert.Equal(new[] { "a", "b" }, kept.Select(d => d.Arguments[0]));
        Assert.Equal(0, leftOut);
    }
}
