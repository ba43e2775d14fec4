using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DomainFlow.Core.Dns;
using DomainFlow.Server.Lab;
using DomainFlow.Testing.Dns;

namespace DomainFlow.Tests.Dns;

/// <summary>The bulk resolver against real DNS servers on loopback: Knot, and the lab server's failure modes.</summary>
public sealed class BulkResolverTests
{
    private static BulkResolverOptions Options(params IPEndPoint[] resolvers) => new()
    {
        Resolvers = resolvers.Select(r => new ResolverEndpoint(r)).ToList(),
        Timeout = TimeSpan.FromMilliseconds(400),
        Retries = 4,
    };

    private static async Task<List<DnsResult>> ResolveAllAsync(BulkResolverOptions options, IEnumerable<string> names)
    {
        await using var resolver = new BulkResolver(options);
        var results = new List<DnsResult>();
        await foreach (var result in resolver.ResolveAsync(names.ToAsyncEnumerable()))
        {
            results.Add(result);
        }
        return results;
    }

    /// <summary>Compares one result with the world's truth; returns a description of the difference, or null.</summary>
    private static string? Mismatch(DnsWorld world, DnsResult result)
    {
        var truth = world.Lookup(result.Name);
        var expected = truth.Rcode == DnsRcode.NxDomain ? DnsOutcome.Nxdomain
            : truth.Ipv4.Count + truth.Ipv6.Count > 0 ? DnsOutcome.Resolved
            : DnsOutcome.Nodata;
        var v4 = truth.Ipv4.Select(a => a.ToString()).Order(StringComparer.Ordinal);
        var v6 = truth.Ipv6.Select(a => a.ToString()).Order(StringComparer.Ordinal);
        if (result.Outcome != expected || !v4.SequenceEqual(result.Addresses4.Order(StringComparer.Ordinal))
            || !v6.SequenceEqual(result.Addresses6.Order(StringComparer.Ordinal)) || !truth.Chain.SequenceEqual(result.CnameChain))
        {
            return $"{result.Name}: expected {expected} [{string.Join(' ', v4.Concat(v6))}] chain [{string.Join(' ', truth.Chain)}], got {result.Outcome} [{string.Join(' ', result.Addresses4.Concat(result.Addresses6))}] chain [{string.Join(' ', result.CnameChain)}] {result.Error}";
        }
        return null;
    }

    private static void AssertExactlyTheTruth(DnsWorld world, IReadOnlyCollection<string> names, IReadOnlyList<DnsResult> results)
    {
        Assert.Equal(names.Count, results.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), results.Select(r => r.Name).Order(StringComparer.Ordinal)); // every name exactly once
        var wrong = results.Select(r => Mismatch(world, r)).Where(m => m is not null).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} wrong answers, e.g.\n{string.Join('\n', wrong.Take(10))}");
    }

    [Fact]
    public async Task Every_result_for_100000_names_served_by_knot_equals_the_zone_truth()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 11, NameCount = 100_000, ExistingFraction = 0.3, WildcardZone = "wild-lab.net" });
        await using var knot = await KnotServer.StartAsync(world, udpWorkers: 1);
        var names = world.Names().ToList();

        var results = await ResolveAllAsync(Options(knot.Endpoint) with { Timeout = TimeSpan.FromSeconds(1) }, names);

        AssertExactlyTheTruth(world, names, results);
        Assert.Contains(results, r => r.CnameChain.Count >= 2);
        Assert.Contains(results, r => r.Outcome == DnsOutcome.Resolved && r.Addresses4.Count == 0 && r.Addresses6.Count > 0);
        Assert.Contains(results, r => r.Name.EndsWith(".wild-lab.net", StringComparison.Ordinal) && r.Addresses4.Contains(world.WildcardAddress.ToString()));
    }

    [Fact]
    public async Task Retries_move_to_another_resolver_so_dropped_queries_still_end_in_a_full_correct_result()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 12, NameCount = 3_000 });
        await using var lossy = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.2"));
        await using var healthy = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.3"));
        lossy.DropRate = 0.4;
        // The lossy resolver must keep getting queries for the test to mean something: no benching here.
        var names = world.Names().ToList();

        var results = await ResolveAllAsync(Options(lossy.Endpoint, healthy.Endpoint) with { BenchAfterFailures = 1_000_000 }, names);

        AssertExactlyTheTruth(world, names, results);
        Assert.True(lossy.QueriesDropped > 20, $"only {lossy.QueriesDropped} queries were dropped");
        Assert.Contains(results, r => r.Attempts > 2);
    }

    [Fact]
    public async Task A_lossy_only_resolver_still_reaches_every_name_through_retries()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 13, NameCount = 1_000 });
        await using var lossy = LabDnsServer.Start(world);
        lossy.DropRate = 0.3;
        var names = world.Names().ToList();

        // 30 % loss and 13 attempts: a query fails for good with probability 0.3^13 ≈ 2e-7.
        var results = await ResolveAllAsync(Options(lossy.Endpoint) with { Retries = 12 }, names);

        AssertExactlyTheTruth(world, names, results);
    }

    [Theory]
    [InlineData(DnsRcode.ServFail, DnsOutcome.Servfail)]
    [InlineData(DnsRcode.Refused, DnsOutcome.Refused)]
    public async Task Servfail_and_refused_are_retried_elsewhere_and_reported_as_such_when_nothing_else_answers(DnsRcode rcode, DnsOutcome outcome)
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 14, NameCount = 300 });
        await using var broken = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.4"));
        await using var healthy = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.5"));
        broken.ForcedRcode = rcode;
        var names = world.Names().ToList();

        var rescued = await ResolveAllAsync(Options(broken.Endpoint, healthy.Endpoint) with { Strategy = ResolverStrategy.SequentialFailover }, names);
        var alone = await ResolveAllAsync(Options(broken.Endpoint) with { Retries = 2 }, names.Take(20));

        AssertExactlyTheTruth(world, names, rescued);
        Assert.All(alone, r => Assert.Equal((outcome, (DnsRcode?)rcode, 3), (r.Outcome, r.Rcode, r.Attempts / 2)));
    }

    [Fact]
    public async Task A_truncated_answer_is_fetched_again_over_tcp()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 15, NameCount = 2_000, BigTextShare = 0.05 });
        await using var lab = LabDnsServer.Start(world);
        var big = world.Names().Where(n => world.Lookup(n).Kind == DnsNameKind.BigText).Take(20).ToList();
        Assert.NotEmpty(big);

        var results = await ResolveAllAsync(Options(lab.Endpoint) with { RecordTypes = [DnsRecordType.TXT] }, big);
        var withoutTcp = await ResolveAllAsync(Options(lab.Endpoint) with { RecordTypes = [DnsRecordType.TXT], TcpFallback = false, Retries = 0 }, big.Take(1));

        Assert.All(results, r => Assert.Equal((DnsOutcome.Resolved, world.BigText), (r.Outcome, Assert.Single(r.Records).Data)));
        Assert.True(lab.TcpQueries >= big.Count);
        Assert.Equal(DnsOutcome.Error, Assert.Single(withoutTcp).Outcome);
    }

    [Fact]
    public async Task A_name_is_timeout_only_after_every_attempt_on_every_resolver_went_unanswered()
    {
        using var silentA = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        using var silentB = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silentA.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.6"), 0));
        silentB.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.7"), 0));

        var results = await ResolveAllAsync(
            Options((IPEndPoint)silentA.LocalEndPoint!, (IPEndPoint)silentB.LocalEndPoint!) with { Retries = 3, Timeout = TimeSpan.FromMilliseconds(100), RecordTypes = [DnsRecordType.A] },
            ["nothing.example.test", "nobody.example.test"]);

        Assert.All(results, r => Assert.Equal((DnsOutcome.Timeout, 4, (DnsRcode?)null), (r.Outcome, r.Attempts, r.Rcode)));
    }

    [Fact]
    public async Task The_global_rate_cap_holds()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 16, NameCount = 300 });
        await using var lab = LabDnsServer.Start(world);
        var clock = Stopwatch.StartNew();

        var results = await ResolveAllAsync(Options(lab.Endpoint) with { RecordTypes = [DnsRecordType.A], GlobalRate = new RateLimit(200, 20) }, world.Names());

        // 300 queries at 200/s with a burst of 20 need at least (300 - 20) / 200 = 1.4 s.
        Assert.Equal(300, results.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.3), $"took only {clock.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task Resolvers_of_one_rate_scope_share_the_global_cap()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 18, NameCount = 300 });
        await using var lab = LabDnsServer.Start(world);
        var options = Options(lab.Endpoint) with { RecordTypes = [DnsRecordType.A], GlobalRate = new RateLimit(200, 20), RateScope = "dns:shared-test" };
        var names = world.Names().ToList();
        var clock = Stopwatch.StartNew();

        var halves = await Task.WhenAll(ResolveAllAsync(options, names.Take(150)), ResolveAllAsync(options, names.Skip(150)));

        // 300 queries at 200/s with a burst of 20 need at least 1.4 s together; each resolver alone would need 0.65 s.
        Assert.Equal(300, halves.Sum(h => h.Count));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.3), $"took only {clock.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(0, Core.RateLimits.SharedRateLimiters.Holders("dns:shared-test", "dns-global:200/20"));
    }

    [Fact]
    public async Task Statistics_count_per_resolver_and_a_failing_resolver_is_benched()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 17, NameCount = 2_000 });
        await using var broken = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.8"));
        await using var healthy = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.9"));
        broken.ForcedRcode = DnsRcode.ServFail;
        await using var resolver = new BulkResolver(Options(broken.Endpoint, healthy.Endpoint) with { BenchAfterFailures = 5, BenchFor = TimeSpan.FromSeconds(30) });

        var count = 0;
        await foreach (var _ in resolver.ResolveAsync(world.Names().ToAsyncEnumerable()))
        {
            count++;
        }
        var stats = resolver.Statistics;

        Assert.Equal(2_000, count);
        var brokenStats = stats.Single(s => s.Resolver.StartsWith("127.0.0.8", StringComparison.Ordinal));
        var healthyStats = stats.Single(s => s.Resolver.StartsWith("127.0.0.9", StringComparison.Ordinal));
        Assert.True(brokenStats.Benched);
        Assert.True(brokenStats.ServFail is > 0 and < 100, $"the broken resolver got {brokenStats.ServFail} queries");
        Assert.True(healthyStats.Answered >= 4_000);
        Assert.True(healthyStats.AverageRttMs >= 0);
    }

    [Fact]
    public async Task The_portable_transport_gives_the_same_truth()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 18, NameCount = 3_000, ExistingFraction = 0.3 });
        await using var lab = LabDnsServer.Start(world);
        var names = world.Names().ToList();

        var results = await ResolveAllAsync(Options(lab.Endpoint) with { PortableTransport = true }, names);

        AssertExactlyTheTruth(world, names, results);
    }

    [Fact]
    public async Task A_run_left_early_leaves_the_resolver_ready_for_a_full_next_run()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 19, NameCount = 4_000, ExistingFraction = 0.3 });
        await using var lab = LabDnsServer.Start(world);
        lab.DropRate = 0.2; // queries still pending (and retries queued) when the first run is abandoned
        var names = world.Names().ToList();
        await using var resolver = new BulkResolver(Options(lab.Endpoint) with { Retries = 12, Timeout = TimeSpan.FromMilliseconds(200) });

        var first = 0;
        await foreach (var _ in resolver.ResolveAsync(names.ToAsyncEnumerable()))
        {
            if (++first == 500)
            {
                break;
            }
        }
        Assert.True(resolver.InFlight == 0, $"{resolver.InFlight} queries of the abandoned run still count as in flight");
        var second = new List<DnsResult>();
        await foreach (var result in resolver.ResolveAsync(names.ToAsyncEnumerable()))
        {
            second.Add(result);
        }

        AssertExactlyTheTruth(world, names, second);
    }
}
