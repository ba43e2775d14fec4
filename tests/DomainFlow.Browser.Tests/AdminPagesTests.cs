using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DomainFlow.Browser.Tests.Support;
using DomainFlow.Testing;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

/// <summary>The admin pages: users (create, role, password reset, disable) and the audit log with its filters and paging.</summary>
public sealed class AdminPagesTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Email = "ada@example.test";

    [Fact]
    public Task An_admin_creates_promotes_resets_and_disables_a_user_and_finds_each_step_in_the_audit_log() => UiAsync(async () =>
    {
        await Page.GotoAsync("/");
        await Page.GetByTestId("user-menu").ClickAsync();
        await Page.GetByTestId("user-menu-admin").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/admin/users$"));
        var rows = Page.GetByTestId("user-row");
        await Expect(rows).ToHaveCountAsync(1);
        var owner = rows.Filter(new() { HasText = Server.AdminEmail });
        await Expect(owner).ToContainTextAsync("You");
        var dialog = Page.GetByRole(AriaRole.Dialog);

        // The only admin may not disable themselves: the dialog warns, the server refuses, a toast shows its reason.
        await owner.GetByTestId("user-active-toggle").ClickAsync();
        await Expect(dialog).ToContainTextAsync("Disable your own account?");
        await dialog.GetByTestId("confirm-action").ClickAsync();
        var toast = Page.GetByTestId("toast");
        await Expect(toast).ToHaveAttributeAsync("data-tone", "error");
        await Expect(toast.GetByTestId("toast-title")).ToHaveTextAsync("Not changed");
        await Expect(toast.GetByTestId("toast-message")).ToHaveTextAsync("The workspace must keep at least one active admin.");
        await toast.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(toast).ToHaveCountAsync(0);
        await Expect(owner.GetByTestId("user-active")).ToHaveTextAsync("Active");
        // Resetting one's own password would end this session before its result could be read: the row offers a change instead.
        await Expect(owner.GetByTestId("user-reset-password")).ToHaveCountAsync(0);
        await Expect(owner.GetByTestId("user-change-own-password")).ToHaveAttributeAsync("href", "/account/password");

        // Create: the server's validation message lands under the field it is about.
        await Page.GetByTestId("new-user").ClickAsync();
        await Page.GetByTestId("new-user-email").FillAsync("not-an-email");
        await Page.GetByTestId("create-user-submit").ClickAsync();
        await Expect(Page.GetByTestId("error-new-user-email")).ToHaveTextAsync("is not a valid email address");
        await Expect(Page.GetByLabel("Email", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Page.GetByTestId("new-user-email").FillAsync(Email);
        await Page.GetByTestId("new-user-display-name").FillAsync("Ada Lovelace");
        await Page.GetByTestId("create-user-submit").ClickAsync();
        await Expect(Page.GetByTestId("temporary-password-panel")).ToContainTextAsync($"Account {Email} created");
        var firstPassword = await Page.GetByTestId("temporary-password").InputValueAsync();
        Assert.Equal(20, firstPassword.Length);
        var ada = rows.Filter(new() { HasText = Email });
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(ada).ToContainTextAsync("Ada Lovelace");
        await Expect(ada.GetByTestId("user-role")).ToHaveTextAsync("User");
        await Expect(ada.GetByTestId("user-active")).ToHaveTextAsync("Active");
        await Expect(ada.GetByTestId("user-must-change")).ToHaveTextAsync("Must change");
        await CapturePageAsync("admin-users");
        var adaId = await ada.GetAttributeAsync("data-id") ?? throw new InvalidOperationException("The row has no user id.");

        // The temporary password signs in, and the account must change it.
        using var firstSession = await Server.SignInAsync(Email, firstPassword);
        Assert.True((await MeAsync(firstSession))!["user"]!["mustChangePassword"]!.GetValue<bool>());

        // Role.
        await ada.GetByTestId("user-role-toggle").ClickAsync();
        await Expect(dialog).ToContainTextAsync($"Make {Email} an admin?");
        await dialog.GetByTestId("confirm-action").ClickAsync();
        await Expect(ada.GetByTestId("user-role")).ToHaveTextAsync("Admin");
        Assert.Equal("admin", (await UserAsync(adaId))["role"]!.GetValue<string>());

        // Password reset: a new temporary password, the old one and the open session end.
        await Page.GetByTestId("temporary-password-dismiss").ClickAsync();
        await ada.GetByTestId("user-reset-password").ClickAsync();
        await Expect(dialog).ToContainTextAsync("must choose a new password");
        await dialog.GetByTestId("confirm-action").ClickAsync();
        await Expect(Page.GetByTestId("temporary-password-panel")).ToContainTextAsync($"Password of {Email} reset");
        var secondPassword = await Page.GetByTestId("temporary-password").InputValueAsync();
        Assert.NotEqual(firstPassword, secondPassword);
        Assert.Null(await MeAsync(firstSession));
        Assert.Equal(401, (await LoginStatusAsync(Email, firstPassword)));
        using (var secondSession = await Server.SignInAsync(Email, secondPassword))
        {
            Assert.True((await MeAsync(secondSession))!["user"]!["mustChangePassword"]!.GetValue<bool>());
        }

        // Disable: the right password no longer signs in.
        await ada.GetByTestId("user-active-toggle").ClickAsync();
        await Expect(dialog).ToContainTextAsync($"Disable {Email}?");
        await dialog.GetByTestId("confirm-action").ClickAsync();
        await Expect(ada.GetByTestId("user-active")).ToHaveTextAsync("Disabled");
        await Expect(ada.GetByTestId("user-active-toggle")).ToHaveTextAsync("Enable");
        Assert.False((await UserAsync(adaId))["active"]!.GetValue<bool>());
        Assert.Equal(401, await LoginStatusAsync(Email, secondPassword));

        // The user's audit trail, newest first, opened from the row: the link is the filter.
        await ada.GetByTestId("user-audit-link").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($@"/admin/audit\?target={adaId}$"));
        await Expect(Page.GetByTestId("audit-target")).ToHaveValueAsync(adaId);
        var entries = Page.GetByTestId("audit-row");
        await Expect(entries).ToHaveCountAsync(6);
        Assert.Equal(
            ["auth.login_failed", "user.updated", "auth.login_failed", "user.password_reset", "user.updated", "user.created"],
            await ActionsShownAsync());
        await Expect(entries.First.GetByTestId("audit-target-cell")).ToContainTextAsync(Email);
        await Expect(entries.First.GetByTestId("audit-detail")).ToHaveTextAsync("disabled");
        await Expect(entries.Last.GetByTestId("audit-actor-cell")).ToHaveTextAsync(Server.AdminEmail);

        // Narrow to the account changes with the form; the address keeps the filters, so a reload shows the same.
        await Page.GetByTestId("audit-action").FillAsync("user");
        await Page.GetByTestId("audit-apply").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($@"/admin/audit\?action=user&target={adaId}$"));
        await Expect(entries).ToHaveCountAsync(4);
        Assert.Equal(["user.updated", "user.password_reset", "user.updated", "user.created"], await ActionsShownAsync());
        await Expect(entries.Nth(0).GetByTestId("audit-detail")).ToHaveTextAsync("disabled");
        await Expect(entries.Nth(2).GetByTestId("audit-detail")).ToHaveTextAsync("role=admin");
        await Page.ReloadAsync();
        await Expect(Page.GetByTestId("audit-action")).ToHaveValueAsync("user");
        await Expect(entries).ToHaveCountAsync(4);
        await CapturePageAsync("audit-log");

        // Failures only: both refused sign-ins, with their reasons.
        await Page.GetByTestId("audit-action").FillAsync("");
        await Page.GetByTestId("audit-outcome").SelectOptionAsync("failure");
        await Page.GetByTestId("audit-apply").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($@"/admin/audit\?target={adaId}&outcome=failure$"));
        await Expect(entries).ToHaveCountAsync(2);
        Assert.Equal(["auth.login_failed", "auth.login_failed"], await ActionsShownAsync());
        await Expect(entries.Nth(1).GetByTestId("audit-detail")).ToHaveTextAsync("wrong_password");

        // By actor and exact action, from a clean slate; a time range in the future matches nothing.
        await Page.GetByTestId("audit-clear").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/admin/audit$"));
        await Page.GetByTestId("audit-actor").SelectOptionAsync(new SelectOptionValue { Label = Server.AdminEmail });
        await Page.GetByTestId("audit-action").FillAsync("user.created");
        await Page.GetByTestId("audit-apply").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/admin/audit\?action=user\.created&actor=[0-9a-f-]{36}$"));
        await Expect(entries).ToHaveCountAsync(1);
        await Expect(entries.First.GetByTestId("audit-target-cell")).ToContainTextAsync(Email);
        await Page.GetByTestId("audit-since").FillAsync("2099-01-01T00:00");
        await Page.GetByTestId("audit-apply").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"&since=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A00\.000Z$"));
        await Expect(Page.GetByTestId("audit-empty")).ToHaveTextAsync("No entries match these filters.");
        await Expect(entries).ToHaveCountAsync(0);

        // On a phone-sized window the page itself does not scroll sideways: wide tables scroll inside their card.
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync("/admin/users");
        await Expect(rows).ToHaveCountAsync(2);
        Assert.True(await Page.EvaluateAsync<bool>("() => { const m = document.querySelector('main'); return m.scrollWidth <= m.clientWidth }"));

        // Through the sign-in page too, the disabled account is turned away.
        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync("/login");
        await SubmitSignInAsync(Email, secondPassword);
        await Expect(Page.GetByTestId("login-error")).ToContainTextAsync("disabled");
        await Expect(Page).ToHaveURLAsync(new Regex(@"/login$"));
    });

    [Fact]
    public Task The_audit_log_pages_through_every_entry_with_its_cursor() => UiAsync(async () =>
    {
        for (var i = 0; i < 60; i++)
        {
            await CreateCampaignAsync($"audited {i}", 1);
        }

        await Page.GotoAsync("/admin/audit?action=campaign");
        var entries = Page.GetByTestId("audit-row");
        await Expect(entries).ToHaveCountAsync(50);
        await Expect(entries.First).ToContainTextAsync("campaign.created");
        await Page.GetByTestId("audit-load-more").ClickAsync();
        await Expect(entries).ToHaveCountAsync(60);
        await Expect(Page.GetByTestId("audit-load-more")).ToHaveCountAsync(0);
        // Newest first, no entry twice across the page boundary.
        var ids = await entries.GetByTestId("audit-target-cell").AllInnerTextsAsync();
        Assert.Equal(60, ids.Distinct().Count());
    });

    [Fact]
    public Task A_non_admin_gets_no_admin_menu_and_an_admins_only_message() => UiAsync(async () =>
    {
        const string user = "bob@example.test";
        await Server.CreateUserAsync(user);
        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync("/login");
        await SubmitSignInAsync(user, TestServer.Password);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();

        await Page.GetByTestId("user-menu").ClickAsync();
        await Expect(Page.GetByTestId("user-menu-account")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("user-menu-admin")).ToHaveCountAsync(0);

        foreach (var path in new[] { "/admin/users", "/admin/audit?action=auth" })
        {
            await Page.GotoAsync(path);
            await Expect(Page.GetByTestId("admins-only")).ToContainTextAsync("Admins only");
            await Expect(Page.GetByTestId("users-table")).ToHaveCountAsync(0);
            await Expect(Page.GetByTestId("audit-table")).ToHaveCountAsync(0);
        }
        // The page asked the admin API nothing; asked directly, the API refuses.
        Assert.DoesNotContain(FailedRequests, r => r.Contains("/api/v2/admin", StringComparison.Ordinal) || r.Contains("/api/v2/audit", StringComparison.Ordinal));
        Assert.Equal(403, await BrowserFetchStatusAsync("/api/v2/admin/users"));
        Assert.Equal(403, await BrowserFetchStatusAsync("/api/v2/audit"));
    });

    private async Task<JsonNode> UserAsync(string id)
    {
        var (status, body) = await Server.SendAsync(HttpMethod.Get, $"/api/v2/admin/users/{id}");
        Assert.Equal(200, status);
        return body;
    }

    /// <summary>GET /auth/me of a signed-in client; null once its session has ended (401).</summary>
    private static async Task<JsonNode?> MeAsync(ApiClient client)
    {
        var (status, body) = await client.SendAsync(HttpMethod.Get, "/api/v2/auth/me");
        return status == 401 ? null : body;
    }

    private async Task<int> LoginStatusAsync(string email, string password)
    {
        using var client = new ApiClient(Server.Url, null, withCookies: true);
        return (await client.SendAsync(HttpMethod.Post, "/api/v2/auth/login", new JsonObject { ["email"] = email, ["password"] = password })).Status;
    }

    private async Task<string[]> ActionsShownAsync() =>
        await Page.GetByTestId("audit-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)");
}
