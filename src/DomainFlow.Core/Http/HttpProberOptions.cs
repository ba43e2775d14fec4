using System.Net;
using DomainFlow.Core.Keywords;
using DomainFlow.Core.Personas;

namespace DomainFlow.Core.Http;

/// <summary>Everything a prober applies: the persona, the network guard, and which signals to compute.</summary>
public sealed record HttpProberOptions
{
    public required HttpPersonaConfig Persona { get; init; }

    public NetworkGuard Guard { get; init; } = new(allowPrivateTargets: false);

    public KeywordMatcher? Keywords { get; init; }

    public TechFingerprints? Technologies { get; init; } = TechFingerprints.Default;

    /// <summary>Fetch /favicon.ico of a site that answered and compute its Shodan hash.</summary>
    public bool Favicon { get; init; }

    /// <summary>Keep the page's visible text in the result (large; the phase keeps keyword snippets instead).</summary>
    public bool KeepText { get; init; }

    /// <summary>
    /// Addresses for a host a redirect leads to (the probed domain's own come from the DNS phase). Null: a redirect
    /// to another host is recorded but not followed. Never the system resolver: lookups go where the caller says.
    /// </summary>
    public Func<string, CancellationToken, Task<IReadOnlyList<IPAddress>>>? ResolveHost { get; init; }

    /// <summary>Tunnel every connection through this proxy (to the site's address, so the proxy does no lookup).</summary>
    public ProxyEndpoint? Proxy { get; init; }

    /// <summary>
    /// Or pick a proxy per request from a pool: attempt 0 first, and after a proxy error attempts 1..<see cref="ProxyRetries"/>
    /// through other members.
    /// </summary>
    public Proxies.ProxyRotator? ProxyPool { get; init; }

    public int ProxyRetries { get; init; }

    /// <summary>
    /// Probers of this process with the same scope (a persona's id) share the persona's global and per-host rate
    /// buckets, so its caps hold for the node as a whole rather than for each worker. Null: the buckets are its own.
    /// </summary>
    public string? RateScope { get; init; }

    /// <summary>Sees every request just before it is sent (a persona test reports them); called on the probing thread.</summary>
    public Action<HttpRequestMessage>? OnRequest { get; init; }
}
