using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FactGen.Analyzers;
using FactGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FactGen.CodeFixes;

/// <summary>
/// Fixes for fact ids in C#: FG0100 (an unknown id) becomes the id the message suggests, and
/// FG0101 turns <c>Actors.Get("denis-pushilin")</c> into <c>Actors.DenisPushilin</c>.
/// </summary>
// No [Shared] (System.Composition): the IDE creates code fixes of an analyzer reference by reflection,
// and a reference to System.Composition.AttributedModel 8.0, the oldest this feed serves for
// Workspaces 4.8, would fail to bind in an IDE that ships 7.0 (Visual Studio 17.8).
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FactIdCodeFixProvider))]
public sealed class FactIdCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of FG0100's fix: one key for every suggestion, so Fix All applies each.</summary>
    public const string UseSuggestedIdKey = "FactGen.UseSuggestedId";

    /// <summary>Equivalence key of FG0101's fix.</summary>
    public const string UseGeneratedMemberKey = "FactGen.UseGeneratedMember";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnknownIdInCode, DiagnosticIds.UseGeneratedMember);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Id == DiagnosticIds.UnknownIdInCode)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticIds.SuggestionProperty, out string? suggestion) || suggestion is null) continue;
                if (FindNode<ExpressionSyntax>(root, diagnostic.Location.SourceSpan) is not { } expression) continue;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use '{suggestion}'",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(expression, Literal(suggestion, expression)))),
                        UseSuggestedIdKey),
                    diagnostic);
            }
            else if (diagnostic.Id == DiagnosticIds.UseGeneratedMember)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticIds.MemberNameProperty, out string? memberName) || memberName is null) continue;
                if (!SyntaxFacts.IsValidIdentifier(memberName)) continue;
                if (FindNode<InvocationExpressionSyntax>(root, diagnostic.Location.SourceSpan) is not { } invocation) continue;
                SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                if (model is null || MemberAccess(model, invocation, memberName, context.CancellationToken) is not { } replacement) continue;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        // One line, however the receiver was broken over lines.
                        "Use " + string.Concat(replacement.WithoutTrivia().ToString().Split('\r', '\n').Select(static part => part.Trim())),
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement.WithTriviaFrom(invocation)))),
                        UseGeneratedMemberKey),
                    diagnostic);
            }
        }
    }

    private static T? FindNode<T>(SyntaxNode root, TextSpan span)
        where T : SyntaxNode
    {
        if (span.End > root.FullSpan.End) return null;
        SyntaxNode node = root.FindNode(span, getInnermostNodeForTie: true);
        // The innermost node of that span may be inside the one wanted (never wider than the span).
        for (SyntaxNode? current = node; current is not null && current.Span == span; current = current.Parent)
        {
            if (current is T match) return match;
        }
        return null;
    }

    /// <summary>The suggested id as a string literal, where the expression was.</summary>
    private static ExpressionSyntax Literal(string id, ExpressionSyntax replaced)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(id)).WithTriviaFrom(replaced);

    /// <summary>
    /// <c>Actors.Get("x")</c> becomes <c>Actors.X</c>, with the receiver as written. Without a
    /// receiver (<c>using static</c>, or inside the class) it is the bare name when that means
    /// the member there, else the class's name as the code can write it.
    /// </summary>
    private static ExpressionSyntax? MemberAccess(SemanticModel model, InvocationExpressionSyntax invocation, string memberName, CancellationToken cancellationToken)
    {
        switch (invocation.Expression)
        {
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } memberAccess:
                return memberAccess.WithName(SyntaxFactory.IdentifierName(memberName).WithTriviaFrom(memberAccess.Name));
            case IdentifierNameSyntax identifier:
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { ContainingType: { } catalogClass }) return null;
                int position = invocation.SpanStart;
                IdentifierNameSyntax name = SyntaxFactory.IdentifierName(memberName).WithTriviaFrom(identifier);
                if (CatalogMembers.BindsToMember(model, position, catalogClass, memberName)) return name;
                ExpressionSyntax type = SyntaxFactory.ParseExpression(catalogClass.ToMinimalDisplayString(model, position));
                return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, name.WithoutTrivia())
                    .WithTriviaFrom(identifier);
            default:
                return null;
        }
    }
}
