using System.Data.Common;
using DomainFlow.Core.Phases;

namespace DomainFlow.Store.Jobs;

/// <summary>Does one phase's work for a leased shard, batch by batch.</summary>
public interface IShardProcessor
{
    PhaseName Phase { get; }

    IShardSession Open(JobLease lease);
}

/// <summary>
/// Work on one shard. <see cref="PrepareAsync"/> runs outside any transaction (the slow part: generating,
/// resolving, fetching); <see cref="WriteAsync"/> runs inside the batch transaction that also moves the cursor.
/// </summary>
public interface IShardSession : IAsyncDisposable
{
    Task<ShardBatch> PrepareAsync(int maxItems, CancellationToken ct);

    Task WriteAsync(DbConnection connection, DbTransaction transaction, ShardBatch batch, CancellationToken ct);
}

/// <summary>A prepared batch: the cursors after it, the counter increments, and the phase-specific payload.</summary>
public sealed record ShardBatch(long NextCursor, long NextSourceCursor, int Processed, IReadOnlyDictionary<string, long> Counters, object Payload);
