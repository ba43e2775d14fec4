using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using DomainFlow.Core.Dns;

namespace DomainFlow.Server.Lab;

/// <summary>
/// A deterministic generated world of domain names for the loopback lab (tests, benchmarks, <c>domainflow demo</c>).
/// Candidate name <c>n{ordinal}.{zone}</c> takes the zones in turn; a seeded hash of the ordinal decides whether it
/// exists and what it holds, so the truth about any name is computed from the name itself and nothing is stored:
/// a million-name world costs no memory until its zone files are streamed out (<see cref="WriteZoneFiles"/>).
/// CNAME targets are <c>n{ordinal}x{hop}.{zone}</c>, in the head's zone or another one.
/// </summary>
public sealed class DnsWorld
{
    private const int MaxChain = 3;
    private const ulong SaltExists = 1, SaltKind = 2, SaltChain = 3, SaltIpv4 = 4, SaltIpv6 = 5, SaltHop = 16;
    private static readonly IReadOnlyList<IPAddress> NoAddresses = [];
    private static readonly DnsTruth AbsentTruth = new(DnsNameKind.Absent, DnsRcode.NxDomain, [], NoAddresses, NoAddresses, null);
    private static readonly DnsTruth OutsideTruth = new(DnsNameKind.Outside, DnsRcode.Refused, [], NoAddresses, NoAddresses, null);
    private static readonly DnsTruth ApexTruth = new(DnsNameKind.Apex, DnsRcode.NoError, [], NoAddresses, NoAddresses, null);

    private readonly string[] _zones;
    private readonly string[] _allZones;
    private readonly string[] _zoneSuffixes;
    private readonly string _wildcardSuffix;
    private readonly ulong _seedKey;
    private readonly double[] _kindBounds;
    private readonly DnsTruth _wildcardTruth;

    public DnsWorld(DnsWorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _zones = [.. options.Zones.Select(Normalize)];
        WildcardZone = Normalize(options.WildcardZone ?? "wild." + _zones.FirstOrDefault("lab.test").Split('.')[^1]);
        _allZones = [.. _zones, WildcardZone];
        Validate(options, _allZones);
        _zoneSuffixes = [.. _zones.Select(zone => "." + zone)];
        _wildcardSuffix = "." + WildcardZone;
        _seedKey = Mix((ulong)(uint)options.Seed);
        var cname = options.CnameShare;
        var wildcard = cname + options.WildcardShare;
        var bigText = wildcard + options.BigTextShare;
        _kindBounds = [cname, wildcard, bigText, bigText + options.Ipv6OnlyShare];
        BigText = string.Concat(Enumerable.Repeat("domainflow-lab-padding-", options.BigTextLength / 23 + 1))[..options.BigTextLength];
        _wildcardTruth = new DnsTruth(DnsNameKind.Wildcard, DnsRcode.NoError, [], [WildcardAddress], NoAddresses, null);
    }

    public DnsWorldOptions Options { get; }

    public IReadOnlyList<string> Zones => _zones;

    public string WildcardZone { get; }

    /// <summary>Every zone a server of this world is authoritative for: <see cref="Zones"/> and the wildcard zone.</summary>
    public IReadOnlyList<string> AllZones => _allZones;

    public IPAddress WildcardAddress { get; } = IPAddress.Parse("127.7.7.7");

    public long NameCount => Options.NameCount;

    /// <summary>The one TXT text of every <see cref="DnsNameKind.BigText"/> name (shared: it costs memory once).</summary>
    public string BigText { get; }

    /// <summary>Candidate name number <paramref name="ordinal"/>: existing and absent ones alike, in no zone order.</summary>
    public string NameAt(long ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, NameCount);
        var zone = KindOf(ordinal) == DnsNameKind.Wildcard ? WildcardZone : _zones[ordinal % _zones.Length];
        return string.Create(CultureInfo.InvariantCulture, $"n{ordinal}.{zone}");
    }

    /// <summary>All candidate names in ordinal order, generated as they are read.</summary>
    public IEnumerable<string> Names()
    {
        for (long ordinal = 0; ordinal < NameCount; ordinal++)
        {
            yield return NameAt(ordinal);
        }
    }

    /// <summary>The truth about any name (any case, trailing dot or not), whether or not it is a candidate.</summary>
    public DnsTruth Lookup(string name)
    {
        var normal = Normalize(name);
        if (normal == WildcardZone)
        {
            return ApexTruth;
        }
        if (normal.EndsWith(_wildcardSuffix, StringComparison.Ordinal))
        {
            return _wildcardTruth;
        }
        for (var zone = 0; zone < _zones.Length; zone++)
        {
            if (normal == _zones[zone])
            {
                return ApexTruth;
            }
            if (normal.EndsWith(_zoneSuffixes[zone], StringComparison.Ordinal))
            {
                return Below(normal.AsSpan(0, normal.Length - _zoneSuffixes[zone].Length), zone);
            }
        }
        return OutsideTruth;
    }

    /// <summary>Writes one RFC 1035 zone file per zone of <see cref="AllZones"/> into <paramref name="directory"/>, streaming.</summary>
    public IReadOnlyList<DnsZoneFile> WriteZoneFiles(string directory) => DnsZoneFiles.Write(this, directory);

    /// <summary>The index in <see cref="AllZones"/> of the zone holding <paramref name="name"/>, or -1.</summary>
    internal int ZoneIndexOf(string name)
    {
        var normal = Normalize(name);
        for (var zone = 0; zone < _zones.Length; zone++)
        {
            if (normal == _zones[zone] || normal.EndsWith(_zoneSuffixes[zone], StringComparison.Ordinal))
            {
                return zone;
            }
        }
        return normal == WildcardZone || normal.EndsWith(_wildcardSuffix, StringComparison.Ordinal) ? _zones.Length : -1;
    }

    private DnsTruth Below(ReadOnlySpan<char> label, int zone)
    {
        if (!TryParseLabel(label, out var ordinal, out var hop) || ordinal >= NameCount)
        {
            return AbsentTruth;
        }
        var kind = KindOf(ordinal);
        if (hop == 0)
        {
            // A wildcard-kind ordinal's candidate lives under the wildcard zone, not here.
            return kind is DnsNameKind.Absent or DnsNameKind.Wildcard || ordinal % _zones.Length != zone ? AbsentTruth : Existing(ordinal, kind, 0);
        }
        return kind == DnsNameKind.CnameChain && hop <= ChainLength(ordinal) && HopZone(ordinal, hop) == zone ? Existing(ordinal, kind, hop) : AbsentTruth;
    }

    private DnsTruth Existing(long ordinal, DnsNameKind kind, int hop)
    {
        if (kind == DnsNameKind.CnameChain)
        {
            var length = ChainLength(ordinal);
            var chain = new string[length - hop];
            for (var next = hop + 1; next <= length; next++)
            {
                chain[next - hop - 1] = string.Create(CultureInfo.InvariantCulture, $"n{ordinal}x{next}.{_zones[HopZone(ordinal, next)]}");
            }
            return new DnsTruth(hop == length ? DnsNameKind.Address : kind, DnsRcode.NoError, chain, Ipv4(ordinal), Ipv6(ordinal, kind), null);
        }
        var ipv4 = kind == DnsNameKind.Ipv6Only ? NoAddresses : Ipv4(ordinal);
        return new DnsTruth(kind, DnsRcode.NoError, [], ipv4, Ipv6(ordinal, kind), kind == DnsNameKind.BigText ? BigText : null);
    }

    private DnsNameKind KindOf(long ordinal)
    {
        if (Unit(Hash(ordinal, SaltExists)) >= Options.ExistingFraction)
        {
            return DnsNameKind.Absent;
        }
        var u = Unit(Hash(ordinal, SaltKind));
        return u < _kindBounds[0] ? DnsNameKind.CnameChain
            : u < _kindBounds[1] ? DnsNameKind.Wildcard
            : u < _kindBounds[2] ? DnsNameKind.BigText
            : u < _kindBounds[3] ? DnsNameKind.Ipv6Only
            : DnsNameKind.Address;
    }

    private int ChainLength(long ordinal) => 1 + (int)(Hash(ordinal, SaltChain) % MaxChain);

    /// <summary>Half the hops stay in the head's zone (Knot answers those in one response), half may cross zones.</summary>
    private int HopZone(long ordinal, int hop)
    {
        var h = Hash(ordinal, SaltHop + (ulong)hop);
        return (h & 1) == 0 ? (int)(ordinal % _zones.Length) : (int)((h >> 1) % (ulong)_zones.Length);
    }

    /// <summary>One A record, two for a quarter of the names; in 127.16.0.0 – 127.255.255.255 so the lab can serve them.</summary>
    private IReadOnlyList<IPAddress> Ipv4(long ordinal)
    {
        if (Options.WebAddress is { } web)
        {
            return [web];
        }
        var h = Hash(ordinal, SaltIpv4);
        var second = (byte)(16 + (h >> 8) % 240);
        var third = (byte)(h >> 16);
        var last = (byte)(1 + (h >> 24) % 254);
        var first = new IPAddress([127, second, third, last]);
        return (h & 3) != 0 ? [first] : [first, new IPAddress([127, second, third, (byte)(last == 254 ? 1 : last + 1)])];
    }

    /// <summary>An AAAA record in 2001:db8::/32 (documentation) for half the names, always for IPv6-only ones.</summary>
    private IReadOnlyList<IPAddress> Ipv6(long ordinal, DnsNameKind kind)
    {
        if (Options.WebAddress is not null)
        {
            return NoAddresses;
        }
        var h = Hash(ordinal, SaltIpv6);
        if (kind != DnsNameKind.Ipv6Only && (h & 1) == 0)
        {
            return NoAddresses;
        }
        var bytes = new byte[16];
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = 0xb8;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), (uint)(h >> 8));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(12), (uint)(h >> 32) | 1);
        return [new IPAddress(bytes)];
    }

    /// <summary>Reads <c>n{ordinal}</c> or <c>n{ordinal}x{hop}</c> in canonical form only, so each name has one ordinal.</summary>
    private static bool TryParseLabel(ReadOnlySpan<char> label, out long ordinal, out int hop)
    {
        ordinal = 0;
        hop = 0;
        if (label.Length < 2 || label[0] != 'n')
        {
            return false;
        }
        var x = label.IndexOf('x');
        var digits = x < 0 ? label[1..] : label[1..x];
        if (digits.Length is 0 or > 18 || (digits.Length > 1 && digits[0] == '0') || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out ordinal))
        {
            return false;
        }
        if (x < 0)
        {
            return true;
        }
        var rest = label[(x + 1)..];
        if (rest.Length != 1 || rest[0] is < '1' or > (char)('0' + MaxChain))
        {
            return false;
        }
        hop = rest[0] - '0';
        return true;
    }

    private ulong Hash(long ordinal, ulong salt) => Mix(Mix((ulong)ordinal ^ _seedKey) ^ (salt * 0x9E3779B97F4A7C15UL));

    /// <summary>The SplitMix64 finaliser: neighbouring ordinals get unrelated hashes.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    private static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();

    private static void Validate(DnsWorldOptions options, string[] all)
    {
        if (all.Length < 2 || all.Any(zone => zone.Length == 0))
        {
            throw new ArgumentException("A world needs at least one zone, and no empty zone name.", nameof(options));
        }
        // Nested zones would make the one-label-below rule and the zone files disagree.
        if (all.Any(a => all.Count(b => b == a || b.EndsWith("." + a, StringComparison.Ordinal)) > 1))
        {
            throw new ArgumentException($"Zones must be distinct and not nested: {string.Join(", ", all)}.", nameof(options));
        }
        double[] shares = [options.CnameShare, options.WildcardShare, options.BigTextShare, options.Ipv6OnlyShare];
        if (options.NameCount < 0 || options.ExistingFraction is < 0 or > 1 || shares.Any(share => share < 0) || shares.Sum() > 1 || options.BigTextLength is < 1 or > 16_000)
        {
            throw new ArgumentException("NameCount must be >= 0, ExistingFraction and each share and their sum in 0..1, BigTextLength in 1..16000.", nameof(options));
        }
    }
}
