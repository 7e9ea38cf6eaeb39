using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FactGen.Tests.Infrastructure;

/// <summary>Assertions over Roslyn's tracked incremental steps.</summary>
public static class IncrementalAssert
{
    /// <summary>Every tracked step name the generator declares (its <c>TrackingNames</c> constants).</summary>
    public static IReadOnlyList<string> TrackingNames { get; } = typeof(FactCatalogGenerator).Assembly
        .GetType("FactGen.TrackingNames", throwOnError: true)!
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>The second run of the driver reused everything: every step Cached or Unchanged.</summary>
    public static void AllCachedOrUnchanged(GeneratorDriverRunResult second)
    {
        GeneratorRunResult result = second.Results.Single();
        // Roslyn lists the steps that an output reaches through its inputs: the reports of files
        // without any are filtered out before their output, so a catalog without reports lists
        // no ReportFiles step.
        bool hasReports = result.GeneratedSources.Any(s => s.HintName.StartsWith("FactGen.Reports.", StringComparison.Ordinal));
        // Likewise, where the whole-catalog bind decides, the file-by-file parts are filtered out
        // before their output, and so is what only they take (the reporters of their facts).
        bool wholeBind = result.TrackedSteps.TryGetValue(FactGen.TrackingNames.BindCatalog, out var binds) && binds.Any(step => step.Outputs.Any(o => o.Value is not null));
        foreach (string name in TrackingNames)
        {
            // A catalog without reports runs no report step; where one has reports, it must run.
            if (!hasReports && !result.TrackedSteps.ContainsKey(name) && System.Array.IndexOf(FactGen.TrackingNames.RunOnlyWithReports, name) >= 0) continue;
            if (wholeBind && !result.TrackedSteps.ContainsKey(name) && System.Array.IndexOf(FactGen.TrackingNames.RunOnlyFileByFile, name) >= 0) continue;
            Assert.True(result.TrackedSteps.ContainsKey(name), $"Tracked step '{name}' did not run at all.");
            foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[name])
            {
                foreach ((object _, IncrementalStepRunReason reason) in step.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Step '{name}' produced {reason} on the second run.");
                }
            }
        }
        foreach ((string name, var steps) in result.TrackedOutputSteps)
        {
            foreach (IncrementalGeneratorRunStep step in steps)
            {
                foreach ((object _, IncrementalStepRunReason reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Output step '{name}' was {reason}.");
                }
            }
        }
    }

    /// <summary>
    /// A second run over the same inputs redid nothing: every step that ran (FactGen's and the
    /// outputs) was Cached or Unchanged. Unlike <see cref="AllCachedOrUnchanged"/>, a step that
    /// never ran (no fact files, say) is not an error.
    /// </summary>
    /// <returns>How many step outputs were checked, so a caller can tell that the check saw something.</returns>
    public static int EveryStepThatRanWasReused(GeneratorDriverRunResult second)
    {
        int checkedOutputs = 0;
        GeneratorRunResult result = second.Results.Single();
        foreach ((string name, var steps) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
        {
            if (name != "SourceOutput" && !TrackingNames.Contains(name)) continue; // Roslyn's own input steps
            foreach (IncrementalGeneratorRunStep step in steps)
            {
                foreach ((object _, IncrementalStepRunReason reason) in step.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Step '{name}' was {reason} when the same inputs were run again: a pipeline value is not value-equal.");
                    checkedOutputs++;
                }
            }
        }
        return checkedOutputs;
    }

    /// <summary>
    /// Walks every tracked step's output and fails if it reaches a Compilation, a symbol or a
    /// syntax node: those would keep whole compilations alive and defeat caching.
    /// </summary>
    public static void NoRoslynObjectsInPipeline(GeneratorDriverRunResult run)
    {
        GeneratorRunResult result = run.Results.Single();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        // Only FactGen's own steps: Roslyn's input steps (such as "Compilation") hold those by design.
        foreach (string name in TrackingNames)
        {
            // A step that did not run (see AllCachedOrUnchanged) holds nothing.
            if (!result.TrackedSteps.TryGetValue(name, out var tracked)) continue;
            foreach (IncrementalGeneratorRunStep step in tracked)
            {
                foreach ((object value, IncrementalStepRunReason _) in step.Outputs)
                {
                    Walk(value, name, visited, depth: 0);
                }
            }
        }
    }

    private static bool IsDefaultImmutableArray(object value)
        => value.GetType() is { IsGenericType: true } t
           && t.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
           && (bool)t.GetProperty("IsDefault")!.GetValue(value)!;

    private static void Walk(object? value, string path, HashSet<object> visited, int depth)
    {
        if (value is null || depth > 64) return;
        Type type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string || value is decimal) return;
        Assert.False(value is Compilation, $"{path} holds a Compilation.");
        Assert.False(value is ISymbol, $"{path} holds an ISymbol.");
        Assert.False(value is SyntaxNode, $"{path} holds a SyntaxNode.");
        Assert.False(value is SyntaxTree, $"{path} holds a SyntaxTree.");
        if (!type.IsValueType && !visited.Add(value)) return;

        if (value is IEnumerable enumerable && !IsDefaultImmutableArray(value))
        {
            int index = 0;
            foreach (object? item in enumerable) Walk(item, $"{path}[{index++}]", visited, depth + 1);
        }
        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer) continue;
                Walk(field.GetValue(value), $"{path}.{field.Name}", visited, depth + 1);
            }
        }
    }
}
