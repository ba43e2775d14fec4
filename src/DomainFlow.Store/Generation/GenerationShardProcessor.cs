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

    private static IReadOnlyDictionary<string, long> Generated(int count) =>
        new Dictionary<string, long> { [GenerationPlanner.Generated] = count };

    private sealed class PatternSession(Database db, JobLease lease, DomainPattern pattern) : IShardSession
    {
        private readonly NameGenerator _names = new(pattern, (ulong)lease.SourceCursor, pattern.Total);
        private long _next = lease.Cursor;

        public Task<ShardBatch> PrepareAsync(int maxItems, CancellationToken ct)
        {
            var rows = new NameBatch(_next, maxItems);
            while (rows.Count < maxItems && _names.MoveNext())
            {
                rows.Add(_names.Current);
            }
            _next += rows.Count;
            return Task.FromResult(new ShardBatch(_next, (long)_names.NextOrdinal, rows.Count, Generated(rows.Count), rows));
        }

        public Task WriteAsync(DbConnection connection, DbTransaction transaction, ShardBatch batch, CancellationToken ct) =>
            db.Dialect.BulkInsertDomainsAsync(connection, transaction, lease.CampaignSeq, (NameBatch)batch.Payload, ct);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class ListSession(Database db, JobLease lease) : IShardSession
    {
        private long _line = lease.SourceCursor;
        private long _next = lease.Cursor;

        public async Task<ShardBatch> PrepareAsync(int maxItems, CancellationToken ct)
        {
            await using var c = await db.OpenAsync(ct);
            var items = await c.QueryAsync<(long Line, string Name)>(new CommandDefinition(
                "SELECT line, name FROM list_items WHERE campaign_seq = @seq AND line >= @line ORDER BY line LIMIT @limit",
                new { seq = lease.CampaignSeq, line = _line, limit = maxItems }, cancellationToken: ct));
            var rows = new NameBatch(_next, maxItems);
            foreach (var (line, name) in items)
            {
                rows.Add(name);
                _line = line + 1;
            }
            _next += rows.Count;
            return new ShardBatch(_next, _line, rows.Count, Generated(rows.Count), rows);
        }

        public Task WriteAsync(DbConnection connection, DbTransaction transaction, ShardBatch batch, CancellationToken ct) =>
            db.Dialect.BulkInsertDomainsAsync(connection, transaction, lease.CampaignSeq, (NameBatch)batch.Payload, ct);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
