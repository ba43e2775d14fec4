using DomainFlow.Core.Phases;

namespace DomainFlow.Core.Campaigns;

public static class CampaignStatusRules
{
    /// <summary>The campaign status that honestly describes its phases (given in order).</summary>
    public static CampaignStatus Derive(IReadOnlyList<PhaseStatus> phasesInOrder)
    {
        if (phasesInOrder.Contains(PhaseStatus.Running))
        {
            return CampaignStatus.Running;
        }
        if (phasesInOrder.Contains(PhaseStatus.Paused))
        {
            return CampaignStatus.Paused;
        }
        if (phasesInOrder.Contains(PhaseStatus.Failed))
        {
            return CampaignStatus.Failed;
        }
        if (phasesInOrder.Contains(PhaseStatus.Stopped))
        {
            return CampaignStatus.Cancelled;
        }
        if (phasesInOrder.Count > 0 && phasesInOrder[^1] == PhaseStatus.Completed)
        {
            return CampaignStatus.Completed;
        }
        return phasesInOrder.Contains(PhaseStatus.Completed) ? CampaignStatus.Waiting : CampaignStatus.Draft;
    }
}
