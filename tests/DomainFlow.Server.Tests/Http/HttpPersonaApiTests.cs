using System.Text.Json.Nodes;
using DomainFlow.Server.Lab;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Http;

/// <summary>/api/v2/personas/http: every field stored, validation, and the real fetch through a persona.</summary>
public sealed class HttpPersonaApiTests
{
    private const string Base = "/api/v2/personas/http";

    private static string Keys(JsonNode problem) => string.Join(' ', problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));

    private static JsonObject EveryField() => new()
    {
        ["name"] = "Careful browser",
        ["description"] = "two agents, strict TLS",
        ["enabled"] = false,
        ["userAgents"] = new JsonArray("Agent/1", "Agent/2"),
        ["headers"] = new JsonArray(new JsonObject { ["name"] = "X-Probe", ["value"] = "1" }, new JsonObject { ["name"] = "Accept", ["value"] = "text/html" }),
        ["acceptLanguage"] = "fr-FR,fr;q=0.8",
        ["tlsMinVersion"] = "1.3",
        ["tlsMaxVersion"] = "1.3",
        ["cipherSuites"] = new JsonArray("TLS_AES_128_GCM_SHA256"),
        ["validateCertificates"] = true,
        ["http2"] = true,
        ["followRedirects"] = false,
        ["maxRedirects"] = 2,
        ["connectTimeoutMs"] = 1500,
        ["totalTimeoutMs"] = 4000,
        ["cookieMode"] = "ignore",
        ["allowedStatusCodes"] = new JsonArray("200", "300-308"),
        ["maxBodyBytes"] = 65536,
        ["schemeOrder"] = "http_then_https",
        ["httpPorts"] = new JsonArray(8080),
        ["httpsPorts"] = new JsonArray(8443, 443),
        ["perHostRate"] = new JsonObject { ["perSecond"] = 2, ["burst"] = 1 },
        ["globalRate"] = new JsonObject { ["perSecond"] = 100, ["burst"] = null },
    };

    [Theory]
    [MemberData(nameof(TestServer.Engines), MemberType = typeof(TestServer))]
    public async Task A_persona_keeps_every_field_and_defaults_are_what_a_prober_needs(string engine)
    {
        await using var server = await TestServer.StartAsync(engine, workers: 0);

        var (created, body) = await server.SendAsync(HttpMethod.Post, Base, EveryField());
        var (_, read) = await server.SendAsync(HttpMethod.Get, $"{Base}/{body["id"]}");
        var (_, defaults) = await server.SendAsync(HttpMethod.Post, Base, new JsonObject { ["name"] = "Defaults" });

        Assert.Equal(201, created);
        foreach (var (field, value) in EveryField())
        {
            Assert.True(JsonNode.DeepEquals(value, read[field]), $"{field}: sent {value?.ToJsonString()}, read {read[field]?.ToJsonString()}");
        }
        Assert.Equal((true, "https_then_http", 1 << 20, "session", true), (defaults["enabled"]!.GetValue<bool>(), defaults["schemeOrder"]!.GetValue<string>(),
            defaults["maxBodyBytes"]!.GetValue<int>(), defaults["cookieMode"]!.GetValue<string>(), defaults["followRedirects"]!.GetValue<bool>()));
        Assert.Equal(["200-399"], defaults["allowedStatusCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var invalid = new JsonObject
        {
            ["name"] = "",
            ["userAgents"] = new JsonArray(" "),
            ["headers"] = new JsonArray(new JsonObject { ["name"] = "Bad Header", ["value"] = "x" }, new JsonObject { ["name"] = "Host", ["value"] = "y" }),
            ["tlsMinVersion"] = "1.3",
            ["tlsMaxVersion"] = "1.2",
            ["cipherSuites"] = new JsonArray("TLS_NOPE"),
            ["maxRedirects"] = 99,
            ["connectTimeoutMs"] = 5,
            ["totalTimeoutMs"] = 1,
            ["allowedStatusCodes"] = new JsonArray("700", "300-200"),
            ["maxBodyBytes"] = 10,
            ["httpsPorts"] = new JsonArray(),
            ["perHostRate"] = new JsonObject { ["perSecond"] = 0 },
        };

        var (status, problem) = await server.SendAsync(HttpMethod.Post, Base, invalid);

        Assert.Equal(400, status);
        Assert.Equal(
            "allowedStatusCodes[0] allowedStatusCodes[1] cipherSuites[0] connectTimeoutMs headers[0].name headers[1].name httpsPorts maxBodyBytes maxRedirects name perHostRate.perSecond tlsMaxVersion totalTimeoutMs userAgents[0]",
            Keys(problem));
    }

    [Fact]
    public async Task Test_fetches_through_the_persona_and_the_network_guard_applies_unless_the_deployment_allows_private_targets()
    {
        await using var lab = await LabWebServer.StartAsync(new Dictionary<string, LabSite> { ["site.lab.test"] = LabWebServer.Sites.Page("Lab site", "<p>hello lab</p>") });
        var fingerprints = Path.Combine(Directory.CreateTempSubdirectory("domainflow-tech-").FullName, "technologies.json");
        await File.WriteAllTextAsync(fingerprints, """{ "technologies": { "LabGreeter": { "html": "hello lab" } } }""");
        await using var allowing = await TestServer.StartAsync("sqlite", 0, "--Network:AllowPrivateTargets=true", $"--Http:Technologies={fingerprints}");
        await using var guarded = await TestServer.StartAsync(workers: 0);
        var persona = new JsonObject { ["name"] = "Lab", ["schemeOrder"] = "http", ["httpPorts"] = new JsonArray(lab.HttpPort), ["userAgents"] = new JsonArray("LabAgent/1") };
        var request = new JsonObject { ["domain"] = "site.lab.test", ["addresses"] = new JsonArray("127.0.0.1") };

        var (_, created) = await allowing.SendAsync(HttpMethod.Post, Base, persona.DeepClone());
        var (status, report) = await allowing.SendAsync(HttpMethod.Post, $"{Base}/{created["id"]}/test", request.DeepClone());
        var (_, createdGuarded) = await guarded.SendAsync(HttpMethod.Post, Base, persona.DeepClone());
        var (_, blocked) = await guarded.SendAsync(HttpMethod.Post, $"{Base}/{createdGuarded["id"]}/test", request.DeepClone());
        var (bad, badProblem) = await allowing.SendAsync(HttpMethod.Post, $"{Base}/{created["id"]}/test", new JsonObject { ["domain"] = "", ["addresses"] = new JsonArray("nope") });

        Assert.Equal(200, status);
        Assert.Equal(("ok", 200, "Lab site"), (report["result"]!["outcome"]!.GetValue<string>(), report["result"]!["status"]!.GetValue<int>(), report["result"]!["title"]!.GetValue<string>()));
        Assert.Equal("LabAgent/1", report["sent"]!["userAgents"]![0]!.GetValue<string>());
        Assert.Equal("blocked_target", blocked["result"]!["outcome"]!.GetValue<string>());
        Assert.Equal(2, lab.Requests.GetValueOrDefault("site.lab.test")); // the page and its favicon; none from the guarded server
        Assert.NotNull(report["result"]!["faviconHash"]);
        Assert.Equal("LabGreeter", report["result"]!["technologies"]![0]!["name"]!.GetValue<string>()); // the deployment's fingerprints
        Assert.Equal((400, "addresses[0] domain"), (bad, Keys(badProblem)));
        var requests = report["sent"]!["requests"]!.AsArray();
        Assert.Equal([$"http://site.lab.test:{lab.HttpPort}/", $"http://site.lab.test:{lab.HttpPort}/favicon.ico"], requests.Select(r => r!["url"]!.GetValue<string>()));
        Assert.Contains(requests[0]!["headers"]!.AsArray(), h => h!["name"]!.GetValue<string>() == "User-Agent" && h["value"]!.GetValue<string>() == "LabAgent/1");
    }

    [Fact]
    public async Task Test_fetches_a_given_url_as_it_is_and_refuses_a_domain_and_a_url_together()
    {
        await using var lab = await LabWebServer.StartAsync(new Dictionary<string, LabSite> { ["site.lab.test"] = LabWebServer.Sites.Page("Lab site", "<p>hello lab</p>") });
        await using var server = await TestServer.StartAsync("sqlite", 0, "--Network:AllowPrivateTargets=true");
        // The persona would try HTTPS on 443 only: the URL's own scheme, port and path are what is fetched.
        var (_, created) = await server.SendAsync(HttpMethod.Post, Base, new JsonObject { ["name"] = "Https only", ["schemeOrder"] = "https" });
        var url = $"http://site.lab.test:{lab.HttpPort}/deep/page?q=1";

        var (status, report) = await server.SendAsync(HttpMethod.Post, $"{Base}/{created["id"]}/test", new JsonObject { ["url"] = url, ["addresses"] = new JsonArray("127.0.0.1") });
        var (both, bothProblem) = await server.SendAsync(HttpMethod.Post, $"{Base}/{created["id"]}/test",
            new JsonObject { ["url"] = url, ["domain"] = "site.lab.test", ["addresses"] = new JsonArray("127.0.0.1") });
        var (ftp, ftpProblem) = await server.SendAsync(HttpMethod.Post, $"{Base}/{created["id"]}/test", new JsonObject { ["url"] = "ftp://127.0.0.1/x", ["addresses"] = new JsonArray("127.0.0.1") });

        Assert.Equal(200, status);
        Assert.Equal(("ok", "Lab site", "site.lab.test"), (report["result"]!["outcome"]!.GetValue<string>(), report["result"]!["title"]!.GetValue<string>(), report["result"]!["domain"]!.GetValue<string>()));
        Assert.Equal(url, report["sent"]!["requests"]![0]!["url"]!.GetValue<string>());
        Assert.Equal((400, "url"), (both, Keys(bothProblem)));
        Assert.Equal((400, "url"), (ftp, Keys(ftpProblem)));
    }

    [Fact]
    public async Task A_technologies_path_that_does_not_exist_stops_the_start_with_its_name()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestServer.StartAsync("sqlite", 0, "--Http:Technologies=/nonexistent/fingerprints.json"));

        Assert.StartsWith("Http:Technologies: /nonexistent/fingerprints.json", error.Message, StringComparison.Ordinal);
    }
}
