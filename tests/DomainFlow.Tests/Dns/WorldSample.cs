using DomainFlow.Core.Dns;
using DomainFlow.Server.Lab;
using DomainFlow.Testing.Dns;

namespace DomainFlow.Tests.Dns;

/// <summary>
/// Checks a DNS server against a <see cref="DnsWorld"/>'s truth over a sample of names that covers every kind:
/// candidates (existing and absent), CNAME hops, apexes, wildcard labels, names below names, names outside the world.
/// </summary>
internal static class WorldSample
{
    public static DnsWorld World(long names = 20_000) => new(new DnsWorldOptions { Seed = 11, NameCount = names });

    /// <summary>Every <paramref name="stride"/>th candidate, every hop of their chains, and names no enumeration yields.</summary>
    public static List<string> Names(DnsWorld world, int stride)
    {
        var names = new List<string>();
        for (long ordinal = 0; ordinal < world.NameCount; ordinal += stride)
        {
            var name = world.NameAt(ordinal);
            names.Add(name);
            names.AddRange(world.Lookup(name).Chain);
        }
        foreach (var zone in world.AllZones)
        {
            names.Add(zone);
            names.Add("no-such-label." + zone);
            names.Add("deeper.n0." + zone);
            names.Add($"n{world.NameCount}.{zone}");
        }
        names.Add("anything." + world.WildcardZone);
        names.Add("two.levels." + world.WildcardZone);
        names.Add("outside-the-world.invalid");
        return names;
    }

    /// <summary>The sample must hold every kind of name, or a passing check would prove less than it says.</summary>
    private static void AssertCoversEveryKind(DnsWorld world, IEnumerable<string> names)
    {
        var truths = names.Select(name => (Name: name, Truth: world.Lookup(name))).ToList();
        Assert.Equal(Enum.GetValues<DnsNameKind>().Order(), truths.Select(t => t.Truth.Kind).Distinct().Order());
        Assert.Contains(truths, t => t.Truth.Chain.Count == 3);
        Assert.Contains(truths, t => t.Truth.Chain.Count > 0 && t.Truth.Ipv4.Count == 2);
        // Chains that leave the head's zone, where an authoritative server stops and a resolver must ask again.
        Assert.Contains(truths, t => t.Truth.Chain.Any(hop => Zone(hop) != Zone(t.Name)));
    }

    /// <summary>Every name of the sample answers its truth for A, every fifth for AAAA too.</summary>
    public static void AssertServesTruth(LoopbackDnsClient client, DnsWorld world, IReadOnlyList<string> names, bool followAcrossZones)
    {
        AssertCoversEveryKind(world, names);
        for (var i = 0; i < names.Count; i++)
        {
            AssertAnswersTruth(client, world, names[i], DnsRecordType.A, followAcrossZones);
            if (i % 5 == 0)
            {
                AssertAnswersTruth(client, world, names[i], DnsRecordType.AAAA, followAcrossZones);
            }
        }
    }

    /// <summary>
    /// Queries <paramref name="name"/> and compares rcode, CNAME chain and addresses with the truth. An authoritative
    /// server (Knot) stops a chain at the edge of a zone; <paramref name="followAcrossZones"/> then asks for the rest,
    /// as a recursive resolver would.
    /// </summary>
    private static void AssertAnswersTruth(LoopbackDnsClient client, DnsWorld world, string name, DnsRecordType type, bool followAcrossZones)
    {
        var truth = world.Lookup(name);
        var first = Ask(client, name, type);
        var last = first;
        var chain = first.CnameTargets.ToList();
        while (followAcrossZones && chain.Count > 0 && last.Rcode == DnsRcode.NoError && last.CnameTargets.Any() && last.Data(type).Count == 0 && chain.Count < 8)
        {
            last = Ask(client, chain[^1], type);
            chain.AddRange(last.CnameTargets);
        }
        var expected = Describe(name, type, truth.Rcode, truth.Chain, truth.Addresses(type).Select(a => a.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(expected, Describe(name, type, first.Rcode, chain, last.Data(type)));
    }

    private static string Zone(string name) => name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..];

    private static DnsReply Ask(LoopbackDnsClient client, string name, DnsRecordType type) =>
        client.Query(name, type) ?? throw new Xunit.Sdk.XunitException($"No answer for {name} {type} from {client.Server}.");

    private static string Describe(string name, DnsRecordType type, DnsRcode rcode, IEnumerable<string> chain, IEnumerable<string> addresses) =>
        $"{name} {type}: {rcode} chain [{string.Join(" ", chain)}] addresses [{string.Join(" ", addresses)}]";
}
