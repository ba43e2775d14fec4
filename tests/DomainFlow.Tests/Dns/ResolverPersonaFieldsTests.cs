using System.Diagnostics;
using System.Net;
using DomainFlow.Core.Dns;
using DomainFlow.Server.Lab;

namespace DomainFlow.Tests.Dns;

/// <summary>Each DNS persona field the engine applies, observed on real lab servers: strategies, rates, jitter, EDNS.</summary>
public sealed class ResolverPersonaFieldsTests
{
    private static BulkResolverOptions Options(params (IPEndPoint EndPoint, int Weight)[] resolvers) => new()
    {
        Resolvers = [.. resolvers.Select(r => new ResolverEndpoint(r.EndPoint, r.Weight))],
        RecordTypes = [DnsRecordType.A],
        Timeout = TimeSpan.FromMilliseconds(400),
        Retries = 2,
    };

    private static async Task<(int Results, Dictionary<string, ResolverStatistics> Statistics)> RunAsync(BulkResolverOptions options, IEnumerable<string> names)
    {
        await using var resolver = new BulkResolver(options);
        var count = 0;
        await foreach (var _ in resolver.ResolveAsync(names.ToAsyncEnumerable()))
        {
            count++;
        }
        return (count, resolver.Statistics.ToDictionary(s => s.Resolver));
    }

    private static string Key(LabDnsServer server) => new ResolverEndpoint(server.Endpoint).ToString();

    [Theory]
    [InlineData(ResolverStrategy.RoundRobin, 0.45, 0.55)]
    [InlineData(ResolverStrategy.Random, 0.35, 0.65)]
    [InlineData(ResolverStrategy.Weighted, 0.15, 0.35)] // weights 1 : 3 give the first a quarter
    [InlineData(ResolverStrategy.SequentialFailover, 1.0, 1.0)] // the first while it answers
    public async Task The_strategy_decides_how_queries_spread_over_the_resolvers(ResolverStrategy strategy, double minShare, double maxShare)
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 51, NameCount = 2_000 });
        await using var first = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.31"));
        await using var second = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.32"));

        var (results, statistics) = await RunAsync(Options((first.Endpoint, 1), (second.Endpoint, 3)) with { Strategy = strategy }, world.Names());

        Assert.Equal(2_000, results);
        var sent = statistics[Key(first)].Sent + statistics[Key(second)].Sent;
        var share = (double)statistics[Key(first)].Sent / sent;
        Assert.InRange(share, minShare, maxShare);
    }

    [Fact]
    public async Task The_per_resolver_rate_caps_each_resolver_on_its_own()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 52, NameCount = 300 });
        await using var first = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.33"));
        await using var second = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.34"));
        var clock = Stopwatch.StartNew();

        var (results, statistics) = await RunAsync(Options((first.Endpoint, 1), (second.Endpoint, 1)) with { PerResolverRate = new RateLimit(100, 10) }, world.Names());

        // 300 queries over two resolvers at 100/s each with a burst of 10 need at least (300 - 20) / 200 = 1.4 s.
        Assert.Equal(300, results);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.3), $"took only {clock.Elapsed.TotalSeconds:F2} s");
        Assert.All(statistics.Values, s => Assert.InRange(s.Sent, 120, 180));
    }

    [Fact]
    public async Task Jitter_spaces_the_queries_out()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 53, NameCount = 20 });
        await using var lab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.35"));
        var clock = Stopwatch.StartNew();

        var (results, _) = await RunAsync(Options((lab.Endpoint, 1)) with { JitterMin = TimeSpan.FromMilliseconds(25), JitterMax = TimeSpan.FromMilliseconds(30) }, world.Names());

        // 20 queries with at least 25 ms between them take at least 19 × 25 ms.
        Assert.Equal(20, results);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(450), $"took only {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Theory]
    [InlineData(true, 1232, false)] // the 800-byte answer fits the offered size: UDP only
    [InlineData(true, 512, true)]
    [InlineData(false, 1232, true)] // no EDNS: the classic 512-byte limit
    public async Task The_edns_payload_size_decides_whether_an_answer_needs_tcp(bool edns, int payload, bool truncated)
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 54, NameCount = 2_000, BigTextShare = 0.05, BigTextLength = 800 });
        await using var lab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.36"));
        var big = world.Names().Where(n => world.Lookup(n).Kind == DnsNameKind.BigText).Take(10).ToList();

        var (results, statistics) = await RunAsync(Options((lab.Endpoint, 1)) with { RecordTypes = [DnsRecordType.TXT], Edns = edns, EdnsPayload = payload }, big);

        Assert.Equal(big.Count, results);
        Assert.Equal(truncated ? big.Count : 0, statistics[Key(lab)].Truncated);
        Assert.Equal(truncated ? big.Count : 0, lab.TcpQueries);
    }
}
