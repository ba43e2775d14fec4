using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Generation;
using DomainFlow.Core.Phases;
using DomainFlow.Store.Campaigns;
using DomainFlow.Store.Dns;
using DomainFlow.Store.Domains;
using DomainFlow.Store.Personas;
using DomainFlow.Store.Events;
using DomainFlow.Store.Generation;
using DomainFlow.Store.Jobs;

namespace DomainFlow.Tests.Support;

/// <summary>The store services wired as the server wires them, over a <see cref="TestDatabase"/>, with small batches and shards.</summary>
public sealed class StoreHarness : IAsyncDisposable
{
    private StoreHarness(TestDatabase db, JobRunnerOptions options)
    {
        Db = db;
        Options = options;
        Campaigns = new CampaignStore(db.Database);
        Jobs = new JobStore(db.Database);
        Personas = new DnsPersonaStore(db.Database);
        HttpPersonas = new HttpPersonaStore(db.Database);
        KeywordSets = new global::DomainFlow.Store.Keywords.KeywordSetStore(db.Database);
        // The lab's sites live on loopback: the harness is a lab deployment.
        var network = new Core.Http.NetworkOptions { AllowPrivateTargets = true };
        Proxies = new global::DomainFlow.Store.Proxies.ProxyStore(db.Database, new ReversibleTestProtector());
        ProxyPools = new global::DomainFlow.Store.Proxies.ProxyPoolStore(db.Database);
        var httpStores = new global::DomainFlow.Store.Http.HttpPhaseStores(HttpPersonas, KeywordSets, Personas, ProxyPools, Proxies);
        Phases = new PhaseControl(db.Database,
            [new GenerationPlanner(db.Database, options), new DnsValidationPlanner(Personas, options), new global::DomainFlow.Store.Http.HttpPhasePlanner(httpStores, options)], Signal);
        Runner = new JobRunner(db.Database, Jobs, Phases,
            [new GenerationShardProcessor(db.Database), new DnsValidationShardProcessor(db.Database, Personas, options), new global::DomainFlow.Store.Http.HttpShardProcessor(db.Database, httpStores, network)],
            options, Signal);
        Domains = new DomainStore(db.Database);
        Lists = new ListUploadStore(db.Database);
        Outbox = new EventOutbox(db.Database);
    }

    public TestDatabase Db { get; }
    public WorkSignal Signal { get; } = new();
    public JobRunnerOptions Options { get; }
    public CampaignStore Campaigns { get; }
    public JobStore Jobs { get; }
    public PhaseControl Phases { get; }
    public JobRunner Runner { get; }
    public DomainStore Domains { get; }
    public ListUploadStore Lists { get; }
    public EventOutbox Outbox { get; }
    public DnsPersonaStore Personas { get; }
    public HttpPersonaStore HttpPersonas { get; }
    public global::DomainFlow.Store.Keywords.KeywordSetStore KeywordSets { get; }
    public global::DomainFlow.Store.Proxies.ProxyStore Proxies { get; }
    public global::DomainFlow.Store.Proxies.ProxyPoolStore ProxyPools { get; }

    /// <summary>Store tests run without ASP.NET's key ring; the server's protector is tested through the API.</summary>
    private sealed class ReversibleTestProtector : Core.ISecretProtector
    {
        public string Protect(string secret) => "test:" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret));

        public string Unprotect(string ciphertext) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(ciphertext["test:".Length..]));
    }

    public static async Task<StoreHarness> CreateAsync(string engine, int batchSize = 100, long shardSize = 1_000, TimeProvider? clock = null) =>
        new(await TestDatabase.CreateAsync(engine, clock), new JobRunnerOptions
        {
            BatchSize = batchSize,
            ShardSize = shardSize,
            LeaseDuration = TimeSpan.FromSeconds(30),
            PollInterval = TimeSpan.FromMilliseconds(20),
        });

    public static GenerationConfig Pattern(string charset = "abc", int length = 2, string constant = "shop", string[]? tlds = null, long maxDomains = 18, long? offset = null) => new()
    {
        Source = GenerationSource.Pattern,
        PatternType = PatternType.Prefix,
        PrefixLength = length,
        Charset = charset,
        Constant = constant,
        Tlds = tlds ?? ["com", "net"],
        MaxDomains = maxDomains,
        OffsetStart = offset,
    };

    public async Task<Campaign> CreateCampaignAsync(GenerationConfig? config, string name = "test", CampaignMode mode = CampaignMode.StepByStep) =>
        await Campaigns.CreateAsync(name, null, mode, config is null ? null : JsonSerializer.Serialize(config, DomainFlowJson.Options));

    /// <summary>Leases and runs shards one after another until none is claimable.</summary>
    public async Task<int> RunUntilIdleAsync(string owner = "test/0/a")
    {
        var shards = 0;
        while (await Jobs.ClaimAsync(owner, Options.LeaseDuration) is { } lease)
        {
            await Runner.RunShardAsync(lease, CancellationToken.None);
            shards++;
        }
        return shards;
    }

    public async Task<PhaseState> PhaseAsync(Guid id, PhaseName phase = PhaseName.Generation) =>
        (await Campaigns.GetAsync(id))!.Phases[PhaseRules.IndexOf(phase)];

    public async Task<List<string>> AllNamesAsync(Guid id)
    {
        var seq = (await Campaigns.SeqOfAsync(id))!.Value;
        var names = new List<string>();
        await foreach (var d in Domains.StreamAsync(seq, new DomainStore.Filter(null)))
        {
            names.Add(d.Name);
        }
        return names;
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
