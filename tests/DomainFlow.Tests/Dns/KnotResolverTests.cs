using DomainFlow.Core.Dns;
using DomainFlow.Server.Lab;
using DomainFlow.Testing.Dns;

namespace DomainFlow.Tests.Dns;

/// <summary>The bulk resolver's truncation and record-type paths against Knot, a third-party authoritative server (wildcards: WildcardTests).</summary>
public sealed class KnotResolverTests
{
    private static BulkResolverOptions Options(KnotServer knot) => new()
    {
        Resolvers = [new ResolverEndpoint(knot.Endpoint)],
        Timeout = TimeSpan.FromMilliseconds(400),
        Retries = 3,
    };

    private static async Task<(List<DnsResult> Results, IReadOnlyList<ResolverStatistics> Statistics)> ResolveAsync(BulkResolverOptions options, IEnumerable<string> names)
    {
        await using var resolver = new BulkResolver(options);
        var results = new List<DnsResult>();
        await foreach (var result in resolver.ResolveAsync(names.ToAsyncEnumerable()))
        {
            results.Add(result);
        }
        return (results, resolver.Statistics);
    }

    [Fact]
    public async Task A_txt_answer_knot_truncates_over_udp_is_fetched_whole_over_tcp()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 41, NameCount = 2_000, BigTextShare = 0.05 });
        await using var knot = await KnotServer.StartAsync(world);
        var big = world.Names().Where(n => world.Lookup(n).Kind == DnsNameKind.BigText).Take(20).ToList();
        Assert.NotEmpty(big);

        var (results, statistics) = await ResolveAsync(Options(knot) with { RecordTypes = [DnsRecordType.TXT] }, big);

        Assert.Equal(big.Count, results.Count);
        Assert.All(results, r => Assert.Equal((DnsOutcome.Resolved, world.BigText), (r.Outcome, Assert.Single(r.Records).Data)));
        Assert.True(Assert.Single(statistics).Truncated >= big.Count);
    }

    [Fact]
    public async Task Mx_and_ns_records_are_asked_for_when_the_persona_lists_them()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 43, NameCount = 200 });
        await using var knot = await KnotServer.StartAsync(world);
        var apexes = world.AllZones;

        var (results, _) = await ResolveAsync(Options(knot) with { RecordTypes = [DnsRecordType.MX, DnsRecordType.NS] }, apexes);

        Assert.Equal(apexes.Count, results.Count);
        Assert.All(results, r =>
        {
            Assert.Contains(r.Records, x => x.Type == DnsRecordType.MX && x.Data.Contains("mail.lab.invalid", StringComparison.Ordinal));
            Assert.Contains(r.Records, x => x.Type == DnsRecordType.NS && x.Data.Contains("ns.lab.invalid", StringComparison.Ordinal));
        });
    }
}
