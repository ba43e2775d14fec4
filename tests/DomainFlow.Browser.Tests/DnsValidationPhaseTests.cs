using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DomainFlow.Browser.Tests.Support;
using DomainFlow.Server.Lab;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

/// <summary>
/// The DNS validation phase driven from the campaign page, against a loopback lab DNS server (127.0.0.0/8 only):
/// configure it in the card's panel, run it, read the outcome and resolver statistics, filter the domains by outcome,
/// and run it again.
/// </summary>
public sealed class DnsValidationPhaseTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const int NameCount = 300;

    [Fact]
    public Task The_dns_phase_is_configured_run_filtered_and_rerun_from_the_campaign_page() => UiAsync(async () =>
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 73, NameCount = NameCount });
        await using var lab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.23"));
        var resolver = lab.Endpoint.ToString();
        var (created, persona) = await Server.SendAsync(HttpMethod.Post, "/api/v2/personas/dns", new JsonObject
        {
            ["name"] = "Loopback lab",
            ["resolvers"] = new JsonArray(new JsonObject { ["address"] = resolver }),
            ["timeoutMs"] = 500,
            // Slow enough (a few seconds) for the rate chart to draw from live updates.
            ["globalRate"] = new JsonObject { ["perSecond"] = 100, ["burst"] = 10 },
        });
        Assert.True(created == 201, persona.ToJsonString());
        var personaId = persona["id"]!.GetValue<string>();
        var id = await CampaignWithNamesAsync(world);

        await Page.GotoAsync($"/campaigns/{id}");
        await Expect(Page.GetByTestId("live-indicator")).ToHaveAttributeAsync("data-status", "live");
        await Expect(Page.GetByTestId("phase-status-dns_validation")).ToHaveAttributeAsync("data-status", "not_started");
        await Expect(Page.GetByTestId("phase-start-dns_validation")).ToBeDisabledAsync();
        await Expect(Page.GetByTestId("domain-row").First).ToHaveAttributeAsync("data-dns-status", "unchecked");

        // An unconfigured phase shows its form; saving without a persona shows the server's message on the field.
        var form = Page.GetByTestId("dns-config-form");
        await Expect(form).ToBeVisibleAsync();
        var option = Page.GetByTestId($"dns-persona-{personaId}");
        await Expect(form.GetByText("Loopback lab")).ToBeVisibleAsync();
        await Expect(form.GetByText("· 1 resolver", new() { Exact = true })).ToBeVisibleAsync();
        await Page.GetByTestId("dns-config-save").ClickAsync();
        await Expect(Page.GetByTestId("error-dns-personas")).ToContainTextAsync("at least one DNS persona");
        await Expect(Page.GetByTestId("phase-status-dns_validation")).ToHaveAttributeAsync("data-status", "not_started");

        await option.CheckAsync();
        await Page.GetByLabel("Batch size (optional)").FillAsync("40");
        await Expect(Page.GetByLabel("Detect wildcard zones")).ToBeCheckedAsync();
        await Page.GetByTestId("dns-names").SelectOptionAsync("all");
        await Page.GetByTestId("dns-config-save").ClickAsync();

        await Expect(Page.GetByTestId("phase-status-dns_validation")).ToHaveAttributeAsync("data-status", "configured");
        await Expect(Page.GetByTestId("dns-config-summary")).ToHaveTextAsync("Loopback lab · all names · wildcard detection on · batches of 40");
        var stored = (await PhaseAsync(id))["config"]!;
        Assert.Equal(personaId, stored["personaIds"]![0]!.GetValue<string>());
        Assert.Equal((40, true, "all"), (stored["batchSize"]!.GetValue<int>(), stored["wildcardDetection"]!.GetValue<bool>(), stored["names"]!.GetValue<string>()));

        // Run it and watch it finish live.
        await Page.GetByTestId("phase-start-dns_validation").ClickAsync();
        var rateChart = Page.GetByTestId("rate-chart-dns_validation");
        // Two points draw the first line.
        await Expect(rateChart).ToHaveAttributeAsync("data-points", new Regex("^([2-9]|[1-9][0-9]+)$"));
        // The stepper follows: generation done, DNS the current step while it runs, HTTP next once it completed.
        await Expect(Page.GetByTestId("step-generation")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(Page.GetByTestId("step-dns_validation")).ToHaveAttributeAsync("aria-current", "step");
        await CapturePageAsync("campaign-running");
        await Expect(Page.GetByTestId("phase-status-dns_validation")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30_000 });
        await Expect(Page.GetByTestId("step-dns_validation")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(Page.GetByTestId("step-http_keyword_analysis")).ToHaveAttributeAsync("aria-current", "step");
        // The chart keeps what it drew once the run is over; at 100 names/s its peak is near that cap.
        await Expect(rateChart.GetByRole(AriaRole.Img)).ToHaveAttributeAsync("aria-label", new Regex("^Rate over the last 5 minutes: now .+, peak [0-9.,]+/s$"));
        var peak = double.Parse((await Page.GetByTestId("rate-peak-dns_validation").TextContentAsync())!.Replace(",", "", StringComparison.Ordinal).TrimEnd('/', 's'), CultureInfo.InvariantCulture);
        Assert.InRange(peak, 20, 400);
        await Expect(Page.GetByTestId("phase-processed-dns_validation")).ToHaveAttributeAsync("data-value", NameCount.ToString(CultureInfo.InvariantCulture));
        var done = await PhaseAsync(id);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        var counters = done["counters"]!.AsObject();
        string[] outcomes = ["resolved", "nxdomain", "nodata", "servfail", "refused", "timeout", "error", "wildcard"];
        var expected = outcomes.ToDictionary(o => o, o => counters[o]?.GetValue<long>() ?? 0);
        Assert.Equal(NameCount, expected.Values.Sum());
        Assert.True(expected["resolved"] > 0 && expected["nxdomain"] > 0, TestServerJson(counters));
        foreach (var (outcome, count) in expected)
        {
            await Expect(Page.GetByTestId($"dns-outcome-{outcome}")).ToHaveAttributeAsync("data-value", count.ToString(CultureInfo.InvariantCulture));
        }
        await Expect(Page.GetByTestId("dns-outcomes")).ToHaveAttributeAsync("data-total", NameCount.ToString(CultureInfo.InvariantCulture));
        await Expect(Page.GetByRole(AriaRole.Meter, new() { Name = $"NXDOMAIN: {Shown(expected["nxdomain"])} of {Shown(NameCount)}" })).ToBeVisibleAsync();

        // The resolver table shows the lab server with what the API counted for it.
        var resolverRow = Page.Locator($"[data-testid='dns-resolver-row'][data-address='{resolver}']");
        await Expect(resolverRow).ToHaveCountAsync(1);
        var sent = counters[$"resolver.{resolver}.sent"]!.GetValue<long>();
        Assert.True(sent >= NameCount, $"sent {sent}");
        await Expect(resolverRow.GetByTestId("dns-resolver-sent")).ToHaveAttributeAsync("data-value", sent.ToString(CultureInfo.InvariantCulture));
        await Expect(resolverRow.GetByTestId("dns-resolver-answered")).ToHaveAttributeAsync("data-value", counters[$"resolver.{resolver}.answered"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture));

        // The table reloads after the run: every row has its DNS status, as the API says.
        var (_, firstPage) = await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?limit=5");
        var rows = Page.GetByTestId("domain-row");
        for (var i = 0; i < 5; i++)
        {
            var item = firstPage["items"]![i]!;
            await Expect(rows.Nth(i)).ToHaveAttributeAsync("data-name", item["name"]!.GetValue<string>());
            await Expect(rows.Nth(i).GetByTestId("dns-status")).ToHaveAttributeAsync("data-status", item["dns"]!["status"]!.GetValue<string>());
        }
        var resolvedItem = firstPage["items"]!.AsArray().First(d => d!["dns"]!["status"]!.GetValue<string>() == "resolved")!;
        var resolvedRow = Page.Locator($"[data-testid='domain-row'][data-name='{resolvedItem["name"]!.GetValue<string>()}']");
        await Expect(resolvedRow.Locator("[data-column='addresses']")).ToContainTextAsync(resolvedItem["dns"]!["ipv4"]![0]!.GetValue<string>());

        // Filter by outcome: only NXDOMAIN rows, all of them, and the export links follow the filter.
        await Page.GetByTestId("domains-dns-filter").SelectOptionAsync("nxdomain");
        await Expect(Page.GetByTestId("domains-loaded")).ToHaveTextAsync($"{Shown(expected["nxdomain"])} loaded (all)");
        Assert.All(await Page.GetByTestId("domain-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.dnsStatus)"), s => Assert.Equal("nxdomain", s));
        Assert.Contains("dns=nxdomain", await Page.GetByTestId("export-csv").GetAttributeAsync("href"));
        Assert.Contains("dns=nxdomain", await Page.GetByTestId("export-ndjson").GetAttributeAsync("href"));

        // A row click opens its DNS detail.
        var firstAbsent = Page.GetByTestId("domain-row").First;
        var absentName = await firstAbsent.GetAttributeAsync("data-name");
        await firstAbsent.ClickAsync();
        var detail = Page.GetByTestId("domain-dns-detail");
        await Expect(detail).ToHaveAttributeAsync("data-name", absentName!);
        await Expect(detail.GetByTestId("dns-detail-rcode")).ToHaveTextAsync("NXDOMAIN");
        await Expect(detail.GetByTestId("dns-detail-resolver")).ToHaveTextAsync(resolver);
        await Expect(firstAbsent.GetByTestId("domain-expand")).ToHaveAttributeAsync("aria-expanded", "true");

        // A completed DNS phase can run again. Only names without a result: there are none, and the card says so.
        await Expect(Page.GetByTestId("phase-start-dns_validation")).ToBeEnabledAsync();
        await Page.GetByTestId("dns-config-edit").ClickAsync();
        await Page.GetByTestId("dns-names").SelectOptionAsync("unresolved");
        await Page.GetByTestId("dns-config-save").ClickAsync();
        await Expect(Page.GetByTestId("dns-config-summary")).ToContainTextAsync("names without a result");
        await Expect(Page.GetByTestId("phase-status-dns_validation")).ToHaveAttributeAsync("data-status", "configured");
        await Page.GetByTestId("phase-start-dns_validation").ClickAsync();
        await Expect(Page.GetByTestId("phase-failure-dns_validation")).ToContainTextAsync("already has a DNS result");
        await Expect(Page.GetByTestId("phase-status-dns_validation")).ToHaveAttributeAsync("data-status", "failed");

        // Back to all names: the re-run resolves everything again.
        await Page.GetByTestId("dns-config-edit").ClickAsync();
        await Page.GetByTestId("dns-names").SelectOptionAsync("all");
        await Page.GetByTestId("dns-config-save").ClickAsync();
        await Expect(Page.GetByTestId("phase-status-dns_validation")).ToHaveAttributeAsync("data-status", "configured");
        await Page.GetByTestId("phase-start-dns_validation").ClickAsync();
        await Expect(Page.GetByTestId("phase-status-dns_validation")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30_000 });
        await Expect(Page.GetByTestId("dns-outcome-nxdomain")).ToHaveAttributeAsync("data-value", expected["nxdomain"].ToString(CultureInfo.InvariantCulture));

        // The page's only failed requests are the two the test provoked; nothing threw. (A list request the client
        // cancelled because the filter changed underneath it shows up as net::ERR_ABORTED: that is not a failure.)
        Assert.Equal(2, FailedRequests.Count(r => !r.EndsWith("net::ERR_ABORTED", StringComparison.Ordinal)));
        Assert.Contains(FailedRequests, r => r.Contains("/phases/dns_validation/config: HTTP 400", StringComparison.Ordinal));
        Assert.Contains(FailedRequests, r => r.Contains("/phases/dns_validation/start: HTTP 409", StringComparison.Ordinal));
        Assert.DoesNotContain(ConsoleErrors, e => e.StartsWith("page error", StringComparison.Ordinal));
    });

    [Fact]
    public Task Without_an_enabled_persona_the_dns_panel_points_to_the_personas_page() => UiAsync(async () =>
    {
        var id = await Server.CreateCampaignAsync(new JsonObject { ["name"] = "no personas", ["generation"] = new JsonObject { ["source"] = "list" } });

        await Page.GotoAsync($"/campaigns/{id}");

        var empty = Page.GetByTestId("dns-personas-empty");
        await Expect(empty).ToBeVisibleAsync();
        await empty.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/personas/dns$"));
    });

    private async Task<string> CampaignWithNamesAsync(DnsWorld world)
    {
        var id = await Server.CreateCampaignAsync(new JsonObject { ["name"] = "dns lab", ["generation"] = new JsonObject { ["source"] = "list" } });
        using var upload = await Server.Http.PostAsync($"/api/v2/campaigns/{id}/phases/generation/list",
            new StringContent(string.Join('\n', world.Names()), System.Text.Encoding.UTF8, "text/plain"));
        upload.EnsureSuccessStatusCode();
        Assert.Equal(200, (await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start")).Status);
        var generation = await Server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed");
        Assert.Equal(NameCount, generation["processed"]!.GetValue<long>());
        return id;
    }

    private async Task<JsonNode> PhaseAsync(string campaignId)
    {
        var (_, campaign) = await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{campaignId}");
        return campaign["phases"]!.AsArray().First(p => p!["phase"]!.GetValue<string>() == "dns_validation")!;
    }

    private static string TestServerJson(JsonNode node) => node.ToJsonString();

    /// <summary>A count as the page formats it (en-US grouping).</summary>
    private static string Shown(long value) => value.ToString("N0", CultureInfo.GetCultureInfo("en-US"));
}
