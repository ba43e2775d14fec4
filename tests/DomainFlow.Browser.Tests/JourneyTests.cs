using System.Globalization;
using System.Text.Json.Nodes;
using DomainFlow.Browser.Tests.Support;
using DomainFlow.Server.Lab;
using DomainFlow.Store.Users;
using DomainFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

/// <summary>
/// A newcomer's whole first session in the browser, against the loopback DNS and web lab: set up the first account,
/// make, edit, export and delete personas and keyword sets, create a pattern campaign in the wizard, run every phase to
/// 100 % watching it live (the page is never reloaded), filter the domains, read one in detail, export them as CSV and
/// NDJSON, manage a proxy, and sign out. A screenshot of each main page is kept in .artifacts/browser/pages.
/// </summary>
public sealed class JourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Password = "journey-through-the-lab-42";

    /// <summary>The lab persona's rate cap: a few seconds for the DNS phase's 300 names (A and AAAA each).</summary>
    private const int DnsQueriesPerSecond = 100;

    protected override bool SignInAtStart => false;

    protected override Task<TestServer> StartServerAsync() =>
        TestServer.StartWithoutAccountsAsync("--Jobs:Workers=2", $"--Network:AllowedTargets:0={DemoLab.WebTargets[0]}");

    [Fact]
    public Task From_first_run_setup_to_exported_results_and_sign_out() => UiAsync(async () =>
    {
        await using var lab = await DemoLab.StartAsync();

        // Nobody is signed in: any page lands on sign-in.
        await Page.GotoAsync("/campaigns");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));

        // First-run setup with the one-time token (SetupTests checks the server prints it; here it is read from the store).
        var token = await Server.Services.GetRequiredService<SetupTokenStore>().IssueAsync(TimeSpan.FromMinutes(10));
        await Page.GotoAsync("/setup");
        await Page.GetByTestId("setup-token").FillAsync(token);
        await Page.GetByTestId("setup-email").FillAsync("first@example.org");
        await Page.GetByTestId("setup-display-name").FillAsync("First Admin");
        await Page.GetByTestId("setup-password").FillAsync(Password);
        await Page.GetByTestId("setup-confirm-password").FillAsync(Password);
        await CapturePageAsync("setup");
        // The setup form is only reachable on a server without accounts, so its phone-width check lives here.
        await Page.SetViewportSizeAsync(390, 800);
        await AssertNoSidewaysScrollAsync("/setup");
        await Page.SetViewportSizeAsync(1440, 1000);
        await Page.GetByTestId("setup-submit").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        await CapturePageAsync("dashboard-empty");
        // The test's own view of the API, as the same user (its assertions compare the pages with the server's answers).
        var api = await Server.SignInAsync("first@example.org", Password);

        // A DNS persona on the lab's resolver.
        await Page.GetByTestId("nav-dns-personas").ClickAsync();
        await Page.GetByTestId("new-persona").ClickAsync();
        await Page.GetByTestId("persona-name").FillAsync("Lab resolver");
        await Page.GetByTestId("resolver-address-0").FillAsync(lab.Dns.Endpoint.ToString());
        await Page.GetByTestId("save-persona").ClickAsync();
        await Expect(Page.GetByTestId("persona-title")).ToHaveTextAsync("Lab resolver");
        // Edited: a rate cap, which also makes the DNS phase below last long enough to watch its progress.
        await Page.GetByTestId("globalRate-on").CheckAsync();
        await Page.Locator("#globalRate-per-second").FillAsync(DnsQueriesPerSecond.ToString(CultureInfo.InvariantCulture));
        await Page.GetByTestId("save-persona").ClickAsync();
        await Expect(Page.GetByText("Saved.", new() { Exact = true })).ToBeVisibleAsync();
        var (_, storedPersonas) = await api.SendAsync(HttpMethod.Get, "/api/v2/personas/dns");
        Assert.Equal(DnsQueriesPerSecond, storedPersonas[0]!["globalRate"]!["perSecond"]!.GetValue<int>());
        await CapturePageAsync("dns-persona-editor");

        // A second persona, deleted again after confirming.
        await Page.GetByTestId("nav-dns-personas").ClickAsync();
        await Page.GetByTestId("new-persona").ClickAsync();
        await Page.GetByTestId("persona-name").FillAsync("Spare resolver");
        await Page.GetByTestId("resolver-address-0").FillAsync("127.0.0.1:53");
        await Page.GetByTestId("save-persona").ClickAsync();
        await Expect(Page.GetByTestId("persona-title")).ToHaveTextAsync("Spare resolver");
        await DeleteOpenItemAsync("delete-persona", "/personas/dns");
        await Expect(Page.GetByTestId("persona-row")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("persona-row")).ToHaveAttributeAsync("data-name", "Lab resolver");
        await CapturePageAsync("dns-personas");

        // The JSON export holds the remaining persona as edited.
        var personasFile = await DownloadJsonAsync("export-personas", "dns-personas.json");
        var exportedPersona = Assert.Single(personasFile.AsArray())!;
        Assert.Equal("Lab resolver", exportedPersona["name"]!.GetValue<string>());
        Assert.Equal(DnsQueriesPerSecond, exportedPersona["globalRate"]!["perSecond"]!.GetValue<int>());

        // An HTTP persona for the lab's plain-HTTP port.
        await Page.GetByTestId("nav-http-personas").ClickAsync();
        await Page.GetByTestId("new-http-persona").ClickAsync();
        await Page.GetByTestId("http-persona-name").FillAsync("Lab browser");
        await Page.GetByTestId("http-persona-schemeOrder").SelectOptionAsync("http");
        await Page.GetByTestId("http-persona-httpPorts").FillAsync(lab.Web.HttpPort.ToString(CultureInfo.InvariantCulture));
        await Page.GetByTestId("save-http-persona").ClickAsync();
        await Expect(Page.GetByTestId("http-persona-title")).ToHaveTextAsync("Lab browser");

        // A keyword set naming the lab's brand.
        await Page.GetByTestId("nav-keyword-sets").ClickAsync();
        await Page.GetByTestId("new-keyword-set").ClickAsync();
        await Page.GetByTestId("ks-name").FillAsync("Brand");
        await Page.GetByTestId("ks-rule-pattern-0").FillAsync(WebWorld.Brand);
        await Page.GetByTestId("save-keyword-set").ClickAsync();
        await Expect(Page.GetByTestId("keyword-set-title")).ToHaveTextAsync("Brand");
        // Edited: the rule gets a category.
        await Page.GetByTestId("ks-rule-category-0").FillAsync("brand");
        await Page.GetByTestId("save-keyword-set").ClickAsync();
        await Expect(Page.GetByText("Saved.", new() { Exact = true })).ToBeVisibleAsync();
        await CapturePageAsync("keyword-set-editor");

        // A second set, deleted again after confirming.
        await Page.GetByTestId("nav-keyword-sets").ClickAsync();
        await Page.GetByTestId("new-keyword-set").ClickAsync();
        await Page.GetByTestId("ks-name").FillAsync("Scratch");
        await Page.GetByTestId("ks-rule-pattern-0").FillAsync("scratch");
        await Page.GetByTestId("save-keyword-set").ClickAsync();
        await Expect(Page.GetByTestId("keyword-set-title")).ToHaveTextAsync("Scratch");
        await DeleteOpenItemAsync("delete-keyword-set", "/keyword-sets");
        await Expect(Page.GetByTestId("keyword-set-row")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("keyword-set-row")).ToContainTextAsync("Brand");
        await CapturePageAsync("keyword-sets");

        var setsFile = await DownloadJsonAsync("export-keyword-sets", "keyword-sets.json");
        var exportedSet = Assert.Single(setsFile.AsArray())!;
        Assert.Equal("Brand", exportedSet["name"]!.GetValue<string>());
        Assert.Equal("brand", exportedSet["rules"]![0]!["category"]!.GetValue<string>());

        // Proxy CRUD: add one from a pasted list, then delete it.
        await Page.GetByTestId("nav-proxies").ClickAsync();
        await Page.GetByTestId("proxy-list").FillAsync("socks5://127.0.0.1:1080");
        await Page.GetByTestId("proxy-add").ClickAsync();
        await Expect(Page.GetByTestId("proxy-row")).ToHaveCountAsync(1);
        await CapturePageAsync("proxies");
        await Page.GetByTestId("proxy-delete").ClickAsync();
        await Page.Locator("dialog[open]").GetByTestId("confirm-action").ClickAsync();
        await Expect(Page.GetByTestId("proxy-row")).ToHaveCountAsync(0);

        // The wizard: the lab's pattern, with its live preview.
        var pattern = DemoLab.Pattern;
        await Page.GetByTestId("nav-campaigns").ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "New campaign" }).ClickAsync();
        await Page.GetByTestId("campaign-name-input").FillAsync("Lab journey");
        await Page.Locator("#gen-pattern").SelectOptionAsync("suffix");
        await Page.Locator("#gen-suffix").FillAsync(Convert.ToString(pattern.SuffixLength, CultureInfo.InvariantCulture)!);
        await Page.GetByTestId("charset-input").FillAsync(pattern.Charset!);
        await Page.GetByTestId("constant-input").FillAsync(pattern.Constant!);
        await ChooseTldsAsync([.. pattern.Tlds!]);
        await Page.GetByTestId("max-domains-input").FillAsync(Convert.ToString(pattern.MaxDomains, CultureInfo.InvariantCulture)!);
        await Expect(Page.GetByTestId("preview-total")).ToHaveTextAsync("300");
        await CapturePageAsync("new-campaign");
        await Page.GetByTestId("create-campaign").ClickAsync();
        await Expect(Page.GetByTestId("campaign-name")).ToHaveTextAsync("Lab journey");
        await Expect(Page.GetByTestId("live-indicator")).ToHaveAttributeAsync("data-status", "live");

        // Generation, then DNS, then HTTP, each configured and started here and followed live to 100 %. A mark on the
        // page's window survives only as long as the page does: still there at the end, the page was never reloaded.
        await Page.EvaluateAsync("() => { window.__noReload = true }");
        var generation = await PhaseRecorder.StartAsync(Page, "generation");
        await Page.GetByTestId("phase-start-generation").ClickAsync();
        await ExpectCompletedAsync("generation", 300);
        AssertWatchedFromStartToEnd(await generation.StatusesAsync());

        var (_, dnsPersonas) = await api.SendAsync(HttpMethod.Get, "/api/v2/personas/dns");
        await Page.GetByTestId($"dns-persona-{dnsPersonas[0]!["id"]}").CheckAsync();
        // Small batches under the persona's rate cap: progress comes in many steps over a few seconds.
        await Page.GetByTestId("dns-batch-size").FillAsync("20");
        await Page.GetByTestId("dns-config-save").ClickAsync();
        await Expect(Page.GetByTestId("phase-status-dns_validation")).ToHaveAttributeAsync("data-status", "configured");
        var dns = await PhaseRecorder.StartAsync(Page, "dns_validation");
        await Page.GetByTestId("phase-start-dns_validation").ClickAsync();
        await ExpectCompletedAsync("dns_validation", 300);
        // Between start and 100 % the card showed the run going: running, with a count part of the way.
        Assert.Equal(["configured", "running", "completed"], await dns.StatusesAsync());
        var dnsProcessed = await dns.ProcessedAsync();
        Assert.Equal(dnsProcessed.Order(), dnsProcessed);
        var dnsStates = await dns.StatesAsync();
        Assert.Contains(dnsStates, s => s is { Status: "running", Processed: > 0 and < 300 });

        var (_, httpPersonas) = await api.SendAsync(HttpMethod.Get, "/api/v2/personas/http");
        var (_, sets) = await api.SendAsync(HttpMethod.Get, "/api/v2/keyword-sets");
        await Page.GetByTestId($"http-persona-{httpPersonas[0]!["id"]}").CheckAsync();
        await Page.GetByTestId($"http-keyword-set-{sets[0]!["id"]}").CheckAsync();
        await Page.GetByTestId("http-config-save").ClickAsync();
        await Expect(Page.GetByTestId("phase-status-http_keyword_analysis")).ToHaveAttributeAsync("data-status", "configured");
        var campaignId = Page.Url[(Page.Url.LastIndexOf('/') + 1)..];
        var resolved = (await PhaseAsync(api, campaignId, "dns_validation"))["counters"]!["resolved"]!.GetValue<long>();
        Assert.True(resolved > 0, "the lab world resolves some of the pattern's names");
        var httpPhase = await PhaseRecorder.StartAsync(Page, "http_keyword_analysis");
        await Page.GetByTestId("phase-start-http_keyword_analysis").ClickAsync();
        await ExpectCompletedAsync("http_keyword_analysis", resolved);
        AssertWatchedFromStartToEnd(await httpPhase.StatusesAsync());
        await CapturePageAsync("campaign");

        // The table: only the sites that answered, one of the brand's in detail with its keyword hits.
        var http = await PhaseAsync(api, campaignId, "http_keyword_analysis");
        var ok = (int)http["counters"]!["ok"]!.GetValue<long>();
        await Page.GetByTestId("domains-http-filter").SelectOptionAsync("ok");
        // The table renders only the rows in view; its count of loaded rows is the whole filtered set.
        await Expect(Page.GetByTestId("domains-loaded")).ToHaveTextAsync($"{ok} loaded (all)");
        await Page.GetByTestId("domains-sort").SelectOptionAsync("score");
        var top = Page.GetByTestId("domain-row").First;
        await top.GetByTestId("domain-expand").ClickAsync();
        var detail = Page.GetByTestId("domain-dns-detail");
        // Opening moves focus into the details, and Escape hands it back to the row's button.
        await Expect(detail).ToBeFocusedAsync();
        await Expect(detail.GetByTestId("http-keyword-hit")).Not.ToHaveCountAsync(0);
        await Expect(detail.GetByTestId("http-keyword-hit-set").First).ToContainTextAsync("set Brand");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(detail).ToHaveCountAsync(0);
        await Expect(top.GetByTestId("domain-expand")).ToBeFocusedAsync();

        // The export holds every matching row, fetched by the server, not just the loaded ones.
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("export-csv").ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal(ok, csv.Length - 1);
        Assert.All(csv.Skip(1), line => Assert.Contains(",ok,", line, StringComparison.Ordinal));
        // NDJSON: one matching domain per line, the same rows.
        download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("export-ndjson").ClickAsync());
        var ndjson = (await File.ReadAllLinesAsync(await download.PathAsync())).Where(line => line.Length > 0).ToList();
        Assert.Equal(ok, ndjson.Count);
        Assert.All(ndjson, line => Assert.Equal("ok", JsonNode.Parse(line)!["http"]!["outcome"]!.GetValue<string>()));
        Assert.True(await Page.EvaluateAsync<bool>("() => window.__noReload === true"), "the campaign page was reloaded");

        // The dashboard counts the campaign and today's work.
        await Page.GetByTestId("nav-dashboard").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        await CapturePageAsync("dashboard");

        // Signing out ends the session: pages land on sign-in again.
        await Page.GetByTestId("user-menu").ClickAsync();
        await Page.GetByTestId("logout").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await Page.GotoAsync($"/campaigns/{campaignId}");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await CapturePageAsync("sign-in");
        Assert.DoesNotContain(ConsoleErrors, e => e.StartsWith("page error", StringComparison.Ordinal));
    });

    /// <summary>The same page showed the phase before its start and at its end (a phase this small may show no step between).</summary>
    private static void AssertWatchedFromStartToEnd(IReadOnlyList<string> statuses) =>
        Assert.Equal(("configured", "completed"), (statuses[0], statuses[^1]));

    /// <summary>Deletes the item open in its editor after confirming, and waits for its list.</summary>
    private async Task DeleteOpenItemAsync(string deleteTestId, string listPath)
    {
        await Page.GetByTestId(deleteTestId).ClickAsync();
        await Page.Locator("dialog[open]").GetByTestId("confirm-action").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{listPath}$"));
    }

    /// <summary>Clicks an export link and returns the JSON file it downloads, checking the file's name.</summary>
    private async Task<JsonNode> DownloadJsonAsync(string exportTestId, string fileName)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId(exportTestId).ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        return JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync()))!;
    }

    private async Task ExpectCompletedAsync(string phase, long total)
    {
        await Expect(Page.GetByTestId($"phase-status-{phase}")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 60_000 });
        await Expect(Page.GetByTestId($"phase-processed-{phase}")).ToHaveAttributeAsync("data-value", total.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> PhaseAsync(ApiClient api, string campaignId, string phase)
    {
        var (_, campaign) = await api.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{campaignId}");
        return campaign["phases"]!.AsArray().First(p => p!["phase"]!.GetValue<string>() == phase)!;
    }
}
