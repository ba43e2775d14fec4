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
        await Page.SetViewportSizeAsync(390, 800);
        foreach (var path in new[] { "/", "/campaigns", $"/campaigns/{id}", "/campaigns/new", "/admin/users", "/admin/audit", "/personas/dns", "/personas/http/new", "/keyword-sets", "/proxies", "/proxy-pools", "/account" })
        {
            await Page.GotoAsync(path);
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            // On failure, name the widest elements that stick out, to say what to fix.
            var culprits = overflow <= 0 ? "" : await Page.EvaluateAsync<string>("""
                [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                  .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return false; return true })
                  .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 4).join('.')}`).join(' | ')
                """);
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px: {culprits}");
        }
    });
}
