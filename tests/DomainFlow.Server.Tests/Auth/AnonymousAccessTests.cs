using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Auth;

/// <summary>Nothing is reachable without a reason: every operation the API documents refuses anonymous callers.</summary>
public sealed class AnonymousAccessTests
{
    /// <summary>The only operations a caller may use before signing in.</summary>
    private static readonly HashSet<string> Public =
    [
        "GET /api/v2/health",
        "GET /api/v2/ready",
        "POST /api/v2/auth/login",
        "GET /api/v2/auth/setup",
        "POST /api/v2/auth/setup",
    ];

    [Fact]
    public async Task Every_documented_operation_answers_401_problem_details_to_an_anonymous_caller()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var campaign = await server.CreateCampaignAsync(TestServer.PatternSpec("private", 18));
        var document = JsonNode.Parse(await server.Anonymous.Http.GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Method: op.Key.ToUpperInvariant(), Path: path.Key,
                // The body type the operation declares: endpoints are only matched for their own content type.
                ContentType: op.Value!["requestBody"]?["content"]?.AsObject().Select(c => c.Key).FirstOrDefault())))
            .ToList();
        var checkedCount = 0;

        foreach (var (method, template, contentType) in operations)
        {
            if (Public.Contains($"{method} {template}"))
            {
                continue;
            }
            // Real identifiers, so a missing check cannot hide behind a 404 for a made-up one.
            var path = template.Replace("{id}", campaign).Replace("{phase}", "generation")
                .Replace("{sessionId}", Guid.NewGuid().ToString()).Replace("{tokenId}", Guid.NewGuid().ToString()).Replace("{userId}", server.Admin.UserId.ToString());
            Assert.DoesNotContain("{", path);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (contentType is not null)
            {
                request.Content = new StringContent(contentType.Contains("json", StringComparison.Ordinal) ? "{}" : "example.com\n", System.Text.Encoding.UTF8, contentType);
            }
            using var response = await server.Anonymous.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}, not 401");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("authentication_required", problem["code"]!.GetValue<string>());
            checkedCount++;
        }

        Assert.True(checkedCount >= 25, $"only {checkedCount} protected operations were found in the document");
        Assert.Equal(5, operations.Count(o => Public.Contains($"{o.Method} {o.Path}")));
    }

    [Fact]
    public async Task Public_operations_stay_reachable_and_say_nothing_private()
    {
        await using var server = await TestServer.StartAsync(workers: 0);

        var (health, _) = await server.Anonymous.SendAsync(HttpMethod.Get, "/api/v2/health");
        var (ready, _) = await server.Anonymous.SendAsync(HttpMethod.Get, "/api/v2/ready");
        var (setup, setupBody) = await server.Anonymous.SendAsync(HttpMethod.Get, "/api/v2/auth/setup");

        Assert.Equal((200, 200, 200), (health, ready, setup));
        Assert.False(setupBody["required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Event_streams_refuse_anonymous_callers_too()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var socket = new ClientWebSocket();

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri($"ws://{server.Url.Authority}/api/v2/ws"), CancellationToken.None));
        var (sse, _) = await server.Anonymous.SendAsync(HttpMethod.Get, "/api/v2/events");

        Assert.Contains("401", refused.Message);
        Assert.Equal(401, sse);
    }

    [Fact]
    public async Task An_unknown_or_malformed_bearer_token_is_refused_like_none()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var forged = new ApiClient(server.Url, "dft_" + new string('A', 43));
        using var garbage = new ApiClient(server.Url, "not a token at all");

        Assert.Equal(401, (await forged.SendAsync(HttpMethod.Get, "/api/v2/campaigns")).Status);
        Assert.Equal(401, (await garbage.SendAsync(HttpMethod.Get, "/api/v2/campaigns")).Status);
    }
}
