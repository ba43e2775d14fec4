using System.Net;
using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Core.Dns;
using DomainFlow.Core.Generation;
using DomainFlow.Core.Personas;
using DomainFlow.Core.Phases;
using DomainFlow.Server.Lab;
using DomainFlow.Store.Domains;
using DomainFlow.Tests.Support;

namespace DomainFlow.Tests.Dns;

/// <summary>The DNS validation phase end to end on the store: generation of a list, then resolution through a persona.</summary>
public sealed class DnsValidationPhaseTests
{
    private static async Task<(Guid Campaign, List<string> Names)> GeneratedCampaignAsync(StoreHarness h, DnsWorld world, int count)
    {
        var names = world.Names().Take(count).ToList();
        var campaign = await h.CreateCampaignAsync(new GenerationConfig { Source = GenerationSource.List });
        var seq = (await h.Campaigns.SeqOfAsync(campaign.Id))!.Value;
        await h.Lists.AppendAsync(seq, new StringReader(string.Join('\n', names)));
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        await h.RunUntilIdleAsync();
        return (campaign.Id, names);
    }

    private static async Task<Guid> PersonaAsync(StoreHarness h, params IPEndPoint[] resolvers) =>
        (await h.Personas.CreateAsync(new DnsPersonaConfig
        {
            Name = "lab " + Guid.NewGuid().ToString("N")[..6],
            Resolvers = resolvers.Select(r => new DnsPersonaResolver(r.ToString())).ToList(),
            TimeoutMs = 400,
            Retries = 4,
        }, null)).Id;

    private static Task ConfigureAsync(StoreHarness h, Guid campaign, DnsValidationConfig config) =>
        h.Phases.ConfigureAsync(campaign, PhaseName.DnsValidation, JsonSerializer.Serialize(config, DomainFlowJson.Options));

    private static async Task<List<DomainStore.DomainItem>> DomainsAsync(StoreHarness h, Guid campaign)
    {
        var seq = (await h.Campaigns.SeqOfAsync(campaign))!.Value;
        var all = new List<DomainStore.DomainItem>();
        await foreach (var d in h.Domains.StreamAsync(seq, new DomainStore.Filter(null)))
        {
            all.Add(d);
        }
        return all;
    }

    private static string ExpectedOutcome(DnsWorld world, string name, bool wildcardDetection = true)
    {
        var truth = world.Lookup(name);
        return truth.Kind == DnsNameKind.Wildcard && wildcardDetection ? "wildcard"
            : truth.Rcode == DnsRcode.NxDomain ? "nxdomain"
            : truth.Ipv4.Count + truth.Ipv6.Count > 0 ? "resolved" : "nodata";
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Every_domain_gets_exactly_one_result_equal_to_the_truth_and_the_counters_add_up(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 97, shardSize: 400);
        var world = new DnsWorld(new DnsWorldOptions { Seed = 41, NameCount = 1_000, WildcardZone = "wild-lab.net", WildcardShare = 0.05 });
        await using var lab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.14"));
        var (campaign, names) = await GeneratedCampaignAsync(h, world, 1_000);
        await ConfigureAsync(h, campaign, new DnsValidationConfig { PersonaIds = [await PersonaAsync(h, lab.Endpoint)] });

        await h.Phases.StartAsync(campaign, PhaseName.DnsValidation);
        await h.RunUntilIdleAsync();

        var phase = await h.PhaseAsync(campaign, PhaseName.DnsValidation);
        var domains = await DomainsAsync(h, campaign);
        Assert.Equal(PhaseStatus.Completed, phase.Status);
        Assert.Equal((1_000, 1_000L), (phase.Total, phase.Processed));
        Assert.All(domains, d => Assert.Equal(ExpectedOutcome(world, d.Name), d.Dns!.Outcome));
        foreach (var d in domains.Where(d => d.Dns!.Outcome == "resolved"))
        {
            var truth = world.Lookup(d.Name);
            Assert.Equal(truth.Ipv4.Select(a => a.ToString()).Order(), (d.Dns!.Ipv4?.Split(' ') ?? []).Order());
            Assert.Equal(string.Join(' ', truth.Chain), d.Dns.Cname ?? "");
            Assert.Equal(lab.Endpoint.ToString(), d.Dns.Resolver);
        }
        Assert.Equal(1_000, DnsValidationOutcomes(phase).Sum());
        Assert.Equal(domains.Count(d => d.Dns!.Outcome == "wildcard"), phase.Counters["wildcard"]);
        Assert.True(phase.Counters[$"resolver.{lab.Endpoint}.sent"] >= 2_000);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_paused_and_resumed_run_asks_exactly_the_queries_of_an_uninterrupted_one(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 50, shardSize: 1_000);
        var world = new DnsWorld(new DnsWorldOptions { Seed = 44, NameCount = 600 });
        await using var interruptedLab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.37"));
        await using var straightLab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.38"));
        var (interrupted, _) = await GeneratedCampaignAsync(h, world, 600);
        var (straight, _) = await GeneratedCampaignAsync(h, world, 600);
        await ConfigureAsync(h, interrupted, new DnsValidationConfig { PersonaIds = [await PersonaAsync(h, interruptedLab.Endpoint)], WildcardDetection = false });
        await ConfigureAsync(h, straight, new DnsValidationConfig { PersonaIds = [await PersonaAsync(h, straightLab.Endpoint)], WildcardDetection = false });
        var batches = 0;
        h.Runner.BatchCommitted += (id, phase) =>
        {
            if (id == interrupted && phase == PhaseName.DnsValidation && ++batches == 2)
            {
                h.Phases.PauseAsync(interrupted, PhaseName.DnsValidation).GetAwaiter().GetResult();
            }
        };

        await h.Phases.StartAsync(interrupted, PhaseName.DnsValidation);
        await h.RunUntilIdleAsync();
        var paused = await h.PhaseAsync(interrupted, PhaseName.DnsValidation);
        var queriesWhilePaused = interruptedLab.QueriesReceived;
        await h.Phases.ResumeAsync(interrupted, PhaseName.DnsValidation);
        await h.Phases.StartAsync(straight, PhaseName.DnsValidation);
        await h.RunUntilIdleAsync();

        Assert.Equal((PhaseStatus.Paused, 100L), (paused.Status, paused.Processed));
        Assert.InRange(queriesWhilePaused, 200, interruptedLab.QueriesReceived - 1);
        Assert.Equal(PhaseStatus.Completed, (await h.PhaseAsync(interrupted, PhaseName.DnsValidation)).Status);
        Assert.Equal(straightLab.QueriesReceived, interruptedLab.QueriesReceived); // nothing asked twice after the resume
        Assert.Equal(
            (await DomainsAsync(h, straight)).Select(d => (d.Name, d.Dns!.Outcome, d.Dns.Ipv4, d.Dns.Ipv6)),
            (await DomainsAsync(h, interrupted)).Select(d => (d.Name, d.Dns!.Outcome, d.Dns.Ipv4, d.Dns.Ipv6)));
    }

    private static IEnumerable<long> DnsValidationOutcomes(PhaseState phase) =>
        Enum.GetValues<DnsOutcome>().Select(o => phase.Counters.GetValueOrDefault(WireNames.ToWire(o)));

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_rerun_over_unresolved_names_only_resolves_the_ones_without_a_result(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 50, shardSize: 100);
        var world = new DnsWorld(new DnsWorldOptions { Seed = 42, NameCount = 600 });
        await using var lab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.15"));
        var (campaign, _) = await GeneratedCampaignAsync(h, world, 600);
        var persona = await PersonaAsync(h, lab.Endpoint);
        await ConfigureAsync(h, campaign, new DnsValidationConfig { PersonaIds = [persona], WildcardDetection = false });
        await h.Phases.StartAsync(campaign, PhaseName.DnsValidation);
        var lease = (await h.Jobs.ClaimAsync("test/0/a", h.Options.LeaseDuration))!;
        await h.Runner.RunShardAsync(lease, CancellationToken.None); // one shard of six, then the phase is stopped
        await h.Phases.StopAsync(campaign, PhaseName.DnsValidation);
        var queriesBefore = lab.QueriesReceived;

        await ConfigureAsync(h, campaign, new DnsValidationConfig { PersonaIds = [persona], WildcardDetection = false, Names = DnsNameSelection.Unresolved });
        await h.Phases.StartAsync(campaign, PhaseName.DnsValidation);
        await h.RunUntilIdleAsync();

        var phase = await h.PhaseAsync(campaign, PhaseName.DnsValidation);
        Assert.Equal(PhaseStatus.Completed, phase.Status);
        Assert.Equal((500, 500L), (phase.Total, phase.Processed));
        Assert.Equal(600, DnsValidationOutcomes(phase).Sum());
        Assert.All(await DomainsAsync(h, campaign), d => Assert.Equal(ExpectedOutcome(world, d.Name, wildcardDetection: false), d.Dns!.Outcome));
        // Two record types per name; retries aside, nothing resolved in the first run was asked again.
        Assert.InRange(lab.QueriesReceived - queriesBefore, 1_000, 1_100);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_batch_redone_after_a_lost_lease_writes_each_result_once(string engine)
    {
        var clock = new ManualClock();
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 40, shardSize: 1_000, clock: clock);
        var world = new DnsWorld(new DnsWorldOptions { Seed = 43, NameCount = 200 });
        await using var lab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.16"));
        var (campaign, _) = await GeneratedCampaignAsync(h, world, 200);
        await ConfigureAsync(h, campaign, new DnsValidationConfig { PersonaIds = [await PersonaAsync(h, lab.Endpoint)], WildcardDetection = false });
        await h.Phases.StartAsync(campaign, PhaseName.DnsValidation);
        var crashed = (await h.Jobs.ClaimAsync("node-a/0/x", h.Options.LeaseDuration))!;
        await using (var session = new DomainFlow.Store.Dns.DnsValidationShardProcessor(h.Db.Database, h.Personas, h.Options).Open(crashed))
        {
            await session.PrepareAsync(40, CancellationToken.None); // resolved, never committed: the node died here
        }

        clock.Advance(h.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        await h.RunUntilIdleAsync("node-b/0/y");

        var phase = await h.PhaseAsync(campaign, PhaseName.DnsValidation);
        Assert.Equal((PhaseStatus.Completed, 200L), (phase.Status, phase.Processed));
        Assert.Equal(200, DnsValidationOutcomes(phase).Sum());
        Assert.Equal(200, (await DomainsAsync(h, campaign)).Count(d => d.Dns is not null));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Starting_without_domains_or_with_a_disabled_persona_fails_with_a_reason(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        var world = new DnsWorld(new DnsWorldOptions { Seed = 44, NameCount = 10 });
        await using var lab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.17"));
        var persona = await PersonaAsync(h, lab.Endpoint);
        var (withDomains, _) = await GeneratedCampaignAsync(h, world, 10);
        await ConfigureAsync(h, withDomains, new DnsValidationConfig { PersonaIds = [persona] });
        var stored = (await h.Personas.GetAsync(persona))!;
        await h.Personas.UpdateAsync(persona, stored.Config with { Enabled = false });

        await h.Phases.StartAsync(withDomains, PhaseName.DnsValidation);

        var failed = await h.PhaseAsync(withDomains, PhaseName.DnsValidation);
        Assert.Equal(PhaseStatus.Failed, failed.Status);
        Assert.Contains("disabled", failed.Error);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_resolver_that_lies_about_absent_names_is_left_out_and_reported(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 100, shardSize: 1_000);
        var world = new DnsWorld(new DnsWorldOptions { Seed = 45, NameCount = 300 });
        await using var honest = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.20"));
        await using var liar = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.21"));
        liar.LieAboutEverything = true;
        var (campaign, _) = await GeneratedCampaignAsync(h, world, 300);
        await ConfigureAsync(h, campaign, new DnsValidationConfig { PersonaIds = [await PersonaAsync(h, honest.Endpoint, liar.Endpoint)] });

        await h.Phases.StartAsync(campaign, PhaseName.DnsValidation);
        await h.RunUntilIdleAsync();

        var phase = await h.PhaseAsync(campaign, PhaseName.DnsValidation);
        Assert.Equal(PhaseStatus.Completed, phase.Status);
        Assert.All(await DomainsAsync(h, campaign), d => Assert.Equal(ExpectedOutcome(world, d.Name), d.Dns!.Outcome));
        Assert.Equal(1, phase.Counters[$"resolver.{liar.Endpoint}.hijacking"]);
        Assert.False(phase.Counters.ContainsKey($"resolver.{liar.Endpoint}.sent"));
    }
}
