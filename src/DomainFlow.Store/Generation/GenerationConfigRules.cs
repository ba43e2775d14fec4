using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Core.Generation;

namespace DomainFlow.Store.Generation;

/// <summary>Parses and validates a stored or submitted generation configuration.</summary>
public static class GenerationConfigRules
{
    public static GenerationConfig Parse(string json) =>
        JsonSerializer.Deserialize<GenerationConfig>(json, DomainFlowJson.Options) ?? throw new JsonException("empty configuration");

    /// <summary>
    /// The pattern history key of a stored generation configuration: the normalised pattern's
    /// <see cref="DomainPattern.ConfigHash"/> (what fixes the ordinal ↔ name mapping, not maxDomains or offsetStart),
    /// or null for list sources and configurations that are not a valid pattern.
    /// </summary>
    public static string? PatternKeyOf(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            var config = Parse(json);
            return config.Source == GenerationSource.Pattern ? DomainPattern.TryCreate(config, new ValidationErrors())?.ConfigHash : null;
        }
        catch (JsonException)
        {
            // A stored configuration that no longer parses has no history; starting the phase reports it.
            return null;
        }
    }

    /// <summary>Validates a configuration a campaign will run; returns the pattern for pattern sources, null for lists.</summary>
    public static DomainPattern? ValidateForCampaign(GenerationConfig config)
    {
        var errors = new ValidationErrors();
        DomainPattern? pattern = null;
        if (config.Source == GenerationSource.Pattern)
        {
            if (config.MaxDomains is null)
            {
                errors.Add("maxDomains", "is required: how many names this campaign generates");
            }
            pattern = DomainPattern.TryCreate(config, errors);
        }
        else if (config.PatternType is not null || config.Charset is not null || config.Tlds is not null || config.OffsetStart is not null)
        {
            errors.Add("source", "a list source takes no pattern fields (patternType, charset, tlds, offsetStart); upload the names instead");
        }
        else if (config.MaxDomains is <= 0)
        {
            errors.Add("maxDomains", "must be greater than 0");
        }
        return errors.IsEmpty ? pattern : throw new ValidationException(errors);
    }
}
