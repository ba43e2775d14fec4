using DomainFlow.Core.Dns;
using DomainFlow.Core.Personas;
using DomainFlow.Core.Resources;

namespace DomainFlow.Server.Api;

/// <summary>A DNS persona: its configuration flattened, who made it, and whether the caller may change or delete it.</summary>
public sealed record DnsPersonaDto(
    Guid Id, string Name, string? Description, bool Enabled, IReadOnlyList<DnsPersonaResolver> Resolvers, ResolverStrategy Strategy,
    IReadOnlyList<string> RecordTypes, int TimeoutMs, int Retries, int? MaxInFlight, RateSpec? GlobalRate, RateSpec? PerResolverRate,
    bool Edns, int EdnsPayload, bool TcpFallback, int JitterMinMs, int JitterMaxMs,
    Guid? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool CanEdit)
{
    public static DnsPersonaDto From(NamedResource<DnsPersonaConfig> p, bool canEdit)
    {
        var c = p.Config;
        return new(p.Id, c.Name, c.Description, c.Enabled, c.Resolvers, c.Strategy, c.RecordTypes, c.TimeoutMs, c.Retries, c.MaxInFlight,
            c.GlobalRate, c.PerResolverRate, c.Edns, c.EdnsPayload, c.TcpFallback, c.JitterMinMs, c.JitterMaxMs,
            p.CreatedBy, p.CreatedAt, p.UpdatedAt, canEdit);
    }
}

/// <param name="Names">1 to 50 names to resolve through each resolver of the persona.</param>
/// <param name="TimeoutMs">Replaces the persona's per-query timeout for this test (10..60000); the persona's otherwise.</param>
public sealed record DnsPersonaTestRequest(IReadOnlyList<string>? Names = null, int? TimeoutMs = null);

/// <param name="Names">The names as resolved: trimmed, lower-case, without a trailing dot, each once.</param>
public sealed record DnsPersonaTestReport(IReadOnlyList<string> Names, IReadOnlyList<string> RecordTypes, int TimeoutMs, IReadOnlyList<DnsResolverTestResult> Resolvers);

/// <summary>
/// One resolver of the persona, tested on its own. Counts are queries (one per name and record type, retries included);
/// <see cref="AnswerRate"/> is answered / sent, <see cref="AverageLatencyMs"/> is over the answered queries.
/// </summary>
public sealed record DnsResolverTestResult(
    string Resolver, long Sent, long Answered, double AnswerRate, double AverageLatencyMs, long Timeouts, long Servfail, long Refused,
    IReadOnlyList<string> Errors, IReadOnlyList<DnsNameTestResult> Results);

/// <param name="Rcode">The DNS response code as DNS spells it (NOERROR, NXDOMAIN, SERVFAIL...); null without an answer.</param>
public sealed record DnsNameTestResult(string Name, DnsOutcome Status, IReadOnlyList<string> Ips, string? Rcode, double Ms);
