using System.Runtime.CompilerServices;
using Dapper;

namespace DomainFlow.Store.Domains;

/// <summary>A campaign's domains: keyset pages and constant-memory streams, never whole-campaign loads.</summary>
public sealed class DomainStore(Database db)
{
    /// <summary>A domain and, once the DNS and HTTP phases checked it, their results.</summary>
    public sealed record DomainItem(long Ordinal, string Name, Dns.DnsResultRow? Dns = null, Http.HttpResultRow? Http = null);

    /// <param name="DnsOutcome">A DNS outcome (resolved, nxdomain, ...) or "unchecked" for domains without a result.</param>
    /// <param name="HttpOutcome">An HTTP outcome (ok, http_error, timeout, ...) or "unchecked" for domains without an HTTP result.</param>
    /// <param name="Parked">Only parked (true) or only not-parked (false) sites among those probed.</param>
    public sealed record Filter(string? Contains, string? DnsOutcome = null, string? HttpOutcome = null, bool? Parked = null);

    /// <summary>Where a score-ordered page resumes: after this (score, ordinal), both descending.</summary>
    public readonly record struct ScoreCursor(double Score, long Ordinal);

    /// <summary>The next page in ordinal order: domains after <paramref name="after"/> (-1 for the first page).</summary>
    public Task<IReadOnlyList<DomainItem>> PageAsync(long campaignSeq, Filter filter, long after, int limit, CancellationToken ct = default)
    {
        var (where, args) = Build(campaignSeq, filter);
        args.Add("after", after);
        return QueryAsync(
            "FROM domains d LEFT JOIN http_results h ON h.campaign_seq = d.campaign_seq AND h.ordinal = d.ordinal",
            $"{where} AND d.ordinal > @after ORDER BY d.ordinal", args, limit, ct);
    }

    /// <summary>
    /// The next page by keyword score, highest first (ties by ordinal, descending): the domains the HTTP phase probed.
    /// Walks the (campaign, score, ordinal) index backwards, so a deep page costs what the first does.
    /// </summary>
    public Task<IReadOnlyList<DomainItem>> PageByScoreAsync(long campaignSeq, Filter filter, ScoreCursor? after, int limit, CancellationToken ct = default)
    {
        var (where, args) = Build(campaignSeq, filter);
        if (after is { } cursor)
        {
            where += " AND (h.keyword_score < @score OR (h.keyword_score = @score AND h.ordinal < @after))";
            args.Add("score", cursor.Score);
            args.Add("after", cursor.Ordinal);
        }
        return QueryAsync(
            "FROM http_results h JOIN domains d ON d.campaign_seq = h.campaign_seq AND d.ordinal = h.ordinal",
            $"{where} AND h.campaign_seq = @seq ORDER BY h.keyword_score DESC, h.ordinal DESC", args, limit, ct);
    }

    private async Task<IReadOnlyList<DomainItem>> QueryAsync(string from, string whereAndOrder, DynamicParameters args, int limit, CancellationToken ct)
    {
        args.Add("limit", limit);
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT d.ordinal, d.name, r.outcome, r.ipv4, r.ipv6, r.cname, r.records, r.rcode, r.attempts, r.resolver, r.latency_ms, r.checked_at, r.error,
                {HttpColumns}
            {from}
                LEFT JOIN dns_results r ON r.campaign_seq = d.campaign_seq AND r.ordinal = d.ordinal
            WHERE {whereAndOrder} LIMIT @limit
            """, args, cancellationToken: ct)))
            .Select(r => r.ToItem()).ToList();
    }

    /// <summary>Every matching row in ordinal order, read in keyset pages so memory stays flat however large the campaign.</summary>
    public async IAsyncEnumerable<DomainItem> StreamAsync(long campaignSeq, Filter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        const int page = 5_000;
        var after = -1L;
        while (true)
        {
            var items = await PageAsync(campaignSeq, filter, after, page, ct);
            foreach (var item in items)
            {
                yield return item;
            }
            if (items.Count < page)
            {
                yield break;
            }
            after = items[^1].Ordinal;
        }
    }

    public async Task<long> CountAsync(long campaignSeq, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM domains WHERE campaign_seq = @campaignSeq", new { campaignSeq }, cancellationToken: ct));
    }

    private static (string Where, DynamicParameters Args) Build(long campaignSeq, Filter filter)
    {
        var args = new DynamicParameters();
        args.Add("seq", campaignSeq);
        var where = "d.campaign_seq = @seq";
        if (!string.IsNullOrEmpty(filter.Contains))
        {
            where += " AND d.name LIKE @contains ESCAPE '\\'";
            args.Add("contains", SqlText.Contains(filter.Contains.ToLowerInvariant()));
        }
        if (filter.DnsOutcome == UncheckedOutcome)
        {
            where += " AND r.ordinal IS NULL";
        }
        else if (!string.IsNullOrEmpty(filter.DnsOutcome))
        {
            where += " AND r.outcome = @outcome";
            args.Add("outcome", filter.DnsOutcome);
        }
        if (filter.HttpOutcome == UncheckedOutcome)
        {
            where += " AND h.ordinal IS NULL";
        }
        else if (!string.IsNullOrEmpty(filter.HttpOutcome))
        {
            where += " AND h.outcome = @httpOutcome";
            args.Add("httpOutcome", filter.HttpOutcome);
        }
        if (filter.Parked is { } parked)
        {
            where += " AND h.parked = @parked";
            args.Add("parked", parked ? 1 : 0);
        }
        return (where, args);
    }

    private const string HttpColumns = """
        h.outcome AS h_outcome, h.status AS h_status, h.address AS h_address, h.proxy AS h_proxy, h.final_url AS h_final_url, h.redirects AS h_redirects,
        h.title AS h_title, h.description AS h_description, h.content_type AS h_content_type, h.content_length AS h_content_length,
        h.body_bytes AS h_body_bytes, h.body_truncated AS h_body_truncated, h.server AS h_server, h.language AS h_language, h.links AS h_links,
        h.body_sha256 AS h_body_sha256, h.certificate AS h_certificate, h.keyword_hits AS h_keyword_hits, h.keyword_score AS h_keyword_score,
        h.parked AS h_parked, h.parked_confidence AS h_parked_confidence, h.parked_signals AS h_parked_signals, h.technologies AS h_technologies,
        h.favicon_hash AS h_favicon_hash, h.error AS h_error, h.elapsed_ms AS h_elapsed_ms, h.checked_at AS h_checked_at
        """;

    /// <summary>The filter value for domains the DNS phase has not checked.</summary>
    public const string UncheckedOutcome = "unchecked";

    private sealed class Row
    {
        public long Ordinal { get; set; }
        public string Name { get; set; } = "";
        public string? Outcome { get; set; }
        public string? Ipv4 { get; set; }
        public string? Ipv6 { get; set; }
        public string? Cname { get; set; }
        public string? Records { get; set; }
        public string? Rcode { get; set; }
        public long? Attempts { get; set; }
        public string? Resolver { get; set; }
        public long? LatencyMs { get; set; }
        public long? CheckedAt { get; set; }
        public string? Error { get; set; }
        public string? HOutcome { get; set; }
        public long? HStatus { get; set; }
        public string? HAddress { get; set; }
        public string? HProxy { get; set; }
        public string? HFinalUrl { get; set; }
        public string? HRedirects { get; set; }
        public string? HTitle { get; set; }
        public string? HDescription { get; set; }
        public string? HContentType { get; set; }
        public long? HContentLength { get; set; }
        public long? HBodyBytes { get; set; }
        public long? HBodyTruncated { get; set; }
        public string? HServer { get; set; }
        public string? HLanguage { get; set; }
        public long? HLinks { get; set; }
        public string? HBodySha256 { get; set; }
        public string? HCertificate { get; set; }
        public string? HKeywordHits { get; set; }
        public double? HKeywordScore { get; set; }
        public long? HParked { get; set; }
        public double? HParkedConfidence { get; set; }
        public string? HParkedSignals { get; set; }
        public string? HTechnologies { get; set; }
        public long? HFaviconHash { get; set; }
        public string? HError { get; set; }
        public long? HElapsedMs { get; set; }
        public long? HCheckedAt { get; set; }

        public DomainItem ToItem() => new(Ordinal, Name,
            Outcome is null ? null
                : new Dns.DnsResultRow(Ordinal, Outcome, Ipv4, Ipv6, Cname, Records, Rcode, (int)(Attempts ?? 0), Resolver, LatencyMs ?? 0, CheckedAt ?? 0, Error),
            HOutcome is null ? null
                : new Http.HttpResultRow(0, Ordinal, HOutcome, (int?)HStatus, HAddress, HProxy, HFinalUrl, HRedirects, HTitle, HDescription, HContentType, HContentLength,
                    (int?)HBodyBytes, (int)(HBodyTruncated ?? 0), HServer, HLanguage, (int?)HLinks, HBodySha256, HCertificate, HKeywordHits, HKeywordScore ?? 0,
                    (int)(HParked ?? 0), HParkedConfidence ?? 0, HParkedSignals, HTechnologies, (int?)HFaviconHash, HError, HElapsedMs ?? 0, HCheckedAt ?? 0));
    }
}
