using System.Data.Common;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Generation;
using DomainFlow.Core.Phases;
using DomainFlow.Core.Users;

namespace DomainFlow.Store.Generation;

/// <summary>
/// Earlier campaigns on the same pattern space (same <see cref="DomainPattern.ConfigHash"/>), found through the indexed
/// <c>campaign_phases.pattern_key</c>, and where the next campaign on that space should start.
/// </summary>
public static class PatternHistory
{
    /// <summary>The wizard shows the most recent campaigns; older ones are summarised by the workspace offset.</summary>
    public const int Limit = 50;

    /// <param name="RangeStart">First pattern ordinal; null while a campaign without offsetStart has not started (it takes the workspace offset then).</param>
    /// <param name="RangeEnd">Ordinal just past the range.</param>
    /// <param name="Reserved">True once generation was planned: the range is taken. False: what the saved configuration asks for.</param>
    /// <param name="Generated">Names generated so far.</param>
    public sealed record Entry(
        Guid CampaignId, string Name, CampaignStatus Status, PhaseStatus GenerationStatus,
        long? RangeStart, long? RangeEnd, bool Reserved, long? Requested, long Generated, DateTimeOffset CreatedAt);

    /// <param name="SuggestedOffset">The end of the furthest range taken: the workspace offset, or a pending explicit range past it.</param>
    /// <param name="RemainingAtSuggested">Valid names left from the suggested offset on.</param>
    public sealed record Summary(IReadOnlyList<Entry> Campaigns, bool Truncated, ulong SuggestedOffset, ulong RemainingAtSuggested)
    {
        public bool Exhausted => RemainingAtSuggested == 0;
    }

    /// <summary>
    /// The campaigns on this pattern that <paramref name="viewer"/> may see (their own; admins everyone's, like the
    /// campaign list), newest first. The suggested offset also counts the workspace-wide offset, which already covers
    /// every reserved range, other users' included, so following it never overlaps names someone generated.
    /// </summary>
    public static async Task<Summary> ReadAsync(Database db, DomainPattern pattern, Viewer viewer, CancellationToken ct)
    {
        var ownFilter = viewer.IsAdmin ? "" : " AND c.owner_id = @owner";
        var rows = (await db.QueryAsync<HistoryRow>(
            $"""
            SELECT c.id, c.name, c.status, c.created_at, p.status AS generation_status, p.config, p.pattern_start, p.pattern_end, p.processed
            FROM campaign_phases p JOIN campaigns c ON c.seq = p.campaign_seq
            WHERE p.pattern_key = @key AND p.phase = 'generation'{ownFilter}
            ORDER BY c.seq DESC LIMIT @limit
            """,
            new { key = pattern.ConfigHash, owner = viewer.UserId.ToString(), limit = Limit + 1 }, ct)).ToList();
        var truncated = rows.Count > Limit;
        var entries = rows.Take(Limit).Select(r => r.ToEntry(pattern)).ToList();
        var workspace = (ulong)await GenerationOffsets.ReadAsync(db, pattern.ConfigHash, ct);
        var suggested = entries.Where(e => e.RangeEnd is not null).Select(e => (ulong)e.RangeEnd!.Value).Append(workspace).Max();
        return new Summary(entries, truncated, suggested, pattern.RangeFor(suggested, null).Remaining);
    }

    /// <summary>Called by the planner in the transaction that reserves the range in the workspace offset.</summary>
    internal static Task RecordRangeAsync(DbConnection c, DbTransaction t, long campaignSeq, string key, long start, long end, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "UPDATE campaign_phases SET pattern_key = @key, pattern_start = @start, pattern_end = @end WHERE campaign_seq = @campaignSeq AND phase = 'generation'",
            new { campaignSeq, key, start, end }, t, cancellationToken: ct));

    /// <summary>
    /// Migration 11's data step: keys for the generation phases that exist, and their range where the configuration
    /// pins it (an explicit offsetStart of a started run). A started run that took the workspace offset has no
    /// recorded start; it shows without a range, and the workspace offset still keeps new campaigns after it.
    /// </summary>
    internal static async Task BackfillAsync(DbConnection c, DbTransaction t, CancellationToken ct)
    {
        var phases = await c.QueryAsync<BackfillRow>(new CommandDefinition(
            "SELECT campaign_seq, config, started_at, total FROM campaign_phases WHERE phase = 'generation' AND config IS NOT NULL",
            transaction: t, cancellationToken: ct));
        foreach (var row in phases)
        {
            if (GenerationConfigRules.PatternKeyOf(row.Config) is not { } key)
            {
                continue;
            }
            var config = GenerationConfigRules.Parse(row.Config!);
            (ulong Start, ulong End, ulong Remaining)? range = row.StartedAt is not null && row.Total > 0 && config.OffsetStart is { } offset
                ? DomainPattern.Create(config).RangeFor((ulong)offset, (ulong)row.Total)
                : null;
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE campaign_phases SET pattern_key = @key, pattern_start = @start, pattern_end = @end WHERE campaign_seq = @seq AND phase = 'generation'",
                new { seq = row.CampaignSeq, key, start = (long?)range?.Start, end = (long?)range?.End }, t, cancellationToken: ct));
        }
    }

    private sealed class BackfillRow
    {
        public long CampaignSeq { get; set; }
        public string? Config { get; set; }
        public long? StartedAt { get; set; }
        public long Total { get; set; }
    }

    private sealed class HistoryRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Status { get; set; } = "";
        public long CreatedAt { get; set; }
        public string GenerationStatus { get; set; } = "";
        public string? Config { get; set; }
        public long? PatternStart { get; set; }
        public long? PatternEnd { get; set; }
        public long Processed { get; set; }

        public Entry ToEntry(DomainPattern pattern)
        {
            var config = Config is null ? null : GenerationConfigRules.Parse(Config);
            long? start = PatternStart, end = PatternEnd;
            var reserved = start is not null;
            if (!reserved && config?.OffsetStart is { } offset)
            {
                // Not planned yet, but the configuration pins where it will start: count its range as asked for.
                var range = pattern.RangeFor((ulong)offset, config.MaxDomains is { } max ? (ulong)max : null);
                (start, end) = ((long)range.Start, (long)range.End);
            }
            return new Entry(
                Guid.Parse(Id), Name, WireNames.Parse<CampaignStatus>(Status), WireNames.Parse<PhaseStatus>(GenerationStatus),
                start, end, reserved, config?.MaxDomains, Processed, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
        }
    }
}
