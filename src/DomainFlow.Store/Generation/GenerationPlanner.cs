using System.Data.Common;
using Dapper;
using DomainFlow.Core.Generation;
using DomainFlow.Core.Phases;
using DomainFlow.Store.Jobs;

namespace DomainFlow.Store.Generation;

/// <summary>
/// Plans a generation run: reserves the pattern range in the workspace-wide offset table (so the next campaign with
/// the same pattern continues after it) and splits the requested names into shards that each know their pattern ordinal.
/// </summary>
public sealed class GenerationPlanner(Database db, JobRunnerOptions options) : IPhasePlanner
{
    public const string Generated = "generated";
    public const string Skipped = "skipped";

    public PhaseName Phase => PhaseName.Generation;

    public async Task<PhasePlan> PlanAsync(DbConnection connection, DbTransaction transaction, long campaignSeq, string configJson, CancellationToken ct)
    {
        var config = GenerationConfigRules.Parse(configJson);
        var pattern = GenerationConfigRules.ValidateForCampaign(config);
        return pattern is null
            ? await PlanListAsync(connection, transaction, campaignSeq, config, ct)
            : await PlanPatternAsync(connection, transaction, campaignSeq, pattern, config, ct);
    }

    private async Task<PhasePlan> PlanPatternAsync(DbConnection c, DbTransaction t, long campaignSeq, DomainPattern pattern, GenerationConfig config, CancellationToken ct)
    {
        var reserved = await GenerationOffsets.ReadForUpdateAsync(db, c, t, pattern.ConfigHash, ct);
        var start = (ulong)(config.OffsetStart ?? reserved);
        var requested = (ulong)config.MaxDomains!.Value;
        var remaining = start >= pattern.Total ? 0 : pattern.ValidTotal - pattern.Rank(start);
        if (remaining == 0)
        {
            return PhasePlan.Fail("pattern_exhausted",
                $"The pattern is exhausted: all {pattern.ValidTotal} valid names from offset {start} on were generated already. Change the pattern or set offsetStart.");
        }
        if (remaining < requested)
        {
            return PhasePlan.Fail("pattern_exhausted",
                $"Only {remaining} names of this pattern remain after offset {start}, fewer than the {requested} requested. Lower maxDomains or change the pattern.");
        }
        var end = pattern.EndAfterValidNames(start, requested);
        await GenerationOffsets.AdvanceAsync(db, c, t, pattern.ConfigHash, (long)end, ct);
        await PatternHistory.RecordRangeAsync(c, t, campaignSeq, pattern.ConfigHash, (long)start, (long)end, ct);
        var startRank = pattern.Rank(start);
        var shards = PhasePlan.Split((long)requested, options.ShardSize,
            k => (long)(k == 0 ? start : pattern.OrdinalOfRank(startRank + (ulong)k)));
        var skipped = (long)(end - start - requested);
        return new PhasePlan((long)requested, shards, new Dictionary<string, long> { [Generated] = 0, [Skipped] = skipped });
    }

    private async Task<PhasePlan> PlanListAsync(DbConnection c, DbTransaction t, long campaignSeq, GenerationConfig config, CancellationToken ct)
    {
        var uploaded = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM list_items WHERE campaign_seq = @campaignSeq", new { campaignSeq }, t, cancellationToken: ct));
        if (uploaded == 0)
        {
            return PhasePlan.Fail("list_empty", "No names were uploaded for this campaign's list source. Upload a list first.");
        }
        var total = Math.Min(uploaded, config.MaxDomains ?? long.MaxValue);
        // Line numbers have gaps where duplicates were dropped: each shard starts at the line of its k-th name.
        var starts = new Dictionary<long, long>();
        for (long k = 0; k < total; k += options.ShardSize)
        {
            starts[k] = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT line FROM list_items WHERE campaign_seq = @campaignSeq ORDER BY line LIMIT 1 OFFSET @k",
                new { campaignSeq, k }, t, cancellationToken: ct));
        }
        return new PhasePlan(total, PhasePlan.Split(total, options.ShardSize, k => starts[k]), new Dictionary<string, long> { [Generated] = 0 });
    }
}
