using Dapper;
using DomainFlow.Core;
using DomainFlow.Store.Campaigns;

namespace DomainFlow.Store.Jobs;

/// <summary>
/// One worker: lease a shard, then per batch prepare the work outside a transaction and commit results, cursor and
/// counters together in one. A crash loses at most the uncommitted batch, which the next lease redoes from the cursor.
/// </summary>
public sealed class JobRunner(Database db, JobStore jobs, PhaseControl phases, IEnumerable<IShardProcessor> processors, JobRunnerOptions options, WorkSignal? signal = null)
{
    private readonly Dictionary<Core.Phases.PhaseName, IShardProcessor> _processors = processors.ToDictionary(p => p.Phase);

    private static readonly WorkSignal NoSignal = new();

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
                await (signal ?? NoSignal).WaitAsync(options.PollInterval, db.Clock, ct);
                continue;
            }
            await RunShardAsync(lease, ct);
        }
    }

    /// <summary>
    /// Processes one leased shard until it is done, the phase stops running, the lease is lost or the node stops.
    /// A batch in flight always finishes (shutdown is checked between batches), so stopping checkpoints cleanly.
    /// </summary>
    public async Task RunShardAsync(JobLease lease, CancellationToken stopping)
    {
        var finished = false;
        try
        {
            await using var session = _processors[lease.Phase].Open(lease);
            while (!finished && !stopping.IsCancellationRequested && await jobs.PhaseRunsAsync(lease, CancellationToken.None))
            {
                var fence = await RunBatchAsync(lease, session);
                if (fence == BatchFence.Refused)
                {
                    break;
                }
                finished = lease.Cursor >= lease.RangeEnd;
                BatchCommitted?.Invoke(lease.CampaignId, lease.Phase);
                if (fence == BatchFence.Paused)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException && lease.Attempts >= options.MaxAttempts)
        {
            // The same shard failed on every attempt: a persistent fault, not a crash. Say so instead of retrying forever.
            await phases.FailAsync(lease.CampaignId, lease.Phase, $"Shard {lease.RangeStart}-{lease.RangeEnd} failed {lease.Attempts} times: {e.Message}", CancellationToken.None);
            throw;
        }
        finally
        {
            if (!finished)
            {
                // Paused, stopped, deleted, failing or shutting down: free the shard for whoever runs it next.
                await jobs.ReleaseAsync(lease, CancellationToken.None);
            }
        }
    }

    /// <returns>The fence's decision: when it refused the batch, nothing of it was written.</returns>
    private async Task<BatchFence> RunBatchAsync(JobLease lease, IShardSession session)
    {
        var none = CancellationToken.None;
        var remaining = lease.RangeEnd - lease.Cursor;
        var batch = await session.PrepareAsync((int)Math.Min(options.BatchSize, remaining), none);
        var fence = await db.WriteAsync(async (c, t) =>
        {
            var fence = await jobs.AdvanceAsync(c, t, lease, batch.NextCursor, batch.NextSourceCursor, options.LeaseDuration, none);
            if (fence == BatchFence.Refused)
            {
                return fence;
            }
            await session.WriteAsync(c, t, batch, none);
            await AddCountersAsync(c, t, lease, batch, none);
            // A paused phase stays paused even when this batch was its last: resuming it completes it.
            if (fence == BatchFence.Running && batch.NextCursor >= lease.RangeEnd && await JobStore.AllShardsDoneAsync(c, t, lease.CampaignSeq, lease.Phase, none))
            {
                await phases.CompleteInTransactionAsync(c, t, lease.CampaignSeq, lease.CampaignId, lease.Phase, none);
            }
            return fence;
        }, none);
        if (fence != BatchFence.Refused)
        {
            lease.Cursor = batch.NextCursor;
            lease.SourceCursor = batch.NextSourceCursor;
        }
        return fence;
    }

    private async Task AddCountersAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, JobLease lease, ShardBatch batch, CancellationToken ct)
    {
        var phase = WireNames.ToWire(lease.Phase);
        var now = db.NowMs;
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE campaign_phases SET processed = processed + @n, updated_at = @now WHERE campaign_seq = @seq AND phase = @phase",
            new { n = batch.Processed, now, seq = lease.CampaignSeq, phase }, t, cancellationToken: ct));
        await PhaseActivity.AddAsync(c, t, lease.CampaignSeq, phase, batch.Processed, now, ct);
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
