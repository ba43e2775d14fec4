using System.Net;
using System.Net.Sockets;

namespace DomainFlow.Core.Http;

/// <summary>
/// Which addresses the HTTP engine may connect to. Loopback, private, link-local, carrier-grade NAT, multicast,
/// unspecified, broadcast, documentation and other reserved ranges are refused unless the deployment allows private
/// targets (the lab and tests do) or lists the range in <paramref name="allowedTargets"/> (the demo's web lab only):
/// a probe must not reach the operator's own network. Checked on every hop.
/// </summary>
public sealed class NetworkGuard(bool allowPrivateTargets, IReadOnlyList<IPNetwork>? allowedTargets = null)
{
    public bool AllowPrivateTargets { get; } = allowPrivateTargets;

    /// <summary>Non-public ranges permitted even when <see cref="AllowPrivateTargets"/> is off.</summary>
    public IReadOnlyList<IPNetwork> AllowedTargets { get; } = allowedTargets ?? [];

    public bool Permits(IPAddress address) => AllowPrivateTargets || IsPublic(address) || IsAllowed(address);

    private bool IsAllowed(IPAddress address)
    {
        // ::ffff:127.0.0.3 reaches the same socket as 127.0.0.3, so it matches an IPv4 range the same way.
        var normal = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var range in AllowedTargets)
        {
            if (range.Contains(normal))
            {
                return true;
            }
        }
        return false;
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return !(b[0] is 0 or 10 or 127 || b[0] >= 224 // this network, private, loopback, multicast and reserved
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254) // link-local
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) // IETF protocol assignments, TEST-NET-1
                || (b[0] == 198 && b[1] is 18 or 19) // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100) // TEST-NET-2
                || (b[0] == 203 && b[1] == 0 && b[2] == 113)); // TEST-NET-3
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
                || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) // documentation
                || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)); // NAT64: could reach any IPv4 address
        }
        return false;
    }
}
