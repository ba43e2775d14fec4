using DomainFlow.Core.Phases;

namespace DomainFlow.Core.Campaigns;

/// <summary>A campaign and its phases, in order. <see cref="OwnerId"/> is null for campaigns created before accounts existed.</summary>
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
    IReadOnlyList<PhaseState> Phases,
    Guid? OwnerId = null);
