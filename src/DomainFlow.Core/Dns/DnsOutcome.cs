namespace DomainFlow.Core.Dns;

/// <summary>What became of a name. Kept distinct: a timeout is never reported as "does not exist". Wire names: nxdomain, nodata, servfail, ...</summary>
public enum DnsOutcome
{
    Resolved,
    Nxdomain,
    Nodata,
    Servfail,
    Refused,
    Timeout,
    Error,
    Wildcard,
}
