namespace DomainFlow.Core.Dns;

/// <summary>One input name in flight: one pending item per requested record type, collecting what the answers said.</summary>
internal sealed class NameJob(string name, IReadOnlyList<DnsRecordType> types, long startedAt)
{
    public IReadOnlyList<DnsRecordType> Types { get; } = types;
    public string Name { get; } = name;
    /// <summary>A Stopwatch timestamp of the first query.</summary>
    public long StartedAt { get; } = startedAt;
    public int Pending = types.Count;
    public int Attempts;
    public readonly DnsOutcome?[] Outcomes = new DnsOutcome?[types.Count];
    public readonly DnsRcode?[] Rcodes = new DnsRcode?[types.Count];
    public List<string>? Addresses4;
    public List<string>? Addresses6;
    public List<string>? Chain;
    public List<DnsRecord>? Records;
    public string? Resolver;
    public string? Error;

    /// <summary>
    /// Any answer wins over "does not exist", which wins over a failure; a failure wins over "no data", because
    /// a type that timed out might have had records: the name is then reported as failed, not as empty.
    /// </summary>
    public DnsResult ToResult()
    {
        var outcome = DnsOutcome.Nodata;
        DnsRcode? rcode = null;
        foreach (var rank in Ranking)
        {
            var index = Array.IndexOf(Outcomes, (DnsOutcome?)rank);
            if (index >= 0)
            {
                outcome = rank;
                rcode = Rcodes[index];
                break;
            }
        }
        var error = Error;
        if (outcome == DnsOutcome.Resolved && Outcomes.Any(o => o is not (DnsOutcome.Resolved or DnsOutcome.Nodata or DnsOutcome.Nxdomain)))
        {
            // The name exists, but a record type failed: say which, so a partial address list is not taken for the whole.
            error = string.Join("; ", Types.Select((type, i) => (type, outcome: Outcomes[i]))
                .Where(x => x.outcome is not (DnsOutcome.Resolved or DnsOutcome.Nodata or DnsOutcome.Nxdomain))
                .Select(x => $"{x.type}: {WireNames.ToWire(x.outcome!.Value)}")
                .Prepend(Error).Where(e => e is not null));
        }
        return new DnsResult(Name, outcome, Addresses4 ?? [], Addresses6 ?? [], Chain ?? [], Records ?? [], rcode, Attempts, Resolver, System.Diagnostics.Stopwatch.GetElapsedTime(StartedAt).TotalMilliseconds, error);
    }

    private static readonly DnsOutcome[] Ranking =
        [DnsOutcome.Resolved, DnsOutcome.Nxdomain, DnsOutcome.Servfail, DnsOutcome.Refused, DnsOutcome.Timeout, DnsOutcome.Error, DnsOutcome.Nodata];
}
