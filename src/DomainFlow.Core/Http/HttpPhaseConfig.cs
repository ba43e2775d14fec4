using DomainFlow.Core.Keywords;

namespace DomainFlow.Core.Http;

/// <summary>Which names an HTTP run covers; only names the DNS phase resolved are ever probed.</summary>
public enum HttpNameSelection
{
    /// <summary>Every resolved name (results from an earlier run are replaced).</summary>
    All,

    /// <summary>Only resolved names without an HTTP result yet: finishes a run that was stopped or failed part-way.</summary>
    Unprobed,
}

/// <summary>
/// The HTTP keyword analysis phase's configuration. Batches rotate through the personas; every page is matched
/// against the keyword sets and the ad-hoc keywords together.
/// </summary>
public sealed record HttpPhaseConfig
{
    public const int MaxBatchSize = 10_000;

    public IReadOnlyList<Guid> PersonaIds { get; init; } = [];

    public IReadOnlyList<Guid> KeywordSetIds { get; init; } = [];

    /// <summary>Literal keywords for this campaign only (case-insensitive, weight 1).</summary>
    public IReadOnlyList<string> AdHocKeywords { get; init; } = [];

    /// <summary>Sites probed at once per worker.</summary>
    public int Concurrency { get; init; } = 50;

    /// <summary>Sites probed at once per IP address: parked domains share a few addresses, which must not be hammered.</summary>
    public int PerIpConcurrency { get; init; } = 4;

    /// <summary>Names per batch (one transaction each); defaults to the concurrency × 4 when null.</summary>
    public int? BatchSize { get; init; }

    public HttpNameSelection Names { get; init; } = HttpNameSelection.All;

    /// <summary>Fetch each answering site's /favicon.ico and store Shodan's favicon hash.</summary>
    public bool Favicon { get; init; }

    /// <summary>A DNS persona to look up the hosts redirects lead to; without one such redirects are recorded, not followed.</summary>
    public Guid? RedirectDnsPersonaId { get; init; }

    /// <summary>Probe through this proxy pool (its healthy, enabled members, by its rotation); directly when null.</summary>
    public Guid? ProxyPoolId { get; init; }

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (PersonaIds.Count is 0 or > 50)
        {
            errors.Add("personaIds", "must name between 1 and 50 HTTP personas");
        }
        if (PersonaIds.Distinct().Count() != PersonaIds.Count)
        {
            errors.Add("personaIds", "must not repeat a persona");
        }
        if (KeywordSetIds.Count > 100 || KeywordSetIds.Distinct().Count() != KeywordSetIds.Count)
        {
            errors.Add("keywordSetIds", "must name at most 100 keyword sets, each once");
        }
        KeywordSetConfig.ValidateRules(AdHocRules, "adHocKeywords", errors, required: false);
        if (Concurrency is < 1 or > 2_000)
        {
            errors.Add("concurrency", "must be between 1 and 2000");
        }
        if (PerIpConcurrency < 1 || PerIpConcurrency > Concurrency)
        {
            errors.Add("perIpConcurrency", "must be between 1 and the concurrency");
        }
        if (BatchSize is < 1 or > MaxBatchSize)
        {
            errors.Add("batchSize", $"must be between 1 and {MaxBatchSize}");
        }
        return errors;
    }

    public IReadOnlyList<KeywordRule> AdHocRules => [.. AdHocKeywords.Select(k => new KeywordRule(k ?? "", Category: "ad hoc"))];
}
