using System.Buffers.Binary;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace DomainFlow.Core.Http;

/// <summary>Why a proxy did not give us a tunnel.</summary>
/// <param name="ProxyAnswered">The proxy itself answered (refusing this target): it is alive and accepted our credentials.</param>
public sealed class ProxyTunnelException(string message, bool proxyAnswered = false) : Exception(message)
{
    public bool ProxyAnswered { get; } = proxyAnswered;
}

/// <summary>
/// Opens a tunnel through a proxy to an address (not a name: the site's address comes from the DNS phase, so the
/// proxy does no lookup of its own): HTTP CONNECT (RFC 9110 §9.3.6) with Basic credentials, over TLS to the proxy
/// for https proxies; SOCKS4 (connect by IPv4 address); SOCKS5 (RFC 1928) with username/password (RFC 1929).
/// The returned stream carries the connection to the site; TLS to the site, if any, runs on top of it.
/// </summary>
public static class ProxyTunnel
{
    public static Task<Stream> OpenAsync(ProxyEndpoint proxy, IPEndPoint target, CancellationToken ct) => OpenAsync(proxy, target, handshakeOnly: false, ct);

    private static async Task<Stream> OpenAsync(ProxyEndpoint proxy, IPEndPoint target, bool handshakeOnly, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            try
            {
                await socket.ConnectAsync(proxy.Host, proxy.Port, ct);
            }
            catch (SocketException e)
            {
                throw new ProxyTunnelException($"cannot reach the proxy {proxy}: {e.Message}");
            }
            stream = new NetworkStream(socket, ownsSocket: true);
            if (proxy.Protocol == ProxyProtocol.Https)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = proxy.Host }, ct);
                stream = tls;
            }
            switch (proxy.Protocol)
            {
                case ProxyProtocol.Http or ProxyProtocol.Https:
                    await ConnectAsync(stream, proxy, target, ct);
                    break;
                case ProxyProtocol.Socks4:
                    await Socks4Async(stream, proxy, target, ct);
                    break;
                default:
                    await Socks5Async(stream, proxy, handshakeOnly ? null : target, ct);
                    break;
            }
            return stream;
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or ProxyTunnelException && !ct.IsCancellationRequested)
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
            socket.Dispose();
            throw e as ProxyTunnelException ?? new ProxyTunnelException($"proxy {proxy}: {e.Message}");
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The proxy's handshake without a site behind it: SOCKS5 greeting and authentication; for SOCKS4 and HTTP a
    /// connect request to a loopback port, whose answer (granted or refused) proves a working proxy, except an
    /// authentication refusal (HTTP 407).
    /// </summary>
    public static async Task HandshakeAsync(ProxyEndpoint proxy, CancellationToken ct)
    {
        var target = new IPEndPoint(IPAddress.Loopback, 9);
        try
        {
            await using var stream = await OpenAsync(proxy, target, handshakeOnly: true, ct);
        }
        catch (ProxyTunnelException e) when (e.ProxyAnswered)
        {
            // The proxy answered the connect request (refusing port 9 is an answer): it works.
        }
    }

    private static async Task ConnectAsync(Stream stream, ProxyEndpoint proxy, IPEndPoint target, CancellationToken ct)
    {
        var authority = target.ToString();
        var request = new StringBuilder($"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n");
        if (proxy.Username is not null)
        {
            request.Append("Proxy-Authorization: Basic ").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{proxy.Username}:{proxy.Password}"))).Append("\r\n");
        }
        request.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), ct);
        // The reply's head, byte by byte: nothing past its blank line may be consumed (it belongs to the tunnel).
        var head = new List<byte>(256);
        var one = new byte[1];
        while (head.Count < 16_384)
        {
            if (await stream.ReadAsync(one, ct) == 0)
            {
                throw new ProxyTunnelException($"proxy {proxy} closed the connection during CONNECT");
            }
            head.Add(one[0]);
            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                break;
            }
        }
        var statusLine = Encoding.ASCII.GetString([.. head]).Split("\r\n")[0];
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal) || parts[1] != "200")
        {
            // Any status but 407 (authentication required) still comes from a working proxy that took our credentials.
            throw new ProxyTunnelException($"proxy {proxy} refused CONNECT {authority}: {statusLine}", proxyAnswered: parts.Length >= 2 && parts[1] != "407");
        }
    }

    private static async Task Socks4Async(Stream stream, ProxyEndpoint proxy, IPEndPoint target, CancellationToken ct)
    {
        if (target.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ProxyTunnelException($"SOCKS4 proxy {proxy} cannot reach the IPv6 address {target.Address}");
        }
        var user = Encoding.ASCII.GetBytes(proxy.Username ?? "");
        var request = new byte[9 + user.Length];
        request[0] = 4;
        request[1] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(2), (ushort)target.Port);
        target.Address.TryWriteBytes(request.AsSpan(4), out _);
        user.CopyTo(request, 8);
        await stream.WriteAsync(request, ct);
        var reply = new byte[8];
        await stream.ReadExactlyAsync(reply, ct);
        if (reply[1] != 0x5A)
        {
            throw new ProxyTunnelException($"SOCKS4 proxy {proxy} refused {target} (code 0x{reply[1]:X2})", proxyAnswered: reply[0] == 0 && reply[1] is >= 0x5B and <= 0x5D);
        }
    }

    /// <param name="target">Null: greeting and authentication only (a health check).</param>
    private static async Task Socks5Async(Stream stream, ProxyEndpoint proxy, IPEndPoint? target, CancellationToken ct)
    {
        var withPassword = proxy.Username is not null;
        await stream.WriteAsync(withPassword ? new byte[] { 5, 2, 0, 2 } : [5, 1, 0], ct);
        var choice = new byte[2];
        await stream.ReadExactlyAsync(choice, ct);
        if (choice[0] != 5 || choice[1] == 0xFF)
        {
            throw new ProxyTunnelException($"SOCKS5 proxy {proxy} accepts none of our authentication methods{(withPassword ? "" : " (it may need a username and password)")}");
        }
        if (choice[1] == 2)
        {
            var user = Encoding.UTF8.GetBytes(proxy.Username ?? "");
            var password = Encoding.UTF8.GetBytes(proxy.Password ?? "");
            if (user.Length > 255 || password.Length > 255)
            {
                throw new ProxyTunnelException("SOCKS5 usernames and passwords are at most 255 bytes");
            }
            await stream.WriteAsync((byte[])[1, (byte)user.Length, .. user, (byte)password.Length, .. password], ct);
            var status = new byte[2];
            await stream.ReadExactlyAsync(status, ct);
            if (status[1] != 0)
            {
                throw new ProxyTunnelException($"SOCKS5 proxy {proxy} rejected the username or password");
            }
        }
        if (target is null)
        {
            return;
        }
        var v6 = target.AddressFamily == AddressFamily.InterNetworkV6;
        var address = target.Address.GetAddressBytes();
        var port = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(port, (ushort)target.Port);
        await stream.WriteAsync((byte[])[5, 1, 0, (byte)(v6 ? 4 : 1), .. address, .. port], ct);
        var reply = new byte[4];
        await stream.ReadExactlyAsync(reply, ct);
        if (reply[1] != 0)
        {
            throw new ProxyTunnelException($"SOCKS5 proxy {proxy} could not connect to {target} (reply {reply[1]}: {Socks5Reply(reply[1])})");
        }
        // The bound address that follows is of no use to us, but it must be read off the stream.
        var rest = reply[3] switch
        {
            1 => 4 + 2,
            4 => 16 + 2,
            3 => await ReadByteAsync(stream, ct) + 2,
            _ => throw new ProxyTunnelException($"SOCKS5 proxy {proxy} sent an unknown address type {reply[3]}"),
        };
        await stream.ReadExactlyAsync(new byte[rest], ct);
    }

    private static async Task<int> ReadByteAsync(Stream stream, CancellationToken ct)
    {
        var one = new byte[1];
        await stream.ReadExactlyAsync(one, ct);
        return one[0];
    }

    private static string Socks5Reply(byte code) => code switch
    {
        1 => "general failure",
        2 => "not allowed by ruleset",
        3 => "network unreachable",
        4 => "host unreachable",
        5 => "connection refused",
        6 => "TTL expired",
        7 => "command not supported",
        8 => "address type not supported",
        _ => "unknown",
    };
}
