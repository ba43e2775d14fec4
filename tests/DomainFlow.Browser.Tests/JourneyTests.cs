using System.Globalization;
using DomainFlow.Browser.Tests.Support;
using DomainFlow.Server.Lab;
using DomainFlow.Store.Users;
using DomainFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

/// <summary>
/// A newcomer's whole first session in the browser, against the loopback DNS and web lab: set up the first account,
/// make the personas and keyword set, create a pattern campaign in the wizard, run every phase to 100 % watching it
/// live, filter the domains, read one in detail, export, manage a proxy, and sign out. A screenshot of each main page
/// is kept in .artifacts/browser/pages.
/// </summary>
public sealed class JourneyTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Password = "journey-through-the-lab-42";

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
        await Page.GetByTestId("nav-keyword-sets").ClickAsync();
        await Expect(Page.GetByTestId("keyword-set-row")).ToHaveCountAsync(1);
        await CapturePageAsync("keyword-sets");

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

        // Generation, then DNS, then HTTP, each configured and started here and followed live to 100 %.
        await Page.GetByTestId("phase-start-generation").ClickAsync();
        await ExpectCompletedAsync("generation", 300);

        var (_, dnsPersonas) = await api.SendAsync(HttpMethod.Get, "/api/v2/personas/dns");
        await Page.GetByTestId($"dns-persona-{dnsPersonas[0]!["id"]}").CheckAsync();
        await Page.GetByTestId("dns-config-save").ClickAsync();
        await Expect(Page.GetByTestId("phase-status-dns_validation")).ToHaveAttributeAsync("data-status", "configured");
        await Page.GetByTestId("phase-start-dns_validation").ClickAsync();
        await ExpectCompletedAsync("dns_validation", 300);

        var (_, httpPersonas) = await api.SendAsync(HttpMethod.Get, "/api/v2/personas/http");
        var (_, sets) = await api.SendAsync(HttpMethod.Get, "/api/v2/keyword-sets");
        await Page.GetByTestId($"http-persona-{httpPersonas[0]!["id"]}").CheckAsync();
        await Page.GetByTestId($"http-keyword-set-{sets[0]!["id"]}").CheckAsync();
        await Page.GetByTestId("http-config-save").ClickAsync();
        await Expect(Page.GetByTestId("phase-status-http_keyword_analysis")).ToHaveAttributeAsync("data-status", "configured");
        var campaignId = Page.Url[(Page.Url.LastIndexOf('/') + 1)..];
        var resolved = (await PhaseAsync(api, campaignId, "dns_validation"))["counters"]!["resolved"]!.GetValue<long>();
        Assert.True(resolved > 0, "the lab world resolves some of the pattern's names");
        await Page.GetByTestId("phase-start-http_keyword_analysis").ClickAsync();
        await ExpectCompletedAsync("http_keyword_analysis", resolved);
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
        await Expect(Page.GetByTestId("domain-http-detail").GetByTestId("http-keyword-hit")).Not.ToHaveCountAsync(0);

        // The export holds every matching row, fetched by the server, not just the loaded ones.
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("export-csv").ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal(ok, csv.Length - 1);
        Assert.All(csv.Skip(1), line => Assert.Contains(",ok,", line, StringComparison.Ordinal));

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
