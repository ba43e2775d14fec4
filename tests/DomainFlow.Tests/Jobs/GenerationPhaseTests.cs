using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Generation;
using DomainFlow.Core.Phases;
using DomainFlow.Store.Generation;
using DomainFlow.Store.Jobs;
using DomainFlow.Tests.Support;

namespace DomainFlow.Tests.Jobs;

public sealed class GenerationPhaseTests
{
    private static List<string> Expected(GenerationConfig config, ulong start, int count)
    {
        var pattern = DomainPattern.Create(config);
        var generator = new NameGenerator(pattern, start, pattern.Total);
        var names = new List<string>();
        while (names.Count < count && generator.MoveNext())
        {
            names.Add(generator.CurrentName);
        }
        return names;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_started_generation_stores_exactly_the_requested_names_in_ordinal_order(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 7, shardSize: 50);
        var config = StoreHarness.Pattern(charset: "ab-", length: 4, tlds: ["com", "net", "org"], maxDomains: 150);
        var campaign = await h.CreateCampaignAsync(config);

        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        Assert.Equal(3, await h.RunUntilIdleAsync());

        Assert.Equal(Expected(config, 0, 150), await h.AllNamesAsync(campaign.Id));
        var phase = await h.PhaseAsync(campaign.Id);
        Assert.Equal(PhaseStatus.Completed, phase.Status);
        Assert.Equal(150, phase.Processed);
        Assert.Equal(150, phase.Counters["generated"]);
        var pattern = DomainPattern.Create(config);
        Assert.Equal((long)(pattern.EndAfterValidNames(0, 150) - 150), phase.Counters["skipped"]);
        Assert.Equal(CampaignStatus.Waiting, (await h.Campaigns.GetAsync(campaign.Id))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_second_campaign_with_the_same_pattern_continues_after_the_first(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        var first = await h.CreateCampaignAsync(StoreHarness.Pattern(maxDomains: 10));
        var second = await h.CreateCampaignAsync(StoreHarness.Pattern(charset: "ABC", maxDomains: 8));
        var third = await h.CreateCampaignAsync(StoreHarness.Pattern(maxDomains: 1));

        await h.Phases.StartAsync(first.Id, PhaseName.Generation);
        await h.Phases.StartAsync(second.Id, PhaseName.Generation);
        await h.RunUntilIdleAsync();
        await h.Phases.StartAsync(third.Id, PhaseName.Generation);

        var all = Expected(StoreHarness.Pattern(), 0, 18);
        Assert.Equal(all[..10], await h.AllNamesAsync(first.Id));
        Assert.Equal(all[10..], await h.AllNamesAsync(second.Id));
        var exhausted = await h.PhaseAsync(third.Id);
        Assert.Equal(PhaseStatus.Failed, exhausted.Status);
        Assert.Contains("exhausted", exhausted.Error);
        Assert.Equal(CampaignStatus.Failed, (await h.Campaigns.GetAsync(third.Id))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_explicit_offset_starts_there_and_never_rewinds_the_workspace_offset(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        var late = await h.CreateCampaignAsync(StoreHarness.Pattern(maxDomains: 2, offset: 16));
        var early = await h.CreateCampaignAsync(StoreHarness.Pattern(maxDomains: 2, offset: 0));
        var next = await h.CreateCampaignAsync(StoreHarness.Pattern(maxDomains: 1));

        await h.Phases.StartAsync(late.Id, PhaseName.Generation);
        await h.Phases.StartAsync(early.Id, PhaseName.Generation);
        await h.Phases.StartAsync(next.Id, PhaseName.Generation);
        await h.RunUntilIdleAsync();

        Assert.Equal(["ccshop.com", "ccshop.net"], await h.AllNamesAsync(late.Id));
        Assert.Equal(["aashop.com", "aashop.net"], await h.AllNamesAsync(early.Id));
        Assert.Equal(PhaseStatus.Failed, (await h.PhaseAsync(next.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Pause_takes_effect_within_one_batch_and_resume_finishes_without_gaps_or_duplicates(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 10, shardSize: 1_000);
        var config = StoreHarness.Pattern(charset: "abcdefghij", length: 3, maxDomains: 500);
        var campaign = await h.CreateCampaignAsync(config);
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        var batches = 0;
        h.Runner.BatchCommitted += (_, _) =>
        {
            if (++batches == 3)
            {
                h.Phases.PauseAsync(campaign.Id, PhaseName.Generation).GetAwaiter().GetResult();
            }
        };

        await h.RunUntilIdleAsync();

        var paused = await h.PhaseAsync(campaign.Id);
        Assert.Equal(PhaseStatus.Paused, paused.Status);
        Assert.Equal(30, paused.Processed);
        Assert.Equal(0, await h.RunUntilIdleAsync());
        Assert.Equal(CampaignStatus.Paused, (await h.Campaigns.GetAsync(campaign.Id))!.Status);

        await h.Phases.ResumeAsync(campaign.Id, PhaseName.Generation);
        await h.RunUntilIdleAsync();

        Assert.Equal(Expected(config, 0, 500), await h.AllNamesAsync(campaign.Id));
        Assert.Equal(PhaseStatus.Completed, (await h.PhaseAsync(campaign.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_pause_during_a_batch_keeps_that_batch_and_resume_prepares_nothing_twice(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 10, shardSize: 1_000);
        var config = StoreHarness.Pattern(charset: "abcdefghij", length: 3, maxDomains: 500);
        var campaign = await h.CreateCampaignAsync(config);
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        var generation = new InterruptingProcessor(new GenerationShardProcessor(h.Db.Database),
            duringBatch: 4, async () => Assert.True(await h.Phases.PauseAsync(campaign.Id, PhaseName.Generation)));
        var runner = new JobRunner(h.Db.Database, h.Jobs, h.Phases, [generation], h.Options);

        await RunUntilIdleAsync(h, runner);

        var paused = await h.PhaseAsync(campaign.Id);
        Assert.Equal(PhaseStatus.Paused, paused.Status);
        Assert.Equal(40, paused.Processed);
        Assert.Equal(40, generation.Prepared);

        await h.Phases.ResumeAsync(campaign.Id, PhaseName.Generation);
        await RunUntilIdleAsync(h, runner);

        Assert.Equal(PhaseStatus.Completed, (await h.PhaseAsync(campaign.Id)).Status);
        Assert.Equal(500, generation.Prepared);
        Assert.Equal(Expected(config, 0, 500), await h.AllNamesAsync(campaign.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_pause_during_the_last_batch_keeps_it_stays_paused_and_resume_completes_the_phase(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 10, shardSize: 1_000);
        var campaign = await h.CreateCampaignAsync(StoreHarness.Pattern(maxDomains: 18), mode: CampaignMode.Auto);
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        var generation = new InterruptingProcessor(new GenerationShardProcessor(h.Db.Database),
            duringBatch: 2, async () => Assert.True(await h.Phases.PauseAsync(campaign.Id, PhaseName.Generation)));
        var runner = new JobRunner(h.Db.Database, h.Jobs, h.Phases, [generation], h.Options);

        await RunUntilIdleAsync(h, runner);
        var paused = await h.PhaseAsync(campaign.Id);
        Assert.True(await h.Phases.ResumeAsync(campaign.Id, PhaseName.Generation));
        await RunUntilIdleAsync(h, runner);

        Assert.Equal((PhaseStatus.Paused, 18L), (paused.Status, paused.Processed));
        Assert.Equal(PhaseStatus.Completed, (await h.PhaseAsync(campaign.Id)).Status);
        Assert.Equal(18, generation.Prepared);
        Assert.Equal(18, (await h.AllNamesAsync(campaign.Id)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Deleting_a_campaign_while_a_batch_is_in_flight_drops_the_batch_and_leaves_nothing(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 10, shardSize: 1_000);
        var campaign = await h.CreateCampaignAsync(StoreHarness.Pattern(charset: "abcdefghij", length: 3, maxDomains: 500));
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        var generation = new InterruptingProcessor(new GenerationShardProcessor(h.Db.Database),
            duringBatch: 3, async () => Assert.True(await h.Campaigns.DeleteAsync(campaign.Id)));

        await RunUntilIdleAsync(h, new JobRunner(h.Db.Database, h.Jobs, h.Phases, [generation], h.Options));

        Assert.Null(await h.Campaigns.GetAsync(campaign.Id));
        Assert.Equal(30, generation.Prepared); // the runner stopped at the refused batch
        foreach (var table in new[] { "domains", "jobs", "campaign_phases", "phase_counters" })
        {
            Assert.Equal(0, await h.Db.ScalarAsync($"SELECT count(*) FROM {table}"));
        }
    }

    private static async Task RunUntilIdleAsync(StoreHarness h, JobRunner runner)
    {
        while (await h.Jobs.ClaimAsync("test/0/a", h.Options.LeaseDuration) is { } lease)
        {
            await runner.RunShardAsync(lease, CancellationToken.None);
        }
    }

    /// <summary>Does something (pause, delete) while the given batch is being prepared (in flight), and counts every name prepared.</summary>
    private sealed class InterruptingProcessor(IShardProcessor inner, int duringBatch, Func<Task> interrupt) : IShardProcessor
    {
        private int _batches;

        public int Prepared { get; private set; }

        private async Task AfterPreparedAsync(int items)
        {
            Prepared += items;
            if (++_batches == duringBatch)
            {
                await interrupt();
            }
        }

        public PhaseName Phase => inner.Phase;

        public IShardSession Open(JobLease lease) => new Session(this, inner.Open(lease));

        private sealed class Session(InterruptingProcessor owner, IShardSession inner) : IShardSession
        {
            public async Task<ShardBatch> PrepareAsync(int maxItems, CancellationToken ct)
            {
                var batch = await inner.PrepareAsync(maxItems, ct);
                await owner.AfterPreparedAsync(batch.Processed);
                return batch;
            }

            public Task WriteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, ShardBatch batch, CancellationToken ct) =>
                inner.WriteAsync(connection, transaction, batch, ct);

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_worker_that_lost_its_lease_cannot_commit_and_the_new_owner_finishes_exactly(string engine)
    {
        var clock = new ManualClock();
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 10, shardSize: 1_000, clock: clock);
        var config = StoreHarness.Pattern(charset: "abcdefghij", length: 3, maxDomains: 200);
        var campaign = await h.CreateCampaignAsync(config);
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        var stale = (await h.Jobs.ClaimAsync("node-a/0/x", h.Options.LeaseDuration))!;
        var batches = 0;
        h.Runner.BatchCommitted += (_, _) =>
        {
            if (++batches == 2)
            {
                // node-a stalls past its lease; node-b takes the shard over and completes it.
                clock.Advance(h.Options.LeaseDuration + TimeSpan.FromSeconds(1));
                var takeover = h.Jobs.ClaimAsync("node-b/0/y", h.Options.LeaseDuration).GetAwaiter().GetResult()!;
                h.Runner.RunShardAsync(takeover, CancellationToken.None).GetAwaiter().GetResult();
            }
        };

        await h.Runner.RunShardAsync(stale, CancellationToken.None);

        Assert.Equal(Expected(config, 0, 200), await h.AllNamesAsync(campaign.Id));
        Assert.Equal(200, (await h.PhaseAsync(campaign.Id)).Processed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_shard_whose_worker_died_is_resumed_from_its_cursor_after_the_lease_expires(string engine)
    {
        var clock = new ManualClock();
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 10, shardSize: 100, clock: clock);
        var config = StoreHarness.Pattern(charset: "abcdefghij", length: 3, maxDomains: 300);
        var campaign = await h.CreateCampaignAsync(config);
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        var dead = (await h.Jobs.ClaimAsync("dead/0/x", h.Options.LeaseDuration))!;

        await h.RunUntilIdleAsync("alive/0/y");
        Assert.Equal(PhaseStatus.Running, (await h.PhaseAsync(campaign.Id)).Status);
        clock.Advance(h.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        await h.RunUntilIdleAsync("alive/0/y");

        Assert.Equal(0, dead.Cursor);
        Assert.Equal(Expected(config, 0, 300), await h.AllNamesAsync(campaign.Id));
        Assert.Equal(PhaseStatus.Completed, (await h.PhaseAsync(campaign.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_workers_share_the_shards_and_produce_every_name_once(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 50, shardSize: 200);
        var config = StoreHarness.Pattern(charset: "abcdefghijklmnopqrstuvwxyz", length: 3, maxDomains: 3_000);
        var campaign = await h.CreateCampaignAsync(config);
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var workers = Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
        {
            try
            {
                await h.Runner.RunAsync($"node/{i}/z", stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        })).ToList();
        while ((await h.PhaseAsync(campaign.Id)).Status == PhaseStatus.Running && !stop.IsCancellationRequested)
        {
            await Task.Delay(50);
        }
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal(PhaseStatus.Completed, (await h.PhaseAsync(campaign.Id)).Status);
        Assert.Equal(Expected(config, 0, 3_000), await h.AllNamesAsync(campaign.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_list_upload_is_normalised_deduplicated_and_generated_in_upload_order(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine, batchSize: 2, shardSize: 3);
        var campaign = await h.CreateCampaignAsync(new GenerationConfig { Source = GenerationSource.List });
        var seq = (await h.Campaigns.SeqOfAsync(campaign.Id))!.Value;

        var first = await h.Lists.AppendAsync(seq, new StringReader("Example.com\nbücher.de\n-bad.com\n\nexample.com\nzeta.org,1\n"));
        var second = await h.Lists.AppendAsync(seq, new StringReader("zeta.org\nomega.net\n"));
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        await h.RunUntilIdleAsync();

        Assert.Equal((3L, 1L, 1L), (first.Accepted, first.Invalid, first.Duplicates));
        Assert.Equal(["-bad.com"], first.InvalidSamples);
        Assert.Equal((1L, 0L, 1L), (second.Accepted, second.Invalid, second.Duplicates));
        Assert.Equal(["example.com", "xn--bcher-kva.de", "zeta.org", "omega.net"], await h.AllNamesAsync(campaign.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Starting_a_list_source_without_an_upload_fails_the_phase_with_a_reason(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        var campaign = await h.CreateCampaignAsync(new GenerationConfig { Source = GenerationSource.List });

        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);

        var phase = await h.PhaseAsync(campaign.Id);
        Assert.Equal(PhaseStatus.Failed, phase.Status);
        Assert.Contains("Upload a list", phase.Error);
    }

    [Fact]
    public async Task An_idle_worker_starts_at_once_when_a_phase_starts_on_its_node()
    {
        await using var h = await StoreHarness.CreateAsync("sqlite");
        h.Options.PollInterval = TimeSpan.FromMinutes(10);
        var campaign = await h.CreateCampaignAsync(StoreHarness.Pattern());
        using var stop = new CancellationTokenSource();
        var worker = Task.Run(() => h.Runner.RunAsync("node/0/w", stop.Token));
        await Task.Delay(200); // the worker found nothing and is waiting out its poll interval

        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await h.PhaseAsync(campaign.Id)).Status != PhaseStatus.Completed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(PhaseStatus.Completed, (await h.PhaseAsync(campaign.Id)).Status);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker);
    }
}
