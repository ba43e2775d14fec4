using DomainFlow.Browser.Tests.Support;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

/// <summary>The theme switch, and the main pages on a phone-width window.</summary>
public sealed class ThemeAndLayoutTests(BrowserFixture browser) : BrowserTest(browser)
{
    private Task<string> BodyBackgroundAsync() => Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

    [Fact]
    public Task The_dark_theme_applies_at_once_and_is_remembered_and_light_and_system_undo_it() => UiAsync(async () =>
    {
        await CreateCampaignAsync("themed", 10);
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await Page.GotoAsync("/");
        var light = await BodyBackgroundAsync();
        await Expect(Page.Locator("html")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("dark"));

        await Page.GetByTestId("theme-dark").ClickAsync();
        await Expect(Page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("dark"));
        var dark = await BodyBackgroundAsync();
        Assert.NotEqual(light, dark);
        await CapturePageAsync("campaigns-dark");

        await Page.ReloadAsync();
        await Expect(Page.GetByTestId("theme-dark")).ToHaveAttributeAsync("aria-checked", "true");
        Assert.Equal(dark, await BodyBackgroundAsync());

        await Page.GetByTestId("theme-light").ClickAsync();
        Assert.Equal(light, await BodyBackgroundAsync());

        // "System" follows the operating system's setting, also when it changes while the page is open.
        await Page.GetByTestId("theme-system").ClickAsync();
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Expect(Page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("dark"));
    });

    [Fact]
    public Task On_a_phone_width_window_no_main_page_scrolls_sideways() => UiAsync(async () =>
    {
        var id = await CreateCampaignAsync("narrow", 10);
        // Generated, so the campaign page has rows whose details can be opened.
        Assert.Equal(200, (await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start")).Status);
        await Server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed");
        await Page.SetViewportSizeAsync(390, 800);
        foreach (var path in new[]
        {
            "/", "/campaigns", $"/campaigns/{id}", "/campaigns/new", "/admin/users", "/admin/audit", "/personas/dns", "/personas/dns/new",
            "/personas/http/new", "/keyword-sets", "/keyword-sets/new", "/proxies", "/proxy-pools", "/proxy-pools/new", "/account",
        })
        {
            await Page.GotoAsync(path);
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await AssertNoSidewaysScrollAsync(path);
        }

        // The domain detail drawer stacks under the table on a narrow window; it must not widen the page either.
        await Page.GotoAsync($"/campaigns/{id}");
        await Page.GetByTestId("domain-row").First.GetByTestId("domain-expand").ClickAsync();
        await Expect(Page.GetByTestId("domain-dns-detail")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync("the campaign page with a domain's details open");

        // Signed out: the sign-in page, and /setup, which on a server with an account says so (JourneyTests checks its form).
        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync("/login");
        await Expect(Page.GetByTestId("login-email")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync("/login");
        await Page.GotoAsync("/setup");
        await Expect(Page.GetByTestId("setup-not-required")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync("/setup");
    });
}
