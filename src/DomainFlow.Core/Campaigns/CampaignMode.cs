namespace DomainFlow.Core.Campaigns;

public enum CampaignMode
{
    /// <summary>Each phase is started by hand after reviewing the previous one.</summary>
    StepByStep,

    /// <summary>A completed phase starts the next configured one.</summary>
    Auto,
}
