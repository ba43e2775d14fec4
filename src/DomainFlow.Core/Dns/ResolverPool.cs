using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using DomainFlow.Core.RateLimits;

namespace DomainFlow.Core.Dns;

/// <summary>
/// The resolvers of one run: who gets the next query (strategy, health, rate caps) and their statistics.
/// A resolver that fails <see cref="BulkResolverOptions.BenchAfterFailures"/> times in a row sits out for a while
/// (doubling while it keeps failing) and comes back; when every resolver is benched the least recently benched
/// one is used anyway, so a run never stalls.
/// </summary>
internal sealed class ResolverPool : IDisposable
{
    internal sealed class Member(ResolverEndpoint endpoint, Shared<TokenBucketRateLimiter>? limiter)
    {
        public ResolverEndpoint Endpoint { get; } = endpoint;
        public SocketAddress Address { get; } = endpoint.EndPoint.Serialize();

        /// <summary>The address as a datagram's source reads (the platform's sockaddr layout), to match answers against.</summary>
        public byte[] AddressBytes { get; } = endpoint.EndPoint.Serialize() is var a ? a.Buffer.Span[..a.Size].ToArray() : [];
        public AddressFamily Family => Endpoint.EndPoint.AddressFamily;
        public Shared<TokenBucketRateLimiter>? Limiter { get; } = limiter;
        public long Sent;
        public long Answered;
        public long Timeouts;
        public long ServFail;
        public long Refused;
        public long Truncated;
        public double RttSumMs;
        public int ConsecutiveFailures;
        public int Benchings;
        public long BenchedUntilMs;
    }

    private readonly Member[] _members;
    private readonly BulkResolverOptions _options;
    private readonly int _totalWeight;
    private int _next;

    public ResolverPool(BulkResolverOptions options)
    {
        _options = options;
        _members = options.Resolvers.Select(r => new Member(r, options.PerResolverRate is { } rate
            ? SharedRateLimiters.Acquire(options.RateScope, $"dns-resolver:{r}:{rate.PerSecond}/{rate.EffectiveBurst}", () => Limiter(rate))
            : null)).ToArray();
        _totalWeight = _members.Sum(m => m.Endpoint.Weight);
    }

    public IReadOnlyList<Member> Members => _members;

    /// <summary>A token bucket refilled every 10 ms (or once per query below 100 q/s) so the cap holds over short spans too.</summary>
    public static TokenBucketRateLimiter Limiter(RateLimit rate) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = rate.EffectiveBurst,
        TokensPerPeriod = rate.PerSecond >= 100 ? rate.PerSecond / 100 : 1,
        ReplenishmentPeriod = rate.PerSecond >= 100 ? TimeSpan.FromMilliseconds(10) : TimeSpan.FromSeconds(1.0 / rate.PerSecond),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    /// <summary>The resolver for the next query, avoiding <paramref name="avoid"/> when another one is available; -1 when every usable one is at its rate cap.</summary>
    public int Pick(int avoid, long nowMs)
    {
        var healthy = 0;
        for (var i = 0; i < _members.Length; i++)
        {
            if (_members[i].BenchedUntilMs <= nowMs && i != avoid)
            {
                healthy++;
            }
        }
        if (healthy == 0)
        {
            // Everything else is benched: the avoided one, or else whichever comes back first.
            var fallback = avoid >= 0 && _members[avoid].BenchedUntilMs <= nowMs ? avoid : Array.IndexOf(_members, _members.MinBy(m => m.BenchedUntilMs));
            return Acquire(fallback) ? fallback : -1;
        }
        for (var tries = 0; tries < _members.Length; tries++)
        {
            var candidate = Candidate(avoid, nowMs);
            if (candidate >= 0 && Acquire(candidate))
            {
                return candidate;
            }
        }
        return -1;
    }

    private int Candidate(int avoid, long nowMs)
    {
        bool Usable(int i) => i != avoid && _members[i].BenchedUntilMs <= nowMs;
        switch (_options.Strategy)
        {
            case ResolverStrategy.SequentialFailover:
                for (var i = 0; i < _members.Length; i++)
                {
                    if (Usable(i))
                    {
                        return i;
                    }
                }
                return -1;
            case ResolverStrategy.Random:
            case ResolverStrategy.Weighted:
                for (var attempt = 0; attempt < 8; attempt++)
                {
                    var pick = _options.Strategy == ResolverStrategy.Random ? System.Random.Shared.Next(_members.Length) : WeightedPick();
                    if (Usable(pick))
                    {
                        return pick;
                    }
                }
                goto default;
            default:
                for (var step = 0; step < _members.Length; step++)
                {
                    var i = _next++ % _members.Length;
                    if (Usable(i))
                    {
                        return i;
                    }
                }
                return -1;
        }
    }

    private int WeightedPick()
    {
        var ticket = System.Random.Shared.Next(_totalWeight);
        for (var i = 0; i < _members.Length; i++)
        {
            ticket -= _members[i].Endpoint.Weight;
            if (ticket < 0)
            {
                return i;
            }
        }
        return _members.Length - 1;
    }

    private bool Acquire(int i)
    {
        if (i < 0)
        {
            return false;
        }
        if (_members[i].Limiter is not { } limiter)
        {
            return true;
        }
        using var lease = limiter.Value.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Answered(int i, double rttMs)
    {
        var m = _members[i];
        m.Answered++;
        m.RttSumMs += rttMs;
        m.ConsecutiveFailures = 0;
        m.Benchings = 0;
    }

    public void Failed(int i, long nowMs)
    {
        var m = _members[i];
        if (++m.ConsecutiveFailures >= _options.BenchAfterFailures)
        {
            var factor = 1L << Math.Min(m.Benchings, 4);
            m.BenchedUntilMs = nowMs + (long)_options.BenchFor.TotalMilliseconds * factor;
            m.Benchings++;
            m.ConsecutiveFailures = 0;
        }
    }

    public IReadOnlyList<ResolverStatistics> Snapshot(long nowMs) => _members
        .Select(m => new ResolverStatistics(m.Endpoint.ToString(), m.Sent, m.Answered, m.Timeouts, m.ServFail, m.Refused, m.Truncated,
            m.Answered == 0 ? 0 : Math.Round(m.RttSumMs / m.Answered, 2), m.BenchedUntilMs > nowMs))
        .ToList();

    public void Dispose()
    {
        foreach (var m in _members)
        {
            m.Limiter?.Dispose();
        }
    }
}
