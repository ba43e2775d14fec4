namespace DomainFlow.Core.Dns;

/// <summary>Which names a DNS validation run covers.</summary>
public enum DnsNameSelection
{
    /// <summary>Every domain of the campaign (results from an earlier run are replaced).</summary>
    All,

    /// <summary>Only domains without a result yet: finishes a run that was stopped or failed part-way.</summary>
    Unresolved,
}

/// <summary>
/// The DNS validation phase's configuration. With several personas, batches rotate through them (spreading load
/// over more resolvers and settings); each persona's own resolvers, rates and retries apply to its batches.
/// </summary>
public sealed record DnsValidationConfig
{
    public IReadOnlyList<Guid> PersonaIds { get; init; } = [];

    /// <summary>Names per batch (one transaction each); defaults to the server's job batch size when null.</summary>
    public int? BatchSize { get; init; }

    public bool WildcardDetection { get; init; } = true;

    public DnsNameSelection Names { get; init; } = DnsNameSelection.All;

    public const int MaxBatchSize = 100_000;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (PersonaIds.Count == 0)
        {
            errors.Add("personaIds", "must name at least one DNS persona");
        }
        if (PersonaIds.Count > 50)
        {
            errors.Add("personaIds", "must name at most 50 personas");
        }
        if (PersonaIds.Distinct().Count() != PersonaIds.Count)
        {
            errors.Add("personaIds", "must not repeat a persona");
        }
        if (BatchSize is < 1 or > MaxBatchSize)
        {
            errors.Add("batchSize", $"must be between 1 and {MaxBatchSize}");
        }
        return errors;
    }
}
