using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Phases;
using DomainFlow.Tests.Support;

namespace DomainFlow.Tests.Store;

public sealed class CampaignStoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_new_campaign_is_a_draft_with_four_phases_in_order(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);

        var campaign = await h.CreateCampaignAsync(StoreHarness.Pattern());

        Assert.Equal(CampaignStatus.Draft, campaign.Status);
        Assert.Equal(CampaignMode.StepByStep, campaign.Mode);
        Assert.Equal(PhaseRules.Order, campaign.Phases.Select(p => p.Phase));
        Assert.Equal([PhaseStatus.Configured, PhaseStatus.NotStarted, PhaseStatus.NotStarted, PhaseStatus.NotStarted], campaign.Phases.Select(p => p.Status));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Listing_pages_by_cursor_newest_first_without_a_fixed_cap(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        var created = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await h.CreateCampaignAsync(null, $"campaign {i}")).Id);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await h.Campaigns.ListAsync(null, null, 3, cursor);
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(created.AsEnumerable().Reverse(), seen);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Listing_filters_by_name_case_insensitively_and_by_status(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        await h.CreateCampaignAsync(null, "Alpha shops");
        await h.CreateCampaignAsync(null, "beta 100%_off");
        var running = await h.CreateCampaignAsync(StoreHarness.Pattern(), "gamma");
        await h.Phases.StartAsync(running.Id, PhaseName.Generation);

        Assert.Equal(["Alpha shops"], (await h.Campaigns.ListAsync("ALPHA", null, 10, null)).Items.Select(c => c.Name));
        Assert.Equal(["beta 100%_off"], (await h.Campaigns.ListAsync("%_", null, 10, null)).Items.Select(c => c.Name));
        Assert.Equal(["gamma"], (await h.Campaigns.ListAsync(null, CampaignStatus.Running, 10, null)).Items.Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_forged_cursor_is_a_validation_error(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);

        await Assert.ThrowsAsync<ValidationException>(() => h.Campaigns.ListAsync(null, null, 10, "not-a-cursor"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Deleting_a_campaign_removes_every_row_keyed_by_it_and_leaves_the_others(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        var keep = await h.CreateCampaignAsync(StoreHarness.Pattern(), "keep");
        var doomed = await h.CreateCampaignAsync(StoreHarness.Pattern(charset: "xyz"), "doomed");
        await h.Phases.StartAsync(keep.Id, PhaseName.Generation);
        await h.Phases.StartAsync(doomed.Id, PhaseName.Generation);
        await h.RunUntilIdleAsync();
        foreach (var campaign in new[] { keep, doomed })
        {
            await SeedPhaseResultsAsync(h, campaign.Id);
        }
        var campaignTables = (await h.Db.QueryAsync<(string Table, string Column, string Type)>(h.Db.Database.Dialect.SchemaColumnsSql))
            .Where(col => col.Column == "campaign_seq" && col.Table != "campaigns").Select(col => col.Table).Distinct().ToList();
        Assert.Contains("dns_results", campaignTables);
        Assert.Contains("http_results", campaignTables);

        Assert.True(await h.Campaigns.DeleteAsync(doomed.Id));

        Assert.Null(await h.Campaigns.GetAsync(doomed.Id));
        Assert.Equal(18, await h.Db.ScalarAsync("SELECT count(*) FROM domains"));
        Assert.Equal(1, await h.Db.ScalarAsync("SELECT count(*) FROM dns_results"));
        Assert.Equal(1, await h.Db.ScalarAsync("SELECT count(*) FROM http_results"));
        foreach (var table in campaignTables)
        {
            Assert.Equal(0, await h.Db.ScalarAsync($"SELECT count(*) FROM {table} WHERE campaign_seq NOT IN (SELECT seq FROM campaigns)"));
        }
        Assert.False(await h.Campaigns.DeleteAsync(doomed.Id));
    }

    /// <summary>One DNS and one HTTP result for the campaign's first domain, as those phases would store them.</summary>
    private static async Task SeedPhaseResultsAsync(StoreHarness h, Guid campaignId)
    {
        var seq = await h.Db.ScalarAsync("SELECT seq FROM campaigns WHERE id = @id", new { id = campaignId.ToString() });
        await h.Db.ExecuteAsync(
            "INSERT INTO dns_results (campaign_seq, ordinal, outcome, attempts, latency_ms, checked_at) VALUES (@seq, 0, 'resolved', 1, 3, 0)",
            new { seq });
        await h.Db.ExecuteAsync(
            "INSERT INTO http_results (campaign_seq, ordinal, outcome, body_truncated, keyword_score, parked, parked_confidence, elapsed_ms, checked_at) " +
            "VALUES (@seq, 0, 'ok', 0, 0, 0, 0, 5, 0)",
            new { seq });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Editing_changes_only_the_given_fields(string engine)
    {
        await using var h = await StoreHarness.CreateAsync(engine);
        var campaign = await h.CreateCampaignAsync(null, "before");

        var updated = await h.Campaigns.UpdateAsync(campaign.Id, null, "now described", CampaignMode.Auto);

        Assert.Equal("before", updated!.Name);
        Assert.Equal("now described", updated.Description);
        Assert.Equal(CampaignMode.Auto, updated.Mode);
        Assert.Null(await h.Campaigns.UpdateAsync(Guid.NewGuid(), "x", null, null));
    }
}
