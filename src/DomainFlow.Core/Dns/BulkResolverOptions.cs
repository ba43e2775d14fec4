namespace DomainFlow.Core.Dns;

/// <summary>Everything the bulk resolver applies; a DNS persona maps onto it field by field.</summary>
public sealed record BulkResolverOptions
{
    public required IReadOnlyList<ResolverEndpoint> Resolvers { get; init; }

    public ResolverStrategy Strategy { get; init; } = ResolverStrategy.RoundRobin;

    public IReadOnlyList<DnsRecordType> RecordTypes { get; init; } = [DnsRecordType.A, DnsRecordType.AAAA];

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Further attempts after the first, each on another resolver when there is one.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>A fixed in-flight window, or null for the adaptive one (grows while answers come, shrinks on timeouts).</summary>
    public int? MaxInFlight { get; init; }

    /// <summary>Upper bound of the adaptive window.</summary>
    public int AdaptiveCeiling { get; init; } = 10_000;

    public RateLimit? GlobalRate { get; init; }

    public RateLimit? PerResolverRate { get; init; }

    /// <summary>
    /// Resolvers of this process with the same scope (a persona's id) share their rate buckets, so the persona's caps
    /// hold for the node as a whole rather than for each worker. Null: this resolver's buckets are its own.
    /// </summary>
    public string? RateScope { get; init; }

    public bool Edns { get; init; } = true;

    public int EdnsPayload { get; init; } = 1232;

    public bool TcpFallback { get; init; } = true;

    public TimeSpan JitterMin { get; init; } = TimeSpan.Zero;

    public TimeSpan JitterMax { get; init; } = TimeSpan.Zero;

    /// <summary>UDP sockets per address family; answers are spread over them so one receive loop is not the bottleneck.</summary>
    public int SocketsPerFamily { get; init; } = 2;

    public int MaxCnameDepth { get; init; } = 8;

    /// <summary>Use the portable Socket transport even where the native batch calls exist (so tests cover both).</summary>
    internal bool PortableTransport { get; init; }

    /// <summary>Consecutive failures after which a resolver is benched, and for how long at first (doubling while it keeps failing).</summary>
    public int BenchAfterFailures { get; init; } = 20;

    public TimeSpan BenchFor { get; init; } = TimeSpan.FromSeconds(2);

    public void Validate()
    {
        var errors = new ValidationErrors();
        if (Resolvers.Count == 0)
        {
            errors.Add("resolvers", "must list at least one resolver");
        }
        if (Resolvers.Any(r => r.Weight < 1))
        {
            errors.Add("resolvers", "weights must be at least 1");
        }
        if (RecordTypes.Count == 0 || RecordTypes.Any(t => t is DnsRecordType.OPT or DnsRecordType.SOA))
        {
            errors.Add("recordTypes", "must be among A, AAAA, CNAME, MX, NS, TXT");
        }
        if (Timeout < TimeSpan.FromMilliseconds(10) || Timeout > TimeSpan.FromMinutes(1))
        {
            errors.Add("timeoutMs", "must be between 10 and 60000");
        }
        if (Retries is < 0 or > 20)
        {
            errors.Add("retries", "must be between 0 and 20");
        }
        if (MaxInFlight is < 1 or > 60_000)
        {
            errors.Add("maxInFlight", "must be between 1 and 60000, or auto");
        }
        if (GlobalRate?.PerSecond < 1 || PerResolverRate?.PerSecond < 1)
        {
            errors.Add("rate", "must be at least 1 query per second");
        }
        if (EdnsPayload is < 512 or > 4096)
        {
            errors.Add("ednsPayload", "must be between 512 and 4096");
        }
        if (JitterMin < TimeSpan.Zero || JitterMax < JitterMin)
        {
            errors.Add("jitter", "needs 0 <= min <= max");
        }
        if (SocketsPerFamily is < 1 or > 16)
        {
            errors.Add("sockets", "must be between 1 and 16");
        }
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
    }
}
