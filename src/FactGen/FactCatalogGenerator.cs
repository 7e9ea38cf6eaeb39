using System.Collections.Immutable;
using FactGen.Binding;
using FactGen.Emitting;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FactGen;

/// <summary>
/// Turns the project's <c>*.facts.yaml</c> additional files into a typed fact catalog.
/// Read (one step per file, so an edit re-reads only that file) → bind (all files together) →
/// emit. Every model between steps is value-equal, so Roslyn skips whatever did not change; a
/// C# edit touches no YAML at all.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FactCatalogGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<FactFileSyntax> files = context.AdditionalTextsProvider
            .Where(static text => FactFileReader.IsFactFile(text.Path))
            .Select(static (text, cancellationToken) => FactFileReader.Read(text.Path, text.GetText(cancellationToken), cancellationToken))
            .WithTrackingName(TrackingNames.ReadFactFile);

        IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
            .Combine(context.CompilationProvider.Select(static (compilation, _) => new GeneratorOptions.CompilationFacts(
                compilation.AssemblyName,
                compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.NotNullWhenAttribute") is not null))
                .WithTrackingName(TrackingNames.ReadCompilationFacts))
            .Select(static (pair, _) => GeneratorOptions.Create(pair.Left.GlobalOptions, pair.Right))
            .WithTrackingName(TrackingNames.ReadOptions);

        IncrementalValueProvider<BindResult> bound = files
            .Collect()
            .Select(static (all, cancellationToken) => CatalogBinder.Bind(all, cancellationToken))
            .WithTrackingName(TrackingNames.BindCatalog);

        // Split the catalog from its diagnostics: moving text around changes locations but not
        // the catalog, and then nothing is emitted again.
        IncrementalValueProvider<BoundCatalog> catalog = bound
            .Select(static (result, _) => result.Catalog)
            .WithTrackingName(TrackingNames.CatalogModel);
        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> bindDiagnostics = bound
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.CatalogDiagnostics);
        IncrementalValueProvider<bool> hasFactFiles = catalog
            .Select(static (c, _) => c.FileCount > 0)
            .WithTrackingName(TrackingNames.HasFactFiles);

        context.RegisterSourceOutput(files.Select(static (file, _) => file.Diagnostics), ReportAll);
        context.RegisterSourceOutput(bindDiagnostics, ReportAll);
        context.RegisterSourceOutput(options.Select(static (o, _) => o.Diagnostics), ReportAll);

        // The fixed types depend on the options alone, so fact edits never re-emit them.
        context.RegisterSourceOutput(options.Combine(hasFactFiles), static (output, input) =>
        {
            if (!input.Right) return;
            AddSource(output, "FactGen.Types.g.cs", TypesEmitter.Emit(input.Left));
        });

        context.RegisterSourceOutput(catalog.Combine(options), static (output, input) =>
        {
            if (input.Left.FileCount == 0) return;
            AddSource(output, "FactGen.Catalog.g.cs", CatalogEmitter.Emit(input.Left, input.Right));
        });
    }

    private static void ReportAll(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics) output.ReportDiagnostic(diagnostic.ToDiagnostic());
    }

    private static void AddSource(SourceProductionContext output, string hintName, string text)
        // '\n' everywhere, so output is byte-identical whatever line endings the checkout has.
        => output.AddSource(hintName, SourceText.From(text.Replace("\r\n", "\n"), System.Text.Encoding.UTF8));
}
