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
    /// <summary>What one fact file declares (its ids), for the catalog index.</summary>
    public const string FileDeclarations = nameof(FileDeclarations);
    public const string CatalogIndex = nameof(CatalogIndex);
    /// <summary>One fact file bound against the catalog index.</summary>
    public const string BindFile = nameof(BindFile);
    public const string CatalogKinds = nameof(CatalogKinds);
    /// <summary>Whether the file-by-file bind decides (else the whole-catalog bind does).</summary>
    public const string BindsPerFile = nameof(BindsPerFile);
    /// <summary>The whole-catalog bind: it runs only where the file-by-file bind cannot decide.</summary>
    public const string BindCatalog = nameof(BindCatalog);
    public const string CatalogSplit = nameof(CatalogSplit);
    /// <summary>One part's size bounds.</summary>
    public const string PartSizes = nameof(PartSizes);
    /// <summary>Whether the parts' bounds together pass the literal limit, so that each part is measured.</summary>
    public const string CatalogNeedsMeasure = nameof(CatalogNeedsMeasure);
    /// <summary>One part's exact size, measured only where the catalog needs it.</summary>
    public const string PartMeasures = nameof(PartMeasures);
    public const string CatalogSizes = nameof(CatalogSizes);
    public const string CatalogModel = nameof(CatalogModel);
    public const string CatalogDiagnostics = nameof(CatalogDiagnostics);
    public const string HasFactFiles = nameof(HasFactFiles);
    public const string CatalogRefusal = nameof(CatalogRefusal);
    public const string TableForms = nameof(TableForms);
    public const string EmitPlan = nameof(EmitPlan);
    /// <summary>One fact file's share of the catalog (a <c>BoundPart</c>), emitted as its own source.</summary>
    public const string CatalogParts = nameof(CatalogParts);
    public const string CatalogShell = nameof(CatalogShell);
    /// <summary>One fact file's reports, emitted as their own source.</summary>
    public const string ReportFiles = nameof(ReportFiles);
    /// <summary>The steps Roslyn tracks only where some fact file has reports (where none has, their outputs have no input).</summary>
    public static readonly string[] RunOnlyWithReports = { ReportFiles };
    /// <summary>Which facts of this catalog one fact file reports on, and with which source, for their doc comments.</summary>
    public const string FileReporters = nameof(FileReporters);
    /// <summary>Every file's reporters, in file order.</summary>
    public const string ReportedBy = nameof(ReportedBy);
    /// <summary>The steps that only the file-by-file parts take: where the whole-catalog bind decides, Roslyn tracks none of them.</summary>
    public static readonly string[] RunOnlyFileByFile = { FileReporters, ReportedBy };
    /// <summary>What one fact file says of the reported facts' values, for the disagreement check.</summary>
    public const string FileClaims = nameof(FileClaims);
    /// <summary>The shapes of one file's events (kind, parties, date), for FG0017.</summary>
    public const string EventShapes = nameof(EventShapes);
    /// <summary>FG0017: events that look like one.</summary>
    public const string SameFacts = nameof(SameFacts);
    /// <summary>FG0016: where sources disagree on a fact's value.</summary>
    public const string Disagreements = nameof(Disagreements);
}
