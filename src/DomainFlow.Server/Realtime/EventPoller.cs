using DomainFlow.Core.Events;
using DomainFlow.Core.Phases;
using DomainFlow.Server.Api;
using DomainFlow.Store.Campaigns;
using DomainFlow.Store.Events;

namespace DomainFlow.Server.Realtime;

/// <summary>
/// Feeds the hub from the store, so events reach clients whichever node did the work: state changes from the
/// outbox, progress from the phase rows. Polling every 250 ms also coalesces progress to at most 4 per second per phase.
/// Progress is read even with no client connected, so <see cref="ProgressHistory"/> holds a run's recent past when
/// someone opens it.
/// </summary>
public sealed class EventPoller(EventHub hub, EventOutbox outbox, CampaignStore campaigns, ProgressHistory history, TimeProvider clock, ILogger<EventPoller> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan OutboxRetention = TimeSpan.FromHours(1);
    private readonly Dictionary<(Guid, PhaseName), long> _lastProcessed = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long lastEvent = -1;
        var lastPoll = clock.GetUtcNow();
        var lastPrune = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (lastEvent < 0)
                {
                    lastEvent = await outbox.LatestIdAsync(stoppingToken);
                }
                await Task.Delay(Interval, clock, stoppingToken);
                var now = clock.GetUtcNow();
                var watched = hub.SubscriberCount > 0;
                // Progress is read before the outbox and published after it: a phase's progress seen here was committed
                // after its start, so the outbox read that follows holds phase_started and clients get it first.
                var progress = await campaigns.ActivePhasesAsync((lastPoll - TimeSpan.FromSeconds(2)).ToUnixTimeMilliseconds(), stoppingToken);
                lastEvent = watched ? await PublishStateChangesAsync(lastEvent, stoppingToken) : await outbox.LatestIdAsync(stoppingToken);
                PublishProgress(progress, watched);
                lastPoll = now;
                if (now - lastPrune > TimeSpan.FromMinutes(10))
                {
                    await outbox.PruneAsync(OutboxRetention, stoppingToken);
                    history.Prune();
                    lastPrune = now;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Event polling failed; retrying");
            }
        }
    }

    private async Task<long> PublishStateChangesAsync(long after, CancellationToken ct)
    {
        foreach (var entry in await outbox.ReadAfterAsync(after, 500, ct))
        {
            after = entry.Id;
            var campaign = entry.Type == CampaignEventType.CampaignDeleted ? null : await campaigns.GetAsync(entry.CampaignId, ct);
            var now = clock.GetUtcNow();
            var phase = entry.Phase is { } p && campaign is not null ? PhaseDto.From(campaign.Phases[PhaseRules.IndexOf(p)], now) : null;
            if (phase is not null)
            {
                _lastProcessed[(entry.CampaignId, phase.Phase)] = phase.Processed;
            }
            hub.Publish(new CampaignEventDto(entry.Type, entry.CampaignId, entry.Phase, campaign is null ? null : CampaignDto.From(campaign, now), phase, entry.At), entry.OwnerId);
        }
        return after;
    }

    private void PublishProgress(IReadOnlyList<CampaignStore.PhaseChange> changes, bool publish)
    {
        var now = clock.GetUtcNow();
        foreach (var change in changes)
        {
            var key = (change.CampaignId, change.Phase.Phase);
            if (change.Phase.Status != PhaseStatus.Running)
            {
                _lastProcessed.Remove(key);
                continue;
            }
            // Nothing new, or older than what a state change published since this snapshot was read: counts never go back.
            if (_lastProcessed.TryGetValue(key, out var seen) && seen >= change.Phase.Processed)
            {
                continue;
            }
            _lastProcessed[key] = change.Phase.Processed;
            history.Record(change.CampaignId, change.Phase.Phase, new ProgressSample(change.Phase.UpdatedAt, change.Phase.Processed));
            if (!publish)
            {
                continue;
            }
            hub.Publish(new CampaignEventDto(CampaignEventType.PhaseProgress, change.CampaignId, change.Phase.Phase, null, PhaseDto.From(change.Phase, now), now), change.OwnerId);
        }
    }
}
