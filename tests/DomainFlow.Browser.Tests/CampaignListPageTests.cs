using System.Text.RegularExpressions;
using DomainFlow.Browser.Tests.Support;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

public sealed partial class CampaignListPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task The_campaign_list_page_loads_from_the_server_with_no_console_errors_and_no_failed_requests() => UiAsync(async () =>
    {
        await CreateCampaignAsync("listed campaign", 10);
        var assets = new List<IResponse>();
        Page.Response += (_, response) =>
        {
            if (response.Url.Contains("/assets/", StringComparison.Ordinal))
            {
                lock (assets)
                {
                    assets.Add(response);
                }
            }
        };

        var document = await Page.GotoAsync("/campaigns");

        Assert.NotNull(document);
        Assert.Equal(200, document.Status);
        Assert.StartsWith("text/html", document.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("<div id=\"root\"></div>", await document.TextAsync(), StringComparison.Ordinal);
        await Expect(Page).ToHaveTitleAsync("DomainFlow");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Campaigns", Exact = true })).ToBeVisibleAsync();
        // The list comes from the API, and the live stream connects.
        await Expect(Page.GetByTestId("campaign-row")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("campaign-row")).ToContainTextAsync("listed campaign");
        await Expect(Page.GetByTestId("live-indicator")).ToHaveAttributeAsync("data-status", "live");

        // Vite's content-hashed bundle is served by the server itself.
        List<IResponse> loaded;
        lock (assets)
        {
            loaded = [.. assets];
        }
        Assert.Contains(loaded, r => HashedAsset().IsMatch(new Uri(r.Url).AbsolutePath) && r.Url.EndsWith(".js", StringComparison.Ordinal) && r.Status == 200);
        Assert.Contains(loaded, r => HashedAsset().IsMatch(new Uri(r.Url).AbsolutePath) && r.Url.EndsWith(".css", StringComparison.Ordinal) && r.Status == 200);
        Assert.All(loaded, r => Assert.Equal(200, r.Status));

        Assert.Empty(ConsoleErrors);
        Assert.Empty(FailedRequests);
    });

    [GeneratedRegex(@"^/assets/[\w-]+-[\w-]{8}\.(js|css)$")]
    private static partial Regex HashedAsset();
}
