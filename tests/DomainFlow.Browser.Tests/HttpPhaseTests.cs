using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DomainFlow.Browser.Tests.Support;
using DomainFlow.Server.Lab;
using DomainFlow.Testing;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

/// <summary>
/// The HTTP keyword analysis phase driven from the campaign page, against the loopback DNS and web labs: configure it
/// in the card (persona, keyword set, ad-hoc keywords), run it, and read each domain's HTTP result in the table.
/// </summary>
public sealed class HttpPhaseTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const int NameCount = 60;

    protected override Task<TestServer> StartServerAsync() => TestServer.StartAsync("sqlite", 2, "--Network:AllowPrivateTargets=true");

    [Fact]
    public Task The_http_phase_is_configured_and_run_from_the_campaign_page_and_its_results_fill_the_table() => UiAsync(async () =>
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 81, NameCount = NameCount, ExistingFraction = 0.8, WebAddress = IPAddress.Loopback, WildcardShare = 0, BigTextShare = 0, Ipv6OnlyShare = 0 });
        await using var dns = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.24"));
        await using var web = await LabWebServer.StartAsync(new Dictionary<string, LabSite>(), fallback: WebWorld.Site());
        var id = await Server.CreateCampaignAsync(new JsonObject { ["name"] = "http lab", ["generation"] = new JsonObject { ["source"] = "list" } });
        using (var upload = await Server.Http.PostAsync($"/api/v2/campaigns/{id}/phases/generation/list", new StringContent(string.Join('\n', world.Names()), System.Text.Encoding.UTF8, "text/plain")))
        {
            upload.EnsureSuccessStatusCode();
        }
        await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        await Server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed");
        var (_, dnsPersona) = await Server.SendAsync(HttpMethod.Post, "/api/v2/personas/dns", new JsonObject { ["name"] = "lab dns", ["resolvers"] = new JsonArray(new JsonObject { ["address"] = dns.Endpoint.ToString() }) });
        await Server.SendAsync(HttpMethod.Put, $"/api/v2/campaigns/{id}/phases/dns_validation/config", new JsonObject { ["personaIds"] = new JsonArray(dnsPersona["id"]!.DeepClone()) });
        await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/dns_validation/start");
        await Server.WaitForPhaseAsync(id, "dns_validation", p => p["status"]!.GetValue<string>() == "completed");
        var (_, persona) = await Server.SendAsync(HttpMethod.Post, "/api/v2/personas/http", new JsonObject { ["name"] = "Lab browser", ["schemeOrder"] = "http", ["httpPorts"] = new JsonArray(web.HttpPort) });
        var (_, set) = await Server.SendAsync(HttpMethod.Post, "/api/v2/keyword-sets", new JsonObject { ["name"] = "Brand", ["rules"] = new JsonArray(new JsonObject { ["pattern"] = WebWorld.Brand }) });

        await Page.GotoAsync($"/campaigns/{id}");
        await Expect(Page.GetByTestId("live-indicator")).ToHaveAttributeAsync("data-status", "live");
        var form = Page.GetByTestId("http-config-form");
        await Expect(form).ToBeVisibleAsync();
        await Page.GetByTestId("http-config-save").ClickAsync(); // no persona: the server's message shows
        await Expect(form).ToContainTextAsync("HTTP personas");
        await Expect(Page.GetByTestId("phase-status-http_keyword_analysis")).ToHaveAttributeAsync("data-status", "not_started");

        await Page.GetByTestId($"http-persona-{persona["id"]}").CheckAsync();
        await Page.GetByTestId($"http-keyword-set-{set["id"]}").CheckAsync();
        await Page.GetByTestId("http-adhoc").FillAsync("for sale");
        await Page.GetByTestId("http-concurrency").FillAsync("8");
        await Page.GetByTestId("http-config-save").ClickAsync();
        await Expect(Page.GetByTestId("http-config-summary")).ToHaveTextAsync("Lab browser · 1 keyword set + 1 keyword · 8 at once (4 per IP) · all resolved names");

        await Page.GetByTestId("phase-start-http_keyword_analysis").ClickAsync();
        await Expect(Page.GetByTestId("phase-status-http_keyword_analysis")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30_000 });
        var (_, campaign) = await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}");
        var phase = campaign["phases"]!.AsArray().First(p => p!["phase"]!.GetValue<string>() == "http_keyword_analysis")!;
        Assert.True(phase["processed"]!.GetValue<long>() > 0);
        Assert.Equal(phase["total"]!.GetValue<long>(), phase["processed"]!.GetValue<long>());

        // The card's outcome chart and findings match the phase's counters.
        var counters = phase["counters"]!.AsObject();
        var probed = 0L;
        foreach (var outcome in new[] { "ok", "http_error", "timeout", "connection_refused", "tls_error", "proxy_error", "blocked_target", "too_many_redirects", "error" })
        {
            var count = counters[outcome]?.GetValue<long>() ?? 0;
            probed += count;
            await Expect(Page.GetByTestId($"http-outcome-{outcome}")).ToHaveAttributeAsync("data-value", count.ToString(CultureInfo.InvariantCulture));
        }
        Assert.Equal(phase["processed"]!.GetValue<long>(), probed);
        Assert.True(counters["ok"]!.GetValue<long>() > 0, counters.ToJsonString());
        await Expect(Page.GetByTestId("http-outcomes")).ToHaveAttributeAsync("data-total", probed.ToString(CultureInfo.InvariantCulture));
        await Expect(Page.GetByTestId("phase-counter-http_keyword_analysis-keyword_matches"))
            .ToHaveTextAsync(counters["keyword_matches"]!.GetValue<long>().ToString("N0", CultureInfo.InvariantCulture));

        // A brand site's row shows its HTTP status, title and a score above zero.
        var (_, page) = await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?http=ok&limit=1000");
        var brand = page["items"]!.AsArray().First(d => WebWorld.KindOf(d!["name"]!.GetValue<string>()) == WebSiteKind.Brand)!;
        var row = Page.GetByTestId("domain-row").Filter(new() { HasText = brand["name"]!.GetValue<string>() });
        // The rows filled in live, without a reload (the table follows the event stream, it does not poll).
        await Expect(row.Locator("[data-column=http]")).ToHaveTextAsync("OK 200");
        await Expect(row.Locator("[data-column=title]")).ToHaveTextAsync($"{brand["name"]!.GetValue<string>()} store");
        await Expect(row.Locator("[data-column=score]")).Not.ToHaveTextAsync("0.0");

        // Its details: the HTTP answer and the keyword hits with their context.
        await row.GetByTestId("domain-expand").ClickAsync();
        var detail = Page.GetByTestId("domain-http-detail");
        await Expect(detail.GetByTestId("http-title")).ToHaveTextAsync($"{brand["name"]!.GetValue<string>()} store");
        var hit = detail.GetByTestId("http-keyword-hit").Filter(new() { HasText = WebWorld.Brand });
        await Expect(hit).ToContainTextAsync($"× {WebWorld.BrandMentions(brand["name"]!.GetValue<string>())}");
        await Expect(hit).ToContainTextAsync($"Buy {WebWorld.Brand} products here");
        await CapturePageAsync("campaign-domain-detail");

        // Filters by the HTTP phase's outcome and by parking, each matching the server's own answer.
        var httpErrors = (int)counters["http_error"]!.GetValue<long>();
        Assert.True(httpErrors > 0, "the lab world has missing pages among these names");
        await Page.GetByTestId("domains-http-filter").SelectOptionAsync("http_error");
        await Expect(Page.GetByTestId("domain-row")).ToHaveCountAsync(httpErrors);
        await Expect(Page.GetByTestId("domain-row").First.Locator("[data-column=http]")).ToHaveTextAsync("HTTP error 404");
        await Page.GetByTestId("domains-http-filter").SelectOptionAsync("");
        await Page.GetByTestId("domains-parked-filter").SelectOptionAsync("true");
        await Expect(Page.GetByTestId("domain-row")).ToHaveCountAsync((int)counters["parked"]!.GetValue<long>());
        await Page.GetByTestId("domains-parked-filter").SelectOptionAsync("");

        // Sorted by keyword score, the best-scoring site comes first.
        var (_, best) = await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?sort=score&limit=1");
        await Page.GetByTestId("domains-sort").SelectOptionAsync("score");
        await Expect(Page.GetByTestId("domain-row").First).ToHaveAttributeAsync("data-name", best["items"]![0]!["name"]!.GetValue<string>());

        // A column chosen stays chosen after a reload.
        await Page.GetByTestId("column-chooser").Locator("summary").ClickAsync();
        await Page.GetByTestId("column-tech").CheckAsync();
        await Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "Tech" })).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "Tech" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "CNAME chain" })).ToHaveCountAsync(0);
    });
}
