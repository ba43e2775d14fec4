using DomainFlow.Core.Http;
using DomainFlow.Core.Proxies;

namespace DomainFlow.Tests.Http;

public sealed class ProxyRotatorTests
{
    private static readonly ProxyEndpoint A = new(ProxyProtocol.Http, "127.0.0.1", 1);
    private static readonly ProxyEndpoint B = new(ProxyProtocol.Http, "127.0.0.1", 2);
    private static readonly ProxyEndpoint C = new(ProxyProtocol.Socks5, "127.0.0.1", 3);

    [Fact]
    public void Round_robin_cycles_and_a_retry_never_repeats_a_member_while_others_are_left()
    {
        var rotator = new ProxyRotator([(A, 1), (B, 1), (C, 1)], ProxyRotation.RoundRobin);

        Assert.Equal([A, B, C, A], Enumerable.Range(0, 4).Select(_ => rotator.Pick("x.test", [])));
        Assert.Equal(C, rotator.Pick("x.test", [B])); // the rotation says B, already tried: the next one
        Assert.Equal(C, rotator.Pick("x.test", [A, B, C])); // every member tried: the rotation's own pick, C next
    }

    [Fact]
    public void Weighted_follows_the_weights_least_used_evens_out_and_sticky_keeps_a_domain_on_one_member()
    {
        var weighted = new ProxyRotator([(A, 1), (B, 9)], ProxyRotation.Weighted);
        var least = new ProxyRotator([(A, 1), (B, 1), (C, 1)], ProxyRotation.LeastUsed);
        var sticky = new ProxyRotator([(A, 1), (B, 1), (C, 1)], ProxyRotation.StickyPerDomain);

        var heavy = Enumerable.Range(0, 10_000).Count(_ => weighted.Pick("x.test", []) == B);
        for (var i = 0; i < 300; i++)
        {
            least.Pick("x.test", []);
        }

        Assert.InRange(heavy, 8_600, 9_400);
        Assert.Equal([100L, 100L, 100L], least.Uses);
        Assert.Single(Enumerable.Range(0, 20).Select(_ => sticky.Pick("shop.example.test", [])).Distinct());
        Assert.True(Enumerable.Range(0, 50).Select(i => sticky.Pick($"site{i}.test", [])).Distinct().Count() > 1);
    }
}
