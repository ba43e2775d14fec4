using DomainFlow.Core.Phases;

namespace DomainFlow.Core.Campaigns;

/// <summary>A campaign and its phases, in order.</summary>
public sealed record Campaign(
    Guid Id,
    string Name,
    string? Description,
    CampaignMode Mode,
    CampaignStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<PhaseState> Phases);
