using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Phases;

namespace DomainFlow.Server.Api;

/// <param name="OwnerId">The user who created it; null for campaigns from before accounts existed.</param>
public sealed record CampaignDto(
    Guid Id, string Name, string? Description, CampaignMode Mode, CampaignStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    IReadOnlyList<PhaseDto> Phases, Guid? OwnerId)
{
    public static CampaignDto From(Campaign c, DateTimeOffset now) => new(
        c.Id, c.Name, c.Description, c.Mode, c.Status, c.CreatedAt, c.UpdatedAt, c.StartedAt, c.CompletedAt,
        c.Phases.Select(p => PhaseDto.From(p, now)).ToList(), c.OwnerId);
}

/// <summary>How many items a phase had done at one moment.</summary>
public sealed record ProgressSampleDto(DateTimeOffset At, long Processed);

/// <param name="Available">Whether this version can run the phase; the others are visible but cannot be configured or started yet.</param>
public sealed record PhaseDto(
    PhaseName Phase, int Position, PhaseStatus Status, System.Text.Json.Nodes.JsonNode? Config,
    long Total, long Processed, IReadOnlyDictionary<string, long> Counters, double RatePerSecond, double? EtaSeconds,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, DateTimeOffset UpdatedAt, string? Error, bool Available)
{
    public static PhaseDto From(PhaseState p, DateTimeOffset now) => new(
        p.Phase, p.Position, p.Status, p.ConfigJson is null ? null : System.Text.Json.Nodes.JsonNode.Parse(p.ConfigJson),
        p.Total, p.Processed, p.Counters, Math.Round(p.RatePerSecond(now), 1), p.EtaSeconds(now) is { } eta ? Math.Round(eta, 1) : null,
        p.StartedAt, p.CompletedAt, p.UpdatedAt, p.Error, PhaseRules.Executable.Contains(p.Phase));
}

public sealed record CreateCampaignRequest(string? Name = null, string? Description = null, CampaignMode? Mode = null, Core.Generation.GenerationConfig? Generation = null);

public sealed record UpdateCampaignRequest(string? Name = null, string? Description = null, CampaignMode? Mode = null);

public sealed record DuplicateCampaignRequest(string? Name = null);

public sealed record CampaignPage(IReadOnlyList<CampaignDto> Items, string? NextCursor);

/// <param name="Dns">The DNS phase's result; null until the domain was checked.</param>
public sealed record DomainDto(long Ordinal, string Name, DomainDnsDto? Dns = null, DomainHttpDto? Http = null)
{
    public static DomainDto From(Store.Domains.DomainStore.DomainItem d) =>
        new(d.Ordinal, d.Name, d.Dns is { } r ? DomainDnsDto.From(r) : null, d.Http is { } h ? DomainHttpDto.From(h) : null);
}

/// <param name="Outcome">ok, http_error, timeout, connection_refused, tls_error, proxy_error, blocked_target, too_many_redirects or error.</param>
/// <param name="StatusCode">The final HTTP status (the last redirect's when the chain was too long).</param>
/// <param name="KeywordScore">Σ weight × log2(1 + count) over the rules that matched.</param>
public sealed record DomainHttpDto(
    string Outcome, int? StatusCode, string? Address, string? Proxy, string? FinalUrl, IReadOnlyList<Core.Http.RedirectHop> Redirects, string? Title, string? Description,
    string? ContentType, long? ContentLength, int? BodyBytes, bool BodyTruncated, string? Server, string? Language, int? Links, string? BodySha256,
    Core.Http.CertificateInfo? Certificate, IReadOnlyList<Core.Keywords.KeywordHit> KeywordHits, double KeywordScore, bool Parked, double ParkedConfidence,
    IReadOnlyList<string> ParkedSignals, IReadOnlyList<Core.Http.DetectedTech> Technologies, int? FaviconHash, string? Error, long ElapsedMs, DateTimeOffset CheckedAt)
{
    public static DomainHttpDto From(Store.Http.HttpResultRow r) => new(
        r.Outcome, r.Status, r.Address, r.Proxy, r.FinalUrl, Parse<List<Core.Http.RedirectHop>>(r.Redirects) ?? [], r.Title, r.Description, r.ContentType,
        r.ContentLength, r.BodyBytes, r.BodyTruncated == 1, r.Server, r.Language, r.Links, r.BodySha256, Parse<Core.Http.CertificateInfo>(r.Certificate),
        Parse<List<Core.Keywords.KeywordHit>>(r.KeywordHits) ?? [], r.KeywordScore, r.Parked == 1, r.ParkedConfidence, Parse<List<string>>(r.ParkedSignals) ?? [],
        Parse<List<Core.Http.DetectedTech>>(r.Technologies) ?? [], r.FaviconHash, r.Error, r.ElapsedMs, DateTimeOffset.FromUnixTimeMilliseconds(r.CheckedAt));

    private static T? Parse<T>(string? json)
        where T : class => json is null ? null : System.Text.Json.JsonSerializer.Deserialize<T>(json, Core.DomainFlowJson.Options);
}

/// <param name="Status">resolved, nxdomain, nodata, servfail, refused, timeout, error or wildcard.</param>
/// <param name="Records">Other requested record types (MX, NS, TXT), as "TYPE data".</param>
public sealed record DomainDnsDto(
    string Status, IReadOnlyList<string> Ipv4, IReadOnlyList<string> Ipv6, IReadOnlyList<string> Cname, IReadOnlyList<string> Records,
    string? Rcode, int Attempts, string? Resolver, long LatencyMs, DateTimeOffset CheckedAt, string? Error)
{
    public static DomainDnsDto From(Store.Dns.DnsResultRow r) => new(
        r.Outcome, Split(r.Ipv4), Split(r.Ipv6), Split(r.Cname),
        r.Records is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<System.Text.Json.Nodes.JsonObject>>(r.Records)!
            .Select(x => $"{x["type"]} {x["data"]}").ToList(),
        r.Rcode, r.Attempts, r.Resolver, r.LatencyMs, DateTimeOffset.FromUnixTimeMilliseconds(r.CheckedAt), r.Error);

    private static IReadOnlyList<string> Split(string? joined) => joined is null ? [] : joined.Split(' ');
}

public sealed record DomainPage(IReadOnlyList<DomainDto> Items, string? NextCursor);

public sealed record ListUploadResult(long Accepted, long Invalid, long Duplicates, IReadOnlyList<string> InvalidSamples);

/// <summary>Counts are decimal strings: they can exceed 2^53, the largest integer JavaScript holds exactly.</summary>
public sealed record GenerationPreviewDto(
    string Total, string Valid, string Skipped, IReadOnlyList<string> FirstNames, string ConfigHash,
    string OffsetStart, string NextOffset, string Remaining, PatternHistoryDto History);

/// <summary>
/// Earlier campaigns the caller may see on the same pattern space, newest first (at most 50; <c>truncated</c> says
/// more exist), and where the next campaign should start. Ordinals are strings: they can pass 2^53.
/// </summary>
/// <param name="SuggestedOffset">The end of the furthest range already taken (workspace-wide, so never overlapping anyone's names).</param>
/// <param name="RemainingAtSuggested">Valid names left from the suggested offset on.</param>
/// <param name="Exhausted">No valid name is left from the suggested offset on.</param>
public sealed record PatternHistoryDto(
    IReadOnlyList<PatternHistoryCampaignDto> Campaigns, bool Truncated, string SuggestedOffset, string RemainingAtSuggested, bool Exhausted);

/// <param name="RangeStart">First pattern ordinal; null when the campaign has not started and takes the workspace offset when it does.</param>
/// <param name="RangeEnd">The ordinal just past the range.</param>
/// <param name="Reserved">True once generation started (the range is taken); false: the range its saved configuration asks for.</param>
/// <param name="Requested">maxDomains of its configuration.</param>
/// <param name="Generated">Names generated so far.</param>
public sealed record PatternHistoryCampaignDto(
    Guid Id, string Name, CampaignStatus Status, PhaseStatus GenerationStatus, string? RangeStart, string? RangeEnd,
    bool Reserved, long? Requested, long Generated, DateTimeOffset CreatedAt);

public sealed record HealthDto(string Status);
