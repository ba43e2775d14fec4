using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Phases;
using DomainFlow.Core.Users;
using DomainFlow.Store.Campaigns;
using DomainFlow.Tests.Support;

namespace DomainFlow.Tests.Store;

public sealed class DashboardStoreTests
{
    private static readonly Viewer Alice = new(Guid.NewGuid(), IsAdmin: false);
    private static readonly Viewer Bob = new(Guid.NewGuid(), IsAdmin: false);
    private static readonly Viewer Admin = new(Guid.NewGuid(), IsAdmin: true);

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Counts_processed_items_and_activity_cover_only_the_viewers_campaigns(string engine)
    {
        var clock = new ManualClock();
        await using var h = await StoreHarness.CreateAsync(engine, clock: clock);
        var dashboard = new DashboardStore(h.Db.Database);
        var alicesRun = await CreateAsync(h, "alice run", Alice, StoreHarness.Pattern());
        clock.Advance(TimeSpan.FromSeconds(1));
        var alicesDraft = await CreateAsync(h, "alice draft", Alice, null);
        clock.Advance(TimeSpan.FromSeconds(1));
        // Another pattern: generation offsets are workspace-wide, the same one would continue after Alice's names.
        var bobs = await CreateAsync(h, "bob run", Bob, StoreHarness.Pattern(charset: "xyz"));
        clock.Advance(TimeSpan.FromSeconds(1));
        await h.Phases.StartAsync(alicesRun.Id, PhaseName.Generation);
        await h.Phases.StartAsync(bobs.Id, PhaseName.Generation);
        await h.RunUntilIdleAsync();
        var midnight = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);

        var alicesCounts = await dashboard.CountByStatusAsync(Alice);
        Assert.Equal(Enum.GetValues<CampaignStatus>(), alicesCounts.Keys.Order());
        Assert.Equal((1, 1, 0), (alicesCounts[CampaignStatus.Waiting], alicesCounts[CampaignStatus.Draft], alicesCounts[CampaignStatus.Running]));
        Assert.Equal(2, (await dashboard.CountByStatusAsync(Admin))[CampaignStatus.Waiting]);

        Assert.Equal(18, (await dashboard.ProcessedSinceAsync(Alice, midnight))[PhaseName.Generation]);
        Assert.Equal(0, (await dashboard.ProcessedSinceAsync(Alice, midnight))[PhaseName.DnsValidation]);
        Assert.Equal(36, (await dashboard.ProcessedSinceAsync(Admin, midnight))[PhaseName.Generation]);
        // The bucket holding the work starts before "now", so only a start after that bucket leaves it out.
        Assert.Equal(0, (await dashboard.ProcessedSinceAsync(Admin, clock.GetUtcNow() + PhaseActivity.BucketLength))[PhaseName.Generation]);

        var activity = await dashboard.RecentActivityAsync(Alice, 10);
        Assert.Equal(
            [
                (alicesRun.Id, CampaignActivityKind.PhaseCompleted, (PhaseName?)PhaseName.Generation),
                (alicesRun.Id, CampaignActivityKind.PhaseStarted, PhaseName.Generation),
                (alicesDraft.Id, CampaignActivityKind.CampaignCreated, null),
                (alicesRun.Id, CampaignActivityKind.CampaignCreated, null),
            ],
            activity.Select(a => (a.CampaignId, a.Kind, a.Phase)));
        Assert.Equal("alice run", activity[0].CampaignName);
        Assert.Equal(2, (await dashboard.RecentActivityAsync(Alice, 2)).Count);
        Assert.Equal(7, (await dashboard.RecentActivityAsync(Admin, 10)).Count);

        await h.Campaigns.DeleteAsync(alicesRun.Id);
        Assert.Equal(0, (await dashboard.ProcessedSinceAsync(Alice, midnight))[PhaseName.Generation]);
        Assert.Equal(18, (await dashboard.ProcessedSinceAsync(Admin, midnight))[PhaseName.Generation]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Processed_items_land_in_the_quarter_hour_they_were_written(string engine)
    {
        var clock = new ManualClock();
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 6, clock: clock);
        var dashboard = new DashboardStore(h.Db.Database);
        var campaign = await CreateAsync(h, "two days", Alice, StoreHarness.Pattern());
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        var firstLease = await h.Jobs.ClaimAsync("test/0/a", h.Options.LeaseDuration);
        await h.Runner.RunShardAsync(firstLease!, CancellationToken.None);
        var writtenAt = clock.GetUtcNow();

        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(18, (await dashboard.ProcessedSinceAsync(Alice, writtenAt))[PhaseName.Generation]);
        Assert.Equal(0, (await dashboard.ProcessedSinceAsync(Alice, clock.GetUtcNow() - TimeSpan.FromHours(1)))[PhaseName.Generation]);
    }

    [Fact]
    public void Buckets_start_on_quarter_hours_so_any_local_midnight_is_a_bucket_start()
    {
        var nepalMidnight = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromMinutes(345));

        Assert.Equal(nepalMidnight, PhaseActivity.BucketStart(nepalMidnight));
        Assert.Equal(nepalMidnight, PhaseActivity.BucketStart(nepalMidnight.AddMinutes(14).AddSeconds(59)));
        Assert.Equal(nepalMidnight.AddMinutes(15), PhaseActivity.BucketStart(nepalMidnight.AddMinutes(15)));
    }

    private static Task<Campaign> CreateAsync(StoreHarness h, string name, Viewer owner, Core.Generation.GenerationConfig? config) =>
        h.Campaigns.CreateAsync(name, null, CampaignMode.StepByStep, config is null ? null : JsonSerializer.Serialize(config, DomainFlowJson.Options), owner.UserId);
}
