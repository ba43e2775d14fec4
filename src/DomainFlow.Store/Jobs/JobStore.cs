using System.Data.Common;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Phases;

namespace DomainFlow.Store.Jobs;

/// <summary>The jobs table: shards created at phase start, leased by workers, advanced batch by batch under a fence.</summary>
public sealed class JobStore(Database db)
{
    private const string Pending = "pending";
    private const string Done = "done";

    private sealed class ClaimRow
    {
        public long Id { get; set; }
        public long CampaignSeq { get; set; }
        public string CampaignId { get; set; } = "";
        public string Phase { get; set; } = "";
        public long RangeStart { get; set; }
        public long RangeEnd { get; set; }
        public long Cursor { get; set; }
        public long SourceCursor { get; set; }
        public string? Config { get; set; }
        public long Attempts { get; set; }
    }

    internal static async Task CreateShardsAsync(DbConnection c, DbTransaction t, long seq, PhaseName phase, IReadOnlyList<ShardPlan> shards, long nowMs, CancellationToken ct)
    {
        var wire = WireNames.ToWire(phase);
        // A restarted (previously failed) phase plans afresh.
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM jobs WHERE campaign_seq = @seq AND phase = @wire", new { seq, wire }, t, cancellationToken: ct));
        for (var i = 0; i < shards.Count; i++)
        {
            var s = shards[i];
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO jobs (campaign_seq, phase, shard, range_start, range_end, cursor, source_cursor, status, updated_at)
                VALUES (@seq, @wire, @i, @start, @end, @start, @source, @pending, @now)
                """,
                new { seq, wire, i, start = s.RangeStart, end = s.RangeEnd, source = s.SourceStart, pending = Pending, now = nowMs }, t, cancellationToken: ct));
        }
    }

    /// <summary>Leases the oldest pending shard of a running phase whose lease is free or expired, or returns null.</summary>
    public async Task<JobLease?> ClaimAsync(string owner, TimeSpan leaseDuration, CancellationToken ct = default) =>
        await db.WriteAsync(async (c, t) =>
        {
            var now = db.NowMs;
            var id = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
                $"""
                SELECT id FROM jobs
                WHERE status = @pending AND (lease_expires_at IS NULL OR lease_expires_at < @now)
                  AND EXISTS (SELECT 1 FROM campaign_phases p WHERE p.campaign_seq = jobs.campaign_seq AND p.phase = jobs.phase AND p.status = 'running')
                ORDER BY id LIMIT 1{db.Dialect.ForUpdateSkipLocked}
                """,
                new { pending = Pending, now }, t, cancellationToken: ct));
            if (id is null)
            {
                return null;
            }
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE jobs SET lease_owner = @owner, lease_expires_at = @expires, attempts = attempts + 1, updated_at = @now WHERE id = @id",
                new { id, owner, expires = now + (long)leaseDuration.TotalMilliseconds, now }, t, cancellationToken: ct));
            var row = await c.QuerySingleAsync<ClaimRow>(new CommandDefinition(
                """
                SELECT j.id, j.campaign_seq, c.id AS campaign_id, j.phase, j.range_start, j.range_end, j.cursor, j.source_cursor, j.attempts, p.config
                FROM jobs j JOIN campaigns c ON c.seq = j.campaign_seq
                JOIN campaign_phases p ON p.campaign_seq = j.campaign_seq AND p.phase = j.phase
                WHERE j.id = @id
                """,
                new { id }, t, cancellationToken: ct));
            return new JobLease
            {
                Id = row.Id,
                CampaignSeq = row.CampaignSeq,
                CampaignId = Guid.Parse(row.CampaignId),
                Phase = WireNames.Parse<PhaseName>(row.Phase),
                RangeStart = row.RangeStart,
                RangeEnd = row.RangeEnd,
                Cursor = row.Cursor,
                SourceCursor = row.SourceCursor,
                Owner = owner,
                ConfigJson = row.Config ?? "{}",
                Attempts = (int)row.Attempts,
            };
        }, ct);

    /// <summary>
    /// The fence at the start of every batch transaction: moves the cursor only if this worker still holds the lease,
    /// the cursor is where it left it, and the phase runs or was paused while the batch was in flight. A paused phase
    /// keeps that last batch (its names were already resolved or fetched: redoing them after resume would query them
    /// twice) and the worker stops after it. <see cref="BatchFence.Refused"/> means: drop the batch (stopped, deleted
    /// or lease lost) — nothing of it is written.
    /// </summary>
    internal async Task<BatchFence> AdvanceAsync(DbConnection c, DbTransaction t, JobLease lease, long nextCursor, long nextSource, TimeSpan leaseDuration, CancellationToken ct)
    {
        var now = db.NowMs;
        var changed = await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET cursor = @nextCursor, source_cursor = @nextSource, lease_expires_at = @expires, updated_at = @now,
                status = CASE WHEN @nextCursor >= range_end THEN @done ELSE status END
            WHERE id = @id AND lease_owner = @owner AND cursor = @cursor AND status = @pending
              AND EXISTS (SELECT 1 FROM campaign_phases p WHERE p.campaign_seq = jobs.campaign_seq AND p.phase = jobs.phase AND p.status IN ('running', 'paused'))
            """,
            new
            {
                id = lease.Id, owner = lease.Owner, cursor = lease.Cursor, nextCursor, nextSource,
                expires = now + (long)leaseDuration.TotalMilliseconds, now, done = Done, pending = Pending,
            }, t, cancellationToken: ct));
        if (changed != 1)
        {
            return BatchFence.Refused;
        }
        return await PhaseStatusAsync(c, t, lease, ct) == "running" ? BatchFence.Running : BatchFence.Paused;
    }

    /// <summary>Whether the lease's phase still runs: checked before preparing a batch, so a pause between batches costs no work.</summary>
    public async Task<bool> PhaseRunsAsync(JobLease lease, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await PhaseStatusAsync(c, null, lease, ct) == "running";
    }

    private static Task<string?> PhaseStatusAsync(DbConnection c, DbTransaction? t, JobLease lease, CancellationToken ct) =>
        c.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT status FROM campaign_phases WHERE campaign_seq = @seq AND phase = @phase",
            new { seq = lease.CampaignSeq, phase = WireNames.ToWire(lease.Phase) }, t, cancellationToken: ct));

    internal static async Task<bool> AllShardsDoneAsync(DbConnection c, DbTransaction t, long seq, PhaseName phase, CancellationToken ct) =>
        await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM jobs WHERE campaign_seq = @seq AND phase = @phase AND status <> @done",
            new { seq, phase = WireNames.ToWire(phase), done = Done }, t, cancellationToken: ct)) == 0;

    /// <summary>Gives up a lease (pause/stop/shutdown) so any worker can take the shard at once when it runs again.</summary>
    public Task ReleaseAsync(JobLease lease, CancellationToken ct = default) =>
        db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET lease_owner = NULL, lease_expires_at = NULL WHERE id = @id AND lease_owner = @owner",
            new { id = lease.Id, owner = lease.Owner }, t, cancellationToken: ct)), ct);

    /// <summary>At start-up: leases this node held before it died cannot be alive, so free them now instead of waiting for expiry.</summary>
    public Task<int> ReleaseLeasesOfNodeAsync(string nodeId, CancellationToken ct = default) =>
        db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner LIKE @prefix",
            new { prefix = nodeId + "/%" }, t, cancellationToken: ct)), ct);
}

/// <summary>What the batch fence decided: write the batch and go on, write it and stop (paused), or drop it.</summary>
internal enum BatchFence
{
    Refused,
    Running,
    Paused,
}
