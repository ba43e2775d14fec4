using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using Dapper;
using DomainFlow.Server.Hosting;
using DomainFlow.Testing;
using Npgsql;

namespace DomainFlow.Server.Tests.Realtime;

public sealed class MultiNodeTests
{
    [Fact]
    public async Task Worker_nodes_on_one_postgres_share_the_shards_and_an_api_only_node_streams_their_progress()
    {
        await using var api = await TestServer.StartAsync("postgres", workers: 0);
        await using var nodeA = await api.StartNodeAsync(workers: 1, "--Jobs:BatchSize=100");
        await using var nodeB = await api.StartNodeAsync(workers: 1, "--Jobs:BatchSize=100");
        var id = await api.CreateCampaignAsync(TestServer.PatternSpec("multi", 100_000, charset: "abcdefghijklmnopqrstuvwxyz", length: 4));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await api.Http.GetAsync($"/api/v2/campaigns/{id}/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        var events = SseParser.Create(stream).EnumerateAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await events.MoveNextAsync());

        var (status, _) = await api.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        var seen = new List<string>();
        while (await events.MoveNextAsync())
        {
            seen.Add(events.Current.EventType);
            if (events.Current.EventType == "phase_completed")
            {
                Assert.Equal(100_000, JsonNode.Parse(events.Current.Data)!["phaseState"]!["processed"]!.GetValue<long>());
                break;
            }
        }

        Assert.Equal(200, status);
        Assert.Contains("phase_progress", seen);
        await using var db = new NpgsqlConnection(api.PostgresConnectionString);
        var owners = (await db.QueryAsync<string>("SELECT DISTINCT split_part(lease_owner, '/', 1) FROM jobs")).ToHashSet();
        Assert.Equal(
            new HashSet<string> { nodeA.Services.GetRequiredService<NodeIdentity>().Id, nodeB.Services.GetRequiredService<NodeIdentity>().Id },
            owners);
        Assert.Equal(100_000, await db.ExecuteScalarAsync<long>("SELECT count(DISTINCT ordinal) FROM domains"));
    }
}
