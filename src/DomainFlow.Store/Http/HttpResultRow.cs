using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Core.Http;

namespace DomainFlow.Store.Http;

/// <summary>One http_results row, as written; nested data as JSON.</summary>
public sealed record HttpResultRow(
    long CampaignSeq, long Ordinal, string Outcome, int? Status, string? Address, string? Proxy, string? FinalUrl, string? Redirects, string? Title, string? Description,
    string? ContentType, long? ContentLength, int? BodyBytes, int BodyTruncated, string? Server, string? Language, int? Links, string? BodySha256,
    string? Certificate, string? KeywordHits, double KeywordScore, int Parked, double ParkedConfidence, string? ParkedSignals, string? Technologies,
    int? FaviconHash, string? Error, long ElapsedMs, long CheckedAt)
{
    public static HttpResultRow From(long campaignSeq, long ordinal, HttpProbeResult r, long checkedAt) => new(
        campaignSeq, ordinal, WireNames.ToWire(r.Outcome), r.Status, r.Address, r.Proxy, r.FinalUrl, Json(r.Redirects.Count == 0 ? null : r.Redirects), Truncate(r.Title, 1000),
        Truncate(r.Description, 2000), r.ContentType, r.ContentLength, r.BodyBytes, r.BodyTruncated ? 1 : 0, r.Server, r.Language, r.Links, r.BodySha256,
        Json(r.Certificate), Json(r.KeywordHits.Count == 0 ? null : r.KeywordHits), r.KeywordScore, r.Parked?.Parked == true ? 1 : 0, r.Parked?.Confidence ?? 0,
        Json(r.Parked is { Signals.Count: > 0 } p ? p.Signals : null), Json(r.Technologies.Count == 0 ? null : r.Technologies), r.FaviconHash, r.Error,
        (long)Math.Round(r.ElapsedMs), checkedAt);

    private static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, DomainFlowJson.Options);

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    /// <summary>Insert or replace by (campaign, ordinal): the same statement on both engines.</summary>
    public const string UpsertSql = """
        INSERT INTO http_results (campaign_seq, ordinal, outcome, status, address, proxy, final_url, redirects, title, description, content_type,
            content_length, body_bytes, body_truncated, server, language, links, body_sha256, certificate, keyword_hits, keyword_score, parked,
            parked_confidence, parked_signals, technologies, favicon_hash, error, elapsed_ms, checked_at)
        VALUES (@CampaignSeq, @Ordinal, @Outcome, @Status, @Address, @Proxy, @FinalUrl, @Redirects, @Title, @Description, @ContentType,
            @ContentLength, @BodyBytes, @BodyTruncated, @Server, @Language, @Links, @BodySha256, @Certificate, @KeywordHits, @KeywordScore, @Parked,
            @ParkedConfidence, @ParkedSignals, @Technologies, @FaviconHash, @Error, @ElapsedMs, @CheckedAt)
        ON CONFLICT (campaign_seq, ordinal) DO UPDATE SET outcome = excluded.outcome, status = excluded.status, address = excluded.address, proxy = excluded.proxy,
            final_url = excluded.final_url, redirects = excluded.redirects, title = excluded.title, description = excluded.description,
            content_type = excluded.content_type, content_length = excluded.content_length, body_bytes = excluded.body_bytes,
            body_truncated = excluded.body_truncated, server = excluded.server, language = excluded.language, links = excluded.links,
            body_sha256 = excluded.body_sha256, certificate = excluded.certificate, keyword_hits = excluded.keyword_hits,
            keyword_score = excluded.keyword_score, parked = excluded.parked, parked_confidence = excluded.parked_confidence,
            parked_signals = excluded.parked_signals, technologies = excluded.technologies, favicon_hash = excluded.favicon_hash,
            error = excluded.error, elapsed_ms = excluded.elapsed_ms, checked_at = excluded.checked_at
        """;
}
