namespace DomainFlow.Core.Http;

/// <summary>The deployment's "Network" settings.</summary>
public sealed record NetworkOptions
{
    /// <summary>Let the HTTP engine connect to loopback, private and other non-public addresses (the lab and tests).</summary>
    public bool AllowPrivateTargets { get; init; }
}
