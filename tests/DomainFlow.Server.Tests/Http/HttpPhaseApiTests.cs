using System.Net;
using System.Text.Json.Nodes;
using DomainFlow.Server.Lab;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Http;

/// <summary>The HTTP keyword analysis phase through the API: configure, run after DNS, read, filter and export results.</summary>
public sealed class HttpPhaseApiTests
{
    private static async Task<string> CreateAsync(TestServer server, string path, JsonObject body)
    {
        var (status, created) = await server.SendAsync(HttpMethod.Post, path, body);
        Assert.True(status == 201, created.ToJsonString());
        return created["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task After_dns_the_http_phase_probes_every_resolved_domain_and_its_results_are_filtered_and_exported()
    {
        await using var server = await TestServer.StartAsync("sqlite", 2, "--Network:AllowPrivateTargets=true");
        var world = new DnsWorld(new DnsWorldOptions { Seed = 61, NameCount = 150, ExistingFraction = 0.7, WebAddress = IPAddress.Loopback, WildcardShare = 0, BigTextShare = 0, Ipv6OnlyShare = 0 });
        await using var dns = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.19"));
        await using var web = await LabWebServer.StartAsync(new Dictionary<string, LabSite>(), fallback: WebWorld.Site());
        var id = await server.CreateCampaignAsync(new JsonObject { ["name"] = "http", ["generation"] = new JsonObject { ["source"] = "list" } });
        using (var upload = await server.Http.PostAsync($"/api/v2/campaigns/{id}/phases/generation/list", new StringContent(string.Join('\n', world.Names()), System.Text.Encoding.UTF8, "text/plain")))
        {
            upload.EnsureSuccessStatusCode();
        }
        await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        await server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed");
        var dnsPersona = await CreateAsync(server, "/api/v2/personas/dns", new JsonObject { ["name"] = "lab dns", ["resolvers"] = new JsonArray(new JsonObject { ["address"] = dns.Endpoint.ToString() }) });
        await server.SendAsync(HttpMethod.Put, $"/api/v2/campaigns/{id}/phases/dns_validation/config", new JsonObject { ["personaIds"] = new JsonArray(dnsPersona) });
        await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/dns_validation/start");
        await server.WaitForPhaseAsync(id, "dns_validation", p => p["status"]!.GetValue<string>() == "completed");
        var httpPersona = await CreateAsync(server, "/api/v2/personas/http", new JsonObject { ["name"] = "lab web", ["schemeOrder"] = "http", ["httpPorts"] = new JsonArray(web.HttpPort), ["allowedStatusCodes"] = new JsonArray("200-299") });
        var keywordSet = await CreateAsync(server, "/api/v2/keyword-sets", new JsonObject { ["name"] = "brand", ["rules"] = new JsonArray(new JsonObject { ["pattern"] = WebWorld.Brand }) });

        var (invalid, invalidProblem) = await server.SendAsync(HttpMethod.Put, $"/api/v2/campaigns/{id}/phases/http_keyword_analysis/config",
            new JsonObject { ["personaIds"] = new JsonArray(Guid.NewGuid().ToString()), ["keywordSetIds"] = new JsonArray(Guid.NewGuid().ToString()), ["concurrency"] = 0 });
        var (configured, _) = await server.SendAsync(HttpMethod.Put, $"/api/v2/campaigns/{id}/phases/http_keyword_analysis/config",
            new JsonObject { ["personaIds"] = new JsonArray(httpPersona), ["keywordSetIds"] = new JsonArray(keywordSet), ["concurrency"] = 8, ["perIpConcurrency"] = 8 });
        var (started, _) = await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/http_keyword_analysis/start");
        var done = await server.WaitForPhaseAsync(id, "http_keyword_analysis", p => p["status"]!.GetValue<string>() != "running");
        var (_, parked) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?parked=true&limit=1000");
        var (_, errors) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?http=http_error&limit=1000");
        var (_, unprobed) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?http=unchecked&dns=resolved&limit=1000");
        var (badFilter, badProblem) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?http=sideways");
        var csv = (await server.Http.GetStringAsync($"/api/v2/campaigns/{id}/domains/export?format=csv&http=ok")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(400, invalid);
        Assert.Equal(["concurrency", "keywordSetIds[0]", "perIpConcurrency", "personaIds[0]"], invalidProblem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal((200, 200), (configured, started));
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        var total = done["total"]!.GetValue<long>();
        Assert.Equal(total, done["processed"]!.GetValue<long>());
        Assert.Equal(total, done["counters"]!["ok"]!.GetValue<long>() + done["counters"]!["http_error"]!.GetValue<long>());
        Assert.Equal(done["counters"]!["parked"]!.GetValue<long>(), parked["items"]!.AsArray().Count);
        Assert.All(parked["items"]!.AsArray(), d => Assert.Equal(WebSiteKind.Parked, WebWorld.KindOf(d!["name"]!.GetValue<string>())));
        Assert.All(errors["items"]!.AsArray(), d => Assert.Equal(404, d!["http"]!["statusCode"]!.GetValue<int>()));
        Assert.Empty(unprobed["items"]!.AsArray());
        Assert.Equal((400, "http"), (badFilter, string.Join(' ', badProblem["errors"]!.AsObject().Select(e => e.Key))));
        Assert.Equal(done["counters"]!["ok"]!.GetValue<long>(), csv.Length - 1);
        var brand = csv.Skip(1).Select(l => l.Split(',')).First(f => WebWorld.KindOf(f[1]) == WebSiteKind.Brand);
        Assert.Equal(("ok", "200", $"{brand[1]} store"), (brand[6], brand[7], brand[9]));
        Assert.True(double.Parse(brand[10], System.Globalization.CultureInfo.InvariantCulture) >= 1);

        // Score order: every probed domain once, by keyword score, through pages of 9; a cursor of the other order is refused.
        var scores = new List<double>();
        var seen = new HashSet<string>();
        string? cursor = null;
        do
        {
            var (status, page) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?sort=score&limit=9{(cursor is null ? "" : $"&after={Uri.EscapeDataString(cursor)}")}");
            Assert.Equal(200, status);
            foreach (var d in page["items"]!.AsArray())
            {
                Assert.True(seen.Add(d!["name"]!.GetValue<string>()));
                scores.Add(d["http"]!["keywordScore"]!.GetValue<double>());
            }
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Equal(total, seen.Count);
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.True(scores[0] >= 1 && scores[^1] == 0);
        var (badSort, _) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?sort=size");
        var (badCursor, badCursorProblem) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?sort=score&after=41");
        Assert.Equal((400, 400, "after"), (badSort, badCursor, string.Join(' ', badCursorProblem["errors"]!.AsObject().Select(e => e.Key))));
    }
}
