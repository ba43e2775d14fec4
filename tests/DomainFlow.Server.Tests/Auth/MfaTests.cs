using System.Text.Json.Nodes;
using DomainFlow.Core.Users;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Auth;

/// <summary>Two-factor sign-in with an authenticator app, through the real API.</summary>
public sealed class MfaTests
{
    private static string CodeAt(string secret, int stepsFromNow) => Totp.Code(secret, Totp.StepAt(DateTimeOffset.UtcNow) + stepsFromNow);

    private static JsonObject Login(string? code = null) => new()
    {
        ["email"] = TestServer.DefaultAdminEmail, ["password"] = TestServer.Password, ["code"] = code,
    };

    private static string Code(JsonNode problem) => problem["code"]!.GetValue<string>();

    [Fact]
    public async Task An_authenticator_is_set_up_with_the_password_confirmed_by_a_code_and_then_asked_for_at_sign_in()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var browser = await server.SignInAsync(TestServer.DefaultAdminEmail);

        var (noPassword, _) = await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/setup", new JsonObject());
        var (wrongPassword, _) = await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/setup", new JsonObject { ["password"] = "not-my-password-1" });
        var (viaToken, tokenProblem) = await server.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/setup", new JsonObject { ["password"] = TestServer.Password });
        var (setupStatus, setup) = await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/setup", new JsonObject { ["password"] = TestServer.Password });
        var secret = setup["secret"]!.GetValue<string>();
        var pending = (await browser.SendAsync(HttpMethod.Get, "/api/v2/auth/mfa")).Body;
        var loginWhilePending = await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", Login());
        var (badCode, badCodeProblem) = await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/enable", new JsonObject { ["code"] = "000000" == CodeAt(secret, 0) ? "111111" : "000000" });
        var enabledStep = Totp.StepAt(DateTimeOffset.UtcNow);
        var (enabled, _) = await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/enable", new JsonObject { ["code"] = Totp.Code(secret, enabledStep) });
        var status = (await browser.SendAsync(HttpMethod.Get, "/api/v2/auth/mfa")).Body;

        Assert.Equal((400, 400), (noPassword, wrongPassword));
        Assert.Equal((403, "session_required"), (viaToken, Code(tokenProblem)));
        Assert.Equal(200, setupStatus);
        Assert.StartsWith("otpauth://totp/DomainFlow:", setup["otpAuthUri"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((false, true), (pending["enabled"]!.GetValue<bool>(), pending["pending"]!.GetValue<bool>()));
        Assert.Equal(200, loginWhilePending.Status); // not asked for until confirmed
        Assert.Equal((400, "code"), (badCode, badCodeProblem["errors"]!.AsObject().Single().Key));
        Assert.Equal(204, enabled);
        Assert.True(status["enabled"]!.GetValue<bool>());

        var withoutCode = await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", Login());
        // Steps counted from the enabling one, so a 30-second boundary passing during the test changes nothing.
        var next = Totp.Code(secret, enabledStep + 1);
        var wrongCode = await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", Login(next == "000000" ? "111111" : "000000"));
        var replayed = await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", Login(Totp.Code(secret, enabledStep))); // spent by enable
        var signedIn = await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", Login(next));
        var replayedAgain = await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", Login(next));

        Assert.Equal((401, "mfa_required"), (withoutCode.Status, Code(withoutCode.Body)));
        Assert.Equal((401, "invalid_mfa_code"), (wrongCode.Status, Code(wrongCode.Body)));
        Assert.Equal((401, "invalid_mfa_code"), (replayed.Status, Code(replayed.Body)));
        Assert.Equal(200, signedIn.Status);
        Assert.Equal((401, "invalid_mfa_code"), (replayedAgain.Status, Code(replayedAgain.Body)));
        var audit = (await server.SendAsync(HttpMethod.Get, "/api/v2/audit?action=auth")).Body["items"]!.AsArray();
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "auth.mfa_enabled");
        Assert.Contains(audit, e => e!["detail"]?.GetValue<string>() == "wrong_mfa_code");
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password_and_an_admin_reset_removes_it()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var user = await server.CreateUserAsync("phoneless@example.test");
        using var browser = await server.SignInAsync("phoneless@example.test");
        var secret = (await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/setup", new JsonObject { ["password"] = TestServer.Password })).Body["secret"]!.GetValue<string>();
        await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/enable", new JsonObject { ["code"] = CodeAt(secret, 0) });

        var (again, againProblem) = await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/setup", new JsonObject { ["password"] = TestServer.Password });
        var (offWrong, _) = await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/disable", new JsonObject { ["password"] = "not-my-password-1" });
        var (off, _) = await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/disable", new JsonObject { ["password"] = TestServer.Password });
        var plain = await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login", new JsonObject { ["email"] = "phoneless@example.test", ["password"] = TestServer.Password });

        Assert.Equal((409, "mfa_enabled"), (again, Code(againProblem)));
        Assert.Equal(400, offWrong);
        Assert.Equal(204, off);
        Assert.Equal(200, plain.Status);

        using var second = await server.SignInAsync("phoneless@example.test");
        var newSecret = (await second.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/setup", new JsonObject { ["password"] = TestServer.Password })).Body["secret"]!.GetValue<string>();
        await second.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/enable", new JsonObject { ["code"] = CodeAt(newSecret, 0) });
        var (reset, body) = await server.SendAsync(HttpMethod.Post, $"/api/v2/admin/users/{user.UserId}/reset-password", new JsonObject());
        var afterReset = await server.Anonymous.SendAsync(HttpMethod.Post, "/api/v2/auth/login",
            new JsonObject { ["email"] = "phoneless@example.test", ["password"] = body["temporaryPassword"]!.GetValue<string>() });

        Assert.Equal(200, reset);
        Assert.Equal(200, afterReset.Status); // no code asked: the lost authenticator went with the reset
    }

    [Fact]
    public async Task Where_the_workspace_requires_it_an_admin_reaches_only_the_account_routes_until_set_up()
    {
        await using var server = await TestServer.StartAsync(workers: 0, extra: "--Auth:RequireMfaForAdmins=true");
        using var member = await server.CreateUserAsync("member@example.test");
        using var browser = await server.SignInAsync(TestServer.DefaultAdminEmail);

        var (campaigns, problem) = await browser.SendAsync(HttpMethod.Get, "/api/v2/campaigns");
        var (viaToken, _) = await server.SendAsync(HttpMethod.Get, "/api/v2/admin/users");
        var (me, _) = await browser.SendAsync(HttpMethod.Get, "/api/v2/auth/me");
        var status = (await browser.SendAsync(HttpMethod.Get, "/api/v2/auth/mfa")).Body;
        var (memberCampaigns, _) = await member.SendAsync(HttpMethod.Get, "/api/v2/campaigns");
        var secret = (await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/setup", new JsonObject { ["password"] = TestServer.Password })).Body["secret"]!.GetValue<string>();
        var (enabled, _) = await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/enable", new JsonObject { ["code"] = CodeAt(secret, 0) });
        var (after, _) = await browser.SendAsync(HttpMethod.Get, "/api/v2/campaigns");
        var (afterViaToken, _) = await server.SendAsync(HttpMethod.Get, "/api/v2/admin/users");

        Assert.Equal((403, "mfa_enrollment_required"), (campaigns, Code(problem)));
        Assert.Equal(403, viaToken);
        Assert.Equal(200, me);
        Assert.Equal((false, true), (status["enabled"]!.GetValue<bool>(), status["required"]!.GetValue<bool>()));
        Assert.Equal(200, memberCampaigns); // users are not asked
        Assert.Equal(204, enabled);
        Assert.Equal((200, 200), (after, afterViaToken));
    }
}
