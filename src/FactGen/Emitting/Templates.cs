using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace FactGen.Emitting;

/// <summary>
/// The generated code that does not depend on the facts, kept as C# files in EmbeddedResources/
/// (compiled with the generator, so the compiler checks them as code) and embedded in this
/// assembly. Each is read once per process; what varies per project is filled in by replacing
/// tokens that cannot occur by accident. A token that is not found throws, so a template and this
/// class cannot drift apart silently (TemplateTests runs every option).
/// </summary>
internal static class Templates
{
    /// <summary>The namespace the templates are written in, replaced by the catalog's.</summary>
    public const string Namespace = "FactGen.Runtime";

    /// <summary>Stands for <see cref="EmitterText.GeneratedCodeAttribute"/>, whose version is known only here.</summary>
    public const string GeneratedCodeToken = "[global::System.CodeDom.Compiler.GeneratedCode(\"FactGen\", \"$(FactGenVersion)\")]";

    /// <summary>Conditional symbols a template may test; FactGen.csproj defines them all, so every part compiles.</summary>
    public const string FactAttributeSymbol = "FACTGEN_FACT_ATTRIBUTE", Utf8TablesSymbol = "FACTGEN_UTF8_TABLES";

    /// <summary>
    /// A column of <see cref="RowLayout"/>, written as the real constant (so the template compiles
    /// with the right value) and emitted as its number.
    /// </summary>
    private static readonly Regex s_rowLayout = new(@"global::FactGen\.Emitting\.RowLayout\.(\w+)", RegexOptions.CultureInvariant);

    private static readonly Lazy<string> s_types = new(() => Prepare(Load("Types.cs")));
    private static readonly Lazy<string> s_dataTemplate = new(() => Prepare(Load("FactCatalogData.cs")));
    private static readonly Lazy<string> s_catalogData = new(() => ClassMembers(s_dataTemplate.Value, "internal static partial class FactCatalogData"));

    /// <summary>FactGen.Types.g.cs: the fixed types, in the catalog's namespace and accessibility.</summary>
    public static string Types(GeneratorOptions options)
    {
        string text = Conditional(s_types.Value, new Dictionary<string, bool> { [FactAttributeSymbol] = options.EmitFactAttribute });
        text = Replace(text, "namespace " + Namespace + "\n", "namespace " + options.Namespace + "\n");
        text = InNamespace(text, options.Namespace);
        // Only top-level types start a line with four spaces and "public": members are indented deeper.
        text = Replace(text, "\n    public ", "\n    " + options.Accessibility + " ");
        return EmitterText.Header + text;
    }

    /// <summary>
    /// The fixed members of the catalog's <c>FactCatalogData</c> (what every fact file's data
    /// class uses: the decoder, the tables, the storage), unindented, without a final line break;
    /// the UTF-8 decoder only where a table is a UTF-8 literal.
    /// </summary>
    public static string CatalogDataMembers(string @namespace, bool utf8Tables)
        => InNamespace(Conditional(s_catalogData.Value, new Dictionary<string, bool> { [Utf8TablesSymbol] = utf8Tables }), @namespace);

    /// <summary>What every use of a template shares: from the namespace line on, with the constants filled in.</summary>
    private static string Prepare(string template)
    {
        template = template.Replace("\r\n", "\n");
        int start = template.IndexOf("\nnamespace " + Namespace + "\n", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException("The template has no 'namespace " + Namespace + "' line.");
        string text = template.Substring(start + 1);
        text = s_rowLayout.Replace(text, match => RowLayoutColumn(match.Groups[1].Value));
        return text.Replace(GeneratedCodeToken, EmitterText.GeneratedCodeAttribute);
    }

    private static string RowLayoutColumn(string name)
    {
        FieldInfo? field = typeof(RowLayout).GetField(name, BindingFlags.Public | BindingFlags.Static);
        if (field is not { IsLiteral: true }) throw new InvalidOperationException("RowLayout has no constant '" + name + "'.");
        return ((int)field.GetRawConstantValue()!).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string InNamespace(string text, string @namespace)
        => Replace(text, "global::" + Namespace + ".", "global::" + @namespace + ".");

    /// <summary>Keeps or drops each <c>#if SYMBOL</c> … <c>#endif</c> block (no nesting, no <c>#else</c>), and the directive lines.</summary>
    private static string Conditional(string text, Dictionary<string, bool> symbols)
    {
        var result = new StringBuilder(text.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? open = null;
        bool keep = true;
        foreach (string line in text.Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith("#if ", StringComparison.Ordinal))
            {
                string symbol = trimmed.Substring(4).Trim();
                if (open is not null) throw new InvalidOperationException("Nested #if in a template: " + symbol);
                if (!symbols.TryGetValue(symbol, out keep)) throw new InvalidOperationException("Unknown symbol in a template: " + symbol);
                open = symbol;
                seen.Add(symbol);
                continue;
            }
            if (trimmed.StartsWith("#endif", StringComparison.Ordinal))
            {
                if (open is null) throw new InvalidOperationException("#endif without #if in a template.");
                open = null;
                keep = true;
                continue;
            }
            if (trimmed.StartsWith("#el", StringComparison.Ordinal)) throw new InvalidOperationException("Templates use no #else or #elif: " + trimmed);
            if (keep) result.Append(line).Append('\n');
        }
        if (open is not null) throw new InvalidOperationException("#if " + open + " has no #endif in a template.");
        foreach (string symbol in symbols.Keys)
        {
            if (!seen.Contains(symbol)) throw new InvalidOperationException("The template has no #if " + symbol + ".");
        }
        // Split gave one more piece than there were line breaks.
        return result.ToString(0, result.Length - 1);
    }

    /// <summary>The lines between the braces of <paramref name="declaration"/>, unindented.</summary>
    private static string ClassMembers(string text, string declaration)
    {
        string[] lines = text.Split('\n');
        int header = Array.FindIndex(lines, l => l.Trim() == declaration);
        if (header < 0 || lines[header + 1].Trim() != "{") throw new InvalidOperationException("The template has no '" + declaration + "'.");
        string indent = lines[header].Substring(0, lines[header].IndexOf(declaration, StringComparison.Ordinal)) + "    ";
        int end = Array.FindIndex(lines, header + 2, l => l == indent.Substring(4) + "}");
        var members = new StringBuilder(text.Length);
        for (int i = header + 2; i < end; i++)
        {
            string line = lines[i];
            if (line.Length > 0 && line[0] != '#')
            {
                if (!line.StartsWith(indent, StringComparison.Ordinal)) throw new InvalidOperationException("A member line of the template is not indented: " + line);
                line = line.Substring(indent.Length);
            }
            if (i > header + 2) members.Append('\n');
            members.Append(line);
        }
        return members.ToString();
    }

    private static string Replace(string text, string token, string value)
    {
        if (text.IndexOf(token, StringComparison.Ordinal) < 0) throw new InvalidOperationException("The template has no '" + token + "'.");
        return text.Replace(token, value);
    }

    private static string Load(string name)
    {
        string resource = "FactGen.EmbeddedResources." + name;
        using Stream stream = typeof(Templates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("The generator has no embedded resource " + resource + ".");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
