using System.Net;
using System.Text.Json.Nodes;
using DomainFlow.Core.Dns;
using DomainFlow.Server.Lab;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Personas;

/// <summary>/api/v2/personas/dns: storage through the API, validation, ownership, import/export and the live resolver test.</summary>
public sealed class DnsPersonaApiTests
{
    private const string Base = "/api/v2/personas/dns";

    private static JsonObject Persona(string name, params string[] resolvers) => new()
    {
        ["name"] = name,
        ["resolvers"] = new JsonArray((resolvers.Length == 0 ? ["127.0.0.1:5353"] : resolvers).Select(r => (JsonNode)new JsonObject { ["address"] = r }).ToArray()),
    };

    private static JsonObject EveryField() => new()
    {
        ["name"] = "Lab pair",
        ["description"] = "two loopback resolvers",
        ["enabled"] = false,
        ["resolvers"] = new JsonArray(new JsonObject { ["address"] = "127.0.0.2:5353", ["weight"] = 3 }, new JsonObject { ["address"] = "127.0.0.3", ["weight"] = 1 }),
        ["strategy"] = "weighted",
        ["recordTypes"] = new JsonArray("A", "MX"),
        ["timeoutMs"] = 800,
        ["retries"] = 2,
        ["maxInFlight"] = 100,
        ["globalRate"] = new JsonObject { ["perSecond"] = 500, ["burst"] = 50 },
        ["perResolverRate"] = new JsonObject { ["perSecond"] = 200, ["burst"] = null },
        ["edns"] = false,
        ["ednsPayload"] = 4096,
        ["tcpFallback"] = false,
        ["jitterMinMs"] = 1,
        ["jitterMaxMs"] = 9,
    };

    private static async Task<string> CreateAsync(ApiClient client, JsonObject persona)
    {
        var (status, body) = await client.SendAsync(HttpMethod.Post, Base, persona);
        Assert.True(status == 201, $"creating answered {status}: {body.ToJsonString()}");
        return body["id"]!.GetValue<string>();
    }

    /// <summary>The problem's error paths, sorted and space-separated (a string compares by value inside a tuple).</summary>
    private static string Keys(JsonNode problem) => string.Join(' ', problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(TestServer.Engines), MemberType = typeof(TestServer))]
    public async Task A_persona_is_created_read_listed_replaced_and_deleted_with_every_field(string engine)
    {
        await using var server = await TestServer.StartAsync(engine, workers: 0);

        using var created = await server.Admin.SendRawAsync(HttpMethod.Post, Base, EveryField());
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var id = body["id"]!.GetValue<string>();
        var (read, fetched) = await server.SendAsync(HttpMethod.Get, $"{Base}/{id}");
        var (_, list) = await server.SendAsync(HttpMethod.Get, Base);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v2/personas/dns/{id}", created.Headers.Location?.ToString());
        Assert.Equal(200, read);
        foreach (var (field, value) in EveryField())
        {
            Assert.True(JsonNode.DeepEquals(value, fetched[field]), $"{field}: sent {value?.ToJsonString()}, read {fetched[field]?.ToJsonString()}");
        }
        Assert.Equal(server.Admin.UserId.ToString(), fetched["createdBy"]!.GetValue<string>());
        Assert.True(fetched["canEdit"]!.GetValue<bool>());
        Assert.Equal(fetched["createdAt"]!.GetValue<DateTimeOffset>(), fetched["updatedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal([id], list.AsArray().Select(p => p!["id"]!.GetValue<string>()));

        // PUT replaces the whole configuration: what it leaves out is back to its default.
        var (replaced, after) = await server.SendAsync(HttpMethod.Put, $"{Base}/{id}", Persona("Renamed", "127.0.0.9"));
        Assert.Equal(200, replaced);
        Assert.Equal(("Renamed", true, "round_robin", 2000, 3), (after["name"]!.GetValue<string>(), after["enabled"]!.GetValue<bool>(),
            after["strategy"]!.GetValue<string>(), after["timeoutMs"]!.GetValue<int>(), after["retries"]!.GetValue<int>()));
        Assert.Equal(["A", "AAAA"], after["recordTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Null(after["maxInFlight"]);
        Assert.Equal(body["createdAt"]!.GetValue<DateTimeOffset>(), after["createdAt"]!.GetValue<DateTimeOffset>());

        Assert.Single((await server.SendAsync(HttpMethod.Get, $"{Base}?enabled=true")).Body.AsArray());
        Assert.Empty((await server.SendAsync(HttpMethod.Get, $"{Base}?enabled=false")).Body.AsArray());
        Assert.Equal(204, (await server.SendAsync(HttpMethod.Delete, $"{Base}/{id}")).Status);
        var (gone, problem) = await server.SendAsync(HttpMethod.Get, $"{Base}/{id}");
        Assert.Equal((404, "not_found"), (gone, problem["code"]!.GetValue<string>()));
        Assert.Equal(404, (await server.SendAsync(HttpMethod.Put, $"{Base}/{id}", Persona("x"))).Status);
        Assert.Equal(404, (await server.SendAsync(HttpMethod.Delete, $"{Base}/{id}")).Status);

        var audit = (await server.SendAsync(HttpMethod.Get, $"/api/v2/audit?action=persona&targetId={id}")).Body["items"]!.AsArray();
        Assert.Equal(["persona.deleted", "persona.updated", "persona.created"], audit.Select(e => e!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once_with_its_json_path()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var invalid = new JsonObject
        {
            ["name"] = " ",
            ["resolvers"] = new JsonArray(new JsonObject { ["address"] = "127.0.0.1" }, new JsonObject { ["address"] = "resolver.example", ["weight"] = 0 }),
            ["recordTypes"] = new JsonArray("A", "SRV"),
            ["timeoutMs"] = 1,
            ["retries"] = 99,
            ["maxInFlight"] = 0,
            ["globalRate"] = new JsonObject { ["perSecond"] = 0 },
            ["perResolverRate"] = new JsonObject { ["perSecond"] = 10, ["burst"] = 0 },
            ["ednsPayload"] = 100,
            ["jitterMinMs"] = 50,
            ["jitterMaxMs"] = 10,
        };

        var (status, problem) = await server.SendAsync(HttpMethod.Post, Base, invalid);
        var (nullStatus, nullProblem) = await server.SendAsync(HttpMethod.Post, Base, new JsonObject { ["name"] = null, ["resolvers"] = null, ["recordTypes"] = new JsonArray((JsonNode?)null) });
        var (unknownStatus, unknown) = await server.SendAsync(HttpMethod.Post, Base, new JsonObject { ["name"] = "x", ["strategy"] = "fastest" });

        Assert.Equal((400, "validation_failed"), (status, problem["code"]!.GetValue<string>()));
        Assert.Equal(
            "ednsPayload globalRate.perSecond jitterMaxMs maxInFlight name perResolverRate.burst recordTypes resolvers[1].address resolvers[1].weight retries timeoutMs",
            Keys(problem));
        Assert.Equal((400, "name recordTypes resolvers"), (nullStatus, Keys(nullProblem)));
        Assert.Equal((400, "malformed_json"), (unknownStatus, unknown["code"]!.GetValue<string>()));
        Assert.Empty((await server.SendAsync(HttpMethod.Get, Base)).Body.AsArray());
    }

    [Fact]
    public async Task A_name_already_used_in_any_case_is_refused_on_create_and_on_replace()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        await CreateAsync(server.Admin, Persona("Public resolvers"));
        var other = await CreateAsync(server.Admin, Persona("Private"));

        var (created, onCreate) = await server.SendAsync(HttpMethod.Post, Base, Persona("PUBLIC RESOLVERS"));
        var (replaced, onReplace) = await server.SendAsync(HttpMethod.Put, $"{Base}/{other}", Persona("public resolvers"));

        Assert.Equal((400, "name"), (created, Keys(onCreate)));
        Assert.Equal((400, "name"), (replaced, Keys(onReplace)));
        Assert.Contains("already used", onCreate["errors"]!["name"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_user_reads_exports_and_tests_a_persona_but_only_its_creator_or_an_admin_changes_it()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var alice = await server.CreateUserAsync("alice@example.test");
        using var bob = await server.CreateUserAsync("bob@example.test");
        var id = await CreateAsync(alice, Persona("Alice's", "127.0.0.1:1"));

        var (read, asBob) = await bob.SendAsync(HttpMethod.Get, $"{Base}/{id}");
        var (_, bobsList) = await bob.SendAsync(HttpMethod.Get, Base);
        var (exported, _) = await bob.SendAsync(HttpMethod.Get, $"{Base}/export");
        var (tested, _) = await bob.SendAsync(HttpMethod.Post, $"{Base}/{id}/test", new JsonObject { ["names"] = new JsonArray("a.test"), ["timeoutMs"] = 50 });
        var (put, putProblem) = await bob.SendAsync(HttpMethod.Put, $"{Base}/{id}", Persona("Bob's now"));
        var (delete, deleteProblem) = await bob.SendAsync(HttpMethod.Delete, $"{Base}/{id}");

        Assert.Equal((200, false), (read, asBob["canEdit"]!.GetValue<bool>()));
        Assert.False(bobsList[0]!["canEdit"]!.GetValue<bool>());
        Assert.True((await alice.SendAsync(HttpMethod.Get, $"{Base}/{id}")).Body["canEdit"]!.GetValue<bool>());
        Assert.True((await server.SendAsync(HttpMethod.Get, $"{Base}/{id}")).Body["canEdit"]!.GetValue<bool>());
        Assert.Equal((200, 200), (exported, tested));
        Assert.Equal((403, "forbidden"), (put, putProblem["code"]!.GetValue<string>()));
        Assert.Equal((403, "forbidden"), (delete, deleteProblem["code"]!.GetValue<string>()));
        Assert.Contains("creator or an admin", putProblem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Alice's", (await bob.SendAsync(HttpMethod.Get, $"{Base}/{id}")).Body["name"]!.GetValue<string>());

        Assert.Equal(200, (await alice.SendAsync(HttpMethod.Put, $"{Base}/{id}", Persona("Alice's v2"))).Status);
        Assert.Equal(200, (await server.SendAsync(HttpMethod.Put, $"{Base}/{id}", Persona("Admin's edit"))).Status);
        Assert.Equal(alice.UserId.ToString(), (await bob.SendAsync(HttpMethod.Get, $"{Base}/{id}")).Body["createdBy"]!.GetValue<string>());
        Assert.Equal(204, (await server.SendAsync(HttpMethod.Delete, $"{Base}/{id}")).Status);
    }

    [Fact]
    public async Task An_export_imports_back_and_an_import_with_any_problem_creates_nothing()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        await CreateAsync(server.Admin, EveryField());
        await CreateAsync(server.Admin, Persona("Second", "127.0.0.4", "[::1]:5300"));

        using var response = await server.Admin.SendRawAsync(HttpMethod.Get, $"{Base}/export");
        var exported = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(["Lab pair", "Second"], exported.Select(p => p!["name"]!.GetValue<string>()));

        // Into another workspace: the same personas, field for field.
        await using var other = await TestServer.StartAsync(workers: 0);
        var (imported, created) = await other.SendAsync(HttpMethod.Post, $"{Base}/import", exported.DeepClone());
        using var again = await other.Admin.SendRawAsync(HttpMethod.Get, $"{Base}/export");
        Assert.Equal(201, imported);
        Assert.Equal(2, created.AsArray().Count);
        Assert.True(JsonNode.DeepEquals(exported, JsonNode.Parse(await again.Content.ReadAsStringAsync())));

        // Every problem of every persona at once, and nothing created: an existing name, a bad resolver, a repeated name.
        var batch = new JsonArray(Persona("Fresh"), Persona("lab PAIR"), Persona("Broken", "127.0.0.1", "256.1.1.1"), Persona("Fresh"));
        var (refused, problem) = await server.SendAsync(HttpMethod.Post, $"{Base}/import", batch);
        Assert.Equal((400, "[1].name [2].resolvers[1].address [3].name"), (refused, Keys(problem)));
        Assert.Equal(2, (await server.SendAsync(HttpMethod.Get, Base)).Body.AsArray().Count);
        Assert.Equal(400, (await server.SendAsync(HttpMethod.Post, $"{Base}/import", new JsonArray())).Status);
    }

    [Fact]
    public async Task The_test_resolves_through_each_resolver_on_its_own_and_reports_its_figures()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 5, NameCount = 200 });
        var names = world.Names().Where(n => world.Lookup(n).Kind == DnsNameKind.Address).Take(4)
            .Concat(world.Names().Where(n => world.Lookup(n).Kind == DnsNameKind.Absent).Take(2)).ToList();
        await using var healthy = LabDnsServer.Start(world, System.Net.IPAddress.Parse("127.0.0.2"));
        await using var failing = LabDnsServer.Start(world, System.Net.IPAddress.Parse("127.0.0.3"));
        await using var silent = LabDnsServer.Start(world, System.Net.IPAddress.Parse("127.0.0.4"));
        failing.ForcedRcode = DnsRcode.ServFail;
        silent.DropRate = 1;
        await using var server = await TestServer.StartAsync(workers: 0);
        var persona = Persona("Three lab resolvers", healthy.Endpoint.ToString(), failing.Endpoint.ToString(), silent.Endpoint.ToString());
        persona["recordTypes"] = new JsonArray("A");
        persona["retries"] = 1;
        var id = await CreateAsync(server.Admin, persona);

        var (status, report) = await server.SendAsync(HttpMethod.Post, $"{Base}/{id}/test",
            new JsonObject { ["names"] = new JsonArray([.. names.Select(n => (JsonNode)(" " + n.ToUpperInvariant() + ". "))]), ["timeoutMs"] = 250 });

        Assert.True(status == 200, report.ToJsonString());
        Assert.Equal(names, report["names"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(250, report["timeoutMs"]!.GetValue<int>());
        var rows = report["resolvers"]!.AsArray();
        Assert.Equal([healthy.Endpoint.ToString(), failing.Endpoint.ToString(), silent.Endpoint.ToString()], rows.Select(r => r!["resolver"]!.GetValue<string>()));

        var good = rows[0]!;
        Assert.Equal((6L, 6L, 1.0, 0L, 0L), (Long(good, "sent"), Long(good, "answered"), good["answerRate"]!.GetValue<double>(), Long(good, "timeouts"), Long(good, "servfail")));
        Assert.True(good["averageLatencyMs"]!.GetValue<double>() > 0);
        Assert.Empty(good["errors"]!.AsArray());
        var results = good["results"]!.AsArray();
        Assert.Equal(names, results.Select(r => r!["name"]!.GetValue<string>()));
        foreach (var result in results)
        {
            var truth = world.Lookup(result!["name"]!.GetValue<string>());
            var expected = truth.Kind == DnsNameKind.Absent ? ("nxdomain", "NXDOMAIN") : ("resolved", "NOERROR");
            Assert.Equal(expected, (result["status"]!.GetValue<string>(), result["rcode"]!.GetValue<string>()));
            Assert.Equal(truth.Ipv4.Select(a => a.ToString()).Order(StringComparer.Ordinal), result["ips"]!.AsArray().Select(a => a!.GetValue<string>()).Order(StringComparer.Ordinal));
        }

        // One retry, on the same resolver: every name is asked twice and fails twice.
        var bad = rows[1]!;
        Assert.Equal((12L, 0L, 0.0, 12L, 0L), (Long(bad, "sent"), Long(bad, "answered"), bad["answerRate"]!.GetValue<double>(), Long(bad, "servfail"), Long(bad, "timeouts")));
        Assert.All(bad["results"]!.AsArray(), r => Assert.Equal(("servfail", "SERVFAIL"), (r!["status"]!.GetValue<string>(), r["rcode"]!.GetValue<string>())));

        var mute = rows[2]!;
        Assert.Equal((12L, 0L, 12L), (Long(mute, "sent"), Long(mute, "answered"), Long(mute, "timeouts")));
        Assert.All(mute["results"]!.AsArray(), r => Assert.Equal("timeout", r!["status"]!.GetValue<string>()));

        Assert.Equal((6, 12, 12), (healthy.QueriesReceived, failing.QueriesReceived, silent.QueriesReceived));
    }

    [Fact]
    public async Task A_test_needs_one_to_fifty_names_and_an_existing_persona()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var id = await CreateAsync(server.Admin, Persona("Any"));

        var (none, noneProblem) = await server.SendAsync(HttpMethod.Post, $"{Base}/{id}/test", new JsonObject());
        var (tooMany, _) = await server.SendAsync(HttpMethod.Post, $"{Base}/{id}/test",
            new JsonObject { ["names"] = new JsonArray([.. Enumerable.Range(0, 51).Select(i => (JsonNode)$"n{i}.test")]) });
        var (blank, blankProblem) = await server.SendAsync(HttpMethod.Post, $"{Base}/{id}/test",
            new JsonObject { ["names"] = new JsonArray("ok.test", " "), ["timeoutMs"] = 5 });
        var (missing, _) = await server.SendAsync(HttpMethod.Post, $"{Base}/{Guid.NewGuid()}/test", new JsonObject { ["names"] = new JsonArray("a.test") });

        Assert.Equal((400, "names"), (none, Keys(noneProblem)));
        Assert.Equal(400, tooMany);
        Assert.Equal((400, "names[1] timeoutMs"), (blank, Keys(blankProblem)));
        Assert.Equal(404, missing);
    }

    private static long Long(JsonNode node, string field) => node[field]!.GetValue<long>();
}
