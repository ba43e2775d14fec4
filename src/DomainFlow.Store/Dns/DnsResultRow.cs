namespace DomainFlow.Store.Dns;

/// <summary>One stored DNS result, as written and read (engine-neutral types).</summary>
public sealed record DnsResultRow(
    long Ordinal, string Outcome, string? Ipv4, string? Ipv6, string? Cname, string? Records, string? Rcode,
    int Attempts, string? Resolver, long LatencyMs, long CheckedAt, string? Error);
