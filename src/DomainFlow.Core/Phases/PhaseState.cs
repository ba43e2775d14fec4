namespace DomainFlow.Core.Phases;

/// <summary>One phase of a campaign as stored: status, configuration (JSON), counters and timing.</summary>
public sealed record PhaseState(
    PhaseName Phase,
    int Position,
    PhaseStatus Status,
    string? ConfigJson,
    long Total,
    long Processed,
    IReadOnlyDictionary<string, long> Counters,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset UpdatedAt,
    string? Error,
    DateTimeOffset? ResumedAt,
    long ProcessedAtResume)
{
    /// <summary>Items per second since the phase last started or resumed (paused time excluded).</summary>
    public double RatePerSecond(DateTimeOffset now)
    {
        if (Status != PhaseStatus.Running || ResumedAt is not { } since)
        {
            return 0;
        }
        var seconds = (now - since).TotalSeconds;
        return seconds < 0.5 ? 0 : (Processed - ProcessedAtResume) / seconds;
    }

    public double? EtaSeconds(DateTimeOffset now)
    {
        var rate = RatePerSecond(now);
        return rate > 0 && Total >= Processed ? (Total - Processed) / rate : null;
    }
}
