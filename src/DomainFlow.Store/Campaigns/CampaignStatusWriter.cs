using System.Data.Common;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Events;
using DomainFlow.Store.Events;

namespace DomainFlow.Store.Campaigns;

/// <summary>Re-derives a campaign's status from its phases inside the transaction that changed them.</summary>
internal static class CampaignStatusWriter
{
    public static async Task RefreshAsync(DbConnection c, DbTransaction t, long seq, Guid campaignId, long nowMs, CancellationToken ct)
    {
        var phases = await CampaignStore.ReadPhasesAsync(c, t, seq, ct);
        var status = CampaignStatusRules.Derive(phases.Select(p => p.StatusValue).ToList());
        var previous = await c.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT status FROM campaigns WHERE seq = @seq", new { seq }, t, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE campaigns SET status = @status, updated_at = @now,
                started_at = CASE WHEN started_at IS NULL AND @running THEN @now ELSE started_at END,
                completed_at = CASE WHEN @completed THEN @now ELSE NULL END
            WHERE seq = @seq
            """,
            new { seq, status = WireNames.ToWire(status), now = nowMs, running = status == CampaignStatus.Running, completed = status == CampaignStatus.Completed },
            t, cancellationToken: ct));
        if (status == CampaignStatus.Completed && previous != WireNames.ToWire(CampaignStatus.Completed))
        {
            await EventOutbox.AppendAsync(c, t, campaignId, CampaignEventType.CampaignCompleted, null, nowMs, ct);
        }
    }
}
