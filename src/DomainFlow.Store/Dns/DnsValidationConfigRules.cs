using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Core.Dns;
using DomainFlow.Core.Personas;
using DomainFlow.Core.Resources;
using DomainFlow.Store.Personas;

namespace DomainFlow.Store.Dns;

/// <summary>Parses a DNS validation configuration and checks it against the store (personas exist and are enabled).</summary>
public static class DnsValidationConfigRules
{
    public static DnsValidationConfig Parse(string json) =>
        JsonSerializer.Deserialize<DnsValidationConfig>(json, DomainFlowJson.Options) ?? throw new JsonException("empty configuration");

    /// <summary>The configured personas, in order; throws <see cref="ValidationException"/> listing every problem.</summary>
    public static async Task<IReadOnlyList<NamedResource<DnsPersonaConfig>>> ValidateAsync(DnsValidationConfig config, DnsPersonaStore personas, CancellationToken ct)
    {
        var errors = config.Validate();
        var found = new List<NamedResource<DnsPersonaConfig>>();
        for (var i = 0; i < config.PersonaIds.Count; i++)
        {
            var persona = await personas.GetAsync(config.PersonaIds[i], ct);
            if (persona is null)
            {
                errors.Add($"personaIds[{i}]", "no DNS persona has this id");
            }
            else if (!persona.Config.Enabled)
            {
                errors.Add($"personaIds[{i}]", $"the DNS persona '{persona.Config.Name}' is disabled");
            }
            else
            {
                found.Add(persona);
            }
        }
        return errors.IsEmpty ? found : throw new ValidationException(errors);
    }
}
