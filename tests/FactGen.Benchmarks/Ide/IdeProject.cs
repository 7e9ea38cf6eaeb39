using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace FactGen.Benchmarks.Ide;

/// <summary>
/// One temporary project opened in its own <see cref="MSBuildWorkspace"/>, as an editor opens it,
/// and the solution that the editor holds now. A timed step forks that solution with one edit and
/// waits for Program.cs's semantic diagnostics; the next step starts from the fork, so the
/// workspace's generator driver state is warm, as in an IDE.
/// </summary>
internal sealed class IdeProject : IDisposable
{
    /// <summary>
    /// The workspace's own list of the generators' diagnostics (from the run result of its
    /// generator driver). Roslyn 5.0 keeps it internal, so it is called by reflection.
    /// </summary>
    private static readonly MethodInfo? SourceGeneratorDiagnostics = typeof(Project).GetMethod(
        "GetSourceGeneratorDiagnosticsAsync", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, binder: null, new[] { typeof(CancellationToken) }, modifiers: null);

    private readonly MSBuildWorkspace _workspace;
    private readonly IDisposable _failures;

    private IdeProject(string label, MSBuildWorkspace workspace, IDisposable failures, Project project)
    {
        Label = label;
        _workspace = workspace;
        _failures = failures;
        Solution = project.Solution;
        ProjectId = project.Id;
        ProgramId = project.Documents.SingleOrDefault(d => d.Name == "Program.cs")?.Id
            ?? throw new InvalidOperationException($"{label}: the workspace has no Program.cs; documents: {string.Join(", ", project.Documents.Select(d => d.Name))}");
    }

    public string Label { get; }

    /// <summary>The solution an editor holds now: the last step's fork.</summary>
    public Solution Solution { get; private set; }

    public ProjectId ProjectId { get; }

    public DocumentId ProgramId { get; }

    public Project Project => Solution.GetProject(ProjectId)!;

    /// <summary>Opens <paramref name="projectPath"/> (restored) and prints every workspace failure as it comes.</summary>
    public static async Task<IdeProject> OpenAsync(string label, string projectPath)
    {
        var workspace = MSBuildWorkspace.Create();
        IDisposable failures = workspace.RegisterWorkspaceFailedHandler(e => Console.WriteLine($"  {label}: workspace {e.Diagnostic.Kind}: {e.Diagnostic.Message}"));
        var sw = Stopwatch.StartNew();
        Project project = await workspace.OpenProjectAsync(projectPath);
        Console.WriteLine($"  {label}: opened in {sw.Elapsed.TotalSeconds:F1} s: {project.Documents.Count()} C# documents, {project.AdditionalDocuments.Count()} additional documents, {project.AnalyzerConfigDocuments.Count()} analyzer config documents; doc comments {project.ParseOptions?.DocumentationMode}");
        return new IdeProject(label, workspace, failures, project);
    }

    /// <summary>
    /// Checks that the workspace loaded what a build loads before anything is timed: the analyzer
    /// references with their generators, the <paramref name="inputs"/> inputs as additional
    /// documents, generated documents that parse without errors, no generator diagnostics, and
    /// Program.cs without errors. Prints the first (cold) time to Program.cs's diagnostics.
    /// </summary>
    public async Task CheckLoadedAsync(string inputExtension, int inputs)
    {
        Project project = Project;
        var generators = project.AnalyzerReferences.SelectMany(r => r.GetGenerators(project.Language)).Select(g => g.GetGeneratorType().Name).ToList();
        Console.WriteLine($"  {Label}: analyzer references {string.Join(", ", project.AnalyzerReferences.Select(r => r.Display))}; generators {string.Join(", ", generators)}");
        if (generators.Count == 0) throw new InvalidOperationException($"{Label}: the workspace loaded no source generator.");
        int found = project.AdditionalDocuments.Count(d => d.FilePath?.EndsWith(inputExtension, StringComparison.OrdinalIgnoreCase) == true);
        if (found != inputs)
            throw new InvalidOperationException($"{Label}: {found} additional documents end in {inputExtension}, expected {inputs}; the workspace has: {string.Join(", ", project.AdditionalDocuments.Select(d => d.Name).Take(10))}");

        var sw = Stopwatch.StartNew();
        ImmutableArray<Diagnostic> diagnostics = await ProgramDiagnosticsAsync(Solution);
        double cold = sw.Elapsed.TotalMilliseconds;
        ThrowOnErrors("Program.cs after loading", diagnostics);
        var generated = (await project.GetSourceGeneratedDocumentsAsync()).ToList();
        if (generated.Count == 0) throw new InvalidOperationException($"{Label}: the generators produced no sources in the workspace.");
        long chars = 0;
        foreach (SourceGeneratedDocument document in generated) chars += (await document.GetTextAsync()).Length;
        await CheckGeneratedAsync("after loading");
        Console.WriteLine($"  {Label}: {generated.Count} generated documents, {chars / 1048576.0:F1} M chars; first Program.cs diagnostics (cold) {cold:F0} ms");
    }

    /// <summary>One timed step: fork the solution with <paramref name="edit"/>, then Program.cs's semantic model and its diagnostics. Milliseconds, after a full GC.</summary>
    public async Task<double> StepAsync(IdeEdit edit)
    {
        Timing.Clean();
        var sw = Stopwatch.StartNew();
        Solution next = edit.Apply(Solution);
        ImmutableArray<Diagnostic> diagnostics = await ProgramDiagnosticsAsync(next);
        double ms = sw.Elapsed.TotalMilliseconds;
        Solution = next;
        ThrowOnErrors($"Program.cs after the {edit.Name}", diagnostics);
        return ms;
    }

    /// <summary>
    /// Checks, after a step of <paramref name="edit"/>, that the edit reached what it should: a
    /// fact or .resx edit, the generated code (its marker appears, the other text's marker is
    /// gone), and the generators report nothing; a C# edit, the compilation's constant.
    /// Returns what it saw, for the log.
    /// </summary>
    public async Task<string> VerifyAsync(IdeEdit edit)
    {
        if (!edit.IsAdditional)
        {
            Compilation compilation = (await Project.GetCompilationAsync())!;
            object? value = compilation.GetTypeByMetadataName("App.Program")?.GetMembers("Edit").OfType<IFieldSymbol>().SingleOrDefault()?.ConstantValue;
            if (value is not int edited || edited != edit.Last + 1)
                throw new InvalidOperationException($"{Label}: after the {edit.Name}, App.Program.Edit is {value ?? "missing"}, expected {edit.Last + 1}.");
            return $"App.Program.Edit = {edited}";
        }

        string? present = edit.Present, absent = edit.Absent;
        bool sawPresent = present is null, sawAbsent = false;
        foreach (SourceGeneratedDocument document in await Project.GetSourceGeneratedDocumentsAsync())
        {
            string text = (await document.GetTextAsync()).ToString();
            sawPresent |= present is not null && text.Contains(present, StringComparison.OrdinalIgnoreCase);
            sawAbsent |= absent is not null && text.Contains(absent, StringComparison.OrdinalIgnoreCase);
        }
        if (!sawPresent) throw new InvalidOperationException($"{Label}: after the {edit.Name}, no generated document contains \"{present}\": the edit did not reach the generated code.");
        if (sawAbsent) throw new InvalidOperationException($"{Label}: after the {edit.Name}, a generated document still contains \"{absent}\": the generated code is stale.");
        await CheckGeneratedAsync($"after the {edit.Name}");
        return (present is null ? "" : $"\"{present}\" in the generated code") + (present is not null && absent is not null ? ", " : "") + (absent is null ? "" : $"\"{absent}\" gone");
    }

    public void Dispose()
    {
        _failures.Dispose();
        _workspace.Dispose();
    }

    private Task<ImmutableArray<Diagnostic>> ProgramDiagnosticsAsync(Solution solution)
        => ProgramDiagnosticsAsync(solution.GetDocument(ProgramId)!);

    private static async Task<ImmutableArray<Diagnostic>> ProgramDiagnosticsAsync(Document program)
    {
        SemanticModel model = (await program.GetSemanticModelAsync())!;
        return model.GetDiagnostics();
    }

    /// <summary>
    /// No generator diagnostics (FactGen reports FG diagnostics; a rename that broke a reference
    /// would show here), and generated documents without syntax errors (the Resx generator
    /// reports its failures as <c>#error</c> lines).
    /// </summary>
    private async Task CheckGeneratedAsync(string when)
    {
        if (SourceGeneratorDiagnostics is null)
            throw new MissingMethodException("Project.GetSourceGeneratorDiagnosticsAsync is not in this Roslyn; the harness was written against Microsoft.CodeAnalysis.Workspaces 5.0.0.");
        var reported = await (ValueTask<ImmutableArray<Diagnostic>>)SourceGeneratorDiagnostics.Invoke(Project, new object[] { CancellationToken.None })!;
        var bad = reported.Where(d => d.Severity >= DiagnosticSeverity.Warning || d.Id.StartsWith("FG", StringComparison.Ordinal)).ToList();
        foreach (SourceGeneratedDocument document in await Project.GetSourceGeneratedDocumentsAsync())
        {
            SyntaxTree tree = (await document.GetSyntaxTreeAsync())!;
            bad.AddRange(tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3));
        }
        if (bad.Count > 0) throw new InvalidOperationException($"{Label} {when}: {bad.Count} generator diagnostic(s): {string.Join(" | ", bad.Take(3))}");
    }

    private void ThrowOnErrors(string what, ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new InvalidOperationException($"{Label}: {what} has {errors.Count} error(s): {string.Join(" | ", errors.Take(3))}");
    }
}
