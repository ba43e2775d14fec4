namespace DomainFlow.Core.Events;

public enum CampaignEventType
{
    Snapshot,
    PhaseStarted,
    PhaseProgress,
    PhasePaused,
    PhaseResumed,
    PhaseCompleted,
    PhaseFailed,
    PhaseStopped,
    CampaignCompleted,
    CampaignDeleted,
    Keepalive,
}
