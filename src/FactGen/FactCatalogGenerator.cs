using System.Collections.Immutable;
using FactGen.Binding;
using FactGen.Diagnostics;
using FactGen.Emitting;
using FactGen.Helpers;
using FactGen.Models;
using FactGen.Reading;
using FactGen.Upstream;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
                AssemblyName: compilation.AssemblyName,
                HasNotNullWhen: HasUsableNotNullWhen(compilation),
                HasUtf8Decoding: HasUtf8Decoding(compilation)))
                .WithTrackingName(TrackingNames.ReadCompilationFacts))
            .Combine(context.ParseOptionsProvider.Select(static (parse, _) => (
                Version: parse is CSharpParseOptions csharp ? csharp.LanguageVersion.MapSpecifiedToEffectiveVersion() : LanguageVersion.Latest,
                Docs: parse.DocumentationMode != DocumentationMode.None)))
            .Select(static (pair, _) => GeneratorOptions.Create(pair.Left.Left.GlobalOptions, pair.Left.Right, pair.Right.Version) with { WriteDocComments = pair.Right.Docs })
            .WithTrackingName(TrackingNames.ReadOptions);

        // The catalogs of referenced assemblies (their FactCatalogManifest attributes). The
        // references are the same objects from one C# edit to the next, so only a change of
        // references reads metadata again; a C# edit stops at the first step.
        // The lookup tables are built once per change of the references, not on each bind.
        IncrementalValueProvider<UpstreamIndex> upstream = context.CompilationProvider
            .Select(static (compilation, _) => new UpstreamReader.References(compilation.ExternalReferences))
            .WithTrackingName(TrackingNames.ReadReferences)
            .Select(static (references, cancellationToken) => UpstreamReader.Read(references, cancellationToken))
            .WithTrackingName(TrackingNames.ReadUpstreamCatalogs)
            .Select(static (catalogs, cancellationToken) => UpstreamIndex.Build(catalogs, cancellationToken))
            .WithTrackingName(TrackingNames.IndexUpstreamCatalogs);

        IncrementalValueProvider<BindResult> bound = files
            .Collect()
            .Combine(upstream)
            .Select(static (input, cancellationToken) => CatalogBinder.Bind(input.Left, input.Right, cancellationToken))
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

        // Whether the catalog can be emitted at all for this project: decided once, before either
        // file is written, so a refused catalog gives one diagnostic and no code that fails to
        // compile. Null when it fits; value-equal otherwise, so an edit that keeps it unchanged
        // re-runs nothing.
        IncrementalValueProvider<DiagnosticInfo?> refusal = catalog
            .Combine(options)
            .Select(static (input, _) => input.Left.FileCount == 0 || !input.Right.CanEmit ? null
                : DataTableEmitter.Refusal(input.Left, input.Right) is { } problem ? DiagnosticReporter.CatalogTooLarge(problem + "; nothing is generated")
                : null)
            .WithTrackingName(TrackingNames.CatalogRefusal);

        // Every diagnostic is a DiagnosticInfo, and all are reported by this one output, through
        // DiagnosticReporter. They are made in four places, each cached with what it depends on: a
        // file's read diagnostics with the file (an edit re-reads only that file, and the binder
        // caps them with its own); the binder's apart from the catalog, so that moving text
        // re-reports them without emitting again; the options' from MSBuild properties and the
        // language version alone (they matter only where there are facts to generate); the
        // refusal from the catalog and the options. Reporting is cheap, so they meet here; a C#
        // edit changes none of them, and then this output does not run again.
        var diagnostics = files
            .Select(static (file, _) => file.Diagnostics)
            .Collect()
            .Combine(bindDiagnostics)
            .Combine(options.Select(static (o, _) => o.Diagnostics).Combine(hasFactFiles))
            .Combine(refusal);
        context.RegisterSourceOutput(diagnostics, static (output, input) =>
        {
            (((ImmutableArray<EquatableArray<DiagnosticInfo>> read, EquatableArray<DiagnosticInfo> bind), (EquatableArray<DiagnosticInfo> optionProblems, bool hasFacts)), DiagnosticInfo? refusal) = input;
            DiagnosticReporter.Report(output, read);
            DiagnosticReporter.Report(output, bind);
            if (hasFacts) DiagnosticReporter.Report(output, optionProblems);
            DiagnosticReporter.Report(output, refusal);
        });

        // The fixed types depend on the options alone, so fact edits never re-emit them.
        // A catalog built on referenced catalogs uses the root catalog's types: it emits none.
        IncrementalValueProvider<bool> isRoot = catalog
            .Select(static (c, _) => c.Composition is null)
            .WithTrackingName(TrackingNames.IsRootCatalog);
        context.RegisterSourceOutput(options.Combine(hasFactFiles).Combine(refusal).Combine(isRoot), static (output, rooted) =>
        {
            var input = rooted.Left;
            if (!rooted.Right || !input.Left.Right || !input.Left.Left.CanEmit || input.Right is not null) return;
            AddSource(output, "FactGen.Types.g.cs", TypesEmitter.Emit(input.Left.Left));
        });

        // A public catalog records itself in its assembly, so that referencing projects can build on it.
        IncrementalValueProvider<EquatableArray<UpstreamFact>> declared = bound
            .Select(static (result, _) => result.Declared)
            .WithTrackingName(TrackingNames.DeclaredFacts);
        context.RegisterSourceOutput(catalog.Combine(declared).Combine(options).Combine(refusal), static (output, input) =>
        {
            (((BoundCatalog facts, EquatableArray<UpstreamFact> declaredFacts), GeneratorOptions generatorOptions), DiagnosticInfo? refused) = input;
            if (facts.FileCount == 0 || !generatorOptions.CanEmit || refused is not null || generatorOptions.Accessibility != "public") return;
            AddSource(output, "FactGen.Manifest.g.cs", ManifestEmitter.Emit(facts, declaredFacts, generatorOptions));
        });

        // One source per fact file, and one for the catalog as a whole. A part holds only its own
        // file's values (a reference to another file's fact is an import by id), so an edit to
        // one file changes that file's part alone: every other part compares equal, its output
        // step does not run, and Roslyn keeps its syntax tree.
        IncrementalValueProvider<DataTableEmitter.TableForms> forms = catalog
            .Combine(options)
            .Select(static (input, _) => DataTableEmitter.Forms(input.Left, input.Right))
            .WithTrackingName(TrackingNames.TableForms);
        IncrementalValueProvider<bool> canEmit = options
            .Combine(refusal)
            .Combine(hasFactFiles)
            .Select(static (input, _) => input.Right && input.Left.Left.CanEmit && input.Left.Right is null)
            .WithTrackingName(TrackingNames.CanEmit);
        IncrementalValuesProvider<BoundPart> parts = catalog
            .SelectMany(static (c, _) => CatalogParts.Split(c))
            .WithTrackingName(TrackingNames.CatalogParts);
        context.RegisterSourceOutput(parts.Combine(options.Combine(forms).Combine(canEmit)), static (output, input) =>
        {
            (BoundPart part, ((GeneratorOptions generatorOptions, DataTableEmitter.TableForms tableForms), bool emit)) = input;
            if (!emit) return;
            // Written with '\n' line endings by IndentedWriter; no copy to normalise them.
            output.AddSource(part.HintName, CatalogEmitter.EmitPartText(part, generatorOptions, tableForms));
        });
        IncrementalValueProvider<CatalogShell> shell = catalog
            .Select(static (c, _) => CatalogParts.Shell(c))
            .WithTrackingName(TrackingNames.CatalogShell);
        context.RegisterSourceOutput(shell.Combine(options.Combine(forms)).Combine(canEmit), static (output, input) =>
        {
            ((CatalogShell catalogShell, (GeneratorOptions generatorOptions, DataTableEmitter.TableForms tableForms)), bool emit) = input;
            if (!emit) return;
            AddSource(output, "FactGen.Catalog.g.cs", CatalogEmitter.EmitShell(catalogShell, generatorOptions, tableForms));
        });
    }

    /// <summary>
    /// Whether the code can use [NotNullWhen]: the attribute must exist and be accessible. A
    /// library's internal polyfill of it is visible by name but not usable (CS0122).
    /// </summary>
    private static bool HasUsableNotNullWhen(Compilation compilation)
    {
        foreach (INamedTypeSymbol type in compilation.GetTypesByMetadataName("System.Diagnostics.CodeAnalysis.NotNullWhenAttribute"))
        {
            if (compilation.IsSymbolAccessibleWithin(type, compilation.Assembly)) return true;
        }
        return false;
    }

    /// <summary>Whether the framework has <c>Encoding.GetString(ReadOnlySpan&lt;byte&gt;)</c> (.NET Core 2.1 and later).</summary>
    private static bool HasUtf8Decoding(Compilation compilation)
    {
        INamedTypeSymbol? encoding = compilation.GetTypeByMetadataName("System.Text.Encoding");
        INamedTypeSymbol? span = compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");
        if (encoding is null || span is null) return false;
        foreach (ISymbol member in encoding.GetMembers("GetString"))
        {
            if (member is IMethodSymbol { DeclaredAccessibility: Accessibility.Public, Parameters.Length: 1 } method
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type.OriginalDefinition, span))
            {
                return true;
            }
        }
        return false;
    }

    private static void AddSource(SourceProductionContext output, string hintName, string text)
        // '\n' everywhere, so output is byte-identical whatever line endings the checkout has.
        => output.AddSource(hintName, SourceText.From(text.Replace("\r\n", "\n"), System.Text.Encoding.UTF8));
}
