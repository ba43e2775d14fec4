using System.Net;
using DomainFlow.Core.Generation;

namespace DomainFlow.Server.Lab;

/// <summary>
/// The loopback lab `domainflow demo` runs beside the server: a small generated <see cref="DnsWorld"/> answered by
/// <see cref="LabDnsServer"/> on <see cref="DnsAddress"/>, and every existing name's site (<see cref="WebWorld"/>: brand
/// pages, plain pages, parked pages, redirects, 404s) served over HTTP and HTTPS on <see cref="WebAddress"/>. The web
/// lab has an address of its own so the server's network guard can open exactly that one (and not, say, the server).
/// Ports are free ones chosen at each start; the world is the same every time, so a reused demo database still matches it.
/// </summary>
public sealed class DemoLab : IAsyncDisposable
{
    public static readonly IPAddress DnsAddress = IPAddress.Parse("127.0.0.2");

    public static readonly IPAddress WebAddress = IPAddress.Parse("127.0.0.3");

    /// <summary>
    /// Candidates n0…n99 spread over three zones under .test (reserved: no real site can be confused with one); every
    /// existing name resolves to the web lab, without IPv6-only, wildcard or big-TXT names, which the web lab cannot serve.
    /// </summary>
    public static DnsWorldOptions WorldOptions { get; } = new()
    {
        Seed = 2024,
        Zones = ["lab-alpha.test", "lab-beta.test", "lab-gamma.test"],
        NameCount = 100,
        ExistingFraction = 0.8,
        WildcardShare = 0,
        BigTextShare = 0,
        Ipv6OnlyShare = 0,
        WebAddress = WebAddress,
    };

    /// <summary>
    /// A pattern over the world's names: "n" + two digits under each zone, 300 names. A candidate exists only in its
    /// own zone (ordinal mod 3) and n00–n09 are not candidates at all, so most names answer NXDOMAIN, as generated names do.
    /// </summary>
    public static GenerationConfig Pattern { get; } = new()
    {
        Source = GenerationSource.Pattern,
        PatternType = PatternType.Suffix,
        Constant = "n",
        SuffixLength = 2,
        Charset = "0123456789",
        Tlds = WorldOptions.Zones,
        MaxDomains = 300,
    };

    private DemoLab(DnsWorld world, LabDnsServer dns, LabWebServer web)
    {
        World = world;
        Dns = dns;
        Web = web;
    }

    public DnsWorld World { get; }

    public LabDnsServer Dns { get; }

    public LabWebServer Web { get; }

    /// <summary>The ranges the HTTP phase may reach: the web lab's address and nothing else.</summary>
    public static IReadOnlyList<string> WebTargets => [$"{WebAddress}/32"];

    public static async Task<DemoLab> StartAsync()
    {
        var world = new DnsWorld(WorldOptions);
        var dns = LabDnsServer.Start(world, DnsAddress);
        try
        {
            var web = await LabWebServer.StartAsync(new Dictionary<string, LabSite>(), WebAddress, fallback: WebWorld.Site());
            return new DemoLab(world, dns, web);
        }
        catch
        {
            await dns.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Web.DisposeAsync();
        await Dns.DisposeAsync();
    }
}
