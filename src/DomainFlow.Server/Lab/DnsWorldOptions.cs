namespace DomainFlow.Server.Lab;

/// <summary>
/// The shape of a generated <see cref="DnsWorld"/>. The shares of special names are fractions of the existing
/// names; what is left of the existing names are plain address names.
/// </summary>
public sealed record DnsWorldOptions
{
    /// <summary>Same seed and options, same world: tests and benchmarks can regenerate the truth instead of storing it.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Zone apexes; candidate names are one label below them, spread over the zones in turn.</summary>
    public IReadOnlyList<string> Zones { get; init; } = ["alpha-lab.com", "beta-lab.net", "gamma-lab.com"];

    /// <summary>How many candidate names <see cref="DnsWorld.NameAt"/> enumerates (existing and absent).</summary>
    public long NameCount { get; init; } = 10_000;

    /// <summary>The share of candidate names that exist; the rest answer NXDOMAIN.</summary>
    public double ExistingFraction { get; init; } = 0.6;

    /// <summary>The zone whose <c>*</c> record answers any name below it; by default <c>wild.</c> + the first zone's TLD.</summary>
    public string? WildcardZone { get; init; }

    public double CnameShare { get; init; } = 0.05;

    public double WildcardShare { get; init; } = 0.02;

    public double BigTextShare { get; init; } = 0.01;

    /// <summary>Names with only an AAAA record: an A query for them is answered NOERROR with no data.</summary>
    public double Ipv6OnlyShare { get; init; } = 0.03;

    /// <summary>Larger than the 1232-byte EDNS size most resolvers use, so the TXT answer never fits a UDP reply.</summary>
    public int BigTextLength { get; init; } = 2000;

    /// <summary>
    /// When set, every existing name has this one IPv4 address and no IPv6 address: the web lab listens there, so the
    /// HTTP phase can reach every site of the world (and no probe goes to a documentation-range IPv6 address).
    /// </summary>
    public System.Net.IPAddress? WebAddress { get; init; }
}
