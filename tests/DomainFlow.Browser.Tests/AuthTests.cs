using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DomainFlow.Browser.Tests.Support;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

/// <summary>Signing in and out through the UI, and what the account page offers. These tests start anonymous.</summary>
public sealed class AuthTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override bool SignInAtStart => false;

    [Fact]
    public Task An_anonymous_visit_lands_on_the_sign_in_page_and_signing_in_returns_to_the_requested_deep_link() => UiAsync(async () =>
    {
        var id = await CreateCampaignAsync("behind the sign-in", 10);

        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(new Regex(@"/login$"));
        await Expect(Page.GetByTestId("login-email")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("campaigns-table")).ToHaveCountAsync(0);
        Assert.Equal(401, await BrowserFetchStatusAsync("/api/v2/campaigns"));

        await Page.GotoAsync($"/campaigns/{id}");
        await Expect(Page).ToHaveURLAsync(new Regex($@"/login\?next=%2Fcampaigns%2F{Regex.Escape(id)}$"));

        // A wrong password shows the server's (deliberately generic) message and stays on the page.
        await SubmitSignInAsync(Server.AdminEmail, Server.AdminPassword + "-wrong");
        await Expect(Page.GetByTestId("login-error")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("login-error")).Not.ToBeEmptyAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/login\?next="));

        await SubmitSignInAsync(Server.AdminEmail, Server.AdminPassword);
        await Expect(Page).ToHaveURLAsync(new Regex($@"/campaigns/{Regex.Escape(id)}$"));
        await Expect(Page.GetByTestId("campaign-name")).ToHaveTextAsync("behind the sign-in");
        await Expect(Page.GetByTestId("user-menu")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("live-indicator")).ToHaveAttributeAsync("data-status", "live");
    });

    [Fact]
    public Task Two_factor_sign_in_is_set_up_on_the_account_page_and_then_asks_for_the_authenticator_code() => UiAsync(async () =>
    {
        using var _ = await Server.CreateUserAsync("two-factor@example.test");
        await Page.GotoAsync("/login");
        await SubmitSignInAsync("two-factor@example.test", DomainFlow.Testing.TestServer.Password);
        await Expect(Page.GetByTestId("user-menu")).ToBeVisibleAsync();

        await Page.GotoAsync("/account");
        await Expect(Page.GetByTestId("mfa-status")).ToHaveTextAsync("Off");
        await Page.GetByTestId("mfa-password").FillAsync(DomainFlow.Testing.TestServer.Password);
        await Page.GetByTestId("mfa-setup").ClickAsync();
        var secret = await Page.GetByTestId("mfa-secret").GetAttributeAsync("data-secret");
        Assert.NotNull(secret);
        await Expect(Page.GetByTestId("mfa-uri")).ToContainTextAsync("otpauth://totp/DomainFlow:two-factor%40example.test");
        var step = Core.Users.Totp.StepAt(DateTimeOffset.UtcNow);
        await Page.GetByTestId("mfa-code").FillAsync(Core.Users.Totp.Code(secret!, step));
        await Page.GetByTestId("mfa-enable").ClickAsync();
        await Expect(Page.GetByTestId("mfa-status")).ToHaveTextAsync("On");
        await CapturePageAsync("account-two-factor");

        await Page.GetByTestId("user-menu").ClickAsync();
        await Page.GetByTestId("logout").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/login$"));
        await SubmitSignInAsync("two-factor@example.test", DomainFlow.Testing.TestServer.Password);
        await Expect(Page.GetByTestId("login-code")).ToBeVisibleAsync(); // the password was right; now the code
        await Expect(Page.GetByTestId("login-error")).ToHaveCountAsync(0);
        await Page.GetByTestId("login-code").FillAsync(Core.Users.Totp.Code(secret!, step + 1)); // the enabling code is spent
        await Page.GetByTestId("login-submit").ClickAsync();
        await Expect(Page.GetByTestId("user-menu")).ToBeVisibleAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex(@"/login"));
    });

    [Fact]
    public Task Signing_out_returns_to_the_sign_in_page_and_the_api_then_refuses_this_browser() => UiAsync(async () =>
    {
        await SignInAsync();
        Assert.Equal(200, await BrowserFetchStatusAsync("/api/v2/campaigns"));
        // The session cookie is HttpOnly: page scripts cannot read it.
        Assert.DoesNotContain("df_session", await Page.EvaluateAsync<string>("() => document.cookie"), StringComparison.Ordinal);

        await Page.GetByTestId("user-menu").ClickAsync();
        await Page.GetByTestId("logout").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"/login$"));
        await Expect(Page.GetByTestId("login-email")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("user-menu")).ToHaveCountAsync(0);
        Assert.Equal(401, await BrowserFetchStatusAsync("/api/v2/campaigns"));
        Assert.Equal(401, await BrowserFetchStatusAsync("/api/v2/auth/me"));

        // Going back into the app asks to sign in again, remembering where to.
        await Page.GotoAsync("/campaigns/new");
        await Expect(Page).ToHaveURLAsync(new Regex(@"/login\?next=%2Fcampaigns%2Fnew$"));
    });

    [Fact]
    public Task An_api_token_created_on_the_account_page_shows_its_secret_once_and_is_listed() => UiAsync(async () =>
    {
        const string name = "browser test token";
        await SignInAsync();
        await Page.GetByTestId("user-menu").ClickAsync();
        await Page.GetByTestId("user-menu-account").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/account$"));
        await Expect(Page.GetByTestId("account-email")).ToHaveTextAsync(Server.AdminEmail);
        await Expect(Page.GetByTestId("account-role")).ToHaveTextAsync("Admin");
        await Expect(Page.GetByTestId("session-current")).ToHaveCountAsync(1);

        await Page.GetByTestId("token-name").FillAsync(name);
        await Page.GetByTestId("token-scopes").SelectOptionAsync("read_write");
        await Page.GetByTestId("token-expiry-days").FillAsync("30");
        await Page.GetByTestId("token-create").ClickAsync();

        await Expect(Page.GetByTestId("token-created")).ToContainTextAsync("will not be shown again");
        var secret = await Page.GetByTestId("token-secret").InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(secret));
        var row = Page.GetByTestId("token-row").Filter(new() { HasText = name });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("write");
        Assert.DoesNotContain(secret, await row.InnerTextAsync(), StringComparison.Ordinal);

        // The secret is a working bearer token.
        using (var client = new HttpClient { BaseAddress = Server.Url })
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v2/campaigns", UriKind.Relative))).StatusCode);
        }

        // Shown once: after a reload the token is still listed, its secret is nowhere on the page.
        await Page.ReloadAsync();
        await Expect(row).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("token-secret")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await Page.ContentAsync(), StringComparison.Ordinal);
        await CapturePageAsync("account");
    });
}
