namespace DomainFlow.Core.Dns;

/// <summary>
/// One answer record. <see cref="Data"/> is the address text for A/AAAA, the target name for CNAME/NS,
/// "preference exchange" for MX and the joined character strings for TXT.
/// </summary>
public readonly record struct DnsRecord(string Name, DnsRecordType Type, uint Ttl, string Data);
