using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Threading.RateLimiting;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Dns;
using DomainFlow.Core.Http;
using DomainFlow.Core.Keywords;
using DomainFlow.Core.Phases;
using DomainFlow.Core.RateLimits;
using DomainFlow.Store.Jobs;
using DomainFlow.Core.Proxies;

namespace DomainFlow.Store.Http;

/// <summary>
/// Probes a shard's resolved domains batch by batch at the addresses the DNS phase stored, through the configured
/// personas (rotating per batch), at most <see cref="HttpPhaseConfig.Concurrency"/> sites at once and
/// <see cref="HttpPhaseConfig.PerIpConcurrency"/> per address; stores one result per domain. Counters: one per
/// outcome, plus "parked" and "keyword_matches" (domains with at least one hit).
/// </summary>
public sealed class HttpShardProcessor(Database db, HttpPhaseStores stores, NetworkOptions network, TechFingerprints? technologies = null) : IShardProcessor
{
    /// <summary>SQL condition on alias d (a dns_results row): the domain has no HTTP result yet.</summary>
    internal const string WithoutResult = "NOT EXISTS (SELECT 1 FROM http_results h WHERE h.campaign_seq = d.campaign_seq AND h.ordinal = d.ordinal)";

    public PhaseName Phase => PhaseName.HttpKeywordAnalysis;

    public IShardSession Open(JobLease lease) => new Session(db, stores, network, technologies ?? TechFingerprints.Default, lease, HttpPhaseConfigRules.Parse(lease.ConfigJson));

    private sealed class Session(
        Database db, HttpPhaseStores stores, NetworkOptions network, TechFingerprints technologies, JobLease lease, HttpPhaseConfig config)
        : IShardSession
    {
        private readonly Dictionary<Guid, HttpProber> _probers = [];
        // Every worker of this node probing the campaign's phase shares the per-address slots: the cap is per node.
        private readonly Shared<PartitionedRateLimiter<string>> _perIp = SharedRateLimiters.Acquire(
            $"http-ip:{lease.CampaignSeq}", $"{config.PerIpConcurrency}",
            () => PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetConcurrencyLimiter(ip, _ =>
                new ConcurrencyLimiterOptions { PermitLimit = config.PerIpConcurrency, QueueLimit = int.MaxValue }), StringComparer.Ordinal));
        private HttpPhaseResources? _resources;
        private KeywordMatcher? _keywords;
        private HostLookup? _redirects;
        private ProxyRotator? _pool;
        private Guid[] _poolMembers = [];
        private long _next = lease.Cursor;
        private long _batches;

        public async Task<ShardBatch> PrepareAsync(int maxItems, CancellationToken ct)
        {
            var limit = Math.Min(maxItems, config.BatchSize ?? config.Concurrency * 4);
            var domains = await ReadDomainsAsync(limit, ct);
            var next = domains.Count < limit ? lease.RangeEnd : domains[^1].Ordinal + 1;
            if (domains.Count == 0)
            {
                _next = next;
                return new ShardBatch(next, 0, 0, new Dictionary<string, long>(), Array.Empty<HttpResultRow>());
            }
            var prober = await ProberAsync(ct);
            var rows = new ConcurrentBag<HttpResultRow>();
            await Parallel.ForEachAsync(domains, new ParallelOptions { MaxDegreeOfParallelism = config.Concurrency, CancellationToken = ct }, async (domain, token) =>
            {
                var addresses = Addresses(domain.Ipv4, domain.Ipv6);
                // Parked domains share a handful of addresses: hold the address's slot for the whole probe.
                using var slot = await _perIp.Value.AcquireAsync(addresses.Count > 0 ? addresses[0].ToString() : "", 1, token);
                var result = await prober.ProbeAsync(domain.Name, addresses, token);
                rows.Add(HttpResultRow.From(lease.CampaignSeq, domain.Ordinal, result, db.NowMs));
            });
            var counters = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                counters[row.Outcome] = counters.GetValueOrDefault(row.Outcome) + 1;
                counters["parked"] = counters.GetValueOrDefault("parked") + row.Parked;
                counters["keyword_matches"] = counters.GetValueOrDefault("keyword_matches") + (row.KeywordHits is null ? 0 : 1);
            }
            _next = next;
            return new ShardBatch(next, 0, rows.Count, counters, rows.OrderBy(r => r.Ordinal).ToList());
        }

        private static List<IPAddress> Addresses(string? ipv4, string? ipv6) =>
            [.. $"{ipv4} {ipv6}".Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(IPAddress.Parse)];

        private async Task<List<(long Ordinal, string Name, string? Ipv4, string? Ipv6)>> ReadDomainsAsync(int limit, CancellationToken ct)
        {
            await using var c = await db.OpenAsync(ct);
            return (await c.QueryAsync<(long, string, string?, string?)>(new CommandDefinition(
                $"""
                SELECT d.ordinal, n.name, d.ipv4, d.ipv6 FROM dns_results d
                JOIN domains n ON n.campaign_seq = d.campaign_seq AND n.ordinal = d.ordinal
                WHERE d.campaign_seq = @seq AND d.ordinal >= @from AND d.ordinal < @to AND d.outcome = 'resolved'
                {(config.Names == HttpNameSelection.Unprobed ? "AND " + WithoutResult : "")}
                ORDER BY d.ordinal LIMIT @limit
                """,
                new { seq = lease.CampaignSeq, from = _next, to = lease.RangeEnd, limit }, cancellationToken: ct))).ToList();
        }

        /// <summary>The batch's persona's prober; personas, keyword sets and the redirect resolver load once per shard.</summary>
        private async Task<HttpProber> ProberAsync(CancellationToken ct)
        {
            _resources ??= await HttpPhaseConfigRules.ResolveAsync(config, stores, ct);
            _pool ??= _resources.ProxyPool is { } pool ? await RotatorAsync(pool.Config, ct) : null;
            if (_resources.ProxyPool is { } current)
            {
                await RefreshUsableAsync(current.Config, ct);
            }
            _keywords ??= _resources.Keywords.All(g => g.Rules.Count == 0) ? null : KeywordMatcher.ForGroups(_resources.Keywords);
            if (_redirects is null && _resources.RedirectDns is { } dns)
            {
                _redirects = new HostLookup(dns.Config.ToResolverOptions());
            }
            var persona = _resources.Personas[(int)((lease.Id + _batches++) % _resources.Personas.Count)];
            if (!_probers.TryGetValue(persona.Id, out var prober))
            {
                prober = new HttpProber(new HttpProberOptions
                {
                    Persona = persona.Config,
                    Guard = network.CreateGuard(),
                    Keywords = _keywords,
                    Technologies = technologies,
                    Favicon = config.Favicon,
                    ResolveHost = _redirects is null ? null : _redirects.LookupAsync,
                    ProxyPool = _pool,
                    ProxyRetries = _resources.ProxyPool?.Config.Retries ?? 0,
                    RateScope = $"http:{persona.Id}",
                });
                _probers[persona.Id] = prober;
            }
            return prober;
        }

        /// <summary>The pool's members with their passwords, for this shard; which of them are in rotation is refreshed per batch.</summary>
        private async Task<ProxyRotator> RotatorAsync(ProxyPoolConfig pool, CancellationToken ct)
        {
            var members = new List<(ProxyEndpoint, int)>();
            var ids = new List<Guid>();
            foreach (var member in pool.Members)
            {
                if (await stores.Proxies.EndpointAsync(member.ProxyId, usableOnly: false, ct) is { } endpoint)
                {
                    members.Add((endpoint, member.Weight));
                    ids.Add(member.ProxyId);
                }
            }
            _poolMembers = [.. ids];
            return members.Count > 0 ? new ProxyRotator(members, pool.Rotation) : throw NoUsableProxy(pool);
        }

        /// <summary>
        /// The health monitor's current verdicts, once per batch: a member it marked unhealthy (or a user disabled)
        /// leaves the rotation, one that recovered comes back, without waiting for the shard to end.
        /// </summary>
        private async Task RefreshUsableAsync(ProxyPoolConfig pool, CancellationToken ct)
        {
            var usable = await stores.Proxies.UsableAsync(_poolMembers, ct);
            if (usable.Count == 0)
            {
                throw NoUsableProxy(pool);
            }
            _pool!.SetUsable([.. _poolMembers.Select(usable.Contains)]);
        }

        private static InvalidOperationException NoUsableProxy(ProxyPoolConfig pool) =>
            new($"No proxy of the pool '{pool.Name}' is usable: each is deleted, disabled or unhealthy.");

        public Task WriteAsync(DbConnection connection, DbTransaction transaction, ShardBatch batch, CancellationToken ct) =>
            connection.ExecuteAsync(new CommandDefinition(HttpResultRow.UpsertSql,
                (IReadOnlyList<HttpResultRow>)batch.Payload, transaction, cancellationToken: ct));

        public async ValueTask DisposeAsync()
        {
            foreach (var prober in _probers.Values)
            {
                prober.Dispose();
            }
            _perIp.Dispose();
            if (_redirects is not null)
            {
                await _redirects.DisposeAsync();
            }
        }
    }
}
