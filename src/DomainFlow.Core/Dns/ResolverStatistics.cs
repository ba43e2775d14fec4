namespace DomainFlow.Core.Dns;

/// <summary>Per-resolver counters, as shown in phase metrics and persona tests.</summary>
public sealed record ResolverStatistics(
    string Resolver, long Sent, long Answered, long Timeouts, long ServFail, long Refused, long Truncated, double AverageRttMs, bool Benched)
{
    /// <summary>Milliseconds summed over every answer: what adds up across batches and nodes, unlike the average.</summary>
    public long TotalRttMs => (long)Math.Round(AverageRttMs * Answered);
}
