using System.Globalization;
using System.Text.Json.Nodes;
using DomainFlow.Server.Lab;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Cli;

/// <summary>`domainflow demo` as a newcomer runs it: a process, its printed sign-in, the web API, Ctrl+C.</summary>
public sealed class DemoCommandTests
{
    /// <summary>The demo's campaign names, as its pattern spells them: "n" + two digits under each of the lab's zones.</summary>
    private static readonly string[] CampaignNames =
        [.. Enumerable.Range(0, 100).SelectMany(n => DemoLab.WorldOptions.Zones.Select(zone => string.Create(CultureInfo.InvariantCulture, $"n{n:00}.{zone}")))];

    private static async Task<JsonNode> GetAsync(ApiClient client, string path)
    {
        var (status, body) = await client.SendAsync(HttpMethod.Get, path);
        Assert.True(status == 200, $"GET {path} answered {status}: {body.ToJsonString()}");
        return body;
    }

    private static long Counter(JsonNode phase, string name) => phase["counters"]![name]!.GetValue<long>();

    private static List<string> Names(JsonNode list) => [.. list.AsArray().Select(item => item!["name"]!.GetValue<string>())];

    private static async Task InDataFolderAsync(Func<string, Task> test)
    {
        var dataDir = Directory.CreateTempSubdirectory("domainflow-demo-").FullName;
        try
        {
            await test(dataDir);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public Task The_demo_prints_a_sign_in_whose_campaign_runs_every_phase_against_the_lab_and_ctrl_c_stops_it_cleanly() => InDataFolderAsync(async dataDir =>
    {
        await using var demo = await DemoProcess.StartAsync(dataDir);
        var (signedIn, client) = await demo.SignInAsync();
        using var _ = client;
        var dnsPersonas = await GetAsync(client, "/api/v2/personas/dns");
        var httpPersonas = await GetAsync(client, "/api/v2/personas/http");
        var keywordSets = await GetAsync(client, "/api/v2/keyword-sets");
        var campaigns = (await GetAsync(client, "/api/v2/campaigns"))["items"]!.AsArray();
        var id = campaigns.Single()!["id"]!.GetValue<string>();
        var phases = (await GetAsync(client, $"/api/v2/campaigns/{id}/phases")).AsArray();

        var (started, _) = await client.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        // Auto mode: generation starts DNS validation, which starts HTTP keyword analysis.
        await client.WaitForPhaseAsync(id, "http_keyword_analysis", p => p["status"]!.GetValue<string>() is "completed" or "failed", TimeSpan.FromMinutes(3));
        var done = (await GetAsync(client, $"/api/v2/campaigns/{id}/phases")).AsArray().ToDictionary(p => p!["phase"]!.GetValue<string>(), p => p!);
        var probed = (await GetAsync(client, $"/api/v2/campaigns/{id}/domains?http=ok&limit=1000"))["items"]!.AsArray();
        var exitCode = await demo.InterruptAsync();

        Assert.Equal(200, signedIn);
        Assert.Equal("Demo lab DNS", Names(dnsPersonas).Single());
        Assert.Equal($"127.0.0.2:{demo.PortsIn("DNS lab")[0]}", dnsPersonas[0]!["resolvers"]![0]!["address"]!.GetValue<string>());
        Assert.Equal("Demo lab web", Names(httpPersonas).Single());
        Assert.Equal(demo.PortsIn("Web lab"), [httpPersonas[0]!["httpPorts"]![0]!.GetValue<int>(), httpPersonas[0]!["httpsPorts"]![0]!.GetValue<int>()]);
        Assert.Equal("Demo keywords", Names(keywordSets).Single());
        Assert.Equal(("Demo campaign", "auto"), (campaigns[0]!["name"]!.GetValue<string>(), campaigns[0]!["mode"]!.GetValue<string>()));
        Assert.Contains($"/campaigns/{id}", string.Join('\n', demo.Output));
        Assert.Equal(["configured", "configured", "configured", "not_started"], phases.Select(p => p!["status"]!.GetValue<string>()));
        Assert.Equal(200, started);

        // The world decides what each name is, so every counter is known in advance.
        var world = new DnsWorld(DemoLab.WorldOptions);
        var resolved = CampaignNames.Where(name => world.Lookup(name).Ipv4.Count > 0).ToList();
        var kinds = resolved.Select(WebWorld.KindOf).ToList();
        Assert.All(done.Values.Take(3), p => Assert.Equal("completed", p["status"]!.GetValue<string>()));
        Assert.Equal(CampaignNames.Length, Counter(done["generation"], "generated"));
        Assert.NotEmpty(resolved);
        Assert.Equal((resolved.Count, CampaignNames.Length - resolved.Count), (Counter(done["dns_validation"], "resolved"), Counter(done["dns_validation"], "nxdomain")));
        var http = done["http_keyword_analysis"];
        Assert.Equal(resolved.Count, http["processed"]!.GetValue<long>());
        Assert.Equal(kinds.Count(k => k != WebSiteKind.Missing), Counter(http, "ok"));
        Assert.Equal(kinds.Count(k => k == WebSiteKind.Missing), Counter(http, "http_error"));
        Assert.Equal(kinds.Count(k => k == WebSiteKind.Parked), Counter(http, "parked"));
        Assert.Equal(kinds.Count(k => k is WebSiteKind.Brand or WebSiteKind.Parked), Counter(http, "keyword_matches"));
        Assert.Equal(0, Counter(http, "blocked_target"));
        var brand = probed.First(d => WebWorld.KindOf(d!["name"]!.GetValue<string>()) == WebSiteKind.Brand)!;
        var brandHit = brand["http"]!["keywordHits"]!.AsArray().Single()!;
        Assert.Equal((WebWorld.Brand, WebWorld.BrandMentions(brand["name"]!.GetValue<string>())), (brandHit["pattern"]!.GetValue<string>(), brandHit["count"]!.GetValue<int>()));
        Assert.Equal("127.0.0.3", brand["http"]!["address"]!.GetValue<string>());

        Assert.Equal(0, exitCode);
        Assert.Contains(demo.Output, line => line.Contains("Application is shutting down", StringComparison.Ordinal));
        Assert.DoesNotContain(demo.Output, line => line.StartsWith("fail:", StringComparison.Ordinal) || line.Contains("Unhandled", StringComparison.Ordinal));
    });

    [Fact]
    public Task Running_the_demo_again_reuses_its_resources_with_a_new_password_and_reset_recreates_them() => InDataFolderAsync(async dataDir =>
    {
        var first = await RunOnceAsync(dataDir, previousPassword: null);
        var again = await RunOnceAsync(dataDir, first.Password);
        var reset = await RunOnceAsync(dataDir, again.Password, "--reset");

        Assert.Equal([0, 0, 0], [first.ExitCode, again.ExitCode, reset.ExitCode]);
        Assert.NotEqual(first.Password, again.Password);
        Assert.Equal((401, 401), (again.PreviousPasswordStatus, reset.PreviousPasswordStatus));
        Assert.Equal("nothing (all reused)", again.Created);
        Assert.Equal(first.Ids, again.Ids);
        // The personas follow the lab, whose ports are new at every start.
        Assert.Equal(again.DnsLab, again.DnsResolver);
        Assert.Equal(reset.DnsLab, reset.DnsResolver);
        Assert.Empty(first.Ids.Intersect(reset.Ids));
        Assert.Equal("admin account demo@domainflow.test (new password)", reset.Reused);
    });

    /// <param name="Ids">The one DNS persona, HTTP persona, keyword set and campaign there are, in that order.</param>
    private sealed record Run(int ExitCode, string Password, int PreviousPasswordStatus, string Created, string Reused, IReadOnlyList<string> Ids, string DnsLab, string DnsResolver);

    /// <summary>Starts the demo, tries the previous run's password, signs in, reads what exists, stops the demo.</summary>
    private static async Task<Run> RunOnceAsync(string dataDir, string? previousPassword, params string[] extra)
    {
        await using var demo = await DemoProcess.StartAsync(dataDir, extra);
        var previousStatus = 0;
        if (previousPassword is not null)
        {
            var (status, previous) = await demo.SignInAsync(previousPassword);
            previous.Dispose();
            previousStatus = status;
        }
        var (_, client) = await demo.SignInAsync();
        using var _ = client;
        var dns = Assert.Single((await GetAsync(client, "/api/v2/personas/dns")).AsArray())!;
        var http = Assert.Single((await GetAsync(client, "/api/v2/personas/http")).AsArray())!;
        var keywords = Assert.Single((await GetAsync(client, "/api/v2/keyword-sets")).AsArray())!;
        var campaign = Assert.Single((await GetAsync(client, "/api/v2/campaigns"))["items"]!.AsArray())!;
        var exitCode = await demo.InterruptAsync();
        return new Run(exitCode, demo.Password, previousStatus, demo.Field("Created"), demo.Field("Reused"),
            [.. new[] { dns, http, keywords, campaign }.Select(item => item["id"]!.GetValue<string>())],
            demo.Field("DNS lab").Split(',')[0], dns["resolvers"]![0]!["address"]!.GetValue<string>());
    }
}
