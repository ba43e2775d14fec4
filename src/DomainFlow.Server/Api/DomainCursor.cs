using System.Globalization;
using DomainFlow.Core;
using DomainFlow.Store.Domains;

namespace DomainFlow.Server.Api;

/// <summary>
/// The domain list's page cursor: the last ordinal in ordinal order ("41"), or the last (score, ordinal) in score order
/// ("12.5:41", the score round-tripped exactly so ties resume where they stopped).
/// </summary>
public readonly record struct DomainCursor(long Ordinal, DomainStore.ScoreCursor? Score)
{
    public static DomainCursor Parse(string? text, bool byScore)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new DomainCursor(-1, null);
        }
        if (!byScore)
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
                ? new DomainCursor(ordinal, null)
                : throw Invalid();
        }
        var colon = text.LastIndexOf(':');
        return colon > 0
            && double.TryParse(text.AsSpan(0, colon), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && double.IsFinite(score)
            && long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? new DomainCursor(last, new DomainStore.ScoreCursor(score, last))
            : throw Invalid();
    }

    public static string After(DomainStore.DomainItem last, bool byScore) =>
        byScore
            ? string.Create(CultureInfo.InvariantCulture, $"{last.Http!.KeywordScore:R}:{last.Ordinal}")
            : last.Ordinal.ToString(CultureInfo.InvariantCulture);

    private static ValidationException Invalid() =>
        new(ValidationErrors.Single("after", "is not a cursor of this list (pass the nextCursor of the previous page, with the same sort)"));
}
