using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Phases;

namespace DomainFlow.Store.Campaigns;

/// <summary>Rows as Dapper reads them (settable, engine-neutral types), mapped to the Core model.</summary>
internal sealed class CampaignRow
{
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Mode { get; set; } = "";
    public string Status { get; set; } = "";
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public long? StartedAt { get; set; }
    public long? CompletedAt { get; set; }
    public string? OwnerId { get; set; }

    public Campaign ToModel(IReadOnlyList<PhaseState> phases) => new(
        Guid.Parse(Id), Name, Description, WireNames.Parse<CampaignMode>(Mode), WireNames.Parse<CampaignStatus>(Status),
        Time.FromMs(CreatedAt), Time.FromMs(UpdatedAt), Time.FromMs(StartedAt), Time.FromMs(CompletedAt), phases, OwnerId is null ? null : Guid.Parse(OwnerId));
}

internal sealed class PhaseRow
{
    public long CampaignSeq { get; set; }
    public string Phase { get; set; } = "";
    public long Position { get; set; }
    public string Status { get; set; } = "";
    public string? Config { get; set; }
    public long Total { get; set; }
    public long Processed { get; set; }
    public long? StartedAt { get; set; }
    public long? CompletedAt { get; set; }
    public long UpdatedAt { get; set; }
    public string? Error { get; set; }
    public long? ResumedAt { get; set; }
    public long ProcessedAtResume { get; set; }

    public PhaseName Name => WireNames.Parse<PhaseName>(Phase);

    public PhaseStatus StatusValue => WireNames.Parse<PhaseStatus>(Status);

    public PhaseState ToModel(IReadOnlyDictionary<string, long> counters) => new(
        Name, (int)Position, StatusValue, Config, Total, Processed, counters,
        Time.FromMs(StartedAt), Time.FromMs(CompletedAt), Time.FromMs(UpdatedAt), Error, Time.FromMs(ResumedAt), ProcessedAtResume);
}

internal sealed class CounterRow
{
    public long CampaignSeq { get; set; }
    public string Phase { get; set; } = "";
    public string Name { get; set; } = "";
    public long Value { get; set; }
}

internal static class Time
{
    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? FromMs(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
}
