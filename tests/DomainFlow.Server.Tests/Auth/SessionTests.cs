using System.Net;
using System.Text.Json.Nodes;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Auth;

public sealed class SessionTests
{
    [Fact]
    public async Task Login_sets_an_HttpOnly_SameSite_Strict_session_cookie_and_me_describes_the_session()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var browser = new ApiClient(server.Url, null);

        using var response = await browser.SendRawAsync(HttpMethod.Post, "/api/v2/auth/login", new JsonObject { ["email"] = "OWNER@example.test", ["password"] = TestServer.Password });
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("df_session=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here; see HttpsTests
        Assert.Equal(("session", "admin"), (me["authMethod"]!.GetValue<string>(), me["user"]!["role"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(me["csrfToken"]!.GetValue<string>()));
        Assert.DoesNotContain("passwordHash", me.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_cookie_authenticated_unsafe_request_needs_the_csrf_token_and_a_bearer_request_does_not()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var browser = await server.SignInAsync(TestServer.DefaultAdminEmail);
        var csrf = browser.CsrfToken;
        var spec = TestServer.PatternSpec("csrf", 18);

        browser.CsrfToken = null;
        var (missing, missingProblem) = await browser.SendAsync(HttpMethod.Post, "/api/v2/campaigns", spec);
        browser.CsrfToken = "forged";
        var (forged, _) = await browser.SendAsync(HttpMethod.Post, "/api/v2/campaigns", spec);
        var (read, _) = await browser.SendAsync(HttpMethod.Get, "/api/v2/campaigns");
        browser.CsrfToken = csrf;
        var (allowed, _) = await browser.SendAsync(HttpMethod.Post, "/api/v2/campaigns", spec);
        var (bearer, _) = await server.Admin.SendAsync(HttpMethod.Post, "/api/v2/campaigns", spec);

        Assert.Equal((403, "csrf_token_invalid"), (missing, missingProblem["code"]!.GetValue<string>()));
        Assert.Equal(403, forged);
        Assert.Equal(200, read);
        Assert.Equal(201, allowed);
        Assert.Equal(201, bearer);
        Assert.Equal(2, (await server.SendAsync(HttpMethod.Get, "/api/v2/campaigns")).Body["items"]!.AsArray().Count);
        browser.Dispose();
    }

    [Fact]
    public async Task Logout_ends_the_session_at_once_and_logout_all_ends_every_session_of_the_user()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var first = await server.SignInAsync(TestServer.DefaultAdminEmail);
        using var second = await server.SignInAsync(TestServer.DefaultAdminEmail);
        using var third = await server.SignInAsync(TestServer.DefaultAdminEmail);

        var (sessions, list) = await first.SendAsync(HttpMethod.Get, "/api/v2/auth/sessions");
        var (logout, _) = await first.SendAsync(HttpMethod.Post, "/api/v2/auth/logout");
        var (afterLogout, _) = await first.SendAsync(HttpMethod.Get, "/api/v2/auth/me");
        var (secondStill, _) = await second.SendAsync(HttpMethod.Get, "/api/v2/auth/me");
        var (logoutAll, _) = await second.SendAsync(HttpMethod.Post, "/api/v2/auth/logout-all");

        Assert.Equal(200, sessions);
        Assert.Equal(3, list.AsArray().Count);
        Assert.Single(list.AsArray(), s => s!["current"]!.GetValue<bool>());
        Assert.Equal((204, 401, 200, 204), (logout, afterLogout, secondStill, logoutAll));
        Assert.Equal(401, (await second.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
        Assert.Equal(401, (await third.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
        Assert.Equal(200, (await server.Admin.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status); // API tokens are not sessions
    }

    [Fact]
    public async Task A_revoked_session_stops_working_on_its_next_request()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var laptop = await server.SignInAsync(TestServer.DefaultAdminEmail);
        using var phone = await server.SignInAsync(TestServer.DefaultAdminEmail);
        var phoneSession = (await phone.SendAsync(HttpMethod.Get, "/api/v2/auth/sessions")).Body.AsArray().First(s => s!["current"]!.GetValue<bool>())!["id"]!.GetValue<string>();

        var (revoked, _) = await laptop.SendAsync(HttpMethod.Delete, $"/api/v2/auth/sessions/{phoneSession}");
        var (again, _) = await laptop.SendAsync(HttpMethod.Delete, $"/api/v2/auth/sessions/{phoneSession}");

        Assert.Equal((204, 404), (revoked, again));
        Assert.Equal(401, (await phone.SendAsync(HttpMethod.Get, "/api/v2/campaigns")).Status);
        Assert.Equal(200, (await laptop.SendAsync(HttpMethod.Get, "/api/v2/campaigns")).Status);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_the_other_sessions()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var here = await server.SignInAsync(TestServer.DefaultAdminEmail);
        using var elsewhere = await server.SignInAsync(TestServer.DefaultAdminEmail);
        const string newPassword = "velvet-harbor-compass-37";

        var (wrong, wrongBody) = await here.SendAsync(HttpMethod.Post, "/api/v2/auth/change-password", new JsonObject { ["currentPassword"] = "not-it-at-all-123", ["newPassword"] = newPassword });
        var (weak, weakBody) = await here.SendAsync(HttpMethod.Post, "/api/v2/auth/change-password", new JsonObject { ["currentPassword"] = TestServer.Password, ["newPassword"] = "password1234" });
        var (changed, _) = await here.SendAsync(HttpMethod.Post, "/api/v2/auth/change-password", new JsonObject { ["currentPassword"] = TestServer.Password, ["newPassword"] = newPassword });

        Assert.Equal(400, wrong);
        Assert.NotNull(wrongBody["errors"]!["currentPassword"]);
        Assert.Equal(400, weak);
        Assert.Contains("common", weakBody["errors"]!["newPassword"]![0]!.GetValue<string>());
        Assert.Equal(204, changed);
        Assert.Equal(200, (await here.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
        Assert.Equal(401, (await elsewhere.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
        Assert.Equal(401, (await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", new JsonObject { ["email"] = TestServer.DefaultAdminEmail, ["password"] = TestServer.Password })).Status);
        using var fresh = await server.SignInAsync(TestServer.DefaultAdminEmail, newPassword);
        Assert.Equal(200, (await fresh.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
    }

    [Fact]
    public async Task A_session_cookie_replayed_from_another_browser_is_refused_and_audited()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var victim = await server.SignInAsync(TestServer.DefaultAdminEmail);
        var cookie = victim.Cookies.GetCookies(server.Url)["df_session"]!.Value;
        using var thief = new HttpClient { BaseAddress = server.Url };
        thief.DefaultRequestHeaders.Add("Cookie", $"df_session={cookie}");
        thief.DefaultRequestHeaders.UserAgent.ParseAdd("EvilBrowser/1.0");

        using var stolen = await thief.GetAsync("/api/v2/auth/me");
        var (audit, entries) = await server.SendAsync(HttpMethod.Get, "/api/v2/audit?action=auth.session_rejected");

        Assert.Equal(HttpStatusCode.Unauthorized, stolen.StatusCode);
        Assert.Equal(200, audit);
        Assert.Equal("user_agent_changed", entries["items"]![0]!["detail"]!.GetValue<string>());
        Assert.Equal(401, (await victim.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status); // the session is ended, not just this request
    }

    [Fact]
    public async Task An_idle_session_expires()
    {
        await using var server = await TestServer.StartAsync(workers: 0, extra: "--Auth:SessionIdleTimeout=00:00:01");
        using var browser = await server.SignInAsync(TestServer.DefaultAdminEmail);

        var (fresh, _) = await browser.SendAsync(HttpMethod.Get, "/api/v2/auth/me");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var (idle, _) = await browser.SendAsync(HttpMethod.Get, "/api/v2/auth/me");

        Assert.Equal((200, 401), (fresh, idle));
    }
}
