using System;
using System.Linq;
using FactGen.Diagnostics;
using FactGen.Models;
using Xunit;

namespace FactGen.Tests.Diagnostics;

/// <summary>The read stage's diagnostic sink: scopes keep or take back what was reported in them, as a whole.</summary>
public class DiagnosticSinkTests
{
    private static DiagnosticInfo Error(string text) => DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntaxError, location: null, text);

    private static DiagnosticInfo Warning(string key) => DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKey, location: null, key, "the file", string.Empty);

    private static DiagnosticInfo Misspelt(string key) => DiagnosticInfo.Create(DiagnosticDescriptors.MisspeltKey, location: null, key, "the file", "states");

    [Fact]
    public void CommittedScopeKeepsItsDiagnosticsInTheOrderReported()
    {
        var sink = new DiagnosticSink();
        sink.Report(Error("first"));
        DiagnosticSink.Scope scope = sink.BeginScope();
        sink.Report(Error("second"));
        sink.Report(Error("third"));
        scope.Commit();
        sink.Report(Error("fourth"));

        Assert.Equal(new[] { "first", "second", "third", "fourth" }, sink.Kept.Select(d => d.Arguments[0]));
    }

    [Fact]
    public void DiscardedScopeTakesBackEverythingReportedInIt()
    {
        var sink = new DiagnosticSink();
        sink.Report(Error("kept"));
        DiagnosticSink.Scope outer = sink.BeginScope();
        sink.Report(Error("dropped"));
        DiagnosticSink.Scope inner = sink.BeginScope();
        sink.Report(Error("dropped with its outer scope"));
        inner.Commit();
        outer.Discard();

        Assert.Equal(new[] { "kept" }, sink.Kept.Select(d => d.Arguments[0]));
    }

    [Fact]
    public void ScopeTellsWhetherItHoldsAnErrorBesidesTheOneLeftAside()
    {
        var sink = new DiagnosticSink();
        DiagnosticSink.Scope scope = sink.BeginScope();
        sink.Report(Warning("colour"));
        sink.Report(Misspelt("stats"));
        Assert.False(scope.HasErrorsOtherThan(DiagnosticDescriptors.MisspeltKey));
        sink.Report(Error("broken"));
        Assert.True(scope.HasErrorsOtherThan(DiagnosticDescriptors.MisspeltKey));
        scope.Commit();
    }

    [Fact]
    public void ScopesCloseInnermostFirstAndOnce()
    {
        var sink = new DiagnosticSink();
        DiagnosticSink.Scope outer = sink.BeginScope();
        DiagnosticSink.Scope inner = sink.BeginScope();
        Assert.Throws<InvalidOperationException>(() => outer.Commit());
        Assert.Throws<InvalidOperationException>(() => sink.Kept);
        inner.Discard();
        Assert.Throws<InvalidOperationException>(() => inner.Discard());
        outer.Commit();
        Assert.Empty(sink.Kept);
    }
}
