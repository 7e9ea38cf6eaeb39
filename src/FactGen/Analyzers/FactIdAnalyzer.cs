using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using FactGen.Diagnostics;
using FactGen.Helpers;
using FactGen.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FactGen.Analyzers;

/// <summary>
/// Checks fact ids written as constant strings in C#: every constant passed to a parameter marked
/// <c>[FactId(typeof(Actors.Ids), ...)]</c> (the catalog's <c>Get</c>, <c>[Fact("...")]</c>, or a
/// user's own method) must be one of the <c>const string</c>s of those <c>Ids</c> types (FG0100).
/// A valid id passed to the catalog's own <c>Get</c> could be the generated member (FG0101).
/// </summary>
/// <remarks>
/// It reads no YAML: the ids are the constants the generator emitted, read from the compilation
/// once per <c>Ids</c> type and compilation. The attribute is matched by name in any namespace, so
/// a catalog in a referenced assembly and a user's own parameters work too.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FactIdAnalyzer : DiagnosticAnalyzer
{
    internal const string FactIdAttributeName = "FactIdAttribute";
    private const string GetMethodName = "Get";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnknownIdInCode, DiagnosticDescriptors.UseGeneratedMember, DiagnosticDescriptors.RetractedIdInCode);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var cache = new IdSetCache();
            // An attribute's arguments are an object creation under an IAttributeOperation, so
            // this one action covers [Fact("...")] as well as new X("...").
            // No catch-all: a bug here must show as AD0001, not as FG0100s that silently stop.
            start.RegisterOperationAction(c => AnalyzeInvocation(c, cache), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeObjectCreation(c, cache), OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, IdSetCache cache)
    {
        var invocation = (IInvocationOperation)context.Operation;
        ImmutableArray<IArgumentOperation> arguments = invocation.Arguments;
        if (arguments.IsEmpty) return;
        foreach (IArgumentOperation argument in arguments)
        {
            if (CheckArgument(context, cache, argument) is { } valid
                && arguments.Length == 1
                && IsCatalogGet(invocation.TargetMethod, valid.IdsType))
            {
                ReportUseGeneratedMember(context, invocation, valid);
            }
        }
    }

    private static void AnalyzeObjectCreation(OperationAnalysisContext context, IdSetCache cache)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        foreach (IArgumentOperation argument in creation.Arguments)
        {
            CheckArgument(context, cache, argument);
        }
    }

    /// <summary>A valid constant id given to a parameter with a single <c>Ids</c> type.</summary>
    private readonly struct ValidId
    {
        public ValidId(INamedTypeSymbol idsType, string memberName)
        {
            IdsType = idsType;
            MemberName = memberName;
        }

        public INamedTypeSymbol IdsType { get; }

        public string MemberName { get; }
    }

    /// <summary>
    /// Checks one argument; reports FG0100 for each unknown id. Returns the valid id when the
    /// argument is one constant id checked against one <c>Ids</c> type (what FG0101 needs).
    /// </summary>
    private static ValidId? CheckArgument(OperationAnalysisContext context, IdSetCache cache, IArgumentOperation argument)
    {
        // A default value is the method author's business, not the caller's.
        if (argument.ArgumentKind == ArgumentKind.DefaultValue) return null;
        IParameterSymbol? parameter = argument.Parameter;
        if (parameter is null) return null;
        IOperation value = argument.Value;

        // The cheap tests first: most arguments are not constant strings, or not to a marked parameter.
        if (value.ConstantValue is { HasValue: true, Value: string id })
        {
            if (!TryGetIdSets(parameter, cache, out IdSets sets)) return null;
            // Events.Ids.X of a retracted X already warns CS0618 with the reason: not twice.
            bool warnedAlready = value is IFieldReferenceOperation { Field: { } field } && ObsoleteMessage(field) is not null;
            return CheckId(context, cache, sets, id, value.Syntax, warnedAlready);
        }

        // params string[] (or an explicit array of constants): each element is an id.
        if (parameter.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String }
            && value is IArrayCreationOperation { Initializer: { } initializer }
            && HasConstantString(initializer.ElementValues)
            && TryGetIdSets(parameter, cache, out IdSets arraySets))
        {
            foreach (IOperation element in initializer.ElementValues)
            {
                if (element.ConstantValue is { HasValue: true, Value: string elementId })
                {
                    CheckId(context, cache, arraySets, elementId, element.Syntax);
                }
            }
        }
        return null;
    }

    private static bool HasConstantString(ImmutableArray<IOperation> values)
    {
        foreach (IOperation value in values)
        {
            if (value.ConstantValue is { HasValue: true, Value: string }) return true;
        }
        return false;
    }

    private static ValidId? CheckId(OperationAnalysisContext context, IdSetCache cache, IdSets sets, string id, SyntaxNode syntax, bool warnedAlready = false)
    {
        foreach (IdSet set in sets.Sets)
        {
            if (set.TryGetMemberName(id, out string? memberName))
            {
                // The id of a retracted fact: the member warns (CS0618), so the string does too.
                if (!warnedAlready && ObsoleteMessage(set.Type, memberName) is { } retraction)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.RetractedIdInCode,
                        syntax.GetLocation(),
                        sets.Noun,
                        MessageText.Quote(id),
                        retraction.Length == 0 ? "it is marked [Obsolete]" : MessageText.Quote(retraction)));
                }
                return sets.Sets.Length == 1 ? new ValidId(set.Type, memberName) : null;
            }
        }

        string? nearest = Suggestions.Nearest(id, CloseCandidates(id, sets.AllIds()));
        string hint = nearest is not null
            ? $"; did you mean '{MessageText.Quote(nearest)}'?"
            : NoSuggestionHint(cache, sets, id);
        ImmutableDictionary<string, string?> properties = nearest is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticIds.SuggestionProperty, nearest);
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UnknownIdInCode,
            syntax.GetLocation(),
            properties,
            sets.Noun,
            MessageText.Quote(id),
            hint));
        return null;
    }

    /// <summary>
    /// The candidates that can be close enough for <see cref="Suggestions.Nearest"/>, found without
    /// its edit distance: a catalog can hold 100,000 ids, and the distance is the costly part.
    /// </summary>
    /// <remarks>
    /// An edit changes the letters an id has by at most one in each direction (a swap changes
    /// none), so the letters one id has and the other lacks bound the distance from below.
    /// Dropping a candidate whose bound is past the limit cannot change what Nearest picks: it
    /// would not pick one past the limit. The limit is Nearest's own (a third of the word).
    /// </remarks>
    internal static IEnumerable<string> CloseCandidates(string input, IEnumerable<string> candidates)
    {
        int limit = Math.Max(1, input.Length / 3);
        var counts = new int[128];
        foreach (char c in input)
        {
            if (c >= 128) return candidates; // not an id of the catalog's alphabet: no shortcut
            counts[c]++;
        }
        return Filter(input.Length, limit, counts, candidates);

        static IEnumerable<string> Filter(int inputLength, int limit, int[] counts, IEnumerable<string> candidates)
        {
            foreach (string candidate in candidates)
            {
                if (Math.Abs(candidate.Length - inputLength) > limit) continue;
                if (LowerBound(inputLength, limit, counts, candidate) <= limit) yield return candidate;
            }
        }
    }

    /// <summary>
    /// A lower bound of the edit distance: the larger of the letters of the candidate the input
    /// lacks and the letters of the input the candidate lacks (as multisets). Stops once it is past
    /// the limit; 0 for a candidate past ASCII (the distance decides). Leaves counts as found.
    /// </summary>
    private static int LowerBound(int inputLength, int limit, int[] counts, string candidate)
    {
        int extra = 0;
        int processed = 0;
        bool ascii = true;
        for (; processed < candidate.Length; processed++)
        {
            char c = candidate[processed];
            if (c >= 128)
            {
                ascii = false;
                break;
            }
            if (counts[c]-- <= 0 && ++extra > limit)
            {
                processed++;
                break;
            }
        }
        for (int j = 0; j < processed; j++) counts[candidate[j]]++;
        if (!ascii) return 0;
        if (extra > limit) return extra;
        return Math.Max(extra, inputLength - (candidate.Length - extra));
    }

    /// <summary>
    /// Says what is known when no id is close: the id is one of a sibling category (an actor id
    /// given where a state id belongs), or no fact of the category has it.
    /// </summary>
    private static string NoSuggestionHint(IdSetCache cache, IdSets sets, string id)
    {
        if (sets.Sets.Length == 1 && sets.Sets[0].Type.ContainingType is { ContainingNamespace: { } catalogNamespace } category)
        {
            foreach (CategoryInfo sibling in CategoryInfo.All)
            {
                if (sibling.ClassName == category.Name) continue;
                INamedTypeSymbol? siblingIds = FindIdsType(catalogNamespace, sibling.ClassName);
                if (siblingIds is not null && cache.Get(siblingIds).TryGetMemberName(id, out _))
                {
                    return $"; it is {MessageText.WithArticle(sibling.Singular)} id, not {MessageText.WithArticle(sets.Noun)} id";
                }
            }
        }
        return $"; no {sets.Noun} in the catalog has this id";
    }

    private static INamedTypeSymbol? FindIdsType(INamespaceSymbol catalogNamespace, string categoryName)
    {
        foreach (INamedTypeSymbol type in catalogNamespace.GetTypeMembers(categoryName))
        {
            foreach (INamedTypeSymbol nested in type.GetTypeMembers("Ids"))
            {
                return nested;
            }
        }
        return null;
    }

    /// <summary>What a fact of the generated class is called: "state" for <c>States</c>; "fact" for another class.</summary>
    private static string NounOf(string categoryClassName)
        => CategoryInfo.All.FirstOrDefault(c => c.ClassName == categoryClassName)?.Singular ?? "fact";

    /// <summary>The catalog's own lookup: a static <c>Get</c> of the class whose <c>Ids</c> it checks against.</summary>
    private static bool IsCatalogGet(IMethodSymbol method, INamedTypeSymbol idsType)
        => method is { Name: GetMethodName, IsStatic: true, Parameters.Length: 1 }
            && idsType.ContainingType is { } catalogClass
            && SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, catalogClass.OriginalDefinition);

    private static void ReportUseGeneratedMember(OperationAnalysisContext context, IInvocationOperation invocation, ValidId valid)
    {
        if (invocation.Syntax is not InvocationExpressionSyntax syntax) return;
        // A call made for its check alone (`Actors.Get("x");`, or a lambda body of an Action):
        // the bare member there is no statement (CS0201).
        if (invocation.Parent is IExpressionStatementOperation) return;
        INamedTypeSymbol catalogClass = valid.IdsType.ContainingType!;
        // A retracted fact's member is [Obsolete]: the member would warn where the string does
        // not, so it is not suggested (the retraction is the fact files' business, FG0011/FG0012).
        if (FindStaticProperty(catalogClass, valid.MemberName) is not { } property || ObsoleteMessage(property) is not null) return;

        string replacement;
        switch (syntax.Expression)
        {
            case MemberAccessExpressionSyntax memberAccess:
                replacement = memberAccess.Expression.ToString() + "." + valid.MemberName;
                break;
            case IdentifierNameSyntax:
                // `using static` or a call inside the class: the bare name, when it means the member there.
                SemanticModel? model = invocation.SemanticModel;
                if (model is null) return;
                replacement = CatalogMembers.BindsToMember(model, syntax.SpanStart, catalogClass, valid.MemberName)
                    ? valid.MemberName
                    : catalogClass.ToMinimalDisplayString(model, syntax.SpanStart) + "." + valid.MemberName;
                break;
            default:
                return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UseGeneratedMember,
            syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticIds.MemberNameProperty, valid.MemberName),
            syntax.ToString(),
            replacement));
    }

    /// <summary>The generated property, in the class or (for a catalog spread over parts) a base class.</summary>
    private static IPropertySymbol? FindStaticProperty(INamedTypeSymbol type, string name)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: true } property) return property;
            }
        }
        return null;
    }

    /// <summary>The message of the constant's <c>[Obsolete]</c> (empty without one), or null when it has none.</summary>
    private static string? ObsoleteMessage(INamedTypeSymbol idsType, string memberName)
    {
        foreach (ISymbol member in idsType.GetMembers(memberName))
        {
            if (member is IFieldSymbol { IsConst: true }) return ObsoleteMessage(member);
        }
        return null;
    }

    private static string? ObsoleteMessage(ISymbol symbol)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "ObsoleteAttribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return attribute.ConstructorArguments is [{ Value: string message }, ..] ? message : string.Empty;
            }
        }
        return null;
    }

    /// <summary>The id sets of a parameter's <c>[FactId(...)]</c>, or false when it has none that can be checked.</summary>
    private static bool TryGetIdSets(IParameterSymbol parameter, IdSetCache cache, out IdSets sets)
    {
        sets = default;
        ImmutableArray<AttributeData> attributes = parameter.GetAttributes();
        if (attributes.IsEmpty) return false;
        foreach (AttributeData attribute in attributes)
        {
            if (attribute.AttributeClass is not { Name: FactIdAttributeName }) continue;
            var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (TypedConstant argument in attribute.ConstructorArguments)
            {
                if (!AddTypes(argument, types)) return false;
            }
            if (types.Count == 0) return false;
            var builder = ImmutableArray.CreateBuilder<IdSet>(types.Count);
            foreach (INamedTypeSymbol type in types) builder.Add(cache.Get(type));
            sets = new IdSets(builder.MoveToImmutable());
            return true;
        }
        return false;
    }

    /// <summary>Collects the <c>Type</c>s of an attribute argument; false when one cannot be read (an error type).</summary>
    private static bool AddTypes(TypedConstant argument, ImmutableArray<INamedTypeSymbol>.Builder types)
    {
        if (argument.IsNull) return true;
        switch (argument.Kind)
        {
            case TypedConstantKind.Array:
                foreach (TypedConstant element in argument.Values)
                {
                    if (!AddTypes(element, types)) return false;
                }
                return true;
            case TypedConstantKind.Type:
                if (argument.Value is INamedTypeSymbol { TypeKind: not TypeKind.Error } type)
                {
                    types.Add(type);
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary>The id sets one parameter accepts.</summary>
    private readonly struct IdSets
    {
        public IdSets(ImmutableArray<IdSet> sets) => Sets = sets;

        public ImmutableArray<IdSet> Sets { get; }

        /// <summary>The category noun for the message: one category's, or "fact" for several.</summary>
        public string Noun => Sets.Length == 1 && Sets[0].Type.ContainingType is { } category ? NounOf(category.Name) : "fact";

        public IEnumerable<string> AllIds()
        {
            foreach (IdSet set in Sets)
            {
                foreach (string id in set.Ids) yield return id;
            }
        }
    }

    /// <summary>Each <c>Ids</c> type's ids, once per compilation.</summary>
    private sealed class IdSetCache
    {
        private readonly ConcurrentDictionary<INamedTypeSymbol, IdSet> _sets = new(SymbolEqualityComparer.Default);

        public IdSet Get(INamedTypeSymbol type) => _sets.GetOrAdd(type.OriginalDefinition, static t => new IdSet(t));
    }

    /// <summary>The ids of one <c>Ids</c> type: constant value to constant name.</summary>
    private sealed class IdSet
    {
        // Read when first needed, once (Lazy: two threads must not both read 100,000 constants).
        private readonly Lazy<Dictionary<string, string>> _all;

        public IdSet(INamedTypeSymbol type)
        {
            Type = type;
            _all = new Lazy<Dictionary<string, string>>(() => ReadAll(type));
        }

        public INamedTypeSymbol Type { get; }

        public IEnumerable<string> Ids => _all.Value.Keys;

        public bool TryGetMemberName(string id, [NotNullWhen(true)] out string? memberName)
        {
            // The generator names each constant after its id (denis-pushilin: DenisPushilin), so a
            // valid id is one lookup, and a catalog whose ids in code are all valid is never read
            // whole. Other Ids classes (a user's own), and unknown ids, take the full set.
            if (Naming.IsKebabCase(id))
            {
                string name = Naming.ToPascalCase(id);
                foreach (ISymbol member in Type.GetMembers(name))
                {
                    if (member is IFieldSymbol { IsConst: true, ConstantValue: string value } && value == id)
                    {
                        memberName = name;
                        return true;
                    }
                }
            }
            return _all.Value.TryGetValue(id, out memberName);
        }

        private static Dictionary<string, string> ReadAll(INamedTypeSymbol type)
        {
            var memberNames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (ISymbol member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsConst: true, HasConstantValue: true, ConstantValue: string id } field
                    && !memberNames.ContainsKey(id))
                {
                    memberNames.Add(id, field.Name);
                }
            }
            return memberNames;
        }
    }
}
