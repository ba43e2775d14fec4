using System.Globalization;
using System.Net;

namespace DomainFlow.Core.Dns;

/// <summary>A resolver to send queries to, with its share under the weighted strategy.</summary>
public sealed record ResolverEndpoint(IPEndPoint EndPoint, int Weight = 1)
{
    /// <summary>Parses "ip", "ip:port", "[v6]:port" or "v6" (port 53 by default).</summary>
    public static bool TryParse(string? text, out ResolverEndpoint? endpoint)
    {
        endpoint = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        if (IPAddress.TryParse(value, out var bare))
        {
            endpoint = new ResolverEndpoint(new IPEndPoint(bare, 53));
            return true;
        }
        if (IPEndPoint.TryParse(value, out var withPort) && withPort.Port > 0)
        {
            endpoint = new ResolverEndpoint(withPort);
            return true;
        }
        return false;
    }

    public override string ToString() => EndPoint.Port == 53 ? EndPoint.Address.ToString() : EndPoint.ToString();

    public string Describe() => Weight == 1 ? ToString() : string.Create(CultureInfo.InvariantCulture, $"{this} (weight {Weight})");
}
