using DomainFlow.Core.Events;
using DomainFlow.Core.Phases;
using DomainFlow.Server.Api;

namespace DomainFlow.Server.Realtime;

/// <summary>The one payload SSE and WebSocket clients receive.</summary>
public sealed record CampaignEventDto(
    CampaignEventType Type,
    Guid? CampaignId,
    PhaseName? Phase,
    CampaignDto? Campaign,
    PhaseDto? PhaseState,
    DateTimeOffset At);
