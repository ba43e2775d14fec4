using System.Net;
using DomainFlow.Core.Dns;

namespace DomainFlow.Server.Lab;

/// <summary>
/// What a correct resolver must report for one name of a <see cref="DnsWorld"/>. <see cref="Chain"/> lists the
/// CNAME targets in order (empty without CNAME); the addresses and text belong to the chain's last name.
/// </summary>
public sealed record DnsTruth(
    DnsNameKind Kind,
    DnsRcode Rcode,
    IReadOnlyList<string> Chain,
    IReadOnlyList<IPAddress> Ipv4,
    IReadOnlyList<IPAddress> Ipv6,
    string? Text)
{
    /// <summary>The name whose records end the chain: the last CNAME target, or the queried name itself.</summary>
    public string FinalName(string queried) => Chain.Count > 0 ? Chain[^1] : queried;

    /// <summary>The final name's addresses of the asked family (A or AAAA); empty for other types.</summary>
    public IReadOnlyList<IPAddress> Addresses(DnsRecordType type) => type switch
    {
        DnsRecordType.A => Ipv4,
        DnsRecordType.AAAA => Ipv6,
        _ => [],
    };
}
