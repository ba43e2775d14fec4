namespace DomainFlow.Core.Dns;

/// <summary>The record types DomainFlow asks for (and OPT, the EDNS0 pseudo-record).</summary>
public enum DnsRecordType : ushort
{
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    MX = 15,
    TXT = 16,
    AAAA = 28,
    OPT = 41,
}

/// <summary>Response codes (RFC 1035 §4.1.1), the ones a stub resolver acts on.</summary>
public enum DnsRcode : byte
{
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NxDomain = 3,
    NotImp = 4,
    Refused = 5,
}
