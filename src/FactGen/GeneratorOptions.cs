using System;
using System.Linq;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FactGen;

/// <summary>What the generated code looks like, from MSBuild properties.</summary>
internal sealed record GeneratorOptions(string Namespace, string Accessibility, bool HasNotNullWhen, bool CanEmit, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// Whether the text pool may be emitted as one UTF-8 literal (<c>"..."u8</c>): needs C# 11 and a
    /// framework with <c>ReadOnlySpan&lt;byte&gt;</c> and <c>Encoding.GetString(ReadOnlySpan&lt;byte&gt;)</c>.
    /// </summary>
    public bool CanUseUtf8Text { get; init; }

    /// <summary>
    /// Whether to emit <c>FactAttribute</c>. A test project that imports both the catalog's
    /// namespace and xunit's would find <c>[Fact]</c> ambiguous (CS0104); it can turn ours off.
    /// </summary>
    public bool EmitFactAttribute { get; init; } = true;

    /// <summary>
    /// Whether to write each fact's doc comment. A compilation that parses no documentation
    /// comments (<see cref="Microsoft.CodeAnalysis.DocumentationMode.None"/>: a command-line build
    /// without <c>GenerateDocumentationFile</c>) makes no use of them, so they are left out there:
    /// at 10k facts they are most of the generated text, and writing and lexing them is most of
    /// the generator's and a good part of the compiler's time. The IDE parses documentation
    /// comments and gets them; so does a build that writes an XML documentation file.
    /// </summary>
    public bool WriteDocComments { get; init; } = true;

    public const string NamespaceProperty = "build_property.FactGenNamespace";
    public const string AccessibilityProperty = "build_property.FactGenAccessibility";
    public const string RootNamespaceProperty = "build_property.RootNamespace";
    public const string FactAttributeProperty = "build_property.FactGenFactAttribute";

    /// <summary>Facts about the compilation the options need; a small value, so it caches.</summary>
    internal sealed record CompilationFacts(string? AssemblyName, bool HasNotNullWhen, bool HasUtf8Decoding);

    public static GeneratorOptions Create(AnalyzerConfigOptions options, CompilationFacts compilation, LanguageVersion languageVersion)
    {
        var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();

        string fallback = DefaultNamespace(options, compilation.AssemblyName);
        string @namespace = fallback;
        if (options.TryGetValue(NamespaceProperty, out string? configured) && !string.IsNullOrWhiteSpace(configured))
        {
            configured = configured.Trim();
            if (IsValidNamespace(configured))
            {
                @namespace = configured;
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, null, configured, "FactGenNamespace",
                    $"it is not a valid C# namespace; the catalog uses '{fallback}' instead"));
            }
        }

        string accessibility = "internal";
        if (options.TryGetValue(AccessibilityProperty, out string? access) && !string.IsNullOrWhiteSpace(access))
        {
            access = access.Trim();
            if (string.Equals(access, "public", StringComparison.OrdinalIgnoreCase)) accessibility = "public";
            else if (!string.Equals(access, "internal", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, null, access, "FactGenAccessibility",
                    "use 'internal' (the default) or 'public'; the catalog stays internal"));
            }
        }

        bool emitFactAttribute = true;
        if (options.TryGetValue(FactAttributeProperty, out string? factAttribute) && !string.IsNullOrWhiteSpace(factAttribute))
        {
            factAttribute = factAttribute.Trim();
            if (string.Equals(factAttribute, "false", StringComparison.OrdinalIgnoreCase)) emitFactAttribute = false;
            else if (!string.Equals(factAttribute, "true", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, null, factAttribute, "FactGenFactAttribute",
                    "use 'true' (the default) or 'false'; the attribute is generated"));
            }
        }

        bool supportsCSharp8 = languageVersion >= LanguageVersion.CSharp8;
        if (!supportsCSharp8)
        {
            // The catalog uses nullable annotations; below C# 8 it would be a wall of CS8370 errors.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, null, "below 8", "LangVersion",
                "the generated fact catalog needs C# 8 or later; set <LangVersion>8</LangVersion> or later in the project"));
        }

        return new GeneratorOptions(
            Namespace: @namespace,
            Accessibility: accessibility,
            HasNotNullWhen: compilation.HasNotNullWhen,
            CanEmit: supportsCSharp8,
            Diagnostics: diagnostics.ToEquatableArray())
        {
            CanUseUtf8Text = compilation.HasUtf8Decoding && languageVersion >= LanguageVersion.CSharp11,
            EmitFactAttribute = emitFactAttribute,
        };
    }

    private static string DefaultNamespace(AnalyzerConfigOptions options, string? assemblyName)
    {
        string? root = options.TryGetValue(RootNamespaceProperty, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : assemblyName;
        string candidate = string.IsNullOrEmpty(root) ? "Facts" : root + ".Facts";
        return IsValidNamespace(candidate) ? candidate : "Facts";
    }

    internal static bool IsValidNamespace(string value)
        => value.Split('.').All(part =>
            SyntaxFacts.IsValidIdentifier(part)
            && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None
            && SyntaxFacts.GetContextualKeywordKind(part) != SyntaxKind.GlobalKeyword);
}
