using System.Text.Json.Nodes;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Auth;

public sealed class AdminTests
{
    [Fact]
    public async Task Only_admins_reach_the_user_administration_and_the_audit_log()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var user = await server.CreateUserAsync("user@example.test");

        var (users, usersProblem) = await user.SendAsync(HttpMethod.Get, "/api/v2/admin/users");
        var (audit, _) = await user.SendAsync(HttpMethod.Get, "/api/v2/audit");
        var (adminUsers, list) = await server.SendAsync(HttpMethod.Get, "/api/v2/admin/users");

        Assert.Equal((403, "admin_required"), (users, usersProblem["code"]!.GetValue<string>()));
        Assert.Equal(403, audit);
        Assert.Equal(200, adminUsers);
        Assert.Equal(["owner@example.test", "user@example.test"], list["items"]!.AsArray().Select(u => u!["email"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_created_user_signs_in_with_the_temporary_password_and_must_change_it_before_anything_else()
    {
        await using var server = await TestServer.StartAsync(workers: 0);

        var (created, body) = await server.SendAsync(HttpMethod.Post, "/api/v2/admin/users", new JsonObject { ["email"] = "New.Person@Example.test", ["displayName"] = "New Person" });
        var temporary = body["temporaryPassword"]!.GetValue<string>();
        using var person = await server.SignInAsync("new.person@example.test", temporary);
        var (blocked, problem) = await person.SendAsync(HttpMethod.Get, "/api/v2/campaigns");
        var (me, meBody) = await person.SendAsync(HttpMethod.Get, "/api/v2/auth/me");
        var (changed, _) = await person.SendAsync(HttpMethod.Post, "/api/v2/auth/change-password", new JsonObject { ["currentPassword"] = temporary, ["newPassword"] = "saffron-glacier-trumpet-64" });
        var (allowed, _) = await person.SendAsync(HttpMethod.Get, "/api/v2/campaigns");

        Assert.Equal(201, created);
        Assert.Equal(("user", true), (body["user"]!["role"]!.GetValue<string>(), body["user"]!["mustChangePassword"]!.GetValue<bool>()));
        Assert.Equal((403, "password_change_required"), (blocked, problem["code"]!.GetValue<string>()));
        Assert.Equal(200, me);
        Assert.True(meBody["user"]!["mustChangePassword"]!.GetValue<bool>());
        Assert.Equal((204, 200), (changed, allowed));
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_sessions_and_tokens_at_once_and_the_last_admin_stays()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var user = await server.CreateUserAsync("leaver@example.test");
        using var session = await server.SignInAsync("leaver@example.test");

        var (disabled, body) = await server.SendAsync(HttpMethod.Patch, $"/api/v2/admin/users/{user.UserId}", new JsonObject { ["active"] = false });
        var (selfDemote, problem) = await server.SendAsync(HttpMethod.Patch, $"/api/v2/admin/users/{server.Admin.UserId}", new JsonObject { ["role"] = "user" });
        var (login, _) = await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", new JsonObject { ["email"] = "leaver@example.test", ["password"] = TestServer.Password });

        Assert.Equal(200, disabled);
        Assert.False(body["active"]!.GetValue<bool>());
        Assert.Equal(401, (await user.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
        Assert.Equal(401, (await session.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
        Assert.Equal(401, login);
        Assert.Equal((409, "last_admin"), (selfDemote, problem["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_password_reset_ends_the_users_sessions_and_tokens_and_forces_a_change()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var user = await server.CreateUserAsync("forgetful@example.test");
        using var session = await server.SignInAsync("forgetful@example.test");
        Assert.Equal(200, (await user.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);

        var (reset, body) = await server.SendAsync(HttpMethod.Post, $"/api/v2/admin/users/{user.UserId}/reset-password", new JsonObject());
        using var again = await server.SignInAsync("forgetful@example.test", body["temporaryPassword"]!.GetValue<string>());

        Assert.Equal(200, reset);
        Assert.Equal(401, (await session.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
        Assert.Equal(401, (await user.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
        Assert.Equal("password_change_required", (await again.SendAsync(HttpMethod.Get, "/api/v2/campaigns")).Body["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_audit_log_records_who_did_what_from_where_and_filters_and_pages()
    {
        await using var server = await TestServer.StartAsync();
        using var browser = await server.SignInAsync(TestServer.DefaultAdminEmail);
        var id = await browser.CreateCampaignAsync(TestServer.PatternSpec("audited", 18));
        await browser.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        await server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed");
        await browser.SendAsync(HttpMethod.Delete, $"/api/v2/campaigns/{id}");
        await server.SendAsync(HttpMethod.Post, "/api/v2/admin/users", new JsonObject { ["email"] = "audited@example.test", ["role"] = "admin" });
        await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/logout");

        var all = (await server.SendAsync(HttpMethod.Get, "/api/v2/audit?limit=500")).Body["items"]!.AsArray();
        var (campaignStatus, campaignOnly) = await server.SendAsync(HttpMethod.Get, $"/api/v2/audit?action=campaign&targetId={id}");
        var firstPage = (await server.SendAsync(HttpMethod.Get, "/api/v2/audit?limit=2")).Body;
        var secondPage = (await server.SendAsync(HttpMethod.Get, $"/api/v2/audit?limit=2&cursor={firstPage["nextCursor"]}")).Body;
        var (badOutcome, _) = await server.SendAsync(HttpMethod.Get, "/api/v2/audit?outcome=maybe");

        Assert.Equal(
            ["auth.logout", "user.created", "campaign.deleted", "phase.started", "campaign.created", "auth.login"],
            all.Select(e => e!["action"]!.GetValue<string>()).ToArray());
        Assert.All(all, e => Assert.Equal(("127.0.0.1", TestServer.DefaultAdminEmail), (e!["ip"]!.GetValue<string>(), e["actorEmail"]!.GetValue<string>())));
        Assert.Equal(200, campaignStatus);
        Assert.Equal(["campaign.deleted", "campaign.created"], campaignOnly["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()));
        Assert.Equal(all.Skip(2).Take(2).Select(e => e!["id"]!.GetValue<long>()), secondPage["items"]!.AsArray().Select(e => e!["id"]!.GetValue<long>()));
        Assert.Equal(400, badOutcome);
    }
}
