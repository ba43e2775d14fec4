using System.Net.Security;
using System.Security.Authentication;
using System.Text.Json.Serialization;
using DomainFlow.Core.Resources;

namespace DomainFlow.Core.Personas;

public enum SchemeOrder
{
    /// <summary>HTTPS first; plain HTTP when HTTPS cannot connect.</summary>
    HttpsThenHttp,

    HttpThenHttps,

    Https,

    Http,
}

public enum CookieMode
{
    /// <summary>Cookies are neither kept nor sent.</summary>
    Ignore,

    /// <summary>One jar per domain for the duration of its probe (redirects carry the cookies they set).</summary>
    Session,
}

/// <summary>A request header of a persona, sent in the listed order.</summary>
public sealed record HttpHeader(string Name, string Value);

/// <summary>
/// How the HTTP phase fetches a site: every field here is applied by the prober (Core/Http); nothing is stored and
/// ignored. Status codes are listed as "200" or ranges "200-399"; TLS versions as "1.2" or "1.3".
/// </summary>
public sealed record HttpPersonaConfig : INamedConfig<HttpPersonaConfig>
{
    public const string DefaultUserAgent = "Mozilla/5.0 (compatible; DomainFlow/1.0)";
    public const int MaxBodyLimit = 64 << 20;
    public static readonly IReadOnlyList<string> TlsVersions = ["1.2", "1.3"];

    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public bool Enabled { get; init; } = true;

    /// <summary>One is picked per request, in turn.</summary>
    public IReadOnlyList<string> UserAgents { get; init; } = [DefaultUserAgent];
    public IReadOnlyList<HttpHeader> Headers { get; init; } = [];
    public string? AcceptLanguage { get; init; } = "en-US,en;q=0.9";
    public string TlsMinVersion { get; init; } = "1.2";
    public string TlsMaxVersion { get; init; } = "1.3";

    /// <summary>TLS cipher suites by IANA name (TLS_AES_128_GCM_SHA256...); null for the platform's defaults. Linux only.</summary>
    public IReadOnlyList<string>? CipherSuites { get; init; }

    /// <summary>Refuse sites whose certificate does not validate (outcome tls_error); otherwise it is recorded, not enforced.</summary>
    public bool ValidateCertificates { get; init; }

    public bool Http2 { get; init; }
    public bool FollowRedirects { get; init; } = true;
    public int MaxRedirects { get; init; } = 5;
    public int ConnectTimeoutMs { get; init; } = 5_000;
    public int TotalTimeoutMs { get; init; } = 15_000;
    public CookieMode CookieMode { get; init; } = CookieMode.Session;

    /// <summary>The final status codes that count as ok; any other is http_error.</summary>
    public IReadOnlyList<string> AllowedStatusCodes { get; init; } = ["200-399"];

    public int MaxBodyBytes { get; init; } = 1 << 20;
    public SchemeOrder SchemeOrder { get; init; } = SchemeOrder.HttpsThenHttp;
    public IReadOnlyList<int> HttpPorts { get; init; } = [80];
    public IReadOnlyList<int> HttpsPorts { get; init; } = [443];
    public RateSpec? PerHostRate { get; init; }
    public RateSpec? GlobalRate { get; init; }

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        NamedConfigRules.ValidateNameAndDescription(Name, Description, errors);
        if (UserAgents.Count is 0 or > 100)
        {
            errors.Add("userAgents", "must list between 1 and 100 user agents");
        }
        for (var i = 0; i < UserAgents.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(UserAgents[i]) || UserAgents[i].Length > 1000 || UserAgents[i].Any(char.IsControl))
            {
                errors.Add($"userAgents[{i}]", "must be 1 to 1000 characters without control characters");
            }
        }
        if (Headers.Count > 50)
        {
            errors.Add("headers", "must list at most 50 headers");
        }
        for (var i = 0; i < Headers.Count; i++)
        {
            if (!IsToken(Headers[i].Name))
            {
                errors.Add($"headers[{i}].name", "must be a header name (letters, digits and !#$%&'*+-.^_`|~)");
            }
            else if (ReservedHeaders.Contains(Headers[i].Name))
            {
                errors.Add($"headers[{i}].name", "is set by the prober itself (Host, Content-Length, Transfer-Encoding, Connection, Cookie from the jar)");
            }
            if (Headers[i].Value.Length > 4000 || Headers[i].Value.Any(c => char.IsControl(c) && c != '\t'))
            {
                errors.Add($"headers[{i}].value", "must be at most 4000 characters without control characters");
            }
        }
        if (AcceptLanguage is { } language && (language.Length > 200 || language.Any(char.IsControl)))
        {
            errors.Add("acceptLanguage", "must be at most 200 characters without control characters");
        }
        if (!TlsVersions.Contains(TlsMinVersion))
        {
            errors.Add("tlsMinVersion", "must be 1.2 or 1.3");
        }
        if (!TlsVersions.Contains(TlsMaxVersion))
        {
            errors.Add("tlsMaxVersion", "must be 1.2 or 1.3");
        }
        else if (TlsVersions.Contains(TlsMinVersion) && string.CompareOrdinal(TlsMinVersion, TlsMaxVersion) > 0)
        {
            errors.Add("tlsMaxVersion", "must not be below tlsMinVersion");
        }
        for (var i = 0; i < (CipherSuites?.Count ?? 0); i++)
        {
            if (!Enum.TryParse<TlsCipherSuite>(CipherSuites![i], ignoreCase: false, out _) || int.TryParse(CipherSuites[i], out _))
            {
                errors.Add($"cipherSuites[{i}]", "is not a TLS cipher suite name (for example TLS_AES_128_GCM_SHA256)");
            }
        }
        if (CipherSuites is { Count: 0 })
        {
            errors.Add("cipherSuites", "must list at least one suite, or be null for the platform's defaults");
        }
        if (MaxRedirects is < 0 or > 30)
        {
            errors.Add("maxRedirects", "must be between 0 and 30");
        }
        if (ConnectTimeoutMs is < 100 or > 120_000)
        {
            errors.Add("connectTimeoutMs", "must be between 100 and 120000");
        }
        if (TotalTimeoutMs is < 100 or > 300_000 || TotalTimeoutMs < ConnectTimeoutMs)
        {
            errors.Add("totalTimeoutMs", "must be between 100 and 300000 and at least connectTimeoutMs");
        }
        if (AllowedStatusCodes.Count == 0)
        {
            errors.Add("allowedStatusCodes", "must list at least one code or range");
        }
        for (var i = 0; i < AllowedStatusCodes.Count; i++)
        {
            if (StatusRange.TryParse(AllowedStatusCodes[i]) is null)
            {
                errors.Add($"allowedStatusCodes[{i}]", "must be a status code (100-599) or a range such as 200-399");
            }
        }
        if (MaxBodyBytes is < 1024 or > MaxBodyLimit)
        {
            errors.Add("maxBodyBytes", $"must be between 1024 and {MaxBodyLimit}");
        }
        if (!Enum.IsDefined(SchemeOrder))
        {
            errors.Add("schemeOrder", "must be https_then_http, http_then_https, https or http");
        }
        ValidatePorts(HttpPorts, "httpPorts", errors, required: SchemeOrder != SchemeOrder.Https);
        ValidatePorts(HttpsPorts, "httpsPorts", errors, required: SchemeOrder != SchemeOrder.Http);
        RateSpec.Validate(PerHostRate, "perHostRate", errors);
        RateSpec.Validate(GlobalRate, "globalRate", errors);
        return errors;
    }

    /// <summary>Whether a final status counts as ok.</summary>
    public bool Allows(int status) => AllowedStatusCodes.Select(StatusRange.TryParse).Any(r => r is { } range && status >= range.From && status <= range.To);

    /// <summary>Derived from the two version fields; not part of the stored or exchanged configuration.</summary>
    [JsonIgnore]
    public SslProtocols SslProtocols =>
        (TlsMinVersion == "1.2" ? SslProtocols.Tls12 : SslProtocols.None) | (TlsMaxVersion == "1.3" ? SslProtocols.Tls13 : SslProtocols.None);

    /// <summary>Trimmed text; header names kept as typed (their order and spelling are the persona's).</summary>
    public static HttpPersonaConfig Canonical(HttpPersonaConfig? input)
    {
        var config = input ?? new HttpPersonaConfig();
        return config with
        {
            Name = (config.Name ?? "").Trim(),
            Description = NamedConfigRules.TrimToNull(config.Description),
            UserAgents = (config.UserAgents ?? []).Select(u => (u ?? "").Trim()).ToList(),
            Headers = (config.Headers ?? []).Select(h => h is null ? new HttpHeader("", "") : new HttpHeader((h.Name ?? "").Trim(), (h.Value ?? "").Trim())).ToList(),
            AcceptLanguage = NamedConfigRules.TrimToNull(config.AcceptLanguage),
            TlsMinVersion = (config.TlsMinVersion ?? "").Trim(),
            TlsMaxVersion = (config.TlsMaxVersion ?? "").Trim(),
            CipherSuites = config.CipherSuites?.Select(c => (c ?? "").Trim()).ToList(),
            AllowedStatusCodes = (config.AllowedStatusCodes ?? []).Select(c => (c ?? "").Replace(" ", "", StringComparison.Ordinal)).ToList(),
            HttpPorts = config.HttpPorts ?? [],
            HttpsPorts = config.HttpsPorts ?? [],
        };
    }

    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase) { "Host", "Content-Length", "Transfer-Encoding", "Connection", "Cookie" };

    private static bool IsToken(string name) =>
        name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));

    private static void ValidatePorts(IReadOnlyList<int> ports, string field, ValidationErrors errors, bool required)
    {
        if (required && ports.Count == 0)
        {
            errors.Add(field, "must list at least one port for the schemes the scheme order tries");
        }
        if (ports.Count > 10)
        {
            errors.Add(field, "must list at most 10 ports");
        }
        if (ports.Any(p => p is < 1 or > 65_535))
        {
            errors.Add(field, "ports must be between 1 and 65535");
        }
    }
}

/// <summary>An inclusive range of HTTP status codes, written "200" or "200-399".</summary>
public readonly record struct StatusRange(int From, int To)
{
    public static StatusRange? TryParse(string? text)
    {
        var parts = (text ?? "").Split('-');
        if (parts.Length is 0 or > 2 || !parts.All(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            return null;
        }
        var from = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var to = parts.Length == 2 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : from;
        return from is >= 100 and <= 599 && to is >= 100 and <= 599 && from <= to ? new StatusRange(from, to) : null;
    }
}
