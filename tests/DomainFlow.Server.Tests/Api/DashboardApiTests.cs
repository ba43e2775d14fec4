using System.Text.Json.Nodes;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Api;

public sealed class DashboardApiTests
{
    private const long Endless = 20_000_000;

    [Theory]
    [MemberData(nameof(TestServer.Engines), MemberType = typeof(TestServer))]
    public async Task Each_user_sees_counts_processed_items_running_phases_and_activity_of_their_own_campaigns(string engine)
    {
        // One worker and small batches: the long run is still going whenever the test reads the dashboard (it stops it itself).
        await using var server = await TestServer.StartAsync(engine, workers: 1, extra: ["--Jobs:BatchSize=10"]);
        using var alice = await server.CreateUserAsync("alice@example.test");
        using var bob = await server.CreateUserAsync("bob@example.test");
        var alicesDone = await alice.CreateCampaignAsync(TestServer.PatternSpec("alice done", 18));
        var alicesDraft = await alice.CreateCampaignAsync(new JsonObject { ["name"] = "alice draft" });
        // Other patterns: generation offsets are workspace-wide, the same one would continue after Alice's names.
        var bobs = await bob.CreateCampaignAsync(TestServer.PatternSpec("bob done", 18, charset: "xyz"));
        await alice.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{alicesDone}/phases/generation/start");
        await bob.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{bobs}/phases/generation/start");
        await server.WaitForPhaseAsync(alicesDone, "generation", p => p["status"]!.GetValue<string>() == "completed");
        await server.WaitForPhaseAsync(bobs, "generation", p => p["status"]!.GetValue<string>() == "completed");
        // A long run that is still going when the dashboard is read.
        var alicesBig = await alice.CreateCampaignAsync(TestServer.PatternSpec("alice big", Endless, charset: "abcdefghijklmnopqrstuvwxyz", length: 5));
        await alice.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{alicesBig}/phases/generation/start");
        await server.WaitForPhaseAsync(alicesBig, "generation", p => p["processed"]!.GetValue<long>() > 0);

        var (status, dashboard) = await alice.SendAsync(HttpMethod.Get, "/api/v2/dashboard");
        var (_, bobsDashboard) = await bob.SendAsync(HttpMethod.Get, "/api/v2/dashboard");
        var (_, adminsDashboard) = await server.SendAsync(HttpMethod.Get, "/api/v2/dashboard");
        await alice.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{alicesBig}/phases/generation/stop");

        Assert.Equal(200, status);
        Assert.Equal(
            ["draft:1", "running:1", "paused:0", "waiting:1", "completed:0", "failed:0", "cancelled:0"],
            dashboard["campaignsByStatus"]!.AsArray().Select(s => $"{s!["status"]}:{s["campaigns"]}"));
        var running = Assert.Single(dashboard["running"]!.AsArray())!;
        Assert.Equal((alicesBig, "alice big", "generation", Endless), (running["campaignId"]!.GetValue<string>(), running["campaignName"]!.GetValue<string>(),
            running["phase"]!["phase"]!.GetValue<string>(), running["phase"]!["total"]!.GetValue<long>()));
        Assert.True(running["phase"]!["processed"]!.GetValue<long>() > 0);
        Assert.NotNull(running["phase"]!["ratePerSecond"]);

        // Alice's 18 names, plus whatever her running phase wrote by then; never Bob's.
        var processed = dashboard["processedToday"]!["total"]!.GetValue<long>();
        Assert.InRange(processed, 18 + running["phase"]!["processed"]!.GetValue<long>(), 18 + 400_000);
        Assert.Equal(processed, dashboard["processedToday"]!["byPhase"]!.AsArray().Single(p => p!["phase"]!.GetValue<string>() == "generation")!["processed"]!.GetValue<long>());
        Assert.Equal(18, bobsDashboard["processedToday"]!["total"]!.GetValue<long>());
        Assert.True(adminsDashboard["processedToday"]!["total"]!.GetValue<long>() >= processed + 18);

        var activity = dashboard["activity"]!.AsArray();
        Assert.All(activity, a => Assert.Contains(a!["campaignId"]!.GetValue<string>(), new[] { alicesDone, alicesDraft, alicesBig }));
        Assert.Equal(("alice big", "phase_started"), (activity[0]!["campaignName"]!.GetValue<string>(), activity[0]!["kind"]!.GetValue<string>()));
        Assert.Contains(activity, a => a!["campaignId"]!.GetValue<string>() == alicesDone && a["kind"]!.GetValue<string>() == "phase_completed");
        Assert.Contains(activity, a => a!["campaignId"]!.GetValue<string>() == alicesDraft && a["kind"]!.GetValue<string>() == "campaign_created");
        Assert.Empty(bobsDashboard["running"]!.AsArray());
        Assert.All(bobsDashboard["activity"]!.AsArray(), a => Assert.Equal(bobs, a!["campaignId"]!.GetValue<string>()));
        Assert.Equal(3, bobsDashboard["activity"]!.AsArray().Count);
    }

    [Fact]
    public async Task Today_starts_where_the_client_says_within_a_day_and_bad_parameters_are_400()
    {
        await using var server = await TestServer.StartAsync();
        var localMidnight = DateTimeOffset.UtcNow.AddHours(-3);
        var expectedSince = localMidnight.AddTicks(-(localMidnight.UtcTicks % TimeSpan.FromMinutes(15).Ticks));

        var (status, dashboard) = await server.SendAsync(HttpMethod.Get, $"/api/v2/dashboard?todayStart={Uri.EscapeDataString(localMidnight.ToString("O"))}&activityLimit=5");
        var (tooOld, problem) = await server.SendAsync(HttpMethod.Get, $"/api/v2/dashboard?todayStart={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-3).ToString("O"))}&activityLimit=0");

        Assert.Equal(200, status);
        Assert.Equal(expectedSince, dashboard["processedToday"]!["since"]!.GetValue<DateTimeOffset>());
        Assert.Equal(0, dashboard["processedToday"]!["total"]!.GetValue<long>());
        Assert.Empty(dashboard["activity"]!.AsArray());
        Assert.Equal(400, tooOld);
        Assert.Equal(["activityLimit", "todayStart"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }
}
