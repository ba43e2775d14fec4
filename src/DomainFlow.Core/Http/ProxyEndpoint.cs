namespace DomainFlow.Core.Http;

public enum ProxyProtocol
{
    Http,
    Https,
    Socks4,
    Socks5,
}

/// <summary>A proxy to tunnel probes through: protocol, host, port and optional credentials.</summary>
public sealed record ProxyEndpoint(ProxyProtocol Protocol, string Host, int Port, string? Username = null, string? Password = null)
{
    /// <summary>"http://[user:pass@]host:port", "https://…", "socks4://…", "socks5://…"; null with the reason when it is not one.</summary>
    public static ProxyEndpoint? TryParse(string? text, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            error = "must be a proxy URL such as http://host:port or socks5://user:pass@host:port";
            return null;
        }
        ProxyProtocol? protocol = uri.Scheme switch
        {
            "http" => ProxyProtocol.Http,
            "https" => ProxyProtocol.Https,
            "socks4" or "socks4a" => ProxyProtocol.Socks4,
            "socks5" or "socks5h" => ProxyProtocol.Socks5,
            _ => null,
        };
        if (protocol is null)
        {
            error = "the scheme must be http, https, socks4 or socks5";
            return null;
        }
        if (uri.IsDefaultPort && uri.Port is -1 or 0)
        {
            error = "must give the proxy's port";
            return null;
        }
        var user = uri.UserInfo.Split(':', 2);
        return new ProxyEndpoint(protocol.Value, uri.IdnHost, uri.Port,
            user[0].Length == 0 ? null : Uri.UnescapeDataString(user[0]), user.Length == 2 ? Uri.UnescapeDataString(user[1]) : null);
    }

    /// <summary>The URL without the password.</summary>
    public override string ToString() =>
        $"{Protocol.ToString().ToLowerInvariant()}://{(Username is null ? "" : Uri.EscapeDataString(Username) + "@")}{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}";
}
