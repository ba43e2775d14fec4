using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Core.Http;
using DomainFlow.Core.Keywords;
using DomainFlow.Core.Personas;
using DomainFlow.Core.Resources;
using DomainFlow.Store.Keywords;
using DomainFlow.Store.Personas;

namespace DomainFlow.Store.Http;

/// <summary>What an HTTP run needs from the store, checked: personas and keyword sets that exist and are enabled.</summary>
public sealed record HttpPhaseResources(
    IReadOnlyList<NamedResource<HttpPersonaConfig>> Personas, IReadOnlyList<KeywordRuleGroup> Keywords, NamedResource<DnsPersonaConfig>? RedirectDns,
    NamedResource<Core.Proxies.ProxyPoolConfig>? ProxyPool);

/// <summary>The stores an HTTP run reads its configuration's resources from.</summary>
public sealed record HttpPhaseStores(HttpPersonaStore Personas, KeywordSetStore KeywordSets, DnsPersonaStore DnsPersonas, Proxies.ProxyPoolStore Pools, Proxies.ProxyStore Proxies);

/// <summary>Parses an HTTP phase configuration and checks it against the store.</summary>
public static class HttpPhaseConfigRules
{
    public static HttpPhaseConfig Parse(string json) =>
        JsonSerializer.Deserialize<HttpPhaseConfig>(json, DomainFlowJson.Options) ?? throw new JsonException("empty configuration");

    /// <summary>Everything the configuration names, loaded; throws <see cref="ValidationException"/> listing every problem.</summary>
    public static async Task<HttpPhaseResources> ResolveAsync(HttpPhaseConfig config, HttpPhaseStores stores, CancellationToken ct)
    {
        var (personas, keywordSets, dnsPersonas, pools) = (stores.Personas, stores.KeywordSets, stores.DnsPersonas, stores.Pools);
        var errors = config.Validate();
        var found = new List<NamedResource<HttpPersonaConfig>>();
        for (var i = 0; i < config.PersonaIds.Count; i++)
        {
            var persona = await personas.GetAsync(config.PersonaIds[i], ct);
            if (persona is null)
            {
                errors.Add($"personaIds[{i}]", "no HTTP persona has this id");
            }
            else if (!persona.Config.Enabled)
            {
                errors.Add($"personaIds[{i}]", $"the HTTP persona '{persona.Config.Name}' is disabled");
            }
            else
            {
                found.Add(persona);
            }
        }
        var keywords = new List<KeywordRuleGroup> { new(null, config.AdHocRules) };
        for (var i = 0; i < config.KeywordSetIds.Count; i++)
        {
            var set = await keywordSets.GetAsync(config.KeywordSetIds[i], ct);
            if (set is null)
            {
                errors.Add($"keywordSetIds[{i}]", "no keyword set has this id");
            }
            else if (!set.Config.Enabled)
            {
                errors.Add($"keywordSetIds[{i}]", $"the keyword set '{set.Config.Name}' is disabled");
            }
            else
            {
                keywords.Add(new KeywordRuleGroup(set.Config.Name, set.Config.Rules, set.Config.MaxSnippets));
            }
        }
        NamedResource<DnsPersonaConfig>? redirectDns = null;
        if (config.RedirectDnsPersonaId is { } dnsId)
        {
            redirectDns = await dnsPersonas.GetAsync(dnsId, ct);
            if (redirectDns is null)
            {
                errors.Add("redirectDnsPersonaId", "no DNS persona has this id");
            }
        }
        NamedResource<Core.Proxies.ProxyPoolConfig>? pool = null;
        if (config.ProxyPoolId is { } poolId)
        {
            pool = await pools.GetAsync(poolId, ct);
            if (pool is null)
            {
                errors.Add("proxyPoolId", "no proxy pool has this id");
            }
            else if (!pool.Config.Enabled)
            {
                errors.Add("proxyPoolId", $"the proxy pool '{pool.Config.Name}' is disabled");
            }
        }
        return errors.IsEmpty ? new HttpPhaseResources(found, keywords, redirectDns, pool) : throw new ValidationException(errors);
    }
}
