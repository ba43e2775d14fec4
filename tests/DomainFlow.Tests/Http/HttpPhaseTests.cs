using System.Net;
using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Core.Dns;
using DomainFlow.Core.Generation;
using DomainFlow.Core.Http;
using DomainFlow.Core.Keywords;
using DomainFlow.Core.Personas;
using DomainFlow.Core.Phases;
using DomainFlow.Server.Lab;
using DomainFlow.Store.Domains;
using DomainFlow.Tests.Support;

namespace DomainFlow.Tests.Http;

/// <summary>The HTTP keyword analysis phase end to end on the store: a list, DNS through the lab, HTTP against the web lab.</summary>
public sealed class HttpPhaseTests
{
    private sealed record Lab(StoreHarness H, Guid Campaign, DnsWorld World, LabDnsServer Dns, LabWebServer Web) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Web.DisposeAsync();
            await Dns.DisposeAsync();
            await H.DisposeAsync();
        }
    }

    /// <summary>A campaign whose names went through DNS: existing ones resolve to the web lab's address.</summary>
    private static async Task<Lab> ResolvedCampaignAsync(string engine, int names, IPAddress dnsAddress, TimeProvider? clock = null)
    {
        var h = await StoreHarness.CreateAsync(engine, batchSize: 50, shardSize: 150, clock: clock);
        var world = new DnsWorld(new DnsWorldOptions
        {
            Seed = 51, NameCount = names, ExistingFraction = 0.7, WebAddress = IPAddress.Loopback, WildcardShare = 0, BigTextShare = 0, Ipv6OnlyShare = 0,
        });
        var dns = LabDnsServer.Start(world, dnsAddress);
        var web = await LabWebServer.StartAsync(new Dictionary<string, LabSite>(), fallback: WebWorld.Site());
        var campaign = await h.CreateCampaignAsync(new GenerationConfig { Source = GenerationSource.List });
        var seq = (await h.Campaigns.SeqOfAsync(campaign.Id))!.Value;
        await h.Lists.AppendAsync(seq, new StringReader(string.Join('\n', world.Names().Take(names))));
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        await h.RunUntilIdleAsync();
        var dnsPersona = await h.Personas.CreateAsync(new DnsPersonaConfig { Name = "lab dns", Resolvers = [new(dns.Endpoint.ToString())], TimeoutMs = 400 }, null);
        await h.Phases.ConfigureAsync(campaign.Id, PhaseName.DnsValidation, JsonSerializer.Serialize(new DnsValidationConfig { PersonaIds = [dnsPersona.Id] }, DomainFlowJson.Options));
        await h.Phases.StartAsync(campaign.Id, PhaseName.DnsValidation);
        await h.RunUntilIdleAsync();
        return new Lab(h, campaign.Id, world, dns, web);
    }

    private static async Task ConfigureHttpAsync(Lab lab, HttpNameSelection names = HttpNameSelection.All, Guid? proxyPool = null)
    {
        var persona = await lab.H.HttpPersonas.CreateAsync(new HttpPersonaConfig
        {
            Name = "lab web " + Guid.NewGuid().ToString("N")[..6], SchemeOrder = SchemeOrder.Http, HttpPorts = [lab.Web.HttpPort], AllowedStatusCodes = ["200-299"],
        }, null);
        var set = await lab.H.KeywordSets.CreateAsync(new KeywordSetConfig { Name = "brand " + Guid.NewGuid().ToString("N")[..6], Rules = [new(WebWorld.Brand, Category: "brand")] }, null);
        var config = new HttpPhaseConfig { PersonaIds = [persona.Id], KeywordSetIds = [set.Id], AdHocKeywords = ["for sale"], Concurrency = 16, PerIpConcurrency = 8, Names = names, ProxyPoolId = proxyPool };
        await lab.H.Phases.ConfigureAsync(lab.Campaign, PhaseName.HttpKeywordAnalysis, JsonSerializer.Serialize(config, DomainFlowJson.Options));
    }

    private static async Task<List<DomainStore.DomainItem>> DomainsAsync(Lab lab)
    {
        var seq = (await lab.H.Campaigns.SeqOfAsync(lab.Campaign))!.Value;
        var all = new List<DomainStore.DomainItem>();
        await foreach (var d in lab.H.Domains.StreamAsync(seq, new DomainStore.Filter(null)))
        {
            all.Add(d);
        }
        return all;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Every_resolved_domain_gets_one_result_true_to_its_site_and_the_counters_add_up(string engine)
    {
        await using var lab = await ResolvedCampaignAsync(engine, 400, IPAddress.Parse("127.0.0.16"));
        await ConfigureHttpAsync(lab);

        await lab.H.Phases.StartAsync(lab.Campaign, PhaseName.HttpKeywordAnalysis);
        await lab.H.RunUntilIdleAsync();

        var phase = await lab.H.PhaseAsync(lab.Campaign, PhaseName.HttpKeywordAnalysis);
        var domains = await DomainsAsync(lab);
        var resolved = domains.Where(d => d.Dns?.Outcome == "resolved").ToList();
        Assert.Equal(PhaseStatus.Completed, phase.Status);
        Assert.True(resolved.Count > 200, $"only {resolved.Count} names resolved");
        Assert.Equal((resolved.Count, (long)resolved.Count), (phase.Total, phase.Processed));
        Assert.All(domains.Where(d => d.Dns?.Outcome != "resolved"), d => Assert.Null(d.Http)); // only resolved names are probed
        foreach (var d in resolved)
        {
            var kind = WebWorld.KindOf(d.Name);
            var http = d.Http!;
            Assert.True((kind == WebSiteKind.Missing ? "http_error" : "ok") == http.Outcome, $"{d.Name} ({kind}): {http.Outcome} {http.Error}");
            Assert.Equal(kind == WebSiteKind.Parked, http.Parked == 1);
            Assert.Equal("127.0.0.1", http.Address);
            if (kind == WebSiteKind.Brand)
            {
                var hits = JsonSerializer.Deserialize<List<KeywordHit>>(http.KeywordHits!, DomainFlowJson.Options)!;
                var brand = Assert.Single(hits, h => h.Category == "brand");
                Assert.Equal(WebWorld.BrandMentions(d.Name), brand.Count);
                Assert.StartsWith("brand ", brand.Set, StringComparison.Ordinal); // attributed to its keyword set
                Assert.All(hits.Where(h => h.Category == "ad hoc"), h => Assert.Null(h.Set));
            }
            if (kind == WebSiteKind.Redirect)
            {
                Assert.EndsWith("/welcome", http.FinalUrl, StringComparison.Ordinal);
                Assert.Contains("301", http.Redirects, StringComparison.Ordinal);
            }
        }
        var counters = phase.Counters;
        Assert.Equal(resolved.Count(d => WebWorld.KindOf(d.Name) != WebSiteKind.Missing), counters["ok"]);
        Assert.Equal(resolved.Count(d => WebWorld.KindOf(d.Name) == WebSiteKind.Missing), counters["http_error"]);
        Assert.Equal(resolved.Count(d => WebWorld.KindOf(d.Name) == WebSiteKind.Parked), counters["parked"]);
        // Brand sites name the brand, parked ones say "for sale" (the ad-hoc keyword).
        Assert.Equal(resolved.Count(d => WebWorld.KindOf(d.Name) is WebSiteKind.Brand or WebSiteKind.Parked), counters["keyword_matches"]);
        Assert.Equal(resolved.Count, lab.Web.Requests.Values.Sum() - resolved.Count(d => WebWorld.KindOf(d.Name) == WebSiteKind.Redirect));

        // Keyset pages by score walk every probed domain once, highest score first, with or without a filter.
        var byScore = resolved.OrderByDescending(d => d.Http!.KeywordScore).ThenByDescending(d => d.Ordinal).Select(d => d.Ordinal);
        Assert.Equal(byScore, await ByScoreAsync(lab, new DomainStore.Filter(null)));
        var notParked = resolved.Where(d => d.Http!.Parked == 0).OrderByDescending(d => d.Http!.KeywordScore).ThenByDescending(d => d.Ordinal).Select(d => d.Ordinal);
        Assert.Equal(notParked, await ByScoreAsync(lab, new DomainStore.Filter(null, Parked: false)));
    }

    private static async Task<List<long>> ByScoreAsync(Lab lab, DomainStore.Filter filter)
    {
        var seq = (await lab.H.Campaigns.SeqOfAsync(lab.Campaign))!.Value;
        var ordinals = new List<long>();
        DomainStore.ScoreCursor? after = null;
        while (true)
        {
            var page = await lab.H.Domains.PageByScoreAsync(seq, filter, after, 7);
            ordinals.AddRange(page.Select(d => d.Ordinal));
            if (page.Count < 7)
            {
                return ordinals;
            }
            after = new DomainStore.ScoreCursor(page[^1].Http!.KeywordScore, page[^1].Ordinal);
        }
    }

    [Fact]
    public async Task A_rerun_over_unprobed_names_only_probes_the_ones_without_a_result()
    {
        await using var lab = await ResolvedCampaignAsync("sqlite", 200, IPAddress.Parse("127.0.0.17"));
        await ConfigureHttpAsync(lab);
        await lab.H.Phases.StartAsync(lab.Campaign, PhaseName.HttpKeywordAnalysis);
        await lab.H.RunUntilIdleAsync();
        var seq = (await lab.H.Campaigns.SeqOfAsync(lab.Campaign))!.Value;
        var removed = await lab.H.Db.ExecuteAsync($"DELETE FROM http_results WHERE campaign_seq = {seq} AND ordinal % 4 = 0");
        lab.Web.Requests.Clear();

        await ConfigureHttpAsync(lab, HttpNameSelection.Unprobed);
        await lab.H.Phases.StartAsync(lab.Campaign, PhaseName.HttpKeywordAnalysis);
        await lab.H.RunUntilIdleAsync();

        var phase = await lab.H.PhaseAsync(lab.Campaign, PhaseName.HttpKeywordAnalysis);
        var domains = await DomainsAsync(lab);
        Assert.True(removed > 10);
        Assert.Equal((long)removed, phase.Total);
        Assert.Equal(removed, lab.Web.Requests.Count); // each host asked again once (a redirect asks the same host twice)
        Assert.All(domains.Where(d => d.Dns?.Outcome == "resolved"), d => Assert.NotNull(d.Http));
        Assert.Equal(domains.Count(d => d.Dns?.Outcome == "resolved"), phase.Counters["ok"] + phase.Counters["http_error"]);
    }

    [Fact]
    public async Task Through_a_pool_a_dead_member_costs_a_retry_and_every_site_still_answers_through_the_live_one()
    {
        await using var lab = await ResolvedCampaignAsync("sqlite", 120, IPAddress.Parse("127.0.0.20"));
        await using var socks = await DomainFlow.Testing.Proxies.ProxyServers.MicrosocksAsync("pool", "pool-pass");
        using var closed = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0)); // bound, never listening: a dead proxy
        var dead = (await lab.H.Proxies.CreateManyAsync([new Core.Proxies.ProxyConfig { Protocol = ProxyProtocol.Http, Host = "127.0.0.1", Port = ((IPEndPoint)closed.LocalEndPoint!).Port }], null, paths: false))[0];
        var live = (await lab.H.Proxies.CreateManyAsync([new Core.Proxies.ProxyConfig { Protocol = ProxyProtocol.Socks5, Host = "127.0.0.1", Port = socks.Port, Username = "pool", Password = "pool-pass" }], null, paths: false))[0];
        var pool = await lab.H.ProxyPools.CreateAsync(new Core.Proxies.ProxyPoolConfig
        {
            Name = "lab pool", Members = [new(dead.Id), new(live.Id)], Rotation = Core.Proxies.ProxyRotation.RoundRobin, Retries = 1,
        }, null);
        await ConfigureHttpAsync(lab, proxyPool: pool.Id);

        await lab.H.Phases.StartAsync(lab.Campaign, PhaseName.HttpKeywordAnalysis);
        await lab.H.RunUntilIdleAsync();

        var phase = await lab.H.PhaseAsync(lab.Campaign, PhaseName.HttpKeywordAnalysis);
        var probed = (await DomainsAsync(lab)).Where(d => d.Http is not null).ToList();
        Assert.Equal(PhaseStatus.Completed, phase.Status);
        Assert.NotEmpty(probed);
        Assert.True(phase.Counters.GetValueOrDefault("proxy_error") == 0, string.Join("\n", probed.Where(d => d.Http!.Outcome == "proxy_error").Take(3).Select(d => $"{d.Http!.Proxy}: {d.Http.Error}")));
        Assert.All(probed, d => Assert.Equal($"socks5://pool@127.0.0.1:{socks.Port}", d.Http!.Proxy));
        Assert.DoesNotContain(probed, d => d.Http!.Proxy!.Contains("pool-pass", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_batch_probed_by_a_node_that_died_is_redone_and_each_result_is_written_once(string engine)
    {
        var clock = new ManualClock();
        await using var lab = await ResolvedCampaignAsync(engine, 150, IPAddress.Parse("127.0.0.21"), clock);
        await ConfigureHttpAsync(lab);
        await lab.H.Phases.StartAsync(lab.Campaign, PhaseName.HttpKeywordAnalysis);
        var crashed = (await lab.H.Jobs.ClaimAsync("node-a/0/x", lab.H.Options.LeaseDuration))!;
        var stores = new global::DomainFlow.Store.Http.HttpPhaseStores(lab.H.HttpPersonas, lab.H.KeywordSets, lab.H.Personas, lab.H.ProxyPools, lab.H.Proxies);
        await using (var session = new global::DomainFlow.Store.Http.HttpShardProcessor(lab.H.Db.Database, stores, new NetworkOptions { AllowPrivateTargets = true }).Open(crashed))
        {
            var batch = await session.PrepareAsync(50, CancellationToken.None); // probed, never committed: the node died here
            Assert.True(batch.Processed > 0);
        }

        clock.Advance(lab.H.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        await lab.H.RunUntilIdleAsync("node-b/0/y");

        var phase = await lab.H.PhaseAsync(lab.Campaign, PhaseName.HttpKeywordAnalysis);
        var resolved = (await DomainsAsync(lab)).Where(d => d.Dns?.Outcome == "resolved").ToList();
        Assert.Equal((PhaseStatus.Completed, (long)resolved.Count), (phase.Status, phase.Processed));
        Assert.Equal(resolved.Count, phase.Counters["ok"] + phase.Counters["http_error"]);
        Assert.All(resolved, d => Assert.NotNull(d.Http));
    }
}
