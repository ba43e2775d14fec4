using DomainFlow.Core;
using DomainFlow.Core.Generation;
using DomainFlow.Server.Auth;
using DomainFlow.Store;
using DomainFlow.Store.Generation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>/api/v2/generation/preview: exact counts and the first names of a pattern, computed without generating it.</summary>
public static class GenerationApi
{
    public static RouteGroupBuilder MapGeneration(this RouteGroupBuilder api)
    {
        api.MapPost("/generation/preview", PreviewAsync).WithTags("Generation");
        return api;
    }

    private static async Task<Results<Ok<GenerationPreviewDto>, ProblemHttpResult>> PreviewAsync(GenerationConfig config, Caller caller, Database db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (config.Source != GenerationSource.Pattern)
        {
            errors.Add("source", "only pattern sources can be previewed");
        }
        var pattern = DomainPattern.TryCreate(config, errors);
        if (pattern is null || !errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        var offset = config.OffsetStart ?? await GenerationOffsets.ReadAsync(db, pattern.ConfigHash, ct);
        var preview = GenerationPreview.Create(pattern, (ulong)offset, config.MaxDomains is { } max ? (ulong)max : null);
        var history = await PatternHistory.ReadAsync(db, pattern, caller.Viewer, ct);
        return TypedResults.Ok(new GenerationPreviewDto(
            S(preview.Total), S(preview.Valid), S(preview.Skipped), preview.FirstNames, preview.ConfigHash,
            S(preview.OffsetStart), S(preview.NextOffset), S(preview.RemainingValid), ToDto(history)));
    }

    private static PatternHistoryDto ToDto(PatternHistory.Summary history) => new(
        history.Campaigns.Select(e => new PatternHistoryCampaignDto(
            e.CampaignId, e.Name, e.Status, e.GenerationStatus, S(e.RangeStart), S(e.RangeEnd), e.Reserved, e.Requested, e.Generated, e.CreatedAt)).ToList(),
        history.Truncated, S(history.SuggestedOffset), S(history.RemainingAtSuggested), history.Exhausted);

    private static string? S(long? value) => value is { } v ? S((ulong)v) : null;

    private static string S(ulong value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
