using Dapper;
using DomainFlow.Core;
using DomainFlow.Store.Campaigns;

namespace DomainFlow.Store.Jobs;

/// <summary>
/// One worker: lease a shard, then per batch prepare the work outside a transaction and commit results, cursor and
/// counters together in one. A crash loses at most the uncommitted batch, which the next lease redoes from the cursor.
/// </summary>
public sealed class JobRunner(Database db, JobStore jobs, PhaseControl phases, IEnumerable<IShardProcessor> processors, JobRunnerOptions options)
{
    private readonly Dictionary<Core.Phases.PhaseName, IShardProcessor> _processors = processors.ToDictionary(p => p.Phase);

    /// <summary>Raised after each committed batch (campaign id, phase) so the local hub can publish progress quickly.</summary>
    public event Action<Guid, Core.Phases.PhaseName>? BatchCommitted;

    /// <summary>Runs until cancelled; <paramref name="owner"/> must be unique per worker and start with the node id.</summary>
    public async Task RunAsync(string owner, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var lease = await jobs.ClaimAsync(owner, options.LeaseDuration, ct);
            if (lease is null)
            {
                await Task.Delay(options.PollInterval, db.Clock, ct);
                continue;
            }
            await RunShardAsync(lease, ct);
        }
    }

    /// <summary>Processes one leased shard until it is done, the phase stops running, or the lease is lost.</summary>
    public async Task RunShardAsync(JobLease lease, CancellationToken ct)
    {
        var finished = false;
        try
        {
            await using var session = _processors[lease.Phase].Open(lease);
            while (!finished && !ct.IsCancellationRequested)
            {
                var remaining = lease.RangeEnd - lease.Cursor;
                var batch = await session.PrepareAsync((int)Math.Min(options.BatchSize, remaining), ct);
                var committed = await db.WriteAsync(async (c, t) =>
                {
                    if (!await jobs.AdvanceAsync(c, t, lease, batch.NextCursor, batch.NextSourceCursor, options.LeaseDuration, ct))
                    {
                        return false;
                    }
                    await session.WriteAsync(c, t, batch, ct);
                    await AddCountersAsync(c, t, lease, batch, ct);
                    if (batch.NextCursor >= lease.RangeEnd && await JobStore.AllShardsDoneAsync(c, t, lease.CampaignSeq, lease.Phase, ct))
                    {
                        await phases.CompleteInTransactionAsync(c, t, lease, ct);
                    }
                    return true;
                }, ct);
                if (!committed)
                {
                    break;
                }
                lease.Cursor = batch.NextCursor;
                lease.SourceCursor = batch.NextSourceCursor;
                finished = lease.Cursor >= lease.RangeEnd;
                BatchCommitted?.Invoke(lease.CampaignId, lease.Phase);
            }
        }
        finally
        {
            if (!finished)
            {
                // Paused, stopped, deleted or shutting down: free the shard for whoever runs it next.
                await jobs.ReleaseAsync(lease, CancellationToken.None);
            }
        }
    }

    private async Task AddCountersAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, JobLease lease, ShardBatch batch, CancellationToken ct)
    {
        var phase = WireNames.ToWire(lease.Phase);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE campaign_phases SET processed = processed + @n, updated_at = @now WHERE campaign_seq = @seq AND phase = @phase",
            new { n = batch.Processed, now = db.NowMs, seq = lease.CampaignSeq, phase }, t, cancellationToken: ct));
        foreach (var (name, value) in batch.Counters)
        {
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO phase_counters (campaign_seq, phase, name, value) VALUES (@seq, @phase, @name, @value)
                ON CONFLICT (campaign_seq, phase, name) DO UPDATE SET value = phase_counters.value + excluded.value
                """,
                new { seq = lease.CampaignSeq, phase, name, value }, t, cancellationToken: ct));
        }
    }
}
