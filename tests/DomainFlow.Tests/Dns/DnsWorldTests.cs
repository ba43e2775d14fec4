using DomainFlow.Server.Lab;

namespace DomainFlow.Tests.Dns;

public sealed class DnsWorldTests
{
    [Fact]
    public void The_same_seed_tells_the_same_truth_and_another_seed_another()
    {
        var options = new DnsWorldOptions { Seed = 5, NameCount = 1_000 };
        var one = new DnsWorld(options);
        var again = new DnsWorld(options);
        var other = new DnsWorld(options with { Seed = 6 });

        static string Everything(DnsWorld world) => string.Join('\n', world.Names().Select(name => name + " " + Describe(world.Lookup(name))));

        Assert.Equal(Everything(one), Everything(again));
        Assert.NotEqual(Everything(one), Everything(other));
    }

    [Fact]
    public void The_existing_fraction_and_the_shares_of_special_names_hold_over_many_names()
    {
        var world = new DnsWorld(new DnsWorldOptions { NameCount = 100_000, ExistingFraction = 0.4 });

        var kinds = world.Names().Select(name => world.Lookup(name).Kind).CountBy(kind => kind).ToDictionary();

        Assert.InRange(kinds[DnsNameKind.Absent], 59_000, 61_000);
        Assert.InRange(kinds[DnsNameKind.CnameChain], 40_000 * 0.05 * 0.9, 40_000 * 0.05 * 1.1);
        Assert.InRange(kinds[DnsNameKind.Wildcard], 40_000 * 0.02 * 0.85, 40_000 * 0.02 * 1.15);
        Assert.InRange(kinds[DnsNameKind.BigText], 40_000 * 0.01 * 0.8, 40_000 * 0.01 * 1.2);
    }

    [Fact]
    public void A_million_name_world_costs_no_memory_until_its_zone_files_are_written()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var world = new DnsWorld(new DnsWorldOptions { NameCount = 1_000_000 });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, 0, 64 * 1024);
        Assert.NotEqual(DnsNameKind.Outside, world.Lookup(world.NameAt(999_999)).Kind);
    }

    [Fact]
    public void Names_are_read_in_any_case_and_only_in_their_canonical_spelling()
    {
        var world = new DnsWorld(new DnsWorldOptions { NameCount = 100 });
        var name = world.Names().First(n => world.Lookup(n).Kind == DnsNameKind.Address);
        var zone = name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var ordinal = name[1..name.IndexOf('.', StringComparison.Ordinal)];

        Assert.Equal(Describe(world.Lookup(name)), Describe(world.Lookup(name.ToUpperInvariant() + ".")));
        Assert.Equal(DnsNameKind.Absent, world.Lookup($"n0{ordinal}.{zone}").Kind);
        Assert.Equal(DnsNameKind.Absent, world.Lookup($"n{ordinal}x1.{zone}").Kind);
        Assert.Equal(DnsNameKind.Outside, world.Lookup("n1.example.invalid").Kind);
    }

    [Fact]
    public void Zones_must_be_distinct_and_not_nested()
    {
        Assert.Throws<ArgumentException>(() => new DnsWorld(new DnsWorldOptions { Zones = ["lab.com", "a.lab.com"] }));
        Assert.Throws<ArgumentException>(() => new DnsWorld(new DnsWorldOptions { Zones = ["lab.com", "LAB.com."] }));
        Assert.Throws<ArgumentException>(() => new DnsWorld(new DnsWorldOptions { Zones = ["x.wild.com"] }));
    }

    private static string Describe(DnsTruth truth) =>
        $"{truth.Kind} {truth.Rcode} [{string.Join(',', truth.Chain)}] [{string.Join(',', truth.Ipv4.Concat(truth.Ipv6))}] {truth.Text?.Length}";
}
