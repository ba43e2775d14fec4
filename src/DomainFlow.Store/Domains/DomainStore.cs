using System.Runtime.CompilerServices;
using Dapper;

namespace DomainFlow.Store.Domains;

/// <summary>A campaign's domains: keyset pages and constant-memory streams, never whole-campaign loads.</summary>
public sealed class DomainStore(Database db)
{
    /// <summary>A domain and, once the DNS phase checked it, its DNS result.</summary>
    public sealed record DomainItem(long Ordinal, string Name, Dns.DnsResultRow? Dns = null);

    /// <param name="DnsOutcome">A DNS outcome (resolved, nxdomain, ...) or "unchecked" for domains without a result.</param>
    public sealed record Filter(string? Contains, string? DnsOutcome = null);

    public async Task<IReadOnlyList<DomainItem>> PageAsync(long campaignSeq, Filter filter, long after, int limit, CancellationToken ct = default)
    {
        var (where, args) = Build(campaignSeq, filter, after);
        args.Add("limit", limit);
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT d.ordinal, d.name, r.outcome, r.ipv4, r.ipv6, r.cname, r.records, r.rcode, r.attempts, r.resolver, r.latency_ms, r.checked_at, r.error
            FROM domains d LEFT JOIN dns_results r ON r.campaign_seq = d.campaign_seq AND r.ordinal = d.ordinal
            WHERE {where} ORDER BY d.ordinal LIMIT @limit
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

    private static (string Where, DynamicParameters Args) Build(long campaignSeq, Filter filter, long after)
    {
        var args = new DynamicParameters();
        args.Add("seq", campaignSeq);
        args.Add("after", after);
        var where = "d.campaign_seq = @seq AND d.ordinal > @after";
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
        return (where, args);
    }

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

        public DomainItem ToItem() => new(Ordinal, Name, Outcome is null ? null
            : new Dns.DnsResultRow(Ordinal, Outcome, Ipv4, Ipv6, Cname, Records, Rcode, (int)(Attempts ?? 0), Resolver, LatencyMs ?? 0, CheckedAt ?? 0, Error));
    }
}
