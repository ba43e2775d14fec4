using System.Text.Json;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Generation;
using DomainFlow.Core.Phases;
using DomainFlow.Core.Users;
using DomainFlow.Store.Generation;
using DomainFlow.Store.Migrations;
using DomainFlow.Tests.Support;

namespace DomainFlow.Tests.Generation;

public sealed class PatternHistoryTests
{
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();

    private static async Task<Campaign> CreateAsync(StoreHarness h, string name, GenerationConfig config, Guid owner) =>
        await h.Campaigns.CreateAsync(name, null, CampaignMode.StepByStep, JsonSerializer.Serialize(config, DomainFlowJson.Options), owner);

    private static async Task RunGenerationAsync(StoreHarness h, Campaign campaign)
    {
        await h.Phases.StartAsync(campaign.Id, PhaseName.Generation);
        await h.RunUntilIdleAsync();
    }

    private static Task<PatternHistory.Summary> ReadAsync(StoreHarness h, Guid user, bool admin = false) =>
        PatternHistory.ReadAsync(h.Db.Database, DomainPattern.Create(StoreHarness.Pattern()), new Viewer(user, admin), CancellationToken.None);

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_history_lists_the_viewers_campaigns_on_the_same_pattern_space_with_their_ranges_and_the_next_offset(string engine)
    {
        // abc × 2 letters × {com, net}: 18 names, all valid.
        await using var h = await StoreHarness.CreateAsync(engine);
        var started = await CreateAsync(h, "alice ran", StoreHarness.Pattern(maxDomains: 6), Alice);
        await RunGenerationAsync(h, started);
        var bobs = await CreateAsync(h, "bob ran", StoreHarness.Pattern(maxDomains: 4), Bob);
        await RunGenerationAsync(h, bobs);
        // The same space written differently: the key is the normalised pattern, not the submitted text.
        var pinned = await CreateAsync(h, "alice pinned", StoreHarness.Pattern(charset: "AaBbCc", tlds: ["COM", "net"], maxDomains: 2, offset: 12), Alice);
        var floating = await CreateAsync(h, "alice floating", StoreHarness.Pattern(maxDomains: 3), Alice);
        await CreateAsync(h, "other space", StoreHarness.Pattern(charset: "abd"), Alice);
        await CreateAsync(h, "a list", new GenerationConfig { Source = GenerationSource.List, MaxDomains = 5 }, Alice);

        var alice = await ReadAsync(h, Alice);

        Assert.Equal(["alice floating", "alice pinned", "alice ran"], alice.Campaigns.Select(c => c.Name));
        var (f, p, s) = (alice.Campaigns[0], alice.Campaigns[1], alice.Campaigns[2]);
        Assert.Equal((null, null, false, 3L), (f.RangeStart, f.RangeEnd, f.Reserved, f.Requested));
        Assert.Equal((12L, 14L, false), (p.RangeStart, p.RangeEnd, p.Reserved));
        Assert.Equal((0L, 6L, true, 6L, PhaseStatus.Completed), (s.RangeStart, s.RangeEnd, s.Reserved, s.Generated, s.GenerationStatus));
        Assert.Equal(pinned.Id, p.CampaignId);
        Assert.Equal(floating.Id, f.CampaignId);
        // The furthest end: Alice's pinned range, past the workspace offset (10, after Bob's run).
        Assert.Equal((14UL, 4UL, false), (alice.SuggestedOffset, alice.RemainingAtSuggested, alice.Exhausted));

        // Bob does not see Alice's campaigns, but the workspace offset keeps him after her names.
        var bob = await ReadAsync(h, Bob);
        Assert.Equal(["bob ran"], bob.Campaigns.Select(c => c.Name));
        Assert.Equal((6L, 10L), (bob.Campaigns[0].RangeStart, bob.Campaigns[0].RangeEnd));
        Assert.Equal(10UL, bob.SuggestedOffset);

        var admin = await ReadAsync(h, Guid.NewGuid(), admin: true);
        Assert.Equal(["alice floating", "alice pinned", "bob ran", "alice ran"], admin.Campaigns.Select(c => c.Name));
        Assert.False(admin.Truncated);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_used_up_space_is_exhausted_and_reconfiguring_a_campaign_moves_it_between_histories(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        await RunGenerationAsync(h, await CreateAsync(h, "everything", StoreHarness.Pattern(maxDomains: 18), Alice));
        var moved = await CreateAsync(h, "moved", StoreHarness.Pattern(maxDomains: 1), Alice);
        await h.Phases.ConfigureAsync(moved.Id, PhaseName.Generation, JsonSerializer.Serialize(StoreHarness.Pattern(charset: "xyz"), DomainFlowJson.Options));

        var history = await ReadAsync(h, Alice);

        Assert.Equal(["everything"], history.Campaigns.Select(c => c.Name));
        Assert.Equal((18UL, 0UL, true), (history.SuggestedOffset, history.RemainingAtSuggested, history.Exhausted));
        var xyz = await PatternHistory.ReadAsync(h.Db.Database, DomainPattern.Create(StoreHarness.Pattern(charset: "xyz")), new Viewer(Alice, false), CancellationToken.None);
        Assert.Equal(["moved"], xyz.Campaigns.Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_migration_keys_campaigns_that_existed_before_it(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        var pinned = await CreateAsync(h, "pinned", StoreHarness.Pattern(maxDomains: 4, offset: 2), Alice);
        await RunGenerationAsync(h, pinned);
        await CreateAsync(h, "draft", StoreHarness.Pattern(maxDomains: 3), Alice);
        await using (var c = await h.Db.Database.OpenAsync())
        {
            // Back to the schema before version 11, as a database created by an older build has it.
            await c.ExecuteAsync("DROP INDEX ix_campaign_phases_pattern");
            foreach (var column in new[] { "pattern_key", "pattern_start", "pattern_end" })
            {
                await c.ExecuteAsync($"ALTER TABLE campaign_phases DROP COLUMN {column}");
            }
            await c.ExecuteAsync("DELETE FROM schema_migrations WHERE version = 11");
        }

        var applied = await new Migrator(h.Db.Database).MigrateAsync();
        var history = await ReadAsync(h, Alice);

        Assert.Equal([11], applied.Select(m => m.Version));
        Assert.Equal(["draft", "pinned"], history.Campaigns.Select(c => c.Name));
        Assert.Equal((2L, 6L, true), (history.Campaigns[1].RangeStart, history.Campaigns[1].RangeEnd, history.Campaigns[1].Reserved));
        Assert.Equal(0, await h.Db.ScalarAsync("SELECT count(*) FROM campaign_phases WHERE pattern_key IS NOT NULL AND phase <> 'generation'"));
    }
}
