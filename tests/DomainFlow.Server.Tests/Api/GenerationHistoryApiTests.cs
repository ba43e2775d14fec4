using System.Text.Json.Nodes;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Api;

/// <summary>The preview's pattern history: earlier campaigns on the same pattern space and where the next one starts.</summary>
public sealed class GenerationHistoryApiTests
{
    private static JsonNode Config(long maxDomains, string charset = "abc") => TestServer.PatternSpec("x", maxDomains, charset)["generation"]!.DeepClone();

    private static async Task<JsonNode> HistoryAsync(ApiClient client, long maxDomains = 1)
    {
        var (status, preview) = await client.SendAsync(HttpMethod.Post, "/api/v2/generation/preview", Config(maxDomains));
        Assert.Equal(200, status);
        return preview["history"]!;
    }

    private static async Task<string> RunAsync(TestServer server, ApiClient owner, string name, long maxDomains)
    {
        var id = await owner.CreateCampaignAsync(TestServer.PatternSpec(name, maxDomains));
        await owner.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        await server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed");
        return id;
    }

    private static string[] Names(JsonNode history) => [.. history["campaigns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>())];

    [Fact]
    public async Task The_preview_lists_only_the_callers_campaigns_on_the_pattern_with_ranges_and_the_next_offset()
    {
        // abc × 2 letters × {com, net}: 18 valid names.
        await using var server = await TestServer.StartAsync();
        using var alice = await server.CreateUserAsync("alice@example.test");
        using var bob = await server.CreateUserAsync("bob@example.test");
        var alices = await RunAsync(server, alice, "alice's", 6);
        await RunAsync(server, bob, "bob's", 4);
        await alice.CreateCampaignAsync(TestServer.PatternSpec("other space", 4, charset: "xyz"));

        var forAlice = await HistoryAsync(alice);
        var forBob = await HistoryAsync(bob);
        var forAdmin = await HistoryAsync(server.Admin);

        Assert.Equal(["alice's"], Names(forAlice));
        var row = forAlice["campaigns"]![0]!;
        Assert.Equal(alices, row["id"]!.GetValue<string>());
        Assert.Equal(("0", "6", true, 6L), (row["rangeStart"]!.GetValue<string>(), row["rangeEnd"]!.GetValue<string>(), row["reserved"]!.GetValue<bool>(), row["generated"]!.GetValue<long>()));
        Assert.Equal(("waiting", "completed"), (row["status"]!.GetValue<string>(), row["generationStatus"]!.GetValue<string>()));
        // Bob's names are not listed to Alice, but the suggestion is workspace-wide: it never overlaps them.
        Assert.Equal(("10", "8", false), (forAlice["suggestedOffset"]!.GetValue<string>(), forAlice["remainingAtSuggested"]!.GetValue<string>(), forAlice["exhausted"]!.GetValue<bool>()));
        Assert.Equal(["bob's"], Names(forBob));
        Assert.Equal(["bob's", "alice's"], Names(forAdmin));
    }

    [Fact]
    public async Task A_used_up_pattern_reports_exhaustion_and_a_bad_pattern_is_still_a_problem_document()
    {
        await using var server = await TestServer.StartAsync();
        await RunAsync(server, server.Admin, "all of it", 18);

        var history = await HistoryAsync(server.Admin);
        var bad = Config(1);
        bad["charset"] = "a$";
        var (status, problem) = await server.SendAsync(HttpMethod.Post, "/api/v2/generation/preview", bad);

        Assert.Equal(("18", "0", true), (history["suggestedOffset"]!.GetValue<string>(), history["remainingAtSuggested"]!.GetValue<string>(), history["exhausted"]!.GetValue<bool>()));
        Assert.Equal(400, status);
        Assert.Equal("validation_failed", problem["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["charset"]);
    }
}
