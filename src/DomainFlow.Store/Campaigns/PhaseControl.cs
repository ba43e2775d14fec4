using System.Data.Common;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Events;
using DomainFlow.Core.Phases;
using DomainFlow.Store.Events;
using DomainFlow.Store.Generation;
using DomainFlow.Store.Jobs;

namespace DomainFlow.Store.Campaigns;

/// <summary>
/// Every phase state change, each in one transaction that locks the campaign, checks <see cref="PhaseRules"/>,
/// writes the phase, re-derives the campaign status and records the event.
/// </summary>
public sealed class PhaseControl(Database db, IEnumerable<IPhasePlanner> planners, WorkSignal? signal = null)
{
    private readonly Dictionary<PhaseName, IPhasePlanner> _planners = planners.ToDictionary(p => p.Phase);

    /// <summary>Stores a (validated) configuration; the phase becomes configured.</summary>
    public Task<bool> ConfigureAsync(Guid id, PhaseName phase, string configJson, CancellationToken ct = default) =>
        ChangeAsync(id, phase, PhaseAction.Configure, async (c, t, seq, row, now) =>
        {
            // A new configuration has not reserved a pattern range yet: the history shows it as pending until it starts.
            var patternKey = phase == PhaseName.Generation ? GenerationConfigRules.PatternKeyOf(configJson) : null;
            await UpdatePhaseAsync(c, t, seq, phase, PhaseStatus.Configured, now,
                "config = @config, error = NULL, pattern_key = @patternKey, pattern_start = NULL, pattern_end = NULL", new { config = configJson, patternKey });
            return null;
        }, ct);

    /// <summary>Plans and starts a phase; a plan that cannot run (for example an exhausted pattern) fails the phase with its reason.</summary>
    public async Task<bool> StartAsync(Guid id, PhaseName phase, CancellationToken ct = default)
    {
        var changed = await ChangeAsync(id, phase, PhaseAction.Start, (c, t, seq, row, now) => StartInTransactionAsync(c, t, id, seq, row, now, ct), ct);
        signal?.Notify();
        return changed;
    }

    public Task<bool> PauseAsync(Guid id, PhaseName phase, CancellationToken ct = default) =>
        ChangeAsync(id, phase, PhaseAction.Pause, async (c, t, seq, row, now) =>
        {
            await UpdatePhaseAsync(c, t, seq, phase, PhaseStatus.Paused, now, "resumed_at = NULL");
            return CampaignEventType.PhasePaused;
        }, ct);

    public async Task<bool> ResumeAsync(Guid id, PhaseName phase, CancellationToken ct = default)
    {
        var changed = await ChangeAsync(id, phase, PhaseAction.Resume, async (c, t, seq, row, now) =>
        {
            await UpdatePhaseAsync(c, t, seq, phase, PhaseStatus.Running, now, "resumed_at = @now, processed_at_resume = processed");
            return CampaignEventType.PhaseResumed;
        }, ct);
        if (changed)
        {
            await CompleteIfNothingLeftAsync(id, phase, ct);
        }
        signal?.Notify();
        return changed;
    }

    public Task<bool> StopAsync(Guid id, PhaseName phase, CancellationToken ct = default) =>
        ChangeAsync(id, phase, PhaseAction.Stop, async (c, t, seq, row, now) =>
        {
            await UpdatePhaseAsync(c, t, seq, phase, PhaseStatus.Stopped, now, "completed_at = @now, resumed_at = NULL");
            return CampaignEventType.PhaseStopped;
        }, ct);

    /// <summary>Marks a running phase failed (an engine fault that retries did not cure); other states are left alone.</summary>
    public Task FailAsync(Guid id, PhaseName phase, string error, CancellationToken ct = default) =>
        db.WriteAsync(async (c, t) =>
        {
            if (await CampaignStore.LockCampaignAsync(db, c, t, id, ct) is not { } seq
                || (await CampaignStore.ReadPhasesAsync(c, t, seq, ct))[PhaseRules.IndexOf(phase)].StatusValue != PhaseStatus.Running)
            {
                return;
            }
            var now = db.NowMs;
            await UpdatePhaseAsync(c, t, seq, phase, PhaseStatus.Failed, now, "error = @error, resumed_at = NULL", new { error });
            await EventOutbox.AppendAsync(c, t, id, CampaignEventType.PhaseFailed, phase, now, ct);
            await CampaignStatusWriter.RefreshAsync(c, t, seq, id, now, ct);
        }, ct);

    /// <summary>Called in the transaction that finished a phase's last shard (or resumed a phase with nothing left to do).</summary>
    internal async Task CompleteInTransactionAsync(DbConnection c, DbTransaction t, long seq, Guid campaignId, PhaseName phase, CancellationToken ct)
    {
        var now = db.NowMs;
        await UpdatePhaseAsync(c, t, seq, phase, PhaseStatus.Completed, now, "completed_at = @now, resumed_at = NULL");
        await EventOutbox.AppendAsync(c, t, campaignId, CampaignEventType.PhaseCompleted, phase, now, ct);
        await ChainNextPhaseAsync(c, t, seq, campaignId, phase, now, ct);
        await CampaignStatusWriter.RefreshAsync(c, t, seq, campaignId, now, ct);
    }

    /// <summary>
    /// A phase paused while its last batch was in flight keeps that batch but stays paused (its user asked so); when it
    /// is resumed there is nothing left to run, so the resume completes it.
    /// </summary>
    private Task CompleteIfNothingLeftAsync(Guid id, PhaseName phase, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            if (await CampaignStore.LockCampaignAsync(db, c, t, id, ct) is { } seq
                && (await CampaignStore.ReadPhasesAsync(c, t, seq, ct))[PhaseRules.IndexOf(phase)].StatusValue == PhaseStatus.Running
                && await JobStore.AllShardsDoneAsync(c, t, seq, phase, ct))
            {
                await CompleteInTransactionAsync(c, t, seq, id, phase, ct);
            }
        }, ct);

    /// <summary>Auto mode: a completed phase starts the next one if it is configured and this build can run it.</summary>
    private async Task ChainNextPhaseAsync(DbConnection c, DbTransaction t, long seq, Guid campaignId, PhaseName phase, long now, CancellationToken ct)
    {
        var mode = await c.ExecuteScalarAsync<string>(new CommandDefinition("SELECT mode FROM campaigns WHERE seq = @seq", new { seq }, t, cancellationToken: ct));
        var nextIndex = PhaseRules.IndexOf(phase) + 1;
        if (mode != WireNames.ToWire(CampaignMode.Auto) || nextIndex >= PhaseRules.Order.Count)
        {
            return;
        }
        var phases = await CampaignStore.ReadPhasesAsync(c, t, seq, ct);
        var next = phases[nextIndex];
        if (PhaseRules.Check(PhaseAction.Start, next.Name, phases.Select(p => p.StatusValue).ToList()) is null)
        {
            var type = await StartInTransactionAsync(c, t, campaignId, seq, next, now, ct);
            await EventOutbox.AppendAsync(c, t, campaignId, type!.Value, next.Name, now, ct);
        }
    }

    private async Task<CampaignEventType?> StartInTransactionAsync(DbConnection c, DbTransaction t, Guid id, long seq, PhaseRow row, long now, CancellationToken ct)
    {
        var phase = row.Name;
        var plan = await _planners[phase].PlanAsync(c, t, seq, row.Config ?? "{}", ct);
        if (plan.FailureCode is not null)
        {
            await UpdatePhaseAsync(c, t, seq, phase, PhaseStatus.Failed, now, "error = @error", new { error = plan.FailureMessage });
            return CampaignEventType.PhaseFailed;
        }
        await JobStore.CreateShardsAsync(c, t, seq, phase, plan.Shards, now, ct);
        var wire = WireNames.ToWire(phase);
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM phase_counters WHERE campaign_seq = @seq AND phase = @wire", new { seq, wire }, t, cancellationToken: ct));
        foreach (var (name, value) in plan.InitialCounters)
        {
            await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO phase_counters (campaign_seq, phase, name, value) VALUES (@seq, @wire, @name, @value)",
                new { seq, wire, name, value }, t, cancellationToken: ct));
        }
        var status = plan.Shards.Count == 0 ? PhaseStatus.Completed : PhaseStatus.Running;
        await UpdatePhaseAsync(c, t, seq, phase, status, now,
            "total = @total, processed = 0, started_at = @now, completed_at = NULL, error = NULL, resumed_at = @now, processed_at_resume = 0",
            new { total = plan.Total });
        return CampaignEventType.PhaseStarted;
    }

    private delegate Task<CampaignEventType?> Change(DbConnection c, DbTransaction t, long seq, PhaseRow row, long nowMs);

    /// <returns>False when the campaign does not exist; throws <see cref="PhaseConflictException"/> when the rules refuse.</returns>
    private Task<bool> ChangeAsync(Guid id, PhaseName phase, PhaseAction action, Change change, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            if (await CampaignStore.LockCampaignAsync(db, c, t, id, ct) is not { } seq)
            {
                return false;
            }
            var phases = await CampaignStore.ReadPhasesAsync(c, t, seq, ct);
            var row = phases[PhaseRules.IndexOf(phase)];
            var hasWork = row.Processed > 0;
            if (PhaseRules.Check(action, phase, phases.Select(p => p.StatusValue).ToList(), hasWork) is { } refused)
            {
                throw PhaseConflictException.From(refused);
            }
            var now = db.NowMs;
            if (await change(c, t, seq, row, now) is { } type)
            {
                await EventOutbox.AppendAsync(c, t, id, type, phase, now, ct);
            }
            await CampaignStatusWriter.RefreshAsync(c, t, seq, id, now, ct);
            return true;
        }, ct);

    private static Task UpdatePhaseAsync(DbConnection c, DbTransaction t, long seq, PhaseName phase, PhaseStatus status, long now, string extraSet, object? extra = null)
    {
        var args = new DynamicParameters(extra);
        args.Add("seq", seq);
        args.Add("phase", WireNames.ToWire(phase));
        args.Add("status", WireNames.ToWire(status));
        args.Add("now", now);
        return c.ExecuteAsync(new CommandDefinition(
            $"UPDATE campaign_phases SET status = @status, updated_at = @now, {extraSet} WHERE campaign_seq = @seq AND phase = @phase",
            args, t));
    }
}
