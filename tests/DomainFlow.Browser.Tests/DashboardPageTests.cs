using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DomainFlow.Browser.Tests.Support;
using DomainFlow.Testing;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

/// <summary>The home page: tiles, a phase that runs and completes while the page watches, activity, and tiles as filters.</summary>
public sealed class DashboardPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string AToZ = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>One worker and small batches: a few hundred thousand names take a few seconds, long enough to watch.</summary>
    protected override Task<TestServer> StartServerAsync() => TestServer.StartAsync(workers: 1, extra: ["--Jobs:BatchSize=10"]);

    /// <summary>Remembers every processed count the running row of one campaign showed (a MutationObserver in the page).</summary>
    private const string RecordRunningProgress = """
        (campaignId) => {
          const seen = [];
          window.__runningProgress = seen;
          const read = () => {
            const value = document.querySelector(`[data-testid="running-phase"][data-campaign-id="${campaignId}"] [data-testid="running-processed"]`)?.getAttribute('data-value');
            if (value != null && seen.at(-1) !== Number(value)) seen.push(Number(value));
          };
          read();
          new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }
        """;

    [Fact]
    public Task The_dashboard_counts_campaigns_follows_a_running_phase_live_to_completion_and_its_tiles_filter_the_list() => UiAsync(async () =>
    {
        const int requested = 300_000;
        var done = await CreateCampaignAsync("finished run", 18);
        await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{done}/phases/generation/start");
        await Server.WaitForPhaseAsync(done, "generation", p => p["status"]!.GetValue<string>() == "completed");
        var (_, idea) = await Server.SendAsync(HttpMethod.Post, "/api/v2/campaigns", new JsonObject { ["name"] = "just an idea" });
        var live = await CreateCampaignAsync("live run", requested, AToZ, length: 4);

        await Page.GotoAsync("/");
        await Page.EvaluateAsync("() => { window.__sameDocument = true }");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("live-indicator")).ToHaveAttributeAsync("data-status", "live");
        await ExpectTileAsync("draft", 2);
        await ExpectTileAsync("waiting", 1);
        await ExpectTileAsync("running", 0);
        await Expect(Page.GetByTestId("running-empty")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("processed-today")).ToHaveAttributeAsync("data-value", "18");
        await Expect(Activity(done, "phase_completed")).ToHaveCountAsync(1);
        await Expect(Activity(idea["id"]!.GetValue<string>(), "campaign_created")).ToHaveCountAsync(1);
        await Page.EvaluateAsync(RecordRunningProgress, live);

        // Started through the API, not the page: everything below arrives over the live stream.
        Assert.Equal(200, (await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{live}/phases/generation/start")).Status);

        var row = Page.Locator($"[data-testid=running-phase][data-campaign-id=\"{live}\"]");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("live run");
        await ExpectTileAsync("running", 1);
        await ExpectTileAsync("draft", 1);
        await Expect(Activity(live, "phase_started")).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("running-rate")).ToHaveTextAsync(new Regex(@"^[\d,.]+/s$"));
        await Expect(row.GetByTestId("running-eta")).ToHaveTextAsync(new Regex(@"^\d+(m \d\ds|s)$|^\d+h \d\dm$"));
        await CapturePageAsync("dashboard");

        await Expect(row).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Expect(Page.GetByTestId("running-empty")).ToBeVisibleAsync();
        await ExpectTileAsync("running", 0);
        await ExpectTileAsync("waiting", 2);
        await Expect(Page.GetByTestId("processed-today")).ToHaveAttributeAsync("data-value", (18 + requested).ToString(CultureInfo.InvariantCulture));
        await Expect(Page.GetByTestId("activity-entry").First).ToHaveAttributeAsync("data-kind", "phase_completed");
        await Expect(Page.GetByTestId("activity-entry").First).ToHaveAttributeAsync("data-campaign-id", live);

        // The row moved while the page watched: counts strictly between none and all, rising.
        var progress = (await Page.EvaluateAsync<JsonElement>("() => window.__runningProgress")).EnumerateArray().Select(e => e.GetInt64()).ToList();
        Assert.True(progress.Count(p => p is > 0 and < requested) >= 2, $"processed counts shown: {string.Join(", ", progress)}");
        Assert.Equal(progress.Order(), progress);
        Assert.True(await Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");

        await Page.GetByTestId("status-tile-waiting").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/campaigns\?status=waiting$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Campaigns", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("campaign-row")).ToHaveCountAsync(2);
        await Expect(Page.GetByTestId("campaign-row").Filter(new() { HasText = "just an idea" })).ToHaveCountAsync(0);

        Assert.Empty(ConsoleErrors);
        Assert.Empty(UnexpectedFailedRequests());
    });

    [Fact]
    public Task Without_campaigns_the_dashboard_invites_creating_one() => UiAsync(async () =>
    {
        await Page.GotoAsync("/");

        await Expect(Page.GetByTestId("dashboard-empty")).ToContainTextAsync("No campaigns yet");
        await Expect(Page.GetByTestId("status-tile-draft")).ToHaveCountAsync(0);
        await Page.GetByTestId("dashboard-empty").GetByRole(AriaRole.Link, new() { Name = "create one" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/campaigns/new$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "New campaign" })).ToBeVisibleAsync();

        // The header leads back to both the dashboard and the list.
        await Page.GetByTestId("nav-campaigns").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/campaigns$"));
        await Page.GetByTestId("nav-dashboard").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        Assert.Empty(ConsoleErrors);
        Assert.Empty(UnexpectedFailedRequests());
    });

    /// <summary>
    /// Failed requests, except the live stream a page closes when the app navigates away from it (Chromium reports the
    /// EventSource it cancelled as net::ERR_ABORTED).
    /// </summary>
    private List<string> UnexpectedFailedRequests() =>
        FailedRequests.Where(r => !(r.Contains("/api/v2/events:", StringComparison.Ordinal) && r.EndsWith("net::ERR_ABORTED", StringComparison.Ordinal))).ToList();

    private Task ExpectTileAsync(string status, int count) =>
        Expect(Page.GetByTestId($"status-tile-{status}")).ToHaveAttributeAsync("data-value", count.ToString(CultureInfo.InvariantCulture));

    private ILocator Activity(string campaignId, string kind) =>
        Page.Locator($"[data-testid=activity-entry][data-campaign-id=\"{campaignId}\"][data-kind=\"{kind}\"]");
}
