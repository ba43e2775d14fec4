using DomainFlow.Core;
using DomainFlow.Core.Generation;
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

    private static async Task<Results<Ok<GenerationPreviewDto>, ProblemHttpResult>> PreviewAsync(GenerationConfig config, Database db, CancellationToken ct)
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
        return TypedResults.Ok(new GenerationPreviewDto(
            S(preview.Total), S(preview.Valid), S(preview.Skipped), preview.FirstNames, preview.ConfigHash,
            S(preview.OffsetStart), S(preview.NextOffset), S(preview.RemainingValid)));
    }

    private static string S(ulong value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
