using System.Net;
using DomainFlow.Core.Http;

namespace DomainFlow.Core.Proxies;

/// <summary>A proxy as a user enters it. The password is write-only: stored encrypted, never returned.</summary>
public sealed record ProxyConfig
{
    public string? Name { get; init; }
    public ProxyProtocol Protocol { get; init; } = ProxyProtocol.Http;
    public string Host { get; init; } = "";
    public int Port { get; init; }
    public string? Username { get; init; }

    /// <summary>On a replace, null keeps the stored password; "" removes it.</summary>
    public string? Password { get; init; }
    public string? Country { get; init; }
    public string? Notes { get; init; }
    public bool Enabled { get; init; } = true;

    public ValidationErrors Validate(string prefix = "")
    {
        var errors = new ValidationErrors();
        if (Name?.Length > 200)
        {
            errors.Add(prefix + "name", "must be at most 200 characters");
        }
        if (!Enum.IsDefined(Protocol))
        {
            errors.Add(prefix + "protocol", "must be http, https, socks4 or socks5");
        }
        if (Host.Length is 0 or > 253 || (Uri.CheckHostName(Host) == UriHostNameType.Unknown && !IPAddress.TryParse(Host, out _)))
        {
            errors.Add(prefix + "host", "must be an IP address or a host name");
        }
        if (Port is < 1 or > 65_535)
        {
            errors.Add(prefix + "port", "must be between 1 and 65535");
        }
        if (Username?.Length > 255 || Password?.Length > 255)
        {
            errors.Add(prefix + "username", "username and password must be at most 255 characters");
        }
        if (Password is { Length: > 0 } && string.IsNullOrEmpty(Username))
        {
            errors.Add(prefix + "username", "is required with a password");
        }
        if (Country is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
        {
            errors.Add(prefix + "country", "must be a two-letter country code");
        }
        if (Notes?.Length > 2000)
        {
            errors.Add(prefix + "notes", "must be at most 2000 characters");
        }
        return errors;
    }

    public ProxyConfig Canonical() => this with
    {
        Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(),
        Host = (Host ?? "").Trim().Trim('[', ']').ToLowerInvariant(),
        Username = string.IsNullOrEmpty(Username) ? null : Username,
        Country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant(),
        Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
    };

    /// <summary>
    /// One line of a text list: "host:port", "user:pass@host:port", or a URL ("socks5://user:pass@host:port");
    /// without a scheme the <paramref name="protocol"/> given applies.
    /// </summary>
    public static ProxyConfig? ParseLine(string line, ProxyProtocol protocol, out string? error)
    {
        var text = line.Trim();
        var url = text.Contains("://", StringComparison.Ordinal) ? text : $"{protocol.ToString().ToLowerInvariant()}://{text}";
        var endpoint = ProxyEndpoint.TryParse(url, out error);
        return endpoint is null ? null : new ProxyConfig
        {
            Protocol = endpoint.Protocol, Host = endpoint.Host, Port = endpoint.Port, Username = endpoint.Username, Password = endpoint.Password,
        };
    }
}

public enum ProxyHealth
{
    Unknown,
    Healthy,
    Degraded,
    Unhealthy,
}

/// <summary>A stored proxy with its health; the password is not here (see <see cref="HasPassword"/>).</summary>
public sealed record StoredProxy(
    Guid Id, string Name, ProxyProtocol Protocol, string Host, int Port, string? Username, bool HasPassword, string? Country, string? Notes, bool Enabled,
    ProxyHealth Status, long? LatencyMs, long Successes, long Failures, int ConsecutiveFailures, DateTimeOffset? LastCheckedAt, string? LastError,
    DateTimeOffset NextCheckAt, Guid? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
