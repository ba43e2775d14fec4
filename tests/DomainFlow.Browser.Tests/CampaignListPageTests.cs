using System.Text.RegularExpressions;
using DomainFlow.Browser.Tests.Support;
using DomainFlow.Testing;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

public sealed partial class CampaignListPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override Task<TestServer> StartServerAsync() => TestServer.StartAsync(workers: 1, extra: ["--Jobs:BatchSize=10"]);

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
        await CapturePageAsync("campaigns");

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

    [Fact]
    public Task The_name_search_and_status_filter_live_in_the_address_so_a_reload_keeps_them_and_the_nav_link_clears_them() => UiAsync(async () =>
    {
        await CreateCampaignAsync("Shop alpha", 10);
        await CreateCampaignAsync("Shop beta", 10);
        await CreateCampaignAsync("Bank gamma", 10);
        await Page.GotoAsync("/campaigns");
        var rows = Page.GetByTestId("campaign-row");
        await Expect(rows).ToHaveCountAsync(3);

        await Page.GetByTestId("campaign-search").FillAsync("  shop ");
        await Expect(Page).ToHaveURLAsync(new Regex(@"/campaigns\?q=shop$"));
        await Expect(rows).ToHaveCountAsync(2);
        await Page.GetByTestId("campaign-status-filter").SelectOptionAsync("draft");
        await Expect(Page).ToHaveURLAsync(new Regex(@"/campaigns\?q=shop&status=draft$"));

        await Page.ReloadAsync();
        await Expect(Page.GetByTestId("campaign-search")).ToHaveValueAsync("shop");
        await Expect(Page.GetByTestId("campaign-status-filter")).ToHaveValueAsync("draft");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "Bank gamma" })).ToHaveCountAsync(0);

        await Page.GetByTestId("nav-campaigns").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/campaigns$"));
        await Expect(Page.GetByTestId("campaign-search")).ToHaveValueAsync("");
        await Expect(rows).ToHaveCountAsync(3);
    });

    [Fact]
    public Task A_rows_actions_pause_resume_and_stop_its_running_phase_duplicate_it_and_delete_it_after_confirming() => UiAsync(async () =>
    {
        // Far more names than the test waits for: the phase is still running whenever the test acts on it.
        var id = await CreateCampaignAsync("row actions", 20_000_000, "abcdefghijklmnopqrstuvwxyz", length: 6);
        Assert.Equal(200, (await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start")).Status);
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Campaigns", Exact = true }).ClickAsync();
        var row = Page.GetByTestId("campaign-row").Filter(new() { HasText = "row actions" });
        await Expect(row.GetByTestId("row-resume")).ToHaveCountAsync(0);

        await row.GetByTestId("row-pause").ClickAsync();
        await Expect(row.GetByTestId("row-resume")).ToBeVisibleAsync();
        Assert.Equal("paused", (await GenerationStateAsync(id))["status"]!.GetValue<string>());
        await row.GetByTestId("row-resume").ClickAsync();
        await Expect(row.GetByTestId("row-pause")).ToBeVisibleAsync();
        Assert.Equal("running", (await GenerationStateAsync(id))["status"]!.GetValue<string>());
        await row.GetByTestId("row-stop").ClickAsync();
        await Expect(row.GetByTestId("row-stop")).ToHaveCountAsync(0);
        Assert.Equal("stopped", (await GenerationStateAsync(id))["status"]!.GetValue<string>());
        // The list stayed put: the buttons act in place, they do not open the campaign.
        Assert.DoesNotContain($"/campaigns/{id}", Page.Url, StringComparison.Ordinal);

        await row.GetByTestId("row-duplicate").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/campaigns/[0-9a-f-]{36}$"));
        Assert.DoesNotContain(id, Page.Url, StringComparison.Ordinal);
        await Page.GoBackAsync();
        await Expect(Page.GetByTestId("campaign-row")).ToHaveCountAsync(2);

        // The copy is named after it ("row actions (copy)"): pick the original's button by its exact label.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete row actions", Exact = true }).ClickAsync();
        await Page.Locator("dialog[open]").GetByTestId("confirm-action").ClickAsync();
        await Expect(Page.GetByTestId("campaign-row")).ToHaveCountAsync(1);
        Assert.Equal(404, (await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}")).Status);
        Assert.DoesNotContain(ConsoleErrors, e => e.StartsWith("page error", StringComparison.Ordinal));
    });

    [GeneratedRegex(@"^/assets/[\w-]+-[\w-]{8}\.(js|css)$")]
    private static partial Regex HashedAsset();
}
