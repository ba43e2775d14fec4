using System.Text.Json.Nodes;
using DomainFlow.Core.Users;
using DomainFlow.Store.Users;
using DomainFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DomainFlow.Server.Tests.Auth;

public sealed class TokenTests
{
    [Fact]
    public async Task A_token_is_shown_once_listed_without_its_secret_and_stops_working_when_revoked()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var browser = await server.SignInAsync(TestServer.DefaultAdminEmail);

        var (created, body) = await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/tokens", new JsonObject { ["name"] = "nightly export", ["scopes"] = new JsonArray("read"), ["expiresInDays"] = 30 });
        var secret = body["secret"]!.GetValue<string>();
        var id = body["token"]!["id"]!.GetValue<string>();
        using var script = new ApiClient(server.Url, secret);
        var (used, me) = await script.SendAsync(HttpMethod.Get, "/api/v2/auth/me");
        var list = (await browser.SendAsync(HttpMethod.Get, "/api/v2/auth/tokens")).Body.AsArray();
        var (revoked, _) = await browser.SendAsync(HttpMethod.Delete, $"/api/v2/auth/tokens/{id}");

        Assert.Equal(201, created);
        Assert.Equal((200, "token"), (used, me["authMethod"]!.GetValue<string>()));
        Assert.Null(me["csrfToken"]);
        var listed = list.Single(t => t!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("nightly export", listed["name"]!.GetValue<string>());
        Assert.DoesNotContain(secret, list.ToJsonString());
        Assert.StartsWith(listed["prefix"]!.GetValue<string>(), secret);
        Assert.Equal(204, revoked);
        Assert.Equal(401, (await script.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
    }

    [Fact]
    public async Task A_read_token_can_look_but_cannot_start_a_phase_or_change_anything()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var id = await server.CreateCampaignAsync(TestServer.PatternSpec("scoped", 18));
        var user = await server.Services.GetRequiredService<UserStore>().FindByEmailAsync(TestServer.DefaultAdminEmail);
        var (secret, _) = await server.Services.GetRequiredService<ApiTokenStore>().CreateAsync(user!.Id, "read only", [ApiTokenScope.Read], null);
        using var reader = new ApiClient(server.Url, secret);

        var (read, _) = await reader.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}");
        var (start, problem) = await reader.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        var (delete, _) = await reader.SendAsync(HttpMethod.Delete, $"/api/v2/campaigns/{id}");

        Assert.Equal(200, read);
        Assert.Equal((403, "insufficient_scope"), (start, problem["code"]!.GetValue<string>()));
        Assert.Equal(403, delete);
        Assert.Equal("configured", (await server.WaitForPhaseAsync(id, "generation", _ => true))["status"]!.GetValue<string>());
        var denied = (await server.SendAsync(HttpMethod.Get, "/api/v2/audit?action=access.denied")).Body["items"]!.AsArray();
        Assert.Contains(denied, e => e!["detail"]!.GetValue<string>() == $"insufficient_scope: POST /api/v2/campaigns/{id}/phases/generation/start");
    }

    [Fact]
    public async Task A_read_token_can_revoke_itself_but_no_other_token()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var user = await server.Services.GetRequiredService<UserStore>().FindByEmailAsync(TestServer.DefaultAdminEmail);
        var store = server.Services.GetRequiredService<ApiTokenStore>();
        var (readSecret, readToken) = await store.CreateAsync(user!.Id, "read only", [ApiTokenScope.Read], null);
        var (_, otherToken) = await store.CreateAsync(user.Id, "other", [ApiTokenScope.Read], null);
        using var reader = new ApiClient(server.Url, readSecret);

        var (other, problem) = await reader.SendAsync(HttpMethod.Delete, $"/api/v2/auth/tokens/{otherToken.Id}");
        var (itself, _) = await reader.SendAsync(HttpMethod.Delete, $"/api/v2/auth/tokens/{readToken.Id}");

        Assert.Equal((403, "insufficient_scope"), (other, problem["code"]!.GetValue<string>()));
        Assert.Equal(204, itself);
        Assert.Equal(401, (await reader.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
        var left = (await store.ListAsync(user.Id)).Select(t => t.Name).ToList();
        Assert.Contains("other", left);
        Assert.DoesNotContain("read only", left);
    }

    [Fact]
    public async Task A_token_cannot_mint_more_tokens()
    {
        await using var server = await TestServer.StartAsync(workers: 0);

        var (status, problem) = await server.Admin.SendAsync(HttpMethod.Post, "/api/v2/auth/tokens", new JsonObject { ["name"] = "child", ["scopes"] = new JsonArray("write") });

        Assert.Equal((403, "session_required"), (status, problem["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var user = await server.Services.GetRequiredService<UserStore>().FindByEmailAsync(TestServer.DefaultAdminEmail);
        var (secret, _) = await server.Services.GetRequiredService<ApiTokenStore>().CreateAsync(user!.Id, "old", [ApiTokenScope.Write], DateTimeOffset.UtcNow.AddSeconds(-1));
        using var client = new ApiClient(server.Url, secret);

        Assert.Equal(401, (await client.SendAsync(HttpMethod.Get, "/api/v2/campaigns")).Status);
    }

    [Fact]
    public async Task Token_requests_are_validated_field_by_field()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var browser = await server.SignInAsync(TestServer.DefaultAdminEmail);

        var (status, problem) = await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/tokens", new JsonObject { ["name"] = " ", ["scopes"] = new JsonArray(), ["expiresInDays"] = 0 });
        var (unknownScope, _) = await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/tokens", new JsonObject { ["name"] = "x", ["scopes"] = new JsonArray("admin") });

        Assert.Equal(400, status);
        Assert.Equal(["expiresInDays", "name", "scopes"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal(400, unknownScope);
        Assert.DoesNotContain((await browser.SendAsync(HttpMethod.Get, "/api/v2/auth/tokens")).Body.AsArray(), t => t!["name"]!.GetValue<string>() != "tests");
    }
}
