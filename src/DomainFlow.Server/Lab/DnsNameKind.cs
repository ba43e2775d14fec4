namespace DomainFlow.Server.Lab;

/// <summary>What a name is in a <see cref="DnsWorld"/>; decides which records it has.</summary>
public enum DnsNameKind
{
    /// <summary>Below a zone of the world but not in it: NXDOMAIN.</summary>
    Absent,

    /// <summary>Under no zone of the world: an authoritative server refuses it.</summary>
    Outside,

    /// <summary>A zone apex: SOA and NS only, so an address query gets NOERROR with no data.</summary>
    Apex,

    /// <summary>One or two A records and maybe an AAAA record.</summary>
    Address,

    /// <summary>Only an AAAA record: NOERROR with no data for A.</summary>
    Ipv6Only,

    /// <summary>A CNAME to a chain of one to three names, possibly in other zones, that ends in addresses.</summary>
    CnameChain,

    /// <summary>Answered by the wildcard zone's <c>*</c> record, whatever the label.</summary>
    Wildcard,

    /// <summary>Addresses plus a TXT record too large for a UDP answer, so the answer is truncated.</summary>
    BigText,
}
