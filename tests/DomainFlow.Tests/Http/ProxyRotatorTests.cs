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

    [Fact]
    public void A_member_failing_in_a_row_is_benched_for_a_while_and_comes_back()
    {
        var clock = new Support.ManualClock();
        var rotator = new ProxyRotator([(A, 1), (B, 1)], ProxyRotation.RoundRobin, clock);
        for (var i = 0; i < ProxyRotator.BenchAfterFailures; i++)
        {
            rotator.Report(A, proxyFailed: true);
        }

        var benched = Enumerable.Range(0, 4).Select(_ => rotator.Pick("x.test", [])).ToList();
        var retryOfB = rotator.Pick("x.test", [B]); // only the benched one is left untried: better it than nothing
        clock.Advance(ProxyRotator.BenchFor + TimeSpan.FromSeconds(1));
        var back = Enumerable.Range(0, 4).Select(_ => rotator.Pick("x.test", [])).ToList();

        Assert.Equal([B, B, B, B], benched);
        Assert.Equal(A, retryOfB);
        Assert.Equal(2, back.Count(p => p == A));
    }

    [Fact]
    public void A_success_resets_the_count_and_a_member_the_monitor_took_out_is_never_picked_while_another_is_usable()
    {
        var rotator = new ProxyRotator([(A, 1), (B, 1), (C, 1)], ProxyRotation.RoundRobin);
        rotator.Report(B, proxyFailed: true);
        rotator.Report(B, proxyFailed: true);
        rotator.Report(B, proxyFailed: false);
        rotator.Report(B, proxyFailed: true);
        rotator.SetUsable([true, true, false]);

        var picks = Enumerable.Range(0, 6).Select(_ => rotator.Pick("x.test", [])).ToList();
        var retry = rotator.Pick("x.test", [A, B]);

        Assert.Equal([A, B, A, A, B, A], picks); // C's turns go to the next usable member; B is not benched (two failures in a row)
        Assert.DoesNotContain(C, picks);
        Assert.NotEqual(C, retry);
    }
}
