using System.Net;
using DomainFlow.Core.Dns;
using DomainFlow.Server.Lab;
using DomainFlow.Testing.Dns;

namespace DomainFlow.Tests.Dns;

public sealed class LabDnsServerTests
{
    [Fact]
    public async Task The_lab_server_answers_the_truth_of_its_world_with_whole_cname_chains()
    {
        var world = WorldSample.World();
        await using var server = LabDnsServer.Start(world);
        using var client = new LoopbackDnsClient(server.Endpoint);

        WorldSample.AssertServesTruth(client, world, WorldSample.Names(world, stride: 7), followAcrossZones: false);
        Assert.Equal((server.QueriesReceived, 0), (server.QueriesAnswered, server.QueriesDropped));
    }

    [Fact]
    public async Task A_big_txt_answer_is_truncated_over_udp_with_or_without_edns_and_whole_over_tcp()
    {
        var world = WorldSample.World(names: 2_000);
        var name = world.Names().First(n => world.Lookup(n).Text is not null);
        await using var server = LabDnsServer.Start(world);
        using var client = new LoopbackDnsClient(server.Endpoint);

        var withEdns = client.Query(name, DnsRecordType.TXT, ednsPayload: 1232);
        var withoutEdns = client.Query(name, DnsRecordType.TXT, ednsPayload: 0);
        var tcp = await client.QueryTcpAsync(name, DnsRecordType.TXT);

        Assert.Equal((true, 0), (withEdns?.Header.Truncated, withEdns?.Header.AnswerCount));
        Assert.Equal((true, 0), (withoutEdns?.Header.Truncated, withoutEdns?.Header.AnswerCount));
        Assert.Equal([world.BigText], tcp.Data(DnsRecordType.TXT));
        Assert.Equal((2, 1), (server.AnswersTruncated, server.TcpQueries));
    }

    [Fact]
    public async Task An_answer_larger_than_512_bytes_fits_when_the_client_offers_a_larger_edns_size()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 11, NameCount = 2_000, BigTextLength = 800 });
        var name = world.Names().First(n => world.Lookup(n).Text is not null);
        await using var server = LabDnsServer.Start(world);
        using var client = new LoopbackDnsClient(server.Endpoint);

        var classic = client.Query(name, DnsRecordType.TXT, ednsPayload: 0);
        var edns = client.Query(name, DnsRecordType.TXT, ednsPayload: 1232);

        Assert.True(classic?.Header.Truncated);
        Assert.False(edns?.Header.Truncated);
        Assert.Equal([world.BigText], edns?.Data(DnsRecordType.TXT));
    }

    [Fact]
    public async Task With_a_drop_rate_of_one_half_about_half_the_udp_queries_go_unanswered()
    {
        var world = WorldSample.World(names: 2_000);
        await using var server = LabDnsServer.Start(world);
        server.DropRate = 0.5;
        using var client = new LoopbackDnsClient(server.Endpoint);
        const int Sent = 2_000, Batch = 200;

        var answered = 0;
        for (var sent = 0; sent < Sent;)
        {
            // Batches keep the answers in flight well inside the client socket's receive buffer.
            for (var end = sent + Batch; sent < end; sent++)
            {
                client.Send(world.NameAt(sent), DnsRecordType.A);
            }
            answered = Drain(client, server, sent, answered);
        }

        Assert.Equal((Sent, Sent - server.QueriesDropped), (server.QueriesReceived, server.QueriesAnswered));
        Assert.Equal(server.QueriesAnswered, answered);
        Assert.InRange(server.QueriesDropped, Sent * 0.45, Sent * 0.55);
    }

    [Theory]
    [InlineData(DnsRcode.ServFail)]
    [InlineData(DnsRcode.Refused)]
    public async Task A_forced_rcode_answers_every_query_with_that_rcode_and_no_records(DnsRcode rcode)
    {
        var world = WorldSample.World(names: 2_000);
        await using var server = LabDnsServer.Start(world);
        using var client = new LoopbackDnsClient(server.Endpoint);
        var existing = world.Names().First(n => world.Lookup(n).Ipv4.Count > 0);
        server.ForcedRcode = rcode;

        var replies = new[] { existing, "no-such-label." + world.Zones[0] }.Select(name => client.Query(name, DnsRecordType.A)).ToList();

        Assert.All(replies, reply => Assert.Equal((rcode, 0), (reply?.Rcode, reply?.Header.AnswerCount)));
    }

    [Fact]
    public async Task A_lying_server_gives_its_address_for_any_random_label_but_the_truth_for_real_names()
    {
        var world = WorldSample.World(names: 2_000);
        await using var server = LabDnsServer.Start(world);
        server.LieAboutEverything = true;
        using var client = new LoopbackDnsClient(server.Endpoint);
        var existing = world.Names().First(n => world.Lookup(n) is { Kind: DnsNameKind.Address, Ipv4.Count: 1 });
        var random = $"r{Guid.NewGuid():N}.{world.Zones[1]}";

        var lie = client.Query(random, DnsRecordType.A);
        var truth = client.Query(existing, DnsRecordType.A);

        Assert.Equal(DnsRcode.NoError, lie?.Rcode);
        Assert.Equal(["127.66.66.66"], lie?.Data(DnsRecordType.A));
        Assert.Equal([world.Lookup(existing).Ipv4[0].ToString()], truth?.Data(DnsRecordType.A));
    }

    [Fact]
    public void The_lab_server_refuses_to_listen_beyond_loopback()
    {
        var world = WorldSample.World(names: 10);

        Assert.Throws<ArgumentException>(() => LabDnsServer.Start(world, IPAddress.Any));
        Assert.Throws<ArgumentException>(() => LabDnsServer.Start(world, IPAddress.IPv6Loopback));
    }

    /// <summary>Receives until the server has read <paramref name="sent"/> queries and the client holds every answer sent.</summary>
    private static int Drain(LoopbackDnsClient client, LabDnsServer server, int sent, int answered)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            if (client.TryReceive(TimeSpan.FromMilliseconds(50)) is not null)
            {
                answered++;
            }
            else if (server.QueriesReceived == sent && answered == server.QueriesAnswered)
            {
                break; // quiet for 50 ms with the counts settled: nothing is in flight
            }
        }
        return answered;
    }
}
