namespace FactGen.Emitting;

/// <summary>
/// What the generator adds to the compilation, decided in one place from what the pipeline
/// knows: each source output only asks the plan. Value-equal, so an edit that leaves the
/// decision as it was re-runs no output because of it.
/// </summary>
/// <param name="Types">The fixed fact types (<c>FactGen.Types.g.cs</c>).</param>
/// <param name="Shell">The catalog-wide file (<c>FactGen.Catalog.g.cs</c>).</param>
/// <param name="Manifest">The manifest that lets referencing projects build on the catalog.</param>
/// <param name="Parts">Which bind's parts give the one source per fact file.</param>
internal sealed record EmitPlan(bool Types, bool Shell, bool Manifest, EmitPlan.PartSource Parts)
{
    /// <summary>Where the sources of the fact files come from.</summary>
    internal enum PartSource
    {
        /// <summary>Nothing is emitted.</summary>
        None,

        /// <summary>The file-by-file binds, placed by the catalog index.</summary>
        FileByFile,

        /// <summary>The whole-catalog bind, cut by file (when the index found what only it reports).</summary>
        WholeBind,
    }

    public static readonly EmitPlan Nothing = new(Types: false, Shell: false, Manifest: false, PartSource.None);

    /// <param name="options">The project's options; <see cref="GeneratorOptions.CanEmit"/> is false where the code could not compile.</param>
    /// <param name="refused">The catalog does not fit this project (a diagnostic says why).</param>
    /// <param name="hasFactFiles">The project has fact files at all.</param>
    /// <param name="isRoot">The catalog builds on no referenced catalog, so it declares the fact types itself.</param>
    /// <param name="perFile">The catalog index decided that the files bind one by one.</param>
    /// <param name="hasShell">There is a catalog-wide file to write.</param>
    public static EmitPlan Decide(GeneratorOptions options, bool refused, bool hasFactFiles, bool isRoot, bool perFile, bool hasShell)
    {
        if (!hasFactFiles || !options.CanEmit || refused) return Nothing;
        return new EmitPlan(
            Types: isRoot,
            Shell: hasShell,
            Manifest: hasShell && options.Accessibility == "public",
            Parts: perFile ? PartSource.FileByFile : PartSource.WholeBind);
    }
}
