using System.Text.Json.Nodes;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Keywords;

/// <summary>/api/v2/keyword-sets: storage, validation, ownership, import/export, and the tests of stored and unsaved rules.</summary>
public sealed class KeywordSetApiTests
{
    private const string Base = "/api/v2/keyword-sets";

    private static JsonObject Rule(string pattern, string type = "string", bool caseSensitive = false, string? category = null, double weight = 1, int contextChars = 60) => new()
    {
        ["pattern"] = pattern,
        ["type"] = type,
        ["caseSensitive"] = caseSensitive,
        ["category"] = category,
        ["weight"] = weight,
        ["contextChars"] = contextChars,
    };

    private static JsonObject Set(string name, params JsonObject[] rules) => new()
    {
        ["name"] = name,
        ["rules"] = new JsonArray(rules.Length == 0 ? [Rule("for sale")] : rules),
    };

    private static string Keys(JsonNode problem) => string.Join(' ', problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(TestServer.Engines), MemberType = typeof(TestServer))]
    public async Task A_set_is_created_enabled_by_default_read_replaced_and_deleted_with_every_field(string engine)
    {
        await using var server = await TestServer.StartAsync(engine, workers: 0);
        var sent = Set("Brand watch", Rule("Acme", caseSensitive: true, category: "brand", weight: 5, contextChars: 20), Rule(@"acme-?\d+", "regex", category: "brand"));
        sent["description"] = "brand names";
        sent["maxSnippets"] = 5;

        var (created, body) = await server.SendAsync(HttpMethod.Post, Base, sent);
        var id = body["id"]!.GetValue<string>();
        var (_, read) = await server.SendAsync(HttpMethod.Get, $"{Base}/{id}");

        Assert.Equal(201, created);
        Assert.True(read["enabled"]!.GetValue<bool>()); // enabled unless asked otherwise
        foreach (var (field, value) in sent)
        {
            Assert.True(JsonNode.DeepEquals(value, read[field]), $"{field}: sent {value?.ToJsonString()}, read {read[field]?.ToJsonString()}");
        }
        Assert.True(read["canEdit"]!.GetValue<bool>());

        var (replaced, after) = await server.SendAsync(HttpMethod.Put, $"{Base}/{id}", Set("Renamed"));
        Assert.Equal((200, "Renamed", 3, 1), (replaced, after["name"]!.GetValue<string>(), after["maxSnippets"]!.GetValue<int>(), after["rules"]!.AsArray().Count));
        Assert.Single((await server.SendAsync(HttpMethod.Get, $"{Base}?enabled=true")).Body.AsArray());
        Assert.Equal(204, (await server.SendAsync(HttpMethod.Delete, $"{Base}/{id}")).Status);
        Assert.Equal(404, (await server.SendAsync(HttpMethod.Get, $"{Base}/{id}")).Status);

        var audit = (await server.SendAsync(HttpMethod.Get, $"/api/v2/audit?action=keyword_set&targetId={id}")).Body["items"]!.AsArray();
        Assert.Equal(["keyword_set.deleted", "keyword_set.updated", "keyword_set.created"], audit.Select(e => e!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Every_bad_rule_is_reported_with_its_path_and_nothing_is_stored()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var invalid = Set(" ", Rule(""), Rule("(unclosed", "regex"), Rule("x", weight: 1e6, contextChars: 9999));
        invalid["maxSnippets"] = -1;

        var (status, problem) = await server.SendAsync(HttpMethod.Post, Base, invalid);
        var (nullStatus, nullProblem) = await server.SendAsync(HttpMethod.Post, Base, new JsonObject { ["name"] = "x", ["rules"] = new JsonArray((JsonNode?)null) });
        var (typeStatus, typeProblem) = await server.SendAsync(HttpMethod.Post, Base, Set("x", Rule("a", type: "glob")));

        Assert.Equal((400, "maxSnippets name rules[0].pattern rules[1].pattern rules[2].contextChars rules[2].weight"), (status, Keys(problem)));
        Assert.Contains("not a valid regular expression", problem["errors"]!["rules[1].pattern"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((400, "rules[0].pattern"), (nullStatus, Keys(nullProblem)));
        Assert.Equal((400, "malformed_json"), (typeStatus, typeProblem["code"]!.GetValue<string>()));
        Assert.Empty((await server.SendAsync(HttpMethod.Get, Base)).Body.AsArray());
    }

    [Fact]
    public async Task A_stored_set_and_unsaved_rules_are_tested_on_posted_text_with_counts_and_contexts()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var (_, set) = await server.SendAsync(HttpMethod.Post, Base, Set("Sale", Rule("for sale", category: "sale", weight: 2, contextChars: 4), Rule(@"\$\d+", "regex", category: "price")));
        const string text = "This domain is FOR SALE. Make an offer: $500. Also for sale: $90.";

        var (tested, report) = await server.SendAsync(HttpMethod.Post, $"{Base}/{set["id"]}/test", new JsonObject { ["text"] = text });
        var (adHoc, adHocReport) = await server.SendAsync(HttpMethod.Post, $"{Base}/test",
            new JsonObject { ["rules"] = new JsonArray(Rule("offer")), ["text"] = text, ["maxSnippets"] = 0 });
        var (bad, badProblem) = await server.SendAsync(HttpMethod.Post, $"{Base}/test", new JsonObject { ["rules"] = new JsonArray(Rule("(", "regex")) });

        Assert.Equal(200, tested);
        var hits = report["hits"]!.AsArray();
        Assert.Equal([("for sale", 2, 2), (@"\$\d+", 2, 2)], hits.Select(h => (h!["pattern"]!.GetValue<string>(), h["count"]!.GetValue<int>(), h["snippets"]!.AsArray().Count)));
        Assert.Equal("is FOR SALE. Ma", hits[0]!["snippets"]![0]!["text"]!.GetValue<string>());
        Assert.Equal((2 * Math.Log2(3)) + Math.Log2(3), report["score"]!.GetValue<double>(), 9);
        Assert.Equal(text.Length, report["textLength"]!.GetValue<int>());
        Assert.Equal((200, 1, 0), (adHoc, adHocReport["hits"]![0]!["count"]!.GetValue<int>(), adHocReport["hits"]![0]!["snippets"]!.AsArray().Count));
        Assert.Equal((400, "rules[0].pattern text"), (bad, Keys(badProblem)));
        Assert.Equal(404, (await server.SendAsync(HttpMethod.Post, $"{Base}/{Guid.CreateVersion7()}/test", new JsonObject { ["text"] = "x" })).Status);
    }

    [Fact]
    public async Task Another_user_reads_and_tests_a_set_but_only_its_creator_or_an_admin_changes_it_and_an_export_imports_back()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var alice = await server.CreateUserAsync("alice@example.test");
        using var bob = await server.CreateUserAsync("bob@example.test");
        var (_, set) = await alice.SendAsync(HttpMethod.Post, Base, Set("Alice's", Rule("parked", category: "parked")));
        var id = set["id"]!.GetValue<string>();

        Assert.False((await bob.SendAsync(HttpMethod.Get, $"{Base}/{id}")).Body["canEdit"]!.GetValue<bool>());
        Assert.Equal(200, (await bob.SendAsync(HttpMethod.Post, $"{Base}/{id}/test", new JsonObject { ["text"] = "parked" })).Status);
        Assert.Equal(403, (await bob.SendAsync(HttpMethod.Put, $"{Base}/{id}", Set("Bob's"))).Status);
        Assert.Equal(403, (await bob.SendAsync(HttpMethod.Delete, $"{Base}/{id}")).Status);
        Assert.Equal(200, (await server.SendAsync(HttpMethod.Put, $"{Base}/{id}", Set("Admin's", Rule("parked", category: "parked")))).Status);

        var (_, exported) = await bob.SendAsync(HttpMethod.Get, $"{Base}/export");
        await using var other = await TestServer.StartAsync(workers: 0);
        var (imported, _) = await other.SendAsync(HttpMethod.Post, $"{Base}/import", exported.DeepClone());
        var (_, again) = await other.SendAsync(HttpMethod.Get, $"{Base}/export");
        Assert.Equal(201, imported);
        Assert.True(JsonNode.DeepEquals(exported, again));
        var (refused, problem) = await other.SendAsync(HttpMethod.Post, $"{Base}/import", new JsonArray(Set("New"), Set("ADMIN'S"), Set("Bad", Rule("[", "regex"))));
        Assert.Equal((400, "[1].name [2].rules[0].pattern"), (refused, Keys(problem)));
        Assert.Single((await other.SendAsync(HttpMethod.Get, Base)).Body.AsArray());
    }
}
