namespace DomainFlow.Core.Proxies;

/// <summary>The deployment's "Proxies" settings: how the health monitor checks them.</summary>
public sealed record ProxyOptions
{
    /// <summary>Seconds between checks of a healthy proxy; doubled per consecutive failure (up to 64 times).</summary>
    public int CheckIntervalSeconds { get; init; } = 300;

    /// <summary>Consecutive failures after which a proxy is unhealthy (out of rotation until a check succeeds).</summary>
    public int UnhealthyAfter { get; init; } = 3;

    /// <summary>A check slower than this makes a proxy degraded.</summary>
    public int SlowMs { get; init; } = 3_000;

    public int TimeoutMs { get; init; } = 10_000;

    /// <summary>
    /// An http(s) URL with an IP address to fetch through each proxy; no public default. Without one the check is the
    /// proxy's own handshake (see <see cref="ProxyChecker"/>).
    /// </summary>
    public string? CheckUrl { get; init; }

    /// <summary>How often the monitor looks for proxies due for a check.</summary>
    public double PollSeconds { get; init; } = 5;

    public TimeSpan Interval => TimeSpan.FromSeconds(CheckIntervalSeconds);

    public Uri? CheckUri => CheckUrl is null ? null : new Uri(CheckUrl);
}
