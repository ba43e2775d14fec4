namespace DomainFlow.Core.Dns;

/// <summary>A query rate cap: <see cref="PerSecond"/> sustained, <see cref="Burst"/> at once (default one second's worth).</summary>
public sealed record RateLimit(int PerSecond, int? Burst = null)
{
    public int EffectiveBurst => Math.Max(1, Burst ?? PerSecond);
}
