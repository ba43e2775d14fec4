namespace DomainFlow.Core.Campaigns;

/// <summary>Derived from the phases, never set by hand: see <see cref="CampaignStatusRules"/>.</summary>
public enum CampaignStatus
{
    Draft,
    Running,
    Paused,

    /// <summary>A phase completed and the next one waits to be configured or started.</summary>
    Waiting,
    Completed,
    Failed,
    Cancelled,
}
