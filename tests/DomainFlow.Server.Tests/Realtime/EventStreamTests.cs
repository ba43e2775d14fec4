using System.Net.ServerSentEvents;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Realtime;

public sealed class EventStreamTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sse_sends_a_snapshot_then_started_progress_and_completed_events()
    {
        // Small batches on one worker make the run last a few seconds, long enough to see progress.
        await using var server = await TestServer.StartAsync(workers: 1, extra: ["--Jobs:BatchSize=10"]);
        var id = await server.CreateCampaignAsync(TestServer.PatternSpec("live", 150_000, charset: "abcdefghijklmnopqrstuvwxyz", length: 4));
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await server.Http.GetAsync($"/api/v2/campaigns/{id}/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        var events = SseParser.Create(stream).EnumerateAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("snapshot", events.Current.EventType);
        Assert.Equal(id, JsonNode.Parse(events.Current.Data)!["campaign"]!["id"]!.GetValue<string>());

        await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        var seen = new List<string>();
        var progressTimes = new List<DateTimeOffset>();
        long lastProcessed = -1;
        while (await events.MoveNextAsync())
        {
            var e = JsonNode.Parse(events.Current.Data)!;
            Assert.Equal(events.Current.EventType, e["type"]!.GetValue<string>());
            seen.Add(events.Current.EventType);
            if (events.Current.EventType == "phase_progress")
            {
                var processed = e["phaseState"]!["processed"]!.GetValue<long>();
                Assert.True(processed > lastProcessed);
                lastProcessed = processed;
                // The server's publish time, not our arrival time: a loaded machine may deliver events in bunches.
                progressTimes.Add(e["at"]!.GetValue<DateTimeOffset>());
            }
            if (events.Current.EventType == "phase_completed")
            {
                Assert.Equal(150_000, e["phaseState"]!["processed"]!.GetValue<long>());
                break;
            }
        }

        Assert.Equal("phase_started", seen[0]);
        Assert.True(seen.Count(t => t == "phase_progress") >= 2, string.Join(",", seen));
        Assert.Equal("phase_completed", seen[^1]);
        // Coalesced: never more than 4 progress events per second per phase (with a little jitter).
        for (var i = 4; i < progressTimes.Count; i++)
        {
            Assert.True(progressTimes[i] - progressTimes[i - 4] > TimeSpan.FromMilliseconds(990), "more than 4 progress events in a second");
        }
    }

    [Fact]
    public async Task The_all_campaigns_stream_reports_deletions()
    {
        await using var server = await TestServer.StartAsync();
        var id = await server.CreateCampaignAsync(TestServer.PatternSpec("doomed", 4));
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await server.Http.GetAsync("/api/v2/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        var events = SseParser.Create(stream).EnumerateAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("keepalive", events.Current.EventType); // nothing active to snapshot

        await server.SendAsync(HttpMethod.Delete, $"/api/v2/campaigns/{id}");

        Assert.True(await events.MoveNextAsync());
        Assert.Equal("campaign_deleted", events.Current.EventType);
        Assert.Equal(id, JsonNode.Parse(events.Current.Data)!["campaignId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stream_for_an_unknown_campaign_is_a_404_problem()
    {
        await using var server = await TestServer.StartAsync();

        var (status, problem) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{Guid.NewGuid()}/events");

        Assert.Equal((404, "not_found"), (status, problem["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task WebSocket_clients_subscribe_and_get_the_same_payloads()
    {
        await using var server = await TestServer.StartAsync();
        var id = await server.CreateCampaignAsync(TestServer.PatternSpec("ws", 18));
        using var timeout = new CancellationTokenSource(Patience);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {server.Admin.Token}");
        await socket.ConnectAsync(new Uri($"ws://{server.Url.Authority}/api/v2/ws"), timeout.Token);

        await SendAsync(socket, "{\"type\":\"subscribe\",\"campaignId\":\"nonsense\"}", timeout.Token);
        var error = await ReceiveAsync(socket, timeout.Token);
        await SendAsync(socket, $"{{\"type\":\"subscribe\",\"campaignId\":\"{id}\"}}", timeout.Token);
        var snapshot = await ReceiveAsync(socket, timeout.Token);
        await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        var types = new List<string>();
        while (!types.Contains("phase_completed"))
        {
            types.Add((await ReceiveAsync(socket, timeout.Token))["type"]!.GetValue<string>());
        }

        Assert.Equal("error", error["type"]!.GetValue<string>());
        Assert.Equal(("snapshot", id), (snapshot["type"]!.GetValue<string>(), snapshot["campaign"]!["id"]!.GetValue<string>()));
        Assert.Equal("phase_started", types[0]);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
    }

    private static Task SendAsync(ClientWebSocket socket, string text, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct);

    private static async Task<JsonNode> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, ct);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!;
    }
}
