using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Auth;

/// <summary>Campaigns belong to their creator: another user cannot tell them from campaigns that do not exist.</summary>
public sealed class OwnershipTests
{
    [Theory]
    [MemberData(nameof(TestServer.Engines), MemberType = typeof(TestServer))]
    public async Task Another_user_gets_404_on_every_route_of_a_campaign_they_do_not_own(string engine)
    {
        await using var server = await TestServer.StartAsync(engine);
        using var alice = await server.CreateUserAsync("alice@example.test");
        using var bob = await server.CreateUserAsync("bob@example.test");
        var id = await alice.CreateCampaignAsync(TestServer.PatternSpec("alice's", 18));
        await alice.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        await server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed");

        // Every operation on a campaign the document lists, so a route added later is checked too; delete last.
        var document = JsonNode.Parse(await server.Anonymous.Http.GetStringAsync("/openapi/v1.json"))!;
        var attempts = document["paths"]!.AsObject()
            .Where(path => path.Key.StartsWith("/api/v2/campaigns/{id}", StringComparison.Ordinal))
            .SelectMany(path => path.Value!.AsObject().Select(op => (Method: op.Key.ToUpperInvariant(), Template: path.Key,
                ContentType: op.Value!["requestBody"]?["content"]?.AsObject().Select(c => c.Key).FirstOrDefault())))
            .OrderBy(op => op.Method == "DELETE")
            .ToList();
        Assert.True(attempts.Count >= 14, $"only {attempts.Count} campaign operations in the document");
        foreach (var (method, template, contentType) in attempts)
        {
            var path = template.Replace("{id}", id).Replace("{phase}", "generation");
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (contentType is not null)
            {
                var body = path.EndsWith("/config", StringComparison.Ordinal) ? TestServer.PatternSpec("x", 5)["generation"]!.ToJsonString()
                    : method == "PATCH" ? new JsonObject { ["name"] = "mine now" }.ToJsonString()
                    : contentType.Contains("json", StringComparison.Ordinal) ? "{}" : "example.com\n";
                request.Content = new StringContent(body, Encoding.UTF8, contentType);
            }
            using var response = await bob.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == 404 && JsonNode.Parse(text)!["code"]!.GetValue<string>() == "not_found",
                $"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        var denied = (await server.SendAsync(HttpMethod.Get, $"/api/v2/audit?action=access.denied&targetId={id}&limit=100")).Body["items"]!.AsArray();
        Assert.Equal(attempts.Count, denied.Count); // each refusal is on record, with who tried
        Assert.All(denied, e => Assert.Equal(("bob@example.test", "failure"), (e!["actorEmail"]!.GetValue<string>(), e["outcome"]!.GetValue<string>())));
        Assert.DoesNotContain((await bob.SendAsync(HttpMethod.Get, "/api/v2/campaigns")).Body["items"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id);
        Assert.Equal("alice's", (await alice.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}")).Body["name"]!.GetValue<string>());
        Assert.Equal(200, (await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains")).Status); // admins see everything
        Assert.Contains((await server.SendAsync(HttpMethod.Get, "/api/v2/campaigns")).Body["items"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task The_all_campaigns_streams_carry_only_the_callers_own_events()
    {
        await using var server = await TestServer.StartAsync();
        using var alice = await server.CreateUserAsync("alice@example.test");
        using var bob = await server.CreateUserAsync("bob@example.test");
        var alices = await alice.CreateCampaignAsync(TestServer.PatternSpec("alice's", 18));
        // Another pattern: generation offsets are workspace-wide, so the same one would continue after Alice's names.
        var bobs = await bob.CreateCampaignAsync(TestServer.PatternSpec("bob's", 18, charset: "xyz"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var sse = await bob.SendRawAsync(HttpMethod.Get, "/api/v2/events", completion: HttpCompletionOption.ResponseHeadersRead, ct: timeout.Token);
        var events = System.Net.ServerSentEvents.SseParser.Create(await sse.Content.ReadAsStreamAsync(timeout.Token)).EnumerateAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {bob.Token}");
        await socket.ConnectAsync(new Uri($"ws://{server.Url.Authority}/api/v2/ws"), timeout.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"subscribe\",\"campaignId\":\"*\"}"), WebSocketMessageType.Text, true, timeout.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes($"{{\"type\":\"subscribe\",\"campaignId\":\"{alices}\"}}"), WebSocketMessageType.Text, true, timeout.Token);

        // Alice's campaign runs first and completes; then Bob's: every event Bob receives until his own completes must be his.
        await alice.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{alices}/phases/generation/start");
        await server.WaitForPhaseAsync(alices, "generation", p => p["status"]!.GetValue<string>() == "completed");
        await Task.Delay(EventPollerMargin);
        await bob.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{bobs}/phases/generation/start");

        var sseCampaigns = new List<string>();
        while (await events.MoveNextAsync())
        {
            var e = JsonNode.Parse(events.Current.Data)!;
            if (e["campaignId"] is { } campaign)
            {
                sseCampaigns.Add(campaign.GetValue<string>());
            }
            if (events.Current.EventType == "phase_completed")
            {
                break;
            }
        }
        var wsMessages = new List<JsonNode>();
        var buffer = new byte[64 * 1024];
        while (!wsMessages.Any(m => m["campaignId"]?.GetValue<string>() == bobs && m["phaseState"]?["status"]?.GetValue<string>() == "completed"))
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            wsMessages.Add(JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, received.Count))!);
        }

        Assert.NotEmpty(sseCampaigns);
        Assert.All(sseCampaigns, c => Assert.Equal(bobs, c));
        Assert.Contains(wsMessages, m => m["type"]!.GetValue<string>() == "error"); // subscribing to Alice's campaign by id
        Assert.All(wsMessages.Where(m => m["campaignId"] is not null), m => Assert.Equal(bobs, m["campaignId"]!.GetValue<string>()));
    }

    private static readonly TimeSpan EventPollerMargin = TimeSpan.FromMilliseconds(600);
}
