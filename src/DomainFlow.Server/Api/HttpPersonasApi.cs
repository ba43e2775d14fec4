using System.Net;
using DomainFlow.Core;
using DomainFlow.Core.Http;
using DomainFlow.Core.Personas;
using DomainFlow.Core.Resources;
using DomainFlow.Store.Personas;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>An HTTP persona: its configuration flattened, who made it, and whether the caller may change or delete it.</summary>
public sealed record HttpPersonaDto(
    Guid Id, string Name, string? Description, bool Enabled, IReadOnlyList<string> UserAgents, IReadOnlyList<HttpHeader> Headers,
    string? AcceptLanguage, string TlsMinVersion, string TlsMaxVersion, IReadOnlyList<string>? CipherSuites, bool ValidateCertificates,
    bool Http2, bool FollowRedirects, int MaxRedirects, int ConnectTimeoutMs, int TotalTimeoutMs, CookieMode CookieMode,
    IReadOnlyList<string> AllowedStatusCodes, int MaxBodyBytes, SchemeOrder SchemeOrder, IReadOnlyList<int> HttpPorts, IReadOnlyList<int> HttpsPorts,
    RateSpec? PerHostRate, RateSpec? GlobalRate, Guid? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool CanEdit)
{
    public static HttpPersonaDto From(NamedResource<HttpPersonaConfig> p, bool canEdit)
    {
        var c = p.Config;
        return new(p.Id, c.Name, c.Description, c.Enabled, c.UserAgents, c.Headers, c.AcceptLanguage, c.TlsMinVersion, c.TlsMaxVersion, c.CipherSuites,
            c.ValidateCertificates, c.Http2, c.FollowRedirects, c.MaxRedirects, c.ConnectTimeoutMs, c.TotalTimeoutMs, c.CookieMode, c.AllowedStatusCodes,
            c.MaxBodyBytes, c.SchemeOrder, c.HttpPorts, c.HttpsPorts, c.PerHostRate, c.GlobalRate, p.CreatedBy, p.CreatedAt, p.UpdatedAt, canEdit);
    }
}

/// <param name="Domain">The site to fetch, as the HTTP phase would (Host and SNI, the persona's schemes and ports).</param>
/// <param name="Url">Or one URL to fetch as it is (its scheme, port and path); its host is the Host and SNI.</param>
/// <param name="Addresses">The addresses to connect to (what the DNS phase would have found); one or more IPs. May be left
/// out when the URL's host is an IP address.</param>
public sealed record HttpPersonaTestRequest(string? Domain = null, IReadOnlyList<string>? Addresses = null, string? Url = null);

/// <param name="Sent">What the persona sends, and each request as it went out.</param>
/// <param name="Result">What came back, as the phase would store it.</param>
public sealed record HttpPersonaTestReport(HttpPersonaSent Sent, HttpProbeResult Result);

/// <param name="Requests">Every request made, in order (each scheme or port tried, each redirect hop, the favicon), with
/// the headers it carried (the transport adds Host and Accept-Encoding).</param>
public sealed record HttpPersonaSent(
    string Domain, IReadOnlyList<string> Addresses, IReadOnlyList<string> UserAgents, IReadOnlyList<HttpHeader> Headers, string? AcceptLanguage,
    SchemeOrder SchemeOrder, IReadOnlyList<int> HttpPorts, IReadOnlyList<int> HttpsPorts, string TlsVersions, IReadOnlyList<SentRequest> Requests);

/// <summary>One request as it went out: method, URL, HTTP version asked for, and its headers in order.</summary>
public sealed record SentRequest(string Method, string Url, string Version, IReadOnlyList<HttpHeader> Headers);

/// <summary>/api/v2/personas/http: HTTP personas, a workspace resource, and a real fetch through one.</summary>
public static class HttpPersonasApi
{
    public static readonly NamedConfigKind<HttpPersonaConfig, HttpPersonaDto> Kind = new(
        "/personas/http", "HTTP personas", "The HTTP persona", "persona", "http_persona", "persona", "http-personas.json", HttpPersonaDto.From);

    public static RouteGroupBuilder MapHttpPersonas(this RouteGroupBuilder api)
    {
        api.MapNamedConfigs<HttpPersonaConfig, HttpPersonaDto, HttpPersonaStore>(Kind).MapPost("/{id:guid}/test", TestAsync);
        return api;
    }

    /// <summary>Fetches the domain (or the URL) through the persona at the given addresses; the network guard of the deployment applies.</summary>
    private static async Task<Results<Ok<HttpPersonaTestReport>, ProblemHttpResult>> TestAsync(
        Guid id, HttpPersonaTestRequest request, HttpPersonaStore personas, NetworkOptions network, TechFingerprints technologies, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (domain, url) = Target(request, errors);
        var addresses = new List<IPAddress>();
        if (request.Addresses is null or { Count: 0 } && url is not null && IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal))
        {
            addresses.Add(literal);
        }
        else if (request.Addresses is null || request.Addresses.Count is 0 or > 16)
        {
            errors.Add("addresses", "must list between 1 and 16 IP addresses");
        }
        for (var i = 0; i < (request.Addresses?.Count ?? 0); i++)
        {
            if (IPAddress.TryParse(request.Addresses![i], out var address))
            {
                addresses.Add(address);
            }
            else
            {
                errors.Add($"addresses[{i}]", "must be an IP address");
            }
        }
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        if (await personas.GetAsync(id, ct) is not { } persona)
        {
            return (ProblemHttpResult)Problems.NotFound(Kind.Title);
        }
        var config = persona.Config;
        var requests = new List<SentRequest>();
        using var prober = new HttpProber(new HttpProberOptions
        {
            Persona = config, Guard = network.CreateGuard(), Technologies = technologies, Favicon = true,
            OnRequest = sent => requests.Add(new SentRequest(sent.Method.Method, sent.RequestUri!.ToString(), $"HTTP/{sent.Version}",
                [.. sent.Headers.Select(h => new HttpHeader(h.Key, string.Join(", ", h.Value)))])),
        });
        var result = url is null ? await prober.ProbeAsync(domain!, addresses, ct) : await prober.FetchUrlAsync(url, addresses, ct);
        var sentSummary = new HttpPersonaSent(result.Domain, [.. addresses.Select(a => a.ToString())], config.UserAgents, config.Headers, config.AcceptLanguage,
            config.SchemeOrder, config.HttpPorts, config.HttpsPorts, $"TLS {config.TlsMinVersion}–{config.TlsMaxVersion}", requests);
        return TypedResults.Ok(new HttpPersonaTestReport(sentSummary, result));
    }

    /// <summary>The domain to probe, or the URL to fetch: exactly one of them.</summary>
    private static (string? Domain, Uri? Url) Target(HttpPersonaTestRequest request, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(request.Url))
        {
            if (!string.IsNullOrWhiteSpace(request.Domain))
            {
                errors.Add("url", "give a domain or a URL, not both");
            }
            if (!Uri.TryCreate(request.Url.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
            {
                errors.Add("url", "must be an absolute http:// or https:// URL");
                return (null, null);
            }
            return (null, url);
        }
        var domain = (request.Domain ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        if (domain.Length is 0 or > 253 || Uri.CheckHostName(domain) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
        {
            errors.Add("domain", "must be a domain name");
        }
        return (domain, null);
    }
}
