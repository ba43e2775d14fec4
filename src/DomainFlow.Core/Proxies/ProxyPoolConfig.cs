using DomainFlow.Core.Resources;

namespace DomainFlow.Core.Proxies;

public enum ProxyRotation
{
    RoundRobin,
    Random,
    Weighted,

    /// <summary>The member with the fewest requests so far.</summary>
    LeastUsed,

    /// <summary>The same member for the same domain (while it stays in rotation).</summary>
    StickyPerDomain,
}

public sealed record ProxyPoolMember(Guid ProxyId, int Weight = 1);

/// <summary>A named set of proxies the HTTP phase rotates through; a request that fails at the proxy moves to another member.</summary>
public sealed record ProxyPoolConfig : INamedConfig<ProxyPoolConfig>
{
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public bool Enabled { get; init; } = true;
    public IReadOnlyList<ProxyPoolMember> Members { get; init; } = [];
    public ProxyRotation Rotation { get; init; } = ProxyRotation.RoundRobin;

    /// <summary>Further attempts through other members after a proxy error.</summary>
    public int Retries { get; init; } = 2;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        NamedConfigRules.ValidateNameAndDescription(Name, Description, errors);
        if (Members.Count is 0 or > 10_000)
        {
            errors.Add("members", "must list between 1 and 10000 proxies");
        }
        if (Members.Select(m => m.ProxyId).Distinct().Count() != Members.Count)
        {
            errors.Add("members", "must not list a proxy twice");
        }
        for (var i = 0; i < Members.Count; i++)
        {
            if (Members[i].Weight is < 1 or > 1000)
            {
                errors.Add($"members[{i}].weight", "must be between 1 and 1000");
            }
        }
        if (!Enum.IsDefined(Rotation))
        {
            errors.Add("rotation", "must be round_robin, random, weighted, least_used or sticky_per_domain");
        }
        if (Retries is < 0 or > 10)
        {
            errors.Add("retries", "must be between 0 and 10");
        }
        return errors;
    }

    public static ProxyPoolConfig Canonical(ProxyPoolConfig? input)
    {
        var config = input ?? new ProxyPoolConfig();
        return config with
        {
            Name = (config.Name ?? "").Trim(),
            Description = NamedConfigRules.TrimToNull(config.Description),
            Members = (config.Members ?? []).Select(m => m ?? new ProxyPoolMember(Guid.Empty, 0)).ToList(),
        };
    }
}
