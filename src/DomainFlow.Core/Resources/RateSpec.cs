namespace DomainFlow.Core.Resources;

/// <summary>A rate cap: sustained operations (queries, requests) per second and an optional burst (default one second's worth).</summary>
public sealed record RateSpec(int PerSecond, int? Burst = null)
{
    public static void Validate(RateSpec? rate, string field, ValidationErrors errors)
    {
        if (rate is null)
        {
            return;
        }
        if (rate.PerSecond is < 1 or > 10_000_000)
        {
            errors.Add($"{field}.perSecond", "must be between 1 and 10000000");
        }
        if (rate.Burst is < 1 or > 10_000_000)
        {
            errors.Add($"{field}.burst", "must be between 1 and 10000000");
        }
    }
}
