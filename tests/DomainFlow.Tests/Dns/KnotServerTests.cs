using DomainFlow.Core.Dns;
using DomainFlow.Testing.Dns;

namespace DomainFlow.Tests.Dns;

/// <summary>
/// Knot, a real third-party authoritative server, serves the generated world's zone files: proof that the files
/// and the truth the lab tells agree, so resolver tests against Knot and against the lab check the same facts.
/// </summary>
public sealed class KnotServerTests
{
    [Fact]
    public async Task Knot_serves_exactly_the_truth_of_a_generated_world()
    {
        var world = WorldSample.World();
        await using var knot = await KnotServer.StartAsync(world);
        using var client = new LoopbackDnsClient(knot.Endpoint);

        WorldSample.AssertServesTruth(client, world, WorldSample.Names(world, stride: 7), followAcrossZones: true);
    }

    [Fact]
    public async Task Knot_truncates_the_big_txt_answer_over_udp_and_gives_it_whole_over_tcp()
    {
        var world = WorldSample.World(names: 2_000);
        var name = world.Names().First(n => world.Lookup(n).Text is not null);
        await using var knot = await KnotServer.StartAsync(world);
        using var client = new LoopbackDnsClient(knot.Endpoint);

        var udp = client.Query(name, DnsRecordType.TXT);
        var tcp = await client.QueryTcpAsync(name, DnsRecordType.TXT);

        Assert.Equal((true, 0), (udp?.Header.Truncated, udp?.Header.AnswerCount));
        Assert.Equal([world.BigText], tcp.Data(DnsRecordType.TXT));
    }
}
