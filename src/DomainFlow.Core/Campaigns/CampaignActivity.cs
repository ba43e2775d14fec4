using DomainFlow.Core.Phases;

namespace DomainFlow.Core.Campaigns;

/// <summary>What happened to a campaign, as the dashboard's activity list shows it.</summary>
public enum CampaignActivityKind
{
    CampaignCreated,
    PhaseStarted,
    PhaseCompleted,
    PhaseFailed,
    PhaseStopped,
    PhasePaused,
}

/// <param name="Phase">Null for <see cref="CampaignActivityKind.CampaignCreated"/>.</param>
/// <param name="Error">Why the phase failed, for <see cref="CampaignActivityKind.PhaseFailed"/>.</param>
public sealed record CampaignActivity(Guid CampaignId, string CampaignName, CampaignActivityKind Kind, PhaseName? Phase, DateTimeOffset At, string? Error);
