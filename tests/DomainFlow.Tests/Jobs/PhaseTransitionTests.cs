using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Phases;
using DomainFlow.Tests.Support;

namespace DomainFlow.Tests.Jobs;

public sealed class PhaseTransitionTests
{
    private static async Task<string> RefusalAsync(Func<Task> action) =>
        (await Assert.ThrowsAsync<PhaseConflictException>(action)).Code;

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Invalid_transitions_are_refused_with_a_stable_code_and_change_nothing(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        var unconfigured = await h.CreateCampaignAsync(null);
        var campaign = await h.CreateCampaignAsync(StoreHarness.Pattern());

        Assert.Equal("phase_not_configured", await RefusalAsync(() => h.Phases.StartAsync(unconfigured.Id, PhaseName.Generation)));
        Assert.Equal("phase_not_running", await RefusalAsync(() => h.Phases.PauseAsync(campaign.Id, PhaseName.Generation)));
        Assert.Equal("phase_not_paused", await RefusalAsync(() => h.Phases.ResumeAsync(campaign.Id, PhaseName.Generation)));
        Assert.Equal("phase_not_active", await RefusalAsync(() => h.Phases.StopAsync(campaign.Id, PhaseName.Generation)));
        Assert.Equal("phase_not_available", await RefusalAsync(() => h.Phases.StartAsync(campaign.Id, PhaseName.Analysis)));
        Assert.Equal("phase_not_configured", await RefusalAsync(() => h.Phases.StartAsync(campaign.Id, PhaseName.DnsValidation)));

        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        Assert.Equal("phase_not_startable", await RefusalAsync(() => h.Phases.StartAsync(campaign.Id, PhaseName.Generation)));
        Assert.Equal("phase_config_locked", await RefusalAsync(() => h.Phases.ConfigureAsync(campaign.Id, PhaseName.Generation, "{}")));

        Assert.Equal(PhaseStatus.Running, (await h.PhaseAsync(campaign.Id)).Status);
        Assert.Equal(CampaignStatus.Draft, (await h.Campaigns.GetAsync(unconfigured.Id))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Stopping_cancels_the_campaign_and_its_shards_are_never_claimed_again(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        var campaign = await h.CreateCampaignAsync(StoreHarness.Pattern());
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);

        await h.Phases.StopAsync(campaign.Id, PhaseName.Generation);

        Assert.Equal(0, await h.RunUntilIdleAsync());
        Assert.Equal(PhaseStatus.Stopped, (await h.PhaseAsync(campaign.Id)).Status);
        Assert.Equal(CampaignStatus.Cancelled, (await h.Campaigns.GetAsync(campaign.Id))!.Status);
        Assert.Equal("phase_not_startable", await RefusalAsync(() => h.Phases.StartAsync(campaign.Id, PhaseName.Generation)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Every_state_change_is_recorded_for_other_nodes_event_hubs(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        var campaign = await h.CreateCampaignAsync(StoreHarness.Pattern());
        var before = await h.Outbox.LatestIdAsync();

        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        await h.Phases.PauseAsync(campaign.Id, PhaseName.Generation);
        await h.Phases.ResumeAsync(campaign.Id, PhaseName.Generation);
        await h.RunUntilIdleAsync();
        await h.Campaigns.DeleteAsync(campaign.Id);

        var types = (await h.Outbox.ReadAfterAsync(before, 100)).Select(e => e.Type.ToString());
        Assert.Equal(["PhaseStarted", "PhasePaused", "PhaseResumed", "PhaseCompleted", "CampaignDeleted"], types);
    }
}

public sealed class PersistentFaultTests
{
    private sealed class BrokenProcessor : DomainFlow.Store.Jobs.IShardProcessor
    {
        public PhaseName Phase => PhaseName.Generation;

        public DomainFlow.Store.Jobs.IShardSession Open(DomainFlow.Store.Jobs.JobLease lease) => throw new InvalidOperationException("disk on fire");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_shard_that_fails_on_every_attempt_fails_the_phase_with_the_reason(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        var options = new DomainFlow.Store.Jobs.JobRunnerOptions { MaxAttempts = 2 };
        var runner = new DomainFlow.Store.Jobs.JobRunner(h.Db.Database, h.Jobs, h.Phases, [new BrokenProcessor()], options);
        var campaign = await h.CreateCampaignAsync(StoreHarness.Pattern());
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var lease = (await h.Jobs.ClaimAsync("node/0/x", options.LeaseDuration))!;
            await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunShardAsync(lease, CancellationToken.None));
            Assert.Equal(attempt == 1 ? PhaseStatus.Running : PhaseStatus.Failed, (await h.PhaseAsync(campaign.Id)).Status);
        }

        Assert.Contains("disk on fire", (await h.PhaseAsync(campaign.Id)).Error);
        Assert.Equal(CampaignStatus.Failed, (await h.Campaigns.GetAsync(campaign.Id))!.Status);
    }
}

public sealed class AutoModeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task In_auto_mode_a_completed_phase_waits_when_the_next_one_cannot_run_yet(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        var campaign = await h.CreateCampaignAsync(StoreHarness.Pattern(), mode: CampaignMode.Auto);

        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        await h.RunUntilIdleAsync();

        var after = (await h.Campaigns.GetAsync(campaign.Id))!;
        Assert.Equal(PhaseStatus.Completed, after.Phases[0].Status);
        Assert.Equal(PhaseStatus.NotStarted, after.Phases[1].Status);
        Assert.Equal(CampaignStatus.Waiting, after.Status);
        Assert.NotNull(after.StartedAt);
        Assert.Null(after.CompletedAt);
    }
}
