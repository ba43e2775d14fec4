using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Phases;
using DomainFlow.Core.Users;

namespace DomainFlow.Store.Campaigns;

/// <summary>
/// The dashboard's aggregates over the campaigns a viewer may see (admins: all; others: their own). Each query reads
/// campaign-sized tables (campaigns, campaign_phases, phase_activity), never domain or result rows.
/// </summary>
public sealed class DashboardStore(Database db)
{
    public async Task<IReadOnlyDictionary<CampaignStatus, long>> CountByStatusAsync(Viewer viewer, CancellationToken ct = default)
    {
        var args = new DynamicParameters();
        var owner = CampaignStore.OwnerFilter(viewer, "owner_id", args);
        var rows = await db.QueryAsync<StatusCountRow>(
            $"SELECT status, count(*) AS campaigns FROM campaigns {(owner is null ? "" : "WHERE " + owner)} GROUP BY status", args, ct);
        var counts = Enum.GetValues<CampaignStatus>().ToDictionary(s => s, _ => 0L);
        foreach (var row in rows)
        {
            counts[WireNames.Parse<CampaignStatus>(row.Status)] = row.Campaigns;
        }
        return counts;
    }

    /// <summary>
    /// Items each phase processed since <paramref name="since"/> (rounded down to its quarter-hour bucket) in the
    /// viewer's campaigns: generated names, DNS results and HTTP results alike, by phase. Reads the buckets since then,
    /// a few rows per phase that ran, via the bucket index.
    /// </summary>
    public async Task<IReadOnlyDictionary<PhaseName, long>> ProcessedSinceAsync(Viewer viewer, DateTimeOffset since, CancellationToken ct = default)
    {
        var args = new DynamicParameters();
        args.Add("since", PhaseActivity.BucketStart(since).ToUnixTimeMilliseconds());
        var owner = CampaignStore.OwnerFilter(viewer, "c.owner_id", args);
        var rows = await db.QueryAsync<PhaseSumRow>(
            $"""
            SELECT a.phase, CAST(SUM(a.processed) AS BIGINT) AS processed
            FROM phase_activity a {(owner is null ? "" : "JOIN campaigns c ON c.seq = a.campaign_seq")}
            WHERE a.bucket_start >= @since {(owner is null ? "" : "AND " + owner)}
            GROUP BY a.phase
            """, args, ct);
        var sums = PhaseRules.Order.ToDictionary(p => p, _ => 0L);
        foreach (var row in rows)
        {
            sums[WireNames.Parse<PhaseName>(row.Phase)] = row.Processed;
        }
        return sums;
    }

    /// <summary>
    /// The newest <paramref name="limit"/> things that happened to the viewer's campaigns, newest first, read from the
    /// campaign and phase rows themselves: creation, each phase's last start and its current end state (completed,
    /// failed, stopped or paused). Durable, unlike the event outbox (kept an hour, no creations); complete, unlike the
    /// audit log (user actions only, no completions or failures). A restarted phase shows its latest run only.
    /// </summary>
    public async Task<IReadOnlyList<CampaignActivity>> RecentActivityAsync(Viewer viewer, int limit, CancellationToken ct = default)
    {
        var args = new DynamicParameters();
        args.Add("limit", limit);
        var owner = CampaignStore.OwnerFilter(viewer, "c.owner_id", args);
        var andOwner = owner is null ? "" : "AND " + owner;
        await using var c = await db.OpenAsync(ct);
        // Three small newest-first reads merged here: each is capped at the limit, so the merge is too.
        var created = await c.QueryAsync<ActivityRow>(new CommandDefinition(
            $"SELECT c.id, c.name, NULL AS phase, NULL AS status, NULL AS error, c.created_at AS happened_at FROM campaigns c {(owner is null ? "" : "WHERE " + owner)} ORDER BY c.seq DESC LIMIT @limit",
            args, cancellationToken: ct));
        var started = await c.QueryAsync<ActivityRow>(new CommandDefinition(
            $"""
            SELECT c.id, c.name, p.phase, 'started' AS status, NULL AS error, p.started_at AS happened_at
            FROM campaign_phases p JOIN campaigns c ON c.seq = p.campaign_seq
            WHERE p.started_at IS NOT NULL {andOwner}
            ORDER BY p.started_at DESC LIMIT @limit
            """, args, cancellationToken: ct));
        // Completed and stopped phases record when; failed and paused ones last changed at that moment.
        var ended = await c.QueryAsync<ActivityRow>(new CommandDefinition(
            $"""
            SELECT c.id, c.name, p.phase, p.status, p.error, COALESCE(p.completed_at, p.updated_at) AS happened_at
            FROM campaign_phases p JOIN campaigns c ON c.seq = p.campaign_seq
            WHERE p.status IN ('completed', 'failed', 'stopped', 'paused') {andOwner}
            ORDER BY COALESCE(p.completed_at, p.updated_at) DESC LIMIT @limit
            """, args, cancellationToken: ct));
        return created.Concat(started).Concat(ended)
            .Select(r => r.ToModel())
            .OrderByDescending(a => a.At)
            // Same instant (auto mode chains the next start into the completing transaction): the later phase first, and
            // within one phase its end before its start.
            .ThenByDescending(a => a.Phase is { } p ? PhaseRules.IndexOf(p) : -1)
            .ThenByDescending(a => a.Kind != CampaignActivityKind.PhaseStarted)
            .Take(limit)
            .ToList();
    }

    private sealed class StatusCountRow
    {
        public string Status { get; set; } = "";
        public long Campaigns { get; set; }
    }

    private sealed class PhaseSumRow
    {
        public string Phase { get; set; } = "";
        public long Processed { get; set; }
    }

    private sealed class ActivityRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Phase { get; set; }
        public string? Status { get; set; }
        public string? Error { get; set; }
        public long HappenedAt { get; set; }

        public CampaignActivity ToModel()
        {
            var kind = (Phase, Status) switch
            {
                (null, _) => CampaignActivityKind.CampaignCreated,
                (_, "started") => CampaignActivityKind.PhaseStarted,
                (_, "completed") => CampaignActivityKind.PhaseCompleted,
                (_, "failed") => CampaignActivityKind.PhaseFailed,
                (_, "stopped") => CampaignActivityKind.PhaseStopped,
                _ => CampaignActivityKind.PhasePaused,
            };
            return new CampaignActivity(
                Guid.Parse(Id), Name, kind, Phase is null ? null : WireNames.Parse<PhaseName>(Phase), Time.FromMs(HappenedAt),
                kind == CampaignActivityKind.PhaseFailed ? Error : null);
        }
    }
}
