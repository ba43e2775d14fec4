using System.Data.Common;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Events;
using DomainFlow.Core.Phases;

namespace DomainFlow.Store.Events;

/// <summary>
/// State changes written in the same transaction as the change itself, so every node's event hub sees them.
/// Progress is not written here: hubs read it from campaign_phases.
/// </summary>
public sealed class EventOutbox(Database db)
{
    public sealed record Entry(long Id, Guid CampaignId, CampaignEventType Type, PhaseName? Phase, DateTimeOffset At, Guid? OwnerId);

    private sealed class Row
    {
        public long Id { get; set; }
        public string CampaignId { get; set; } = "";
        public string Type { get; set; } = "";
        public string? Phase { get; set; }
        public long CreatedAt { get; set; }
        public string? OwnerId { get; set; }
    }

    internal static Task AppendAsync(DbConnection c, DbTransaction t, Guid campaignId, CampaignEventType type, PhaseName? phase, long nowMs, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO campaign_events (campaign_id, owner_id, type, phase, created_at) VALUES (@id, (SELECT owner_id FROM campaigns WHERE id = @id), @type, @phase, @now)",
            new { id = campaignId.ToString(), type = WireNames.ToWire(type), phase = phase is { } p ? WireNames.ToWire(p) : null, now = nowMs },
            t, cancellationToken: ct));

    public async Task<long> LatestIdAsync(CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT max(id) FROM campaign_events", cancellationToken: ct)) ?? 0;
    }

    public async Task<IReadOnlyList<Entry>> ReadAfterAsync(long afterId, int limit, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(
            "SELECT id, campaign_id, owner_id, type, phase, created_at FROM campaign_events WHERE id > @afterId ORDER BY id LIMIT @limit",
            new { afterId, limit }, cancellationToken: ct));
        return rows.Select(r => new Entry(r.Id, Guid.Parse(r.CampaignId), WireNames.Parse<CampaignEventType>(r.Type),
            r.Phase is null ? null : WireNames.Parse<PhaseName>(r.Phase), DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt), r.OwnerId is null ? null : Guid.Parse(r.OwnerId))).ToList();
    }

    /// <summary>Drops entries older than <paramref name="age"/>: hubs only need what happened since their last poll.</summary>
    public Task<int> PruneAsync(TimeSpan age, CancellationToken ct = default) =>
        db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM campaign_events WHERE created_at < @before", new { before = db.NowMs - (long)age.TotalMilliseconds }, t, cancellationToken: ct)), ct);
}
