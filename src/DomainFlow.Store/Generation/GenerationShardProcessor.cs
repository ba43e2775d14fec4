using System.Data.Common;
using Dapper;
using DomainFlow.Core.Generation;
using DomainFlow.Core.Phases;
using DomainFlow.Store.Domains;
using DomainFlow.Store.Jobs;

namespace DomainFlow.Store.Generation;

/// <summary>Writes a shard's names: from the pattern bijection, or from the uploaded list, in ordinal order.</summary>
public sealed class GenerationShardProcessor(Database db) : IShardProcessor
{
    public PhaseName Phase => PhaseName.Generation;

    public IShardSession Open(JobLease lease)
    {
        var config = GenerationConfigRules.Parse(lease.ConfigJson);
        return config.Source == GenerationSource.Pattern
            ? new PatternSession(db, lease, DomainPattern.Create(config))
            : new ListSession(db, lease);
    }

    /// <summary>What both sources share: batches of consecutive ordinals written as domain rows.</summary>
    private abstract class NameSession(Database db, JobLease lease) : IShardSession
    {
        private long _next = lease.Cursor;

        protected JobLease Lease => lease;

        public async Task<ShardBatch> PrepareAsync(int maxItems, CancellationToken ct)
        {
            var rows = new NameBatch(_next, maxItems);
            var nextSource = await FillAsync(rows, maxItems, ct);
            _next += rows.Count;
            return new ShardBatch(_next, nextSource, rows.Count, new Dictionary<string, long> { [GenerationPlanner.Generated] = rows.Count }, rows);
        }

        public Task WriteAsync(DbConnection connection, DbTransaction transaction, ShardBatch batch, CancellationToken ct) =>
            db.Dialect.BulkInsertDomainsAsync(connection, transaction, lease.CampaignSeq, (NameBatch)batch.Payload, ct);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        /// <summary>Adds up to <paramref name="maxItems"/> names; returns the source position after them.</summary>
        protected abstract Task<long> FillAsync(NameBatch rows, int maxItems, CancellationToken ct);
    }

    private sealed class PatternSession(Database db, JobLease lease, DomainPattern pattern) : NameSession(db, lease)
    {
        private readonly NameGenerator _names = new(pattern, (ulong)lease.SourceCursor, pattern.Total);

        protected override Task<long> FillAsync(NameBatch rows, int maxItems, CancellationToken ct)
        {
            while (rows.Count < maxItems && _names.MoveNext())
            {
                rows.Add(_names.Current);
            }
            return Task.FromResult((long)_names.NextOrdinal);
        }
    }

    private sealed class ListSession(Database db, JobLease lease) : NameSession(db, lease)
    {
        private readonly Database _db = db;
        private long _line = lease.SourceCursor;

        protected override async Task<long> FillAsync(NameBatch rows, int maxItems, CancellationToken ct)
        {
            await using var c = await _db.OpenAsync(ct);
            var items = await c.QueryAsync<(long Line, string Name)>(new CommandDefinition(
                "SELECT line, name FROM list_items WHERE campaign_seq = @seq AND line >= @line ORDER BY line LIMIT @limit",
                new { seq = Lease.CampaignSeq, line = _line, limit = maxItems }, cancellationToken: ct));
            foreach (var (line, name) in items)
            {
                rows.Add(name);
                _line = line + 1;
            }
            return _line;
        }
    }
}
