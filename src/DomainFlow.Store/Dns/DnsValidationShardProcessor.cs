using System.Data.Common;
using System.Text.Json;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Dns;
using DomainFlow.Core.Phases;
using DomainFlow.Store.Jobs;
using DomainFlow.Store.Personas;

namespace DomainFlow.Store.Dns;

/// <summary>
/// Resolves a shard's domains batch by batch through the configured personas (rotating per batch) and stores one
/// result per domain. Counters: one per outcome, plus per-resolver statistics ("resolver.&lt;address&gt;.sent", ... ".rtt_ms" summed over answers).
/// </summary>
public sealed class DnsValidationShardProcessor(Database db, DnsPersonaStore personas, JobRunnerOptions options) : IShardProcessor
{
    /// <summary>SQL condition on alias d: the domain has no DNS result yet.</summary>
    internal const string WithoutResult = "NOT EXISTS (SELECT 1 FROM dns_results r WHERE r.campaign_seq = d.campaign_seq AND r.ordinal = d.ordinal)";

    public PhaseName Phase => PhaseName.DnsValidation;

    public IShardSession Open(JobLease lease) => new Session(db, personas, lease, DnsValidationConfigRules.Parse(lease.ConfigJson), options);

    private sealed class Session(Database db, DnsPersonaStore personas, JobLease lease, DnsValidationConfig config, JobRunnerOptions options) : IShardSession
    {
        private readonly Dictionary<Guid, Engine> _engines = [];
        private long _next = lease.Cursor;
        private long _batches;

        /// <summary>One persona's resolver for the whole shard, so its adaptive window and health carry over between batches.</summary>
        private sealed class Engine(BulkResolver resolver, WildcardDetector? wildcards)
        {
            public BulkResolver Resolver { get; } = resolver;
            public WildcardDetector? Wildcards { get; } = wildcards;
            public Dictionary<string, ResolverStatistics> Reported { get; } = [];

            /// <summary>Resolvers left out because they answer impossible names; reported once as a counter.</summary>
            public IReadOnlyList<string> Liars { get; init; } = [];

            public bool LiarsReported { get; set; }
        }

        public async Task<ShardBatch> PrepareAsync(int maxItems, CancellationToken ct)
        {
            var limit = Math.Min(maxItems, config.BatchSize ?? options.BatchSize);
            var domains = await ReadDomainsAsync(limit, ct);
            var next = domains.Count < limit ? lease.RangeEnd : domains[^1].Ordinal + 1;
            if (domains.Count == 0)
            {
                _next = next;
                return new ShardBatch(next, 0, 0, new Dictionary<string, long>(), Array.Empty<DnsResultRow>());
            }
            var engine = await EngineForAsync(config.PersonaIds[(int)((lease.Id + _batches++) % config.PersonaIds.Count)], ct);
            var ordinals = new Dictionary<string, long>(domains.Count, StringComparer.Ordinal);
            foreach (var (ordinal, name) in domains)
            {
                ordinals[name] = ordinal;
            }
            var rows = new List<DnsResultRow>(domains.Count);
            var counters = new Dictionary<string, long>(StringComparer.Ordinal);
            await foreach (var answer in engine.Resolver.ResolveAsync(domains.Select(d => d.Name).ToAsyncEnumerable(), ct))
            {
                var result = engine.Wildcards is null ? answer : await engine.Wildcards.ClassifyAsync(answer, ct);
                var outcome = WireNames.ToWire(result.Outcome);
                counters[outcome] = counters.GetValueOrDefault(outcome) + 1;
                rows.Add(ToRow(ordinals[result.Name], outcome, result));
            }
            AddResolverDeltas(engine, counters);
            _next = next;
            return new ShardBatch(next, 0, rows.Count, counters, rows);
        }

        private async Task<List<(long Ordinal, string Name)>> ReadDomainsAsync(int limit, CancellationToken ct)
        {
            await using var c = await db.OpenAsync(ct);
            return (await c.QueryAsync<(long, string)>(new CommandDefinition(
                $"""
                SELECT d.ordinal, d.name FROM domains d
                WHERE d.campaign_seq = @seq AND d.ordinal >= @from AND d.ordinal < @to {(config.Names == DnsNameSelection.Unresolved ? "AND " + WithoutResult : "")}
                ORDER BY d.ordinal LIMIT @limit
                """,
                new { seq = lease.CampaignSeq, from = _next, to = lease.RangeEnd, limit }, cancellationToken: ct))).ToList();
        }

        private async Task<Engine> EngineForAsync(Guid personaId, CancellationToken ct)
        {
            if (_engines.TryGetValue(personaId, out var engine))
            {
                return engine;
            }
            var persona = await personas.GetAsync(personaId, ct)
                ?? throw new InvalidOperationException($"DNS persona {personaId} was deleted while the phase ran.");
            var options = persona.Config.ToResolverOptions() with { RateScope = $"dns:{personaId}" };
            var liars = new List<string>();
            if (config.WildcardDetection)
            {
                // A resolver that answers names which cannot exist would make every candidate look registered.
                var verdicts = await ResolverHonesty.CheckAsync(options, ct);
                liars.AddRange(verdicts.Where(v => v.Lies).Select(v => v.Resolver.ToString()));
                var honest = verdicts.Where(v => !v.Lies).Select(v => v.Resolver).ToList();
                if (honest.Count == 0)
                {
                    throw new InvalidOperationException($"Every resolver of DNS persona '{persona.Config.Name}' answers names that cannot exist (NXDOMAIN hijacking); its answers would be meaningless.");
                }
                options = options with { Resolvers = honest };
            }
            engine = new Engine(new BulkResolver(options), config.WildcardDetection ? new WildcardDetector(options) : null) { Liars = liars };
            _engines[personaId] = engine;
            return engine;
        }

        /// <summary>Counters add up across batches and nodes, so each batch reports what its resolvers did since the last one.</summary>
        private static void AddResolverDeltas(Engine engine, Dictionary<string, long> counters)
        {
            if (!engine.LiarsReported)
            {
                foreach (var liar in engine.Liars)
                {
                    counters[$"resolver.{liar}.hijacking"] = 1;
                }
                engine.LiarsReported = true;
            }
            foreach (var now in engine.Resolver.Statistics)
            {
                var before = engine.Reported.GetValueOrDefault(now.Resolver);
                var prefix = $"resolver.{now.Resolver}.";
                counters[prefix + "sent"] = now.Sent - (before?.Sent ?? 0);
                counters[prefix + "answered"] = now.Answered - (before?.Answered ?? 0);
                counters[prefix + "timeouts"] = now.Timeouts - (before?.Timeouts ?? 0);
                counters[prefix + "servfail"] = now.ServFail - (before?.ServFail ?? 0);
                counters[prefix + "refused"] = now.Refused - (before?.Refused ?? 0);
                counters[prefix + "truncated"] = now.Truncated - (before?.Truncated ?? 0);
                counters[prefix + "rtt_ms"] = now.TotalRttMs - (before?.TotalRttMs ?? 0);
                engine.Reported[now.Resolver] = now;
            }
        }

        private DnsResultRow ToRow(long ordinal, string outcome, DnsResult r) => new(
            ordinal, outcome,
            r.Addresses4.Count == 0 ? null : string.Join(' ', r.Addresses4),
            r.Addresses6.Count == 0 ? null : string.Join(' ', r.Addresses6),
            r.CnameChain.Count == 0 ? null : string.Join(' ', r.CnameChain),
            r.Records.Count == 0 ? null : JsonSerializer.Serialize(r.Records.Select(x => new { type = x.Type.ToString(), data = x.Data, ttl = x.Ttl }), DomainFlowJson.Options),
            r.Rcode?.ToString().ToUpperInvariant(), r.Attempts, r.Resolver, (long)Math.Round(r.LatencyMs), db.NowMs, r.Error);

        public Task WriteAsync(DbConnection connection, DbTransaction transaction, ShardBatch batch, CancellationToken ct) =>
            db.Dialect.UpsertDnsResultsAsync(connection, transaction, lease.CampaignSeq, (IReadOnlyList<DnsResultRow>)batch.Payload, ct);

        public async ValueTask DisposeAsync()
        {
            foreach (var engine in _engines.Values)
            {
                await engine.Resolver.DisposeAsync();
            }
        }
    }
}
