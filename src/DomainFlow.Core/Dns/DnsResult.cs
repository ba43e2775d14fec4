namespace DomainFlow.Core.Dns;

/// <summary>
/// The answer for one name across the requested record types. <see cref="Addresses4"/> and <see cref="Addresses6"/>
/// are the final addresses after following the <see cref="CnameChain"/>; <see cref="Records"/> holds the other
/// requested types (MX, NS, TXT). <see cref="Attempts"/> counts every query sent for the name, retries included.
/// </summary>
public sealed record DnsResult(
    string Name,
    DnsOutcome Outcome,
    IReadOnlyList<string> Addresses4,
    IReadOnlyList<string> Addresses6,
    IReadOnlyList<string> CnameChain,
    IReadOnlyList<DnsRecord> Records,
    DnsRcode? Rcode,
    int Attempts,
    string? Resolver,
    double LatencyMs,
    string? Error = null);
