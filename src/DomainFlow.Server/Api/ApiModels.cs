using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Phases;

namespace DomainFlow.Server.Api;

/// <param name="OwnerId">The user who created it; null for campaigns from before accounts existed.</param>
public sealed record CampaignDto(
    Guid Id, string Name, string? Description, CampaignMode Mode, CampaignStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    IReadOnlyList<PhaseDto> Phases, Guid? OwnerId)
{
    public static CampaignDto From(Campaign c, DateTimeOffset now) => new(
        c.Id, c.Name, c.Description, c.Mode, c.Status, c.CreatedAt, c.UpdatedAt, c.StartedAt, c.CompletedAt,
        c.Phases.Select(p => PhaseDto.From(p, now)).ToList(), c.OwnerId);
}

/// <param name="Available">Whether this version can run the phase; the others are visible but cannot be configured or started yet.</param>
public sealed record PhaseDto(
    PhaseName Phase, int Position, PhaseStatus Status, System.Text.Json.Nodes.JsonNode? Config,
    long Total, long Processed, IReadOnlyDictionary<string, long> Counters, double RatePerSecond, double? EtaSeconds,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, DateTimeOffset UpdatedAt, string? Error, bool Available)
{
    public static PhaseDto From(PhaseState p, DateTimeOffset now) => new(
        p.Phase, p.Position, p.Status, p.ConfigJson is null ? null : System.Text.Json.Nodes.JsonNode.Parse(p.ConfigJson),
        p.Total, p.Processed, p.Counters, Math.Round(p.RatePerSecond(now), 1), p.EtaSeconds(now) is { } eta ? Math.Round(eta, 1) : null,
        p.StartedAt, p.CompletedAt, p.UpdatedAt, p.Error, PhaseRules.Executable.Contains(p.Phase));
}

public sealed record CreateCampaignRequest(string? Name = null, string? Description = null, CampaignMode? Mode = null, Core.Generation.GenerationConfig? Generation = null);

public sealed record UpdateCampaignRequest(string? Name = null, string? Description = null, CampaignMode? Mode = null);

public sealed record DuplicateCampaignRequest(string? Name = null);

public sealed record CampaignPage(IReadOnlyList<CampaignDto> Items, string? NextCursor);

public sealed record DomainDto(long Ordinal, string Name);

public sealed record DomainPage(IReadOnlyList<DomainDto> Items, string? NextCursor);

public sealed record ListUploadResult(long Accepted, long Invalid, long Duplicates, IReadOnlyList<string> InvalidSamples);

/// <summary>Counts are decimal strings: they can exceed 2^53, the largest integer JavaScript holds exactly.</summary>
public sealed record GenerationPreviewDto(
    string Total, string Valid, string Skipped, IReadOnlyList<string> FirstNames, string ConfigHash,
    string OffsetStart, string NextOffset, string Remaining);

public sealed record HealthDto(string Status);
