using System.Runtime.CompilerServices;
using Dapper;

namespace DomainFlow.Store.Domains;

/// <summary>A campaign's domains: keyset pages and constant-memory streams, never whole-campaign loads.</summary>
public sealed class DomainStore(Database db)
{
    public sealed record DomainItem(long Ordinal, string Name);

    public sealed record Filter(string? Contains);

    public async Task<IReadOnlyList<DomainItem>> PageAsync(long campaignSeq, Filter filter, long after, int limit, CancellationToken ct = default)
    {
        var (where, args) = Build(campaignSeq, filter, after);
        args.Add("limit", limit);
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<Row>(new CommandDefinition(
            $"SELECT ordinal, name FROM domains WHERE {where} ORDER BY ordinal LIMIT @limit", args, cancellationToken: ct)))
            .Select(r => new DomainItem(r.Ordinal, r.Name)).ToList();
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
        var where = "campaign_seq = @seq AND ordinal > @after";
        if (!string.IsNullOrEmpty(filter.Contains))
        {
            where += " AND name LIKE @contains ESCAPE '\\'";
            args.Add("contains", SqlText.Contains(filter.Contains.ToLowerInvariant()));
        }
        return (where, args);
    }

    private sealed class Row
    {
        public long Ordinal { get; set; }
        public string Name { get; set; } = "";
    }
}
