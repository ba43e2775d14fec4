using DomainFlow.Core;
using DomainFlow.Core.Keywords;
using DomainFlow.Core.Resources;
using DomainFlow.Store.Keywords;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>A keyword set, who made it, and whether the caller may change or delete it.</summary>
public sealed record KeywordSetDto(
    Guid Id, string Name, string? Description, bool Enabled, IReadOnlyList<KeywordRule> Rules, int MaxSnippets,
    Guid? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool CanEdit)
{
    public static KeywordSetDto From(NamedResource<KeywordSetConfig> s, bool canEdit) =>
        new(s.Id, s.Config.Name, s.Config.Description, s.Config.Enabled, s.Config.Rules, s.Config.MaxSnippets, s.CreatedBy, s.CreatedAt, s.UpdatedAt, canEdit);
}

/// <param name="Text">The text to match (at most 1,000,000 characters).</param>
public sealed record KeywordSetTestRequest(string? Text = null);

/// <summary>Unsaved rules tried on a text: what the rules editor's live tester sends.</summary>
public sealed record KeywordRulesTestRequest(IReadOnlyList<KeywordRule>? Rules = null, string? Text = null, int MaxSnippets = 3);

/// <param name="Hits">Every rule with at least one hit (or an error), with its count and context snippets.</param>
/// <param name="Score">Σ weight × log2(1 + count) over the rules.</param>
public sealed record KeywordTestReport(IReadOnlyList<KeywordHit> Hits, double Score, int TextLength, double ElapsedMs);

/// <summary>/api/v2/keyword-sets: CRUD, import/export, and tests of a stored set or of unsaved rules on posted text.</summary>
public static class KeywordSetsApi
{
    public const int MaxTestText = 1_000_000;

    public static readonly NamedConfigKind<KeywordSetConfig, KeywordSetDto> Kind = new(
        "/keyword-sets", "Keyword sets", "The keyword set", "keyword set", "keyword_set", "keyword_set", "keyword-sets.json", KeywordSetDto.From);

    public static RouteGroupBuilder MapKeywordSets(this RouteGroupBuilder api)
    {
        var group = api.MapNamedConfigs<KeywordSetConfig, KeywordSetDto, KeywordSetStore>(Kind);
        group.MapPost("/{id:guid}/test", TestAsync);
        group.MapPost("/test", TestRules);
        return api;
    }

    /// <summary>Runs a stored set (enabled or not) on the text; read-like, so any user may test any set.</summary>
    private static async Task<Results<Ok<KeywordTestReport>, ProblemHttpResult>> TestAsync(Guid id, KeywordSetTestRequest request, KeywordSetStore sets, CancellationToken ct)
    {
        var text = CheckedText(request.Text, new ValidationErrors());
        if (await sets.GetAsync(id, ct) is not { } set)
        {
            return (ProblemHttpResult)Problems.NotFound(Kind.Title);
        }
        return TypedResults.Ok(Run(set.Config.Rules, set.Config.MaxSnippets, text));
    }

    private static Ok<KeywordTestReport> TestRules(KeywordRulesTestRequest request)
    {
        var errors = new ValidationErrors();
        var rules = KeywordSetConfig.CanonicalRules(request.Rules);
        KeywordSetConfig.ValidateRules(rules, "rules", errors);
        if (request.MaxSnippets is < 0 or > KeywordSetConfig.MaxSnippetsLimit)
        {
            errors.Add("maxSnippets", $"must be between 0 and {KeywordSetConfig.MaxSnippetsLimit}");
        }
        var text = CheckedText(request.Text, errors);
        return TypedResults.Ok(Run(rules, request.MaxSnippets, text));
    }

    /// <summary>The text, or a validation error listing every problem found so far.</summary>
    private static string CheckedText(string? text, ValidationErrors errors)
    {
        if (text is null)
        {
            errors.Add("text", "is required");
        }
        else if (text.Length > MaxTestText)
        {
            errors.Add("text", $"must be at most {MaxTestText} characters");
        }
        return errors.IsEmpty ? text! : throw new ValidationException(errors);
    }

    private static KeywordTestReport Run(IReadOnlyList<KeywordRule> rules, int maxSnippets, string text)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var matches = new KeywordMatcher(rules, maxSnippets).Match(text);
        return new KeywordTestReport(matches.Hits, matches.Score, text.Length, Math.Round(clock.Elapsed.TotalMilliseconds, 2));
    }
}
