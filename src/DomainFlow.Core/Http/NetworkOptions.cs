using System.Net;

namespace DomainFlow.Core.Http;

/// <summary>The deployment's "Network" settings.</summary>
public sealed record NetworkOptions
{
    /// <summary>Let the HTTP engine connect to loopback, private and other non-public addresses (the lab and tests).</summary>
    public bool AllowPrivateTargets { get; init; }

    /// <summary>
    /// Non-public ranges the HTTP engine may reach although <see cref="AllowPrivateTargets"/> is off, as CIDRs
    /// ("127.0.0.3/32"): a narrower opening than allowing every private target (`domainflow demo` lists its web lab only).
    /// </summary>
    public IReadOnlyList<string> AllowedTargets { get; init; } = [];

    /// <summary>The guard these settings describe; an entry of <see cref="AllowedTargets"/> that is not a CIDR throws.</summary>
    public NetworkGuard CreateGuard() => new(AllowPrivateTargets, [.. AllowedTargets.Select(ParseRange)]);

    private static IPNetwork ParseRange(string cidr) =>
        IPNetwork.TryParse(cidr.Trim(), out var range)
            ? range
            : throw new InvalidOperationException($"Network:AllowedTargets: '{cidr}' is not a CIDR range (for example 127.0.0.3/32).");
}
