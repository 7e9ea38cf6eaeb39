using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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

        // Bind file by file: each file alone, a reference to a fact it does not declare being an
        // import by id. The index of every file's declarations (ids, references, kinds: no values,
        // no locations) places each file's part in the catalog and says whether binding file by
        // file is exactly binding the whole catalog. A value edit leaves the index equal: only the
        // edited file binds again, its part alone changes, and Roslyn keeps every other tree.
        // Every per-file step depends on its own file and on whole-catalog values only, never on
        // a value collected from other per-file steps that themselves depend on such a collected
        // value (one level, as the measures on the bounds, is fine): step
        // tracking records each step's inputs without sharing, so each such level would multiply
        // its cost by the number of files.
        IncrementalValueProvider<CatalogIndex> index = files
            .Select(static (file, _) => FileDeclarations.Of(file))
            .WithTrackingName(TrackingNames.FileDeclarations)
            .Collect()
            .Combine(upstream)
            .Select(static (input, cancellationToken) => CatalogIndex.Build(input.Left, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.CatalogIndex);
        IncrementalValuesProvider<FileBind> fileBinds = files
            .Combine(upstream)
            .Select(static (input, cancellationToken) => CatalogBinder.BindFile(input.Left, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.BindFile);
        // The index decides; each file's bind confirms that it met nothing only the whole bind
        // reports (PerFileBindTests checks that they agree), so that a disagreement falls back to
        // the whole bind rather than to a wrong catalog.
        IncrementalValueProvider<bool> perFile = index
            .Combine(fileBinds.Select(static (bind, _) => bind.IsExact).Collect())
            .Select(static (input, _) => input.Left.IsExact && input.Right.All(static exact => exact))
            .WithTrackingName(TrackingNames.BindsPerFile);
        IncrementalValueProvider<CatalogKinds> kinds = fileBinds
            .Select(static (bind, _) => bind.Kinds)
            .Collect()
            .Select(static (parts, _) => CatalogParts.Kinds(parts))
            .WithTrackingName(TrackingNames.CatalogKinds);

        // Where the index finds what only the whole catalog can report (a duplicate id, a clash
        // of names, an unknown reference, a lost id line), the whole catalog is bound as one, and
        // its parts, shell, diagnostics and manifest are used instead. Otherwise this step returns
        // at once.
        IncrementalValueProvider<BindResult?> whole = files
            .Collect()
            .Combine(upstream)
            .Combine(perFile)
            .Select(static (input, cancellationToken) => input.Right ? null : CatalogBinder.Bind(input.Left.Left, input.Left.Right, cancellationToken))
            .WithTrackingName(TrackingNames.BindCatalog);
        // The catalog apart from its diagnostics: moving text changes locations, not the catalog.
        IncrementalValueProvider<BoundCatalog?> wholeCatalog = whole
            .Select(static (result, _) => result?.Catalog)
            .WithTrackingName(TrackingNames.CatalogModel);
        IncrementalValueProvider<CatalogSplit> wholeParts = wholeCatalog
            .Select(static (catalog, _) => catalog is null ? CatalogSplit.None : CatalogParts.SplitByFile(catalog))
            .WithTrackingName(TrackingNames.CatalogSplit);

        // Which facts each file reports on, and with which source: the doc comment of a fact
        // names every source. They hold no values, so a value edit in a report leaves them equal
        // and the declaring file's part cached; a new report, or a new source, writes it again.
        IncrementalValueProvider<EquatableArray<FactReporter>> reportedBy = fileBinds
            .Select(static (bind, _) => ReportedBy.Of(bind.Reports))
            .WithTrackingName(TrackingNames.FileReporters)
            .Collect()
            .Select(static (files, _) => ReportedBy.All(files))
            .WithTrackingName(TrackingNames.ReportedBy);
        IncrementalValueProvider<EquatableArray<FactReporter>> reportedByWhole = whole
            .Select(static (result, _) => result is null ? EquatableArray<FactReporter>.Empty : ReportedBy.All(result.Reports.Select(ReportedBy.Of)));

        // The parts of the file-by-file bind, each at its place; the whole bind's, cut by file.
        IncrementalValuesProvider<BoundPart> parts = fileBinds
            .Select(static (bind, _) => (bind.Path, bind.Part))
            .Combine(index)
            .Combine(reportedBy)
            .Select(static (input, _) => input.Left.Left.Part is { } part && input.Left.Right.IsExact && input.Left.Right.PlaceOf(input.Left.Left.Path) is { } place
                ? CatalogParts.Place(part, place) with { ReportedBy = ReportedBy.For(part.Facts, input.Right) }
                : null)
            .WithTrackingName(TrackingNames.CatalogParts)
            .Where(static part => part is not null)
            .Select(static (part, _) => part!);
        IncrementalValuesProvider<BoundPart> partsOfWhole = wholeParts
            .SelectMany(static (split, _) => split.Parts)
            .Combine(reportedByWhole)
            .Select(static (input, _) => input.Right.IsEmpty ? input.Left : input.Left with { ReportedBy = ReportedBy.For(input.Left.Facts, input.Right) })
            .WithTrackingName(TrackingNames.CatalogParts);

        IncrementalValueProvider<bool> hasFactFiles = index
            .Select(static (i, _) => i.FileCount > 0)
            .WithTrackingName(TrackingNames.HasFactFiles);

        // How large the parts are: a file's bounds depend on its own bind alone, so an edit bounds
        // one file again, and the decision for the whole catalog adds one number per file. Where
        // the bounds together pass the literal limit, each file is measured exactly (the bounds
        // count a repeated string each time), again one file per edit: the flag stays true.
        IncrementalValuesProvider<DataTableEmitter.PartSize?> fileBounds = fileBinds
            .Select(static (bind, _) => bind.Part is { } part ? DataTableEmitter.Estimate(part) : null)
            .WithTrackingName(TrackingNames.PartSizes);
        IncrementalValueProvider<bool> fileBoundsExceed = fileBounds
            .Collect()
            .Select(static (bounds, _) => DataTableEmitter.NeedsMeasure(bounds))
            .WithTrackingName(TrackingNames.CatalogNeedsMeasure);
        // Only where the file-by-file bind decides: otherwise the whole bind's parts are sized.
        IncrementalValuesProvider<DataTableEmitter.PartMeasure?> fileMeasures = fileBinds
            .Combine(fileBoundsExceed.Combine(perFile).Select(static (input, _) => input.Left && input.Right))
            .Select(static (input, _) => input.Right && input.Left.Part is { } part ? DataTableEmitter.Measure(part) : null)
            .WithTrackingName(TrackingNames.PartMeasures);
        IncrementalValueProvider<DataTableEmitter.CatalogSize> sizes = fileBounds
            .Collect()
            .Combine(fileMeasures.Collect())
            .Combine(perFile)
            .Combine(wholeParts.Select(static (split, _) => DataTableEmitter.Sizes(split.Parts)))
            .Select(static (input, _) => input.Left.Right ? DataTableEmitter.CatalogSize.Of(input.Left.Left.Left, input.Left.Left.Right) : input.Right)
            .WithTrackingName(TrackingNames.CatalogSizes);

        // Whether the catalog can be emitted at all for this project: decided once, before any
        // file is written, so a refused catalog gives one diagnostic and no code that fails to
        // compile. Null when it fits; value-equal otherwise, so an edit that keeps it unchanged
        // re-runs nothing.
        IncrementalValueProvider<DiagnosticInfo?> refusal = sizes
            .Combine(options)
            .Combine(hasFactFiles)
            .Select(static (input, _) => !input.Right || !input.Left.Right.CanEmit ? null
                : DataTableEmitter.Refusal(input.Left.Left, input.Left.Right) is { } problem ? DiagnosticReporter.CatalogTooLarge(problem + "; nothing is generated")
                : null)
            .WithTrackingName(TrackingNames.CatalogRefusal);

        // Every diagnostic is a DiagnosticInfo, and all are reported by this one output, through
        // DiagnosticReporter. They are made in four places, each cached with what it depends on: a
        // file's read diagnostics with the file (an edit re-reads only that file, and the binder
        // caps them with its own); the binder's apart from the catalog, so that moving text
        // re-reports them without emitting again (file by file, or the whole bind's); the
        // options' from MSBuild properties and the language version alone (they matter only where
        // there are facts to generate); the refusal from the parts' sizes and the options.
        // Reporting is cheap, so they meet here; a C# edit changes none of them, and then this
        // output does not run again.
        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> bindDiagnostics = fileBinds
            .Select(static (bind, _) => (bind.Path, bind.Diagnostics))
            .Collect()
            .Combine(perFile)
            .Combine(whole.Select(static (result, _) => result?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty))
            .Select(static (input, _) => DiagnosticReporter.InReportOrder(input.Left.Right
                ? input.Left.Left.SelectMany(static f => f.Diagnostics)
                : input.Right))
            .WithTrackingName(TrackingNames.CatalogDiagnostics);
        // FG0016: each file names the facts it reports on; each file gives what it says of those
        // facts; the claims are compared. An edit re-reads the claims of the edited file alone.
        IncrementalValueProvider<ReportedIds> reportedIds = files
            .Select(static (file, _) => ReportedIds.Of(file))
            .Collect()
            .Select(static (ids, _) => ReportedIds.Union(ids));
        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> disagreements = files
            .Combine(reportedIds)
            .Select(static (input, _) => FileClaims.Of(input.Left, input.Right))
            .WithTrackingName(TrackingNames.FileClaims)
            .Collect()
            .Select(static (claims, _) => Disagreements.Check(claims))
            .WithTrackingName(TrackingNames.Disagreements);
        // FG0017: each file gives the shapes of its events, without locations; the shapes of all
        // files are compared, again only where a shape changes (moving lines changes none); each
        // file locates the ids of the pairs it holds, and the located pairs are the hints.
        IncrementalValueProvider<EquatableArray<SameFactPair>> sameFactPairs = files
            .Select(static (file, _) => EventShapes.Of(file))
            .WithTrackingName(TrackingNames.EventShapes)
            .Collect()
            .Select(static (shapes, cancellationToken) => SameFacts.Pairs(shapes, cancellationToken))
            .WithTrackingName(TrackingNames.SameFacts);
        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> sameFacts = files
            .Combine(sameFactPairs)
            .Select(static (input, _) => SameFacts.Locate(input.Left, input.Right))
            .Collect()
            .Combine(sameFactPairs)
            .Select(static (input, _) => SameFacts.Report(input.Right, input.Left));
        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> hints = disagreements
            .Combine(sameFacts)
            .Select(static (input, _) => input.Right.IsEmpty ? input.Left : input.Left.Concat(input.Right).ToEquatableArray());
        var diagnostics = files
            .Select(static (file, _) => file.Diagnostics)
            .Collect()
            .Combine(bindDiagnostics.Combine(hints).Select(static (input, _) => input.Right.IsEmpty ? input.Left : input.Left.Concat(input.Right).ToEquatableArray()))
            .Combine(options.Select(static (o, _) => o.Diagnostics).Combine(hasFactFiles))
            .Combine(upstream.Select(static (u, _) => u.Duplicates))
            .Combine(refusal);
        context.RegisterSourceOutput(diagnostics, static (output, input) =>
        {
            ((((ImmutableArray<EquatableArray<DiagnosticInfo>> read, EquatableArray<DiagnosticInfo> bind), (EquatableArray<DiagnosticInfo> optionProblems, bool hasFacts)), EquatableArray<DiagnosticInfo> upstreamDuplicates), DiagnosticInfo? refusal) = input;
            DiagnosticReporter.Report(output, read);
            DiagnosticReporter.Report(output, bind);
            if (hasFacts) DiagnosticReporter.Report(output, optionProblems);
            if (hasFacts) DiagnosticReporter.Report(output, upstreamDuplicates);
            DiagnosticReporter.Report(output, refusal);
        });

        // The catalog-wide file: the parts by name, the kinds, how the catalog builds on others.
        // No fact's values, so a value edit leaves it equal.
        IncrementalValueProvider<CatalogShell?> shell = index
            .Combine(kinds)
            .Combine(upstream)
            .Combine(perFile.Combine(wholeCatalog))
            .Select(static (input, _) => (input.Right.Left ? CatalogParts.Shell(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right)
                : input.Right.Right is { } catalog ? CatalogParts.Shell(catalog)
                : null) is { } made ? made with { ReportNames = input.Left.Left.Left.ReportNames } : null)
            .WithTrackingName(TrackingNames.CatalogShell);

        // What is emitted, decided once: every output below only asks the plan. A catalog
        // built on referenced catalogs uses the root catalog's types, so it emits none; the
        // fixed types depend on the options alone, so fact edits never re-emit them.
        IncrementalValueProvider<EmitPlan> plan = options
            .Combine(refusal)
            .Combine(hasFactFiles)
            .Combine(upstream.Select(static (u, _) => u.Catalogs.Catalogs.IsEmpty))
            .Combine(perFile)
            .Combine(shell.Select(static (s, _) => s is not null))
            .Select(static (input, _) =>
            {
                (((((GeneratorOptions o, DiagnosticInfo? refused), bool hasFacts), bool root), bool byFile), bool hasShell) = input;
                return EmitPlan.Decide(o, refused is not null, hasFacts, root, byFile, hasShell);
            })
            .WithTrackingName(TrackingNames.EmitPlan);
        // Each output combines only its own part of the plan, so that a change to another part (a
        // switch between the binds, say) does not run it again.
        context.RegisterSourceOutput(options.Combine(plan.Select(static (p, _) => p.Types)), static (output, input) =>
        {
            if (!input.Right) return;
            AddSource(output, "FactGen.Types.g.cs", TypesEmitter.Emit(input.Left));
        });

        // A public catalog records itself in its assembly, so that referencing projects can build on it.
        IncrementalValueProvider<EquatableArray<UpstreamFact>> declared = fileBinds
            .Select(static (bind, _) => bind.Declared)
            .Collect()
            .Combine(perFile)
            .Combine(whole.Select(static (result, _) => result?.Declared ?? EquatableArray<UpstreamFact>.Empty))
            .Select(static (input, _) =>
            {
                if (!input.Left.Right) return input.Right;
                var facts = new List<UpstreamFact>();
                foreach (EquatableArray<UpstreamFact> file in input.Left.Left) facts.AddRange(file);
                CatalogBinder.SortDeclared(facts);
                return facts.ToEquatableArray();
            })
            .WithTrackingName(TrackingNames.DeclaredFacts);
        context.RegisterSourceOutput(shell.Combine(declared).Combine(options).Combine(plan.Select(static (p, _) => p.Manifest)), static (output, input) =>
        {
            (((CatalogShell? catalogShell, EquatableArray<UpstreamFact> declaredFacts), GeneratorOptions generatorOptions), bool emitManifest) = input;
            if (!emitManifest) return;
            AddSource(output, "FactGen.Manifest.g.cs", ManifestEmitter.Emit(catalogShell!, declaredFacts, generatorOptions));
        });

        // One source per fact file, and one for the catalog as a whole. A part holds only its own
        // file's values (a reference to another file's fact is an import by id), so an edit to
        // one file changes that file's part alone: every other part compares equal, its output
        // step does not run, and Roslyn keeps its syntax tree.
        IncrementalValueProvider<DataTableEmitter.TableForms> forms = sizes
            .Combine(options)
            .Select(static (input, _) => DataTableEmitter.Forms(input.Left, input.Right))
            .WithTrackingName(TrackingNames.TableForms);
        IncrementalValueProvider<(GeneratorOptions Options, DataTableEmitter.TableForms Forms, EmitPlan.PartSource Parts)> partPlan = options
            .Combine(forms)
            .Combine(plan.Select(static (p, _) => p.Parts))
            .Select(static (input, _) => (input.Left.Left, input.Left.Right, input.Right));
        context.RegisterSourceOutput(parts.Combine(partPlan), static (output, input) =>
        {
            if (input.Right.Parts != EmitPlan.PartSource.FileByFile) return;
            // Written with '\n' line endings by IndentedWriter; no copy to normalise them.
            output.AddSource(input.Left.HintName, CatalogEmitter.EmitPartText(input.Left, input.Right.Options, input.Right.Forms));
        });
        context.RegisterSourceOutput(partsOfWhole.Combine(partPlan), static (output, input) =>
        {
            if (input.Right.Parts != EmitPlan.PartSource.WholeBind) return;
            output.AddSource(input.Left.HintName, CatalogEmitter.EmitPartText(input.Left, input.Right.Options, input.Right.Forms));
        });

        // One source per file with reports, from the same bind as the parts. It holds what the
        // file's source says of facts declared elsewhere, by id: an edit to a report re-emits
        // that file's source alone; the facts it names are merged with it at run time.
        // Where no file has reports, the outputs have no input, and Roslyn tracks none of these
        // steps (TrackingNames.RunOnlyWithReports).
        IncrementalValuesProvider<BoundReportFile> reports = fileBinds
            .Select(static (bind, _) => bind.Reports)
            .Combine(index)
            .Select(static (input, _) => input.Right.Name(input.Left) is { } named ? new EquatableArray<BoundReportFile>(new[] { named }) : EquatableArray<BoundReportFile>.Empty)
            .WithTrackingName(TrackingNames.ReportFiles)
            .SelectMany(static (named, _) => named);
        IncrementalValuesProvider<BoundReportFile> reportsOfWhole = whole
            .Select(static (result, _) => result?.Reports ?? EquatableArray<BoundReportFile>.Empty)
            .Combine(index)
            .Select(static (input, _) => input.Left.Select(input.Right.Name).OfType<BoundReportFile>().ToEquatableArray())
            .WithTrackingName(TrackingNames.ReportFiles)
            .SelectMany(static (named, _) => named);
        IncrementalValueProvider<(GeneratorOptions Options, string? TypesNamespace, EmitPlan.PartSource Parts)> reportPlan = options
            .Combine(upstream.Select(static (u, _) => u.Catalogs.Catalogs.IsEmpty ? null : u.Catalogs.Catalogs[0].TypesNamespace))
            .Combine(plan.Select(static (p, _) => p.Parts))
            .Select(static (input, _) => (input.Left.Left, input.Left.Right, input.Right));
        context.RegisterSourceOutput(reports.Combine(reportPlan), static (output, input) =>
        {
            if (input.Right.Parts != EmitPlan.PartSource.FileByFile) return;
            AddSource(output, input.Left.HintName, ReportEmitter.Emit(input.Left, input.Right.Options, input.Right.TypesNamespace));
        });
        context.RegisterSourceOutput(reportsOfWhole.Combine(reportPlan), static (output, input) =>
        {
            if (input.Right.Parts != EmitPlan.PartSource.WholeBind) return;
            AddSource(output, input.Left.HintName, ReportEmitter.Emit(input.Left, input.Right.Options, input.Right.TypesNamespace));
        });
        context.RegisterSourceOutput(shell.Combine(options.Combine(forms)).Combine(plan.Select(static (p, _) => p.Shell)), static (output, input) =>
        {
            ((CatalogShell? catalogShell, (GeneratorOptions generatorOptions, DataTableEmitter.TableForms tableForms)), bool emitShell) = input;
            if (!emitShell) return;
            AddSource(output, "FactGen.Catalog.g.cs", CatalogEmitter.EmitShell(catalogShell!, generatorOptions, tableForms));
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
