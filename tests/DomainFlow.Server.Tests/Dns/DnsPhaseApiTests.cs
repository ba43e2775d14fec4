using System.Net;
using System.Text.Json.Nodes;
using DomainFlow.Server.Lab;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Dns;

/// <summary>The DNS validation phase through the API: configure with a persona, run, read and export the results.</summary>
public sealed class DnsPhaseApiTests
{
    private static async Task<(string Campaign, DnsWorld World)> CampaignWithDomainsAsync(TestServer server, int count, int seed)
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = seed, NameCount = count });
        var id = await server.CreateCampaignAsync(new JsonObject { ["name"] = "dns", ["generation"] = new JsonObject { ["source"] = "list" } });
        using var upload = await server.Http.PostAsync($"/api/v2/campaigns/{id}/phases/generation/list", new StringContent(string.Join('\n', world.Names()), System.Text.Encoding.UTF8, "text/plain"));
        upload.EnsureSuccessStatusCode();
        await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        await server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed");
        return (id, world);
    }

    private static async Task<string> PersonaAsync(TestServer server, IPEndPoint resolver)
    {
        var (status, body) = await server.SendAsync(HttpMethod.Post, "/api/v2/personas/dns", new JsonObject
        {
            ["name"] = "lab " + Guid.NewGuid().ToString("N")[..6],
            ["resolvers"] = new JsonArray(new JsonObject { ["address"] = resolver.ToString() }),
            ["timeoutMs"] = 400,
        });
        Assert.True(status == 201, body.ToJsonString());
        return body["id"]!.GetValue<string>();
    }

    [Theory]
    [MemberData(nameof(TestServer.Engines), MemberType = typeof(TestServer))]
    public async Task A_configured_dns_phase_runs_and_its_results_can_be_paged_filtered_and_exported(string engine)
    {
        await using var server = await TestServer.StartAsync(engine);
        var (id, world) = await CampaignWithDomainsAsync(server, 500, seed: 51);
        await using var lab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.18"));
        var persona = await PersonaAsync(server, lab.Endpoint);

        var (configured, phase) = await server.SendAsync(HttpMethod.Put, $"/api/v2/campaigns/{id}/phases/dns_validation/config",
            new JsonObject { ["personaIds"] = new JsonArray(persona), ["batchSize"] = 120, ["wildcardDetection"] = true });
        var (started, _) = await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/dns_validation/start");
        var done = await server.WaitForPhaseAsync(id, "dns_validation", p => p["status"]!.GetValue<string>() != "running");
        var (_, resolved) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?dns=resolved&limit=1000");
        var (_, absent) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?dns=nxdomain&limit=1000");
        var (badFilter, _) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?dns=maybe");
        var csv = (await server.Http.GetStringAsync($"/api/v2/campaigns/{id}/domains/export?format=csv&dns=resolved")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(200, configured);
        Assert.Equal("configured", phase["status"]!.GetValue<string>());
        Assert.Equal(200, started);
        Assert.Equal(("completed", 500L), (done["status"]!.GetValue<string>(), done["processed"]!.GetValue<long>()));
        var resolvedItems = resolved["items"]!.AsArray();
        Assert.Equal(done["counters"]!["resolved"]!.GetValue<long>(), resolvedItems.Count);
        Assert.Equal(done["counters"]!["nxdomain"]!.GetValue<long>(), absent["items"]!.AsArray().Count);
        foreach (var item in resolvedItems)
        {
            var truth = world.Lookup(item!["name"]!.GetValue<string>());
            Assert.Equal(truth.Ipv4.Select(a => a.ToString()).Order(), item["dns"]!["ipv4"]!.AsArray().Select(a => a!.GetValue<string>()).Order());
            Assert.Equal(truth.Chain, item["dns"]!["cname"]!.AsArray().Select(a => a!.GetValue<string>()));
        }
        Assert.Equal(400, badFilter);
        Assert.Equal("ordinal,name,dns_status,ipv4,ipv6,cname,http_status,status_code,final_url,title,keyword_score,parked,technologies", csv[0]);
        Assert.Equal(resolvedItems.Count, csv.Length - 1);
        Assert.All(csv.Skip(1), line => Assert.Equal("resolved", line.Split(',')[2]));
    }

    [Fact]
    public async Task The_dns_configuration_is_validated_against_the_stored_personas()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var id = await server.CreateCampaignAsync(TestServer.PatternSpec("x", 18));

        var (missing, missingProblem) = await server.SendAsync(HttpMethod.Put, $"/api/v2/campaigns/{id}/phases/dns_validation/config",
            new JsonObject { ["personaIds"] = new JsonArray(Guid.NewGuid().ToString()), ["batchSize"] = 0 });
        var (empty, emptyProblem) = await server.SendAsync(HttpMethod.Put, $"/api/v2/campaigns/{id}/phases/dns_validation/config", new JsonObject());

        Assert.Equal(400, missing);
        Assert.Equal(["batchSize", "personaIds[0]"], missingProblem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal(400, empty);
        Assert.NotNull(emptyProblem["errors"]!["personaIds"]);
    }

    [Fact]
    public async Task A_completed_dns_phase_can_run_again_over_the_names_without_a_result()
    {
        await using var server = await TestServer.StartAsync();
        var (id, world) = await CampaignWithDomainsAsync(server, 200, seed: 52);
        await using var lab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.19"));
        var persona = await PersonaAsync(server, lab.Endpoint);
        await server.SendAsync(HttpMethod.Put, $"/api/v2/campaigns/{id}/phases/dns_validation/config", new JsonObject { ["personaIds"] = new JsonArray(persona) });
        await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/dns_validation/start");
        await server.WaitForPhaseAsync(id, "dns_validation", p => p["status"]!.GetValue<string>() == "completed");

        var (reconfigured, _) = await server.SendAsync(HttpMethod.Put, $"/api/v2/campaigns/{id}/phases/dns_validation/config",
            new JsonObject { ["personaIds"] = new JsonArray(persona), ["names"] = "unresolved" });
        var (rerun, problem) = await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/dns_validation/start");

        Assert.Equal(200, reconfigured);
        Assert.Equal((409, "phase_start_failed"), (rerun, problem["code"]!.GetValue<string>()));
        Assert.Contains("already has a DNS result", problem["detail"]!.GetValue<string>());
    }
}
