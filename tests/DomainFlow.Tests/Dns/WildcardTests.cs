using System.Net;
using DomainFlow.Core.Dns;
using DomainFlow.Server.Lab;

namespace DomainFlow.Tests.Dns;

public sealed class WildcardTests
{
    private static BulkResolverOptions Options(IPEndPoint resolver) => new()
    {
        Resolvers = [new ResolverEndpoint(resolver)],
        Timeout = TimeSpan.FromMilliseconds(400),
    };

    /// <summary>The in-process lab server, or Knot (a third-party authoritative server) serving the same world.</summary>
    private static async Task<(IPEndPoint Endpoint, IAsyncDisposable Server)> StartAsync(string server, DnsWorld world, IPAddress address)
    {
        if (server == "knot")
        {
            var knot = await DomainFlow.Testing.Dns.KnotServer.StartAsync(world, address: address);
            return (knot.Endpoint, knot);
        }
        var lab = LabDnsServer.Start(world, address);
        return (lab.Endpoint, lab);
    }

    [Theory]
    [InlineData("lab")]
    [InlineData("knot")]
    public async Task Names_answered_only_by_a_wildcard_are_marked_and_real_ones_are_not(string server)
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 31, NameCount = 2_000, WildcardZone = "wild-lab.net", WildcardShare = 0.1 });
        var (endpoint, running) = await StartAsync(server, world, IPAddress.Parse(server == "knot" ? "127.0.0.39" : "127.0.0.11"));
        await using var _ = running;
        var detector = new WildcardDetector(Options(endpoint));
        await using var resolver = new BulkResolver(Options(endpoint));

        var results = new List<DnsResult>();
        await foreach (var answer in resolver.ResolveAsync(world.Names().ToAsyncEnumerable()))
        {
            results.Add(await detector.ClassifyAsync(answer));
        }

        var underWildcard = results.Where(r => r.Name.EndsWith(".wild-lab.net", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(underWildcard);
        Assert.All(underWildcard, r => Assert.Equal(DnsOutcome.Wildcard, r.Outcome));
        Assert.Contains(results, r => r.Outcome == DnsOutcome.Resolved);
        Assert.All(results.Where(r => r.Outcome == DnsOutcome.Resolved), r => Assert.NotEqual(DnsNameKind.Wildcard, world.Lookup(r.Name).Kind));
        Assert.Equal("wild-lab.net", Assert.Single(detector.Wildcards).Zone);
    }

    [Fact]
    public async Task A_resolver_that_answers_names_which_cannot_exist_is_caught()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 32, NameCount = 10 });
        await using var honest = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.12"));
        await using var liar = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.13"));
        liar.LieAboutEverything = true;

        var verdicts = await ResolverHonesty.CheckAsync(new BulkResolverOptions
        {
            Resolvers = [new ResolverEndpoint(honest.Endpoint), new ResolverEndpoint(liar.Endpoint)],
            Timeout = TimeSpan.FromMilliseconds(400),
            Retries = 1,
        });

        Assert.False(verdicts.Single(v => Equals(v.Resolver.EndPoint, honest.Endpoint)).Lies);
        var caught = verdicts.Single(v => Equals(v.Resolver.EndPoint, liar.Endpoint));
        Assert.True(caught.Lies);
        Assert.Contains(liar.LieAddress.ToString(), caught.Evidence);
    }
}
