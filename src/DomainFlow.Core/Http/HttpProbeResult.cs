using DomainFlow.Core.Keywords;

namespace DomainFlow.Core.Http;

/// <summary>How a probe ended. Failures are results too, each kept distinct.</summary>
public enum HttpOutcome
{
    /// <summary>A response with an allowed status.</summary>
    Ok,

    /// <summary>A response whose final status the persona does not allow.</summary>
    HttpError,
    Timeout,
    ConnectionRefused,
    TlsError,
    ProxyError,

    /// <summary>Every address (or a redirect's) is loopback, private, link-local, multicast or reserved, and the deployment does not allow those.</summary>
    BlockedTarget,
    TooManyRedirects,
    Error,
}

/// <param name="Url">The URL requested at this hop.</param>
/// <param name="Status">Its status code.</param>
/// <param name="Location">Where it sent us (redirects only).</param>
public sealed record RedirectHop(string Url, int Status, string? Location);

/// <param name="Sha256">Hex SHA-256 of the certificate's DER encoding.</param>
/// <param name="SelfSigned">Issued by its own subject.</param>
/// <param name="Valid">Whether the platform validated the chain for the domain (a probe records invalid certificates; it does not refuse them unless the persona says so).</param>
public sealed record CertificateInfo(
    string Subject, string Issuer, IReadOnlyList<string> SubjectAlternativeNames, DateTimeOffset NotBefore, DateTimeOffset NotAfter,
    string Sha256, bool SelfSigned, bool Valid, string? ValidationErrors);

/// <summary>A technology recognised on the page, with what gave it away.</summary>
public sealed record DetectedTech(string Name, IReadOnlyList<string> Categories, string? Version, string Evidence);

/// <summary>Parked-domain verdict: a confidence between 0 and 1, and the signals behind it.</summary>
public sealed record ParkedVerdict(bool Parked, double Confidence, IReadOnlyList<string> Signals);

/// <summary>Everything one probe found. Fields stay null when the probe did not get that far.</summary>
public sealed record HttpProbeResult
{
    public required string Domain { get; init; }
    public required HttpOutcome Outcome { get; init; }
    public string? Error { get; init; }

    /// <summary>The proxy the probe went through (without its password), if any.</summary>
    public string? Proxy { get; init; }

    /// <summary>The address connected to (the last hop's).</summary>
    public string? Address { get; init; }
    public int? Status { get; init; }
    public string? FinalUrl { get; init; }
    public IReadOnlyList<RedirectHop> Redirects { get; init; } = [];
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? ContentType { get; init; }
    public long? ContentLength { get; init; }
    public int? BodyBytes { get; init; }
    public bool BodyTruncated { get; init; }
    public string? Server { get; init; }
    public string? Language { get; init; }
    public int? Links { get; init; }
    public string? BodySha256 { get; init; }
    public string? Text { get; init; }
    public CertificateInfo? Certificate { get; init; }
    public IReadOnlyList<KeywordHit> KeywordHits { get; init; } = [];
    public double KeywordScore { get; init; }
    public ParkedVerdict? Parked { get; init; }
    public IReadOnlyList<DetectedTech> Technologies { get; init; } = [];

    /// <summary>Shodan's favicon hash (MurmurHash3 of the base64 of /favicon.ico), when enabled and found.</summary>
    public int? FaviconHash { get; init; }
    public double ElapsedMs { get; init; }
}
