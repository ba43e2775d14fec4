using System.Diagnostics;
using System.Text.Json.Nodes;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Auth;

public sealed class LoginProtectionTests
{
    private static JsonObject Credentials(string email, string password) => new() { ["email"] = email, ["password"] = password };

    [Fact]
    public async Task Unknown_accounts_wrong_passwords_and_locked_accounts_get_the_same_answer()
    {
        await using var server = await TestServer.StartAsync(workers: 0, extra: ["--Auth:Lockout:MaxFailures=3", "--Auth:Lockout:FirstLock=00:10:00"]);

        var unknown = await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", Credentials("nobody@example.test", "whatever-it-is-123"));
        var wrong = new List<(int, JsonNode)>();
        for (var i = 0; i < 3; i++)
        {
            wrong.Add(await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", Credentials(TestServer.DefaultAdminEmail, "wrong-password-" + i)));
        }
        var rightButLocked = await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", Credentials(TestServer.DefaultAdminEmail, TestServer.Password));
        var audit = (await server.SendAsync(HttpMethod.Get, "/api/v2/audit?action=auth")).Body["items"]!.AsArray();

        foreach (var (status, body) in wrong.Append(unknown).Append(rightButLocked))
        {
            Assert.Equal(401, status);
            Assert.Equal(Strip(unknown.Body), Strip(body));
        }
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "auth.locked");
        Assert.Equal("locked", audit.First(e => e!["action"]!.GetValue<string>() == "auth.login_failed")!["detail"]!.GetValue<string>());
        Assert.Contains(audit, e => e!["detail"]?.GetValue<string>() == "unknown_user" && e["actorEmail"]!.GetValue<string>() == "nobody@example.test");
    }

    [Fact]
    public async Task Wrong_current_passwords_in_change_password_lock_the_account_and_end_its_sessions()
    {
        await using var server = await TestServer.StartAsync(workers: 0, extra: ["--Auth:Lockout:MaxFailures=3", "--Auth:Lockout:FirstLock=00:10:00"]);
        using var stolen = await server.SignInAsync(TestServer.DefaultAdminEmail);
        using var other = await server.SignInAsync(TestServer.DefaultAdminEmail);

        var attempts = new List<(int Status, JsonNode Body)>();
        for (var i = 0; i < 3; i++)
        {
            attempts.Add(await stolen.SendAsync(HttpMethod.Post, "/api/v2/auth/change-password",
                new JsonObject { ["currentPassword"] = "guess-number-" + i, ["newPassword"] = "attacker-chosen-password-9" }));
        }
        var login = await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", Credentials(TestServer.DefaultAdminEmail, TestServer.Password));

        Assert.Equal([(400, "validation_failed"), (400, "validation_failed")], attempts.Take(2).Select(a => (a.Status, a.Body["code"]!.GetValue<string>())));
        Assert.Equal((401, "account_locked"), (attempts[2].Status, attempts[2].Body["code"]!.GetValue<string>()));
        Assert.Equal(401, (await stolen.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
        Assert.Equal(401, (await other.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
        Assert.Equal(401, login.Status);
    }

    /// <summary>The trace id differs per request; everything else must be identical.</summary>
    private static string Strip(JsonNode problem)
    {
        var copy = problem.DeepClone().AsObject();
        copy.Remove("traceId");
        return copy.ToJsonString();
    }

    [Fact]
    public async Task An_unknown_account_costs_the_same_password_check_as_a_known_one()
    {
        await using var server = await TestServer.StartAsync(workers: 0, extra: "--Auth:Lockout:MaxFailures=1000");
        async Task<double> MedianMs(string email)
        {
            var times = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", Credentials(email, "wrong-password-here"));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return times.Order().ElementAt(2);
        }
        await MedianMs("warm@example.test");

        var known = await MedianMs(TestServer.DefaultAdminEmail);
        var unknown = await MedianMs("nobody@example.test");

        // bcrypt at cost 12 dominates both; without the decoy check an unknown account answers in about a millisecond.
        Assert.True(unknown > known * 0.5 && unknown < known * 2, $"known {known:F0} ms, unknown {unknown:F0} ms");
    }

    [Fact]
    public async Task Login_attempts_are_rate_limited_per_client_with_retry_after()
    {
        await using var server = await TestServer.StartAsync(workers: 0, extra: ["--Auth:LoginAttemptsPerWindow=3", "--Auth:LoginWindow=00:01:00"]);
        var statuses = new List<int>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await server.Anonymous.SendRawAsync(HttpMethod.Post, "/api/v2/auth/login", Credentials("someone@example.test", "wrong-password-here"));
            statuses.Add((int)response.StatusCode);
            if ((int)response.StatusCode == 429)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.Equal([401, 401, 401, 429], statuses);
        Assert.True(limited!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        Assert.Equal("rate_limited", JsonNode.Parse(await limited.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
        Assert.Equal(200, (await server.SendAsync(HttpMethod.Get, "/api/v2/campaigns")).Status); // other endpoints are not affected
        limited.Dispose();
    }

    [Fact]
    public async Task Each_user_has_an_api_budget_and_going_over_it_answers_429_with_retry_after()
    {
        await using var server = await TestServer.StartAsync(workers: 0, extra: ["--Auth:ApiBurst=5", "--Auth:ApiRequestsPerSecond=1"]);
        using var other = await server.CreateUserAsync("other@example.test");
        var statuses = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await server.SendAsync(HttpMethod.Get, "/api/v2/campaigns")).Status);
        }
        using var limited = await server.Admin.SendRawAsync(HttpMethod.Get, "/api/v2/campaigns");

        Assert.Equal(5, statuses.Count(s => s == 200));
        Assert.Contains(429, statuses);
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(200, (await other.SendAsync(HttpMethod.Get, "/api/v2/campaigns")).Status);
    }
}
