using DomainFlow.Core.Dns;
using DomainFlow.Core.Resources;

namespace DomainFlow.Core.Personas;

/// <summary>A resolver of a DNS persona: "ip" or "ip:port" ("[v6]:port" for IPv6), with its weighted-strategy share.</summary>
public sealed record DnsPersonaResolver(string Address, int Weight = 1);


/// <summary>
/// How the DNS phase resolves: every field here is applied by the engine (see <see cref="ToResolverOptions"/>);
/// nothing is stored and ignored. Record types are spelled as in DNS ("A", "AAAA", "CNAME", "MX", "NS", "TXT").
/// </summary>
public sealed record DnsPersonaConfig : INamedConfig<DnsPersonaConfig>
{
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public bool Enabled { get; init; } = true;
    public IReadOnlyList<DnsPersonaResolver> Resolvers { get; init; } = [];
    public ResolverStrategy Strategy { get; init; } = ResolverStrategy.RoundRobin;
    public IReadOnlyList<string> RecordTypes { get; init; } = ["A", "AAAA"];
    public int TimeoutMs { get; init; } = 2000;
    public int Retries { get; init; } = 3;

    /// <summary>Queries in flight at most; null for the adaptive window ("auto").</summary>
    public int? MaxInFlight { get; init; }

    public RateSpec? GlobalRate { get; init; }
    public RateSpec? PerResolverRate { get; init; }
    public bool Edns { get; init; } = true;
    public int EdnsPayload { get; init; } = 1232;
    public bool TcpFallback { get; init; } = true;
    public int JitterMinMs { get; init; }
    public int JitterMaxMs { get; init; }

    public static readonly IReadOnlyList<string> SupportedRecordTypes = ["A", "AAAA", "CNAME", "MX", "NS", "TXT"];

    /// <summary>Every problem at once, with JSON field paths ("resolvers[2].address").</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        NamedConfigRules.ValidateNameAndDescription(Name, Description, errors);
        if (Resolvers.Count == 0)
        {
            errors.Add("resolvers", "must list at least one resolver");
        }
        if (Resolvers.Count > 1000)
        {
            errors.Add("resolvers", "must list at most 1000 resolvers");
        }
        for (var i = 0; i < Resolvers.Count; i++)
        {
            if (!ResolverEndpoint.TryParse(Resolvers[i].Address, out _))
            {
                errors.Add($"resolvers[{i}].address", "must be an IP address with an optional port (ip, ip:port or [v6]:port)");
            }
            if (Resolvers[i].Weight is < 1 or > 1000)
            {
                errors.Add($"resolvers[{i}].weight", "must be between 1 and 1000");
            }
        }
        if (RecordTypes.Count == 0)
        {
            errors.Add("recordTypes", "must list at least one record type");
        }
        foreach (var type in RecordTypes.Where(t => !SupportedRecordTypes.Contains(t.ToUpperInvariant())))
        {
            errors.Add("recordTypes", $"'{type}' is not one of {string.Join(", ", SupportedRecordTypes)}");
        }
        if (TimeoutMs is < 10 or > 60_000)
        {
            errors.Add("timeoutMs", "must be between 10 and 60000");
        }
        if (Retries is < 0 or > 20)
        {
            errors.Add("retries", "must be between 0 and 20");
        }
        if (MaxInFlight is < 1 or > 60_000)
        {
            errors.Add("maxInFlight", "must be between 1 and 60000, or null for auto");
        }
        RateSpec.Validate(GlobalRate, "globalRate", errors);
        RateSpec.Validate(PerResolverRate, "perResolverRate", errors);
        if (EdnsPayload is < 512 or > 4096)
        {
            errors.Add("ednsPayload", "must be between 512 and 4096");
        }
        if (JitterMinMs < 0 || JitterMaxMs < JitterMinMs || JitterMaxMs > 10_000)
        {
            errors.Add("jitterMaxMs", "needs 0 <= jitterMinMs <= jitterMaxMs <= 10000");
        }
        return errors;
    }

    /// <summary>Trimmed text, upper-case record types without repeats.</summary>
    public static DnsPersonaConfig Canonical(DnsPersonaConfig? input)
    {
        var config = input ?? new DnsPersonaConfig();
        return config with
        {
            Name = (config.Name ?? "").Trim(),
            Description = NamedConfigRules.TrimToNull(config.Description),
            Resolvers = (config.Resolvers ?? []).Select(r => r is null ? new DnsPersonaResolver("") : r with { Address = (r.Address ?? "").Trim() }).ToList(),
            RecordTypes = (config.RecordTypes ?? []).Select(t => (t ?? "").Trim().ToUpperInvariant()).Distinct().ToList(),
        };
    }

    /// <summary>The engine settings; call on a valid persona.</summary>
    public BulkResolverOptions ToResolverOptions() => new()
    {
        Resolvers = Resolvers.Select(r => ResolverEndpoint.TryParse(r.Address, out var e) ? e! with { Weight = r.Weight } : throw new InvalidOperationException($"Invalid resolver {r.Address}")).ToList(),
        Strategy = Strategy,
        RecordTypes = RecordTypes.Select(t => Enum.Parse<DnsRecordType>(t, ignoreCase: true)).Distinct().ToList(),
        Timeout = TimeSpan.FromMilliseconds(TimeoutMs),
        Retries = Retries,
        MaxInFlight = MaxInFlight,
        GlobalRate = GlobalRate is { } g ? new RateLimit(g.PerSecond, g.Burst) : null,
        PerResolverRate = PerResolverRate is { } p ? new RateLimit(p.PerSecond, p.Burst) : null,
        Edns = Edns,
        EdnsPayload = EdnsPayload,
        TcpFallback = TcpFallback,
        JitterMin = TimeSpan.FromMilliseconds(JitterMinMs),
        JitterMax = TimeSpan.FromMilliseconds(JitterMaxMs),
    };
}
