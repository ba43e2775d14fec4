namespace DomainFlow.Server.Auth;

public static class ClientIp
{
    /// <summary>The peer address. Behind a reverse proxy, configure forwarded headers so this is the client's.</summary>
    public static string? Of(HttpContext http) => http.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : null;
}
