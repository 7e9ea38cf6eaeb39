namespace FactGen;

/// <summary>Names of the tracked pipeline steps, for the incrementality tests.</summary>
internal static class TrackingNames
{
    public const string ReadFactFile = nameof(ReadFactFile);
    public const string ReadCompilationFacts = nameof(ReadCompilationFacts);
    public const string ReadOptions = nameof(ReadOptions);
    public const string ReadReferences = nameof(ReadReferences);
    public const string ReadUpstreamCatalogs = nameof(ReadUpstreamCatalogs);
    public const string IndexUpstreamCatalogs = nameof(IndexUpstreamCatalogs);
    public const string DeclaredFacts = nameof(DeclaredFacts);
    public const string IsRootCatalog = nameof(IsRootCatalog);
    public const string BindCatalog = nameof(BindCatalog);
    public const string CatalogModel = nameof(CatalogModel);
    public const string CatalogDiagnostics = nameof(CatalogDiagnostics);
    public const string HasFactFiles = nameof(HasFactFiles);
    public const string CatalogRefusal = nameof(CatalogRefusal);
    public const string TableForms = nameof(TableForms);
    public const string CanEmit = nameof(CanEmit);
    /// <summary>One fact file's share of the catalog (a <c>BoundPart</c>), emitted as its own source.</summary>
    public const string CatalogParts = nameof(CatalogParts);
    public const string CatalogShell = nameof(CatalogShell);
}
