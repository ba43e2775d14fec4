using DomainFlow.Browser.Tests.Support;
using DomainFlow.Testing;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

/// <summary>The wizard's pattern history: earlier campaigns on the same pattern, the next free offset, a used-up space.</summary>
public sealed class PatternHistoryTests(BrowserFixture browser) : BrowserTest(browser)
{
    // TestServer.PatternSpec's pattern: two letters of "abc" + "shop", .com and .net: 18 names, all valid.
    private async Task FillPatternAsync(long maxDomains)
    {
        await Page.GetByTestId("campaign-name-input").FillAsync("Next batch");
        await Page.Locator("#gen-prefix").FillAsync("2");
        await Page.GetByTestId("charset-input").FillAsync("abc");
        await Page.GetByTestId("constant-input").FillAsync("shop");
        await ChooseTldsAsync("com", "net");
        await Page.GetByTestId("max-domains-input").FillAsync(maxDomains.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<string> RunAsync(string name, long maxDomains)
    {
        var id = await Server.CreateCampaignAsync(TestServer.PatternSpec(name, maxDomains));
        var (status, _) = await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        Assert.Equal(200, status);
        await Server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed");
        return id;
    }

    [Fact]
    public Task The_wizard_lists_the_earlier_campaign_and_continues_from_the_next_free_offset() => UiAsync(async () =>
    {
        var id = await RunAsync("First run", 6);

        await Page.GotoAsync("/campaigns/new");
        await FillPatternAsync(4);

        var rows = Page.GetByTestId("pattern-history-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.GetByRole(AriaRole.Link, new() { Name = "First run" })).ToHaveAttributeAsync("href", $"/campaigns/{id}");
        await Expect(rows.First.GetByTestId("pattern-history-range")).ToHaveTextAsync("0 → 6");
        await Expect(Page.GetByTestId("pattern-history-next-offset")).ToHaveTextAsync("6");

        await Page.GetByTestId("continue-from-offset").ClickAsync();

        await Expect(Page.GetByTestId("offset-start-input")).ToHaveValueAsync("6");
        await Expect(Page.GetByTestId("continue-from-offset")).ToHaveCountAsync(0);
        // Ordinal 6: the TLD is the fastest digit (6 % 2 = com), the letters are 6 / 2 = 3 = "ba" in base 3.
        var spec = TestServer.PatternSpec("x", 4)["generation"]!.DeepClone();
        spec["offsetStart"] = 6;
        var (_, preview) = await Server.SendAsync(HttpMethod.Post, "/api/v2/generation/preview", spec);
        Assert.Equal("bashop.com", preview["firstNames"]![0]!.GetValue<string>());
        await Expect(Page.GetByTestId("preview-first-names").Locator("li").First).ToHaveTextAsync("bashop.com");
        await Expect(Page.GetByTestId("pattern-history-overlap")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_new_pattern_is_the_first_and_a_used_up_one_shows_the_warning() => UiAsync(async () =>
    {
        await Page.GotoAsync("/campaigns/new");
        await FillPatternAsync(4);
        await Expect(Page.GetByTestId("pattern-history-empty")).ToHaveTextAsync("First campaign on this pattern.");
        await Expect(Page.GetByTestId("pattern-history-next-offset")).ToHaveTextAsync("0");

        await RunAsync("Everything", 18);
        // Another max domains is another preview request: the answer now knows the earlier campaign.
        await Page.GetByTestId("max-domains-input").FillAsync("5");

        await Expect(Page.GetByTestId("pattern-history-exhausted")).ToContainTextAsync("all 18 valid names");
        await Expect(Page.GetByTestId("pattern-history-row")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("pattern-history-next-offset")).ToHaveTextAsync("18");
        await Expect(Page.GetByTestId("continue-from-offset")).ToHaveCountAsync(0);
    });
}
