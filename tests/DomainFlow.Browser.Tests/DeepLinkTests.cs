using DomainFlow.Browser.Tests.Support;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

public sealed class DeepLinkTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task A_campaign_page_opened_or_reloaded_from_its_own_address_shows_the_campaign() => UiAsync(async () =>
    {
        var id = await CreateCampaignAsync("deep link", 2_000, "abcdefghij", length: 3);
        Assert.Equal(200, (await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start")).Status);
        var state = await Server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed", TimeSpan.FromSeconds(15));
        Assert.Equal("completed", state["status"]!.GetValue<string>());
        var (_, domains) = await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?limit=1");
        var first = domains["items"]![0]!["name"]!.GetValue<string>();

        var document = await Page.GotoAsync($"/campaigns/{id}");
        Assert.Equal(200, document!.Status);
        Assert.StartsWith("text/html", document.Headers["content-type"], StringComparison.Ordinal);
        await ExpectCampaignShownAsync(first);

        var reloaded = await Page.ReloadAsync();
        Assert.Equal(200, reloaded!.Status);
        Assert.EndsWith($"/campaigns/{id}", Page.Url, StringComparison.Ordinal);
        await ExpectCampaignShownAsync(first);

        // The other deep links: the form, and a campaign that does not exist.
        await Page.GotoAsync("/campaigns/new");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "New campaign" })).ToBeVisibleAsync();
        await Page.GotoAsync($"/campaigns/{Guid.NewGuid()}");
        await Expect(Page.GetByText("Campaign not found")).ToBeVisibleAsync();
        // The campaign list lives at /campaigns and takes its status filter from the address.
        await Page.GotoAsync("/campaigns?status=waiting");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Campaigns", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("campaign-row")).ToHaveCountAsync(1);
        await Page.GotoAsync("/campaigns?status=draft");
        await Expect(Page.GetByTestId("campaign-row")).ToHaveCountAsync(0);
        await Expect(Page.GetByText("No campaigns match these filters.")).ToBeVisibleAsync();
    });

    private async Task ExpectCampaignShownAsync(string firstDomain)
    {
        await Expect(Page.GetByTestId("campaign-name")).ToHaveTextAsync("deep link");
        await Expect(Page.GetByTestId("phase-status-generation")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(Page.GetByTestId("phase-processed-generation")).ToHaveAttributeAsync("data-value", "2000");
        await Expect(Page.GetByTestId("domain-row").First).ToContainTextAsync(firstDomain);
        await Expect(Page.GetByTestId("live-indicator")).ToHaveAttributeAsync("data-status", "live");
    }
}
