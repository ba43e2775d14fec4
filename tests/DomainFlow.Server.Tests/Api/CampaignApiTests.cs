using System.Text.Json.Nodes;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Api;

public sealed class CampaignApiTests
{
    [Theory]
    [MemberData(nameof(TestServer.Engines), MemberType = typeof(TestServer))]
    public async Task A_campaign_runs_its_generation_phase_and_serves_its_domains(string engine)
    {
        await using var server = await TestServer.StartAsync(engine);
        var id = await server.CreateCampaignAsync(TestServer.PatternSpec("shops", 18));

        var (startStatus, started) = await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        var phase = await server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed");

        Assert.Equal(200, startStatus);
        // The answer reads the phase after the start: a worker may already have finished 18 names by then.
        Assert.Contains(started["status"]!.GetValue<string>(), new[] { "running", "completed" });
        Assert.Equal(18, phase["processed"]!.GetValue<long>());
        var (_, campaign) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}");
        Assert.Equal("waiting", campaign["status"]!.GetValue<string>());

        var (_, firstPage) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?limit=5");
        Assert.Equal(["aashop.com", "aashop.net", "abshop.com", "abshop.net", "acshop.com"], firstPage["items"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));
        var (_, secondPage) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?limit=5&after={firstPage["nextCursor"]}");
        Assert.Equal("acshop.net", secondPage["items"]![0]!["name"]!.GetValue<string>());
        var (_, filtered) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?contains=cc");
        Assert.Equal(["ccshop.com", "ccshop.net"], filtered["items"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));

        var csv = await server.Http.GetStringAsync($"/api/v2/campaigns/{id}/domains/export?format=csv");
        var ndjson = await server.Http.GetStringAsync($"/api/v2/campaigns/{id}/domains/export?format=ndjson");
        Assert.Equal(19, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("17,ccshop.net,,,,,,,,,,,", csv.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]); // no DNS or HTTP result yet
        Assert.Equal(18, ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["name"]).Count());
    }

    [Fact]
    public async Task Invalid_input_is_answered_with_every_error_at_once_and_creates_nothing()
    {
        await using var server = await TestServer.StartAsync();
        var spec = new JsonObject
        {
            ["name"] = "",
            ["generation"] = new JsonObject
            {
                ["source"] = "pattern", ["patternType"] = "prefix", ["prefixLength"] = 64, ["charset"] = "a$", ["tlds"] = new JsonArray(), ["maxDomains"] = 0,
            },
        };

        var (status, problem) = await server.SendAsync(HttpMethod.Post, "/api/v2/campaigns", spec);

        Assert.Equal(400, status);
        Assert.Equal("validation_failed", problem["code"]!.GetValue<string>());
        var fields = problem["errors"]!.AsObject().Select(e => e.Key).Order().ToList();
        Assert.Equal(["generation.charset", "generation.maxDomains", "generation.prefixLength", "generation.tlds", "name"], fields);
        var (_, list) = await server.SendAsync(HttpMethod.Get, "/api/v2/campaigns");
        Assert.Empty(list["items"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"source":"pattern","patternType":"prefix","prefixLength":0,"charset":"abc","constant":"shop","tlds":["com"],"maxDomains":5}""", "generation.prefixLength")]
    [InlineData("""{"source":"pattern","patternType":"prefix","prefixLength":60,"charset":"abcdefghijklmnopqrstuvwxyz0123456789-","constant":"x","tlds":["com"],"maxDomains":5}""", "generation.charset")] // 37^60 names overflow 64 bits
    [InlineData("""{"source":"pattern","patternType":"prefix","prefixLength":2,"charset":"abc","constant":"shop","tlds":[],"maxDomains":-1}""", "generation.maxDomains generation.tlds")]
    [InlineData("""{"source":"pattern","patternType":"sideways","prefixLength":2,"charset":"abc","tlds":["com"],"maxDomains":5}""", "")]
    [InlineData("""{"source":"pattern","patternType":"prefix","prefixLength":2,"charset":"abc","tlds":["com"],"maxDomains":5,""", "")]
    public async Task A_bad_generation_config_is_a_400_and_the_stored_one_stays(string body, string fields)
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var id = await server.CreateCampaignAsync(TestServer.PatternSpec("kept", 18));
        var before = (await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/phases")).Body.ToJsonString();

        using var response = await server.Http.PutAsync($"/api/v2/campaigns/{id}/phases/generation/config", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        if (fields.Length > 0)
        {
            Assert.Equal(fields, string.Join(' ', problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal)));
        }
        else
        {
            Assert.Equal("malformed_json", problem["code"]!.GetValue<string>());
        }
        Assert.Equal(before, (await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/phases")).Body.ToJsonString());
    }

    [Theory]
    [InlineData("{\"name\": \"x\", ")]
    [InlineData("{\"name\": \"x\", \"mode\": \"sometimes\"}")]
    [InlineData("{\"name\": \"x\", \"unknownField\": 1}")]
    [InlineData("{\"name\": \"x\", \"generation\": {\"maxDomains\": \"12\"}}")]
    public async Task Malformed_json_unknown_enums_and_unknown_fields_are_400_problems(string body)
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.Http.PostAsync("/api/v2/campaigns", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("malformed_json", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refused_transitions_answer_409_with_a_problem_code()
    {
        await using var server = await TestServer.StartAsync();
        var id = await server.CreateCampaignAsync(TestServer.PatternSpec("x", 18));

        var (dns, dnsProblem) = await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/analysis/start");
        var (pause, pauseProblem) = await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/pause");
        var (unknown, unknownProblem) = await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/nonsense/start");
        var (missing, _) = await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{Guid.NewGuid()}/phases/generation/start");

        Assert.Equal((409, "phase_not_available"), (dns, dnsProblem["code"]!.GetValue<string>()));
        Assert.Equal((409, "phase_not_running"), (pause, pauseProblem["code"]!.GetValue<string>()));
        Assert.Equal((400, "validation_failed"), (unknown, unknownProblem["code"]!.GetValue<string>()));
        Assert.Equal(404, missing);
    }

    [Fact]
    public async Task An_exhausted_pattern_fails_the_start_with_a_clear_409()
    {
        await using var server = await TestServer.StartAsync();
        var first = await server.CreateCampaignAsync(TestServer.PatternSpec("first", 18));
        var second = await server.CreateCampaignAsync(TestServer.PatternSpec("second", 1));
        await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{first}/phases/generation/start");

        var (status, problem) = await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{second}/phases/generation/start");

        Assert.Equal(409, status);
        Assert.Equal("phase_start_failed", problem["code"]!.GetValue<string>());
        Assert.Contains("exhausted", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Duplicating_copies_the_configuration_but_not_the_results_and_delete_removes_the_campaign()
    {
        await using var server = await TestServer.StartAsync();
        var id = await server.CreateCampaignAsync(TestServer.PatternSpec("original", 4));
        await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        await server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed");

        var (status, copy) = await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/duplicate", new JsonObject());
        var copyId = copy["id"]!.GetValue<string>();
        var (_, copyDomains) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{copyId}/domains");

        Assert.Equal(201, status);
        Assert.Equal("original (copy)", copy["name"]!.GetValue<string>());
        Assert.Equal("configured", copy["phases"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(4, copy["phases"]![0]!["config"]!["maxDomains"]!.GetValue<long>());
        Assert.Empty(copyDomains["items"]!.AsArray());

        var (deleted, _) = await server.SendAsync(HttpMethod.Delete, $"/api/v2/campaigns/{id}");
        var (gone, problem) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}");
        Assert.Equal(204, deleted);
        Assert.Equal((404, "not_found"), (gone, problem["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Preview_gives_exact_counts_with_big_numbers_as_strings()
    {
        await using var server = await TestServer.StartAsync();
        var example = TestServer.PatternSpec("x", 5)["generation"]!.DeepClone();
        var huge = new JsonObject
        {
            ["source"] = "pattern", ["patternType"] = "prefix", ["prefixLength"] = 12,
            ["charset"] = "abcdefghijklmnopqrstuvwxyz0123456789", ["tlds"] = new JsonArray("com"),
        };

        var (status, preview) = await server.SendAsync(HttpMethod.Post, "/api/v2/generation/preview", example);
        var (_, big) = await server.SendAsync(HttpMethod.Post, "/api/v2/generation/preview", huge);

        Assert.Equal(200, status);
        Assert.Equal("18", preview["total"]!.GetValue<string>());
        Assert.Equal("5", preview["nextOffset"]!.GetValue<string>());
        Assert.Equal(5, preview["firstNames"]!.AsArray().Count);
        Assert.Equal("4738381338321616896", big["total"]!.GetValue<string>());
        Assert.Equal(20, big["firstNames"]!.AsArray().Count);
    }

    [Fact]
    public async Task List_and_update_endpoints_validate_their_parameters()
    {
        await using var server = await TestServer.StartAsync();
        var id = await server.CreateCampaignAsync(TestServer.PatternSpec("old name", 4));

        var (badStatus, badProblem) = await server.SendAsync(HttpMethod.Get, "/api/v2/campaigns?status=nope&limit=0");
        var (patched, campaign) = await server.SendAsync(HttpMethod.Patch, $"/api/v2/campaigns/{id}", new JsonObject { ["name"] = "new name", ["mode"] = "auto" });
        var (_, found) = await server.SendAsync(HttpMethod.Get, "/api/v2/campaigns?search=NEW&status=draft");

        Assert.Equal(400, badStatus);
        Assert.Equal(["limit", "status"], badProblem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal(200, patched);
        Assert.Equal(("new name", "auto"), (campaign["name"]!.GetValue<string>(), campaign["mode"]!.GetValue<string>()));
        Assert.Single(found["items"]!.AsArray());
    }

    [Fact]
    public async Task Health_ready_and_unknown_api_paths_answer_json()
    {
        await using var server = await TestServer.StartAsync();

        var (health, _) = await server.SendAsync(HttpMethod.Get, "/api/v2/health");
        var (ready, body) = await server.SendAsync(HttpMethod.Get, "/api/v2/ready");
        var (unknown, problem) = await server.SendAsync(HttpMethod.Get, "/api/v2/no/such/thing");

        Assert.Equal(200, health);
        Assert.Equal((200, "ready"), (ready, body["status"]!.GetValue<string>()));
        Assert.Equal((404, "not_found"), (unknown, problem["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_list_upload_reports_counts_and_feeds_the_generation_phase()
    {
        await using var server = await TestServer.StartAsync();
        var id = await server.CreateCampaignAsync(new JsonObject { ["name"] = "list", ["generation"] = new JsonObject { ["source"] = "list" } });

        using var upload = await server.Http.PostAsync($"/api/v2/campaigns/{id}/phases/generation/list",
            new StringContent("b.com\nA.com\nb.com\nnot a name\nmünchen.de\n", System.Text.Encoding.UTF8, "text/plain"));
        var counts = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!;
        await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        await server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed");
        var csv = await server.Http.GetStringAsync($"/api/v2/campaigns/{id}/domains/export?format=csv");

        Assert.Equal((3, 1, 1), (counts["accepted"]!.GetValue<int>(), counts["invalid"]!.GetValue<int>(), counts["duplicates"]!.GetValue<int>()));
        Assert.Equal("ordinal,name,dns_status,ipv4,ipv6,cname,http_status,status_code,final_url,title,keyword_score,parked,technologies\n0,b.com,,,,,,,,,,,\n1,a.com,,,,,,,,,,,\n2,xn--mnchen-3ya.de,,,,,,,,,,,\n", csv);
    }

    [Fact]
    public async Task A_list_larger_than_the_default_body_limit_is_streamed_in_completely()
    {
        await using var server = await TestServer.StartAsync();
        var id = await server.CreateCampaignAsync(new JsonObject { ["name"] = "big list", ["generation"] = new JsonObject { ["source"] = "list" } });
        const int names = 2_500_000; // ~35 MB: above Kestrel's 30 MB default request limit
        var content = new PushStreamContent(async stream =>
        {
            await using var writer = new StreamWriter(stream, leaveOpen: true);
            for (var i = 0; i < names; i++)
            {
                await writer.WriteAsync($"name{i:D7}.com\n");
            }
        });
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");

        using var upload = await server.Http.PostAsync($"/api/v2/campaigns/{id}/phases/generation/list", content);
        var counts = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!;

        Assert.Equal(200, (int)upload.StatusCode);
        Assert.Equal(names, counts["accepted"]!.GetValue<long>());
    }

    /// <summary>Streams a generated body without holding it in memory.</summary>
    private sealed class PushStreamContent(Func<Stream, Task> write) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => write(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
