using System.Net.ServerSentEvents;
using System.Net.WebSockets;
using DomainFlow.Server.Auth;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Auth;

/// <summary>Signing out also ends the event streams opened before, not only the next request.</summary>
public sealed class StreamRevocationTests
{
    private static readonly TimeSpan Patience = StreamAuthorization.Interval * 3;

    [Fact]
    public async Task Logout_ends_an_open_server_sent_events_stream()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var browser = await server.SignInAsync(TestServer.DefaultAdminEmail);
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await browser.SendRawAsync(HttpMethod.Get, "/api/v2/events", completion: HttpCompletionOption.ResponseHeadersRead, ct: timeout.Token);
        var events = SseParser.Create(await response.Content.ReadAsStreamAsync(timeout.Token)).EnumerateAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await events.MoveNextAsync());

        await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/logout");
        var received = new List<string>();
        while (await events.MoveNextAsync())
        {
            received.Add(events.Current.EventType);
        }

        Assert.All(received, t => Assert.Equal("keepalive", t)); // the stream ended by itself, before the timeout
    }

    [Fact]
    public async Task Demoting_an_admin_ends_the_stream_that_was_showing_every_users_events()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var deputy = await server.CreateUserAsync("deputy@example.test", Core.Users.UserRole.Admin);
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await deputy.SendRawAsync(HttpMethod.Get, "/api/v2/events", completion: HttpCompletionOption.ResponseHeadersRead, ct: timeout.Token);
        var events = SseParser.Create(await response.Content.ReadAsStreamAsync(timeout.Token)).EnumerateAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await events.MoveNextAsync());

        var (demoted, _) = await server.SendAsync(HttpMethod.Patch, $"/api/v2/admin/users/{deputy.UserId}", new System.Text.Json.Nodes.JsonObject { ["role"] = "user" });
        var received = new List<string>();
        while (await events.MoveNextAsync())
        {
            received.Add(events.Current.EventType);
        }

        Assert.Equal(200, demoted);
        Assert.All(received, t => Assert.Equal("keepalive", t)); // ended by itself, before the timeout
    }

    [Fact]
    public async Task Revoking_a_token_closes_its_websocket()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var script = await server.CreateUserAsync("script@example.test");
        using var timeout = new CancellationTokenSource(Patience);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {script.Token}");
        await socket.ConnectAsync(new Uri($"ws://{server.Url.Authority}/api/v2/ws"), timeout.Token);
        var tokenId = (await script.SendAsync(HttpMethod.Get, "/api/v2/auth/tokens")).Body[0]!["id"]!.GetValue<string>();

        await script.SendAsync(HttpMethod.Delete, $"/api/v2/auth/tokens/{tokenId}");
        var buffer = new byte[4096];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
        }
        while (result.MessageType != WebSocketMessageType.Close);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, result.CloseStatus);
    }
}
