using DomainFlow.Core.Http;

namespace DomainFlow.Core.Proxies;

/// <summary>
/// Picks the proxy for each request of a pool by its rotation (thread-safe). A retry skips the members the request
/// already tried while others are left, so a retry after a proxy error goes through another proxy. Members leave the
/// rotation while the health monitor says they are unusable (<see cref="SetUsable"/>) and, between its checks, after
/// <see cref="BenchAfterFailures"/> failed requests in a row (for <see cref="BenchFor"/>): a proxy that died mid-run
/// stops costing every request a retry. When every usable member is benched, the rotation uses them anyway rather than stall.
/// </summary>
public sealed class ProxyRotator
{
    public const int BenchAfterFailures = 3;

    public static readonly TimeSpan BenchFor = TimeSpan.FromSeconds(30);

    private readonly (ProxyEndpoint Proxy, int Weight)[] _members;
    private readonly ProxyRotation _rotation;
    private readonly TimeProvider _clock;
    private readonly long[] _uses;
    private readonly int[] _failuresInARow;
    private readonly long[] _benchedUntil; // Unix ms
    private readonly int _totalWeight;
    private volatile bool[] _usable;
    private long _next = -1;

    public ProxyRotator(IReadOnlyList<(ProxyEndpoint Proxy, int Weight)> members, ProxyRotation rotation, TimeProvider? clock = null)
    {
        if (members.Count == 0)
        {
            throw new ArgumentException("A rotation needs at least one proxy.", nameof(members));
        }
        _members = [.. members];
        _rotation = rotation;
        _clock = clock ?? TimeProvider.System;
        _uses = new long[members.Count];
        _failuresInARow = new int[members.Count];
        _benchedUntil = new long[members.Count];
        _usable = [.. members.Select(_ => true)];
        _totalWeight = members.Sum(m => m.Weight);
    }

    public int Count => _members.Length;

    /// <summary>Requests sent through each member so far, in member order.</summary>
    public IReadOnlyList<long> Uses => [.. _uses.Select(u => Interlocked.Read(ref u))];

    /// <summary>Which members the health monitor currently allows, in member order (refreshed by the phase per batch).</summary>
    public void SetUsable(IReadOnlyList<bool> usable)
    {
        if (usable.Count != _members.Length)
        {
            throw new ArgumentException($"Expected {_members.Length} flags, one per member.", nameof(usable));
        }
        _usable = [.. usable];
    }

    /// <summary>The proxy for the next attempt of the request for <paramref name="domain"/>, avoiding <paramref name="tried"/>.</summary>
    public ProxyEndpoint Pick(string domain, IReadOnlyCollection<ProxyEndpoint> tried)
    {
        var first = _rotation switch
        {
            ProxyRotation.Random => Random.Shared.Next(_members.Length),
            ProxyRotation.Weighted => Weighted(Random.Shared.Next(_totalWeight)),
            ProxyRotation.LeastUsed => LeastUsed(),
            ProxyRotation.StickyPerDomain => (int)((uint)StringComparer.OrdinalIgnoreCase.GetHashCode(domain) % (uint)_members.Length),
            _ => (int)(Interlocked.Increment(ref _next) % _members.Length),
        };
        // From the rotation's pick, walk on to the first usable member neither benched nor tried by this request;
        // failing that, a usable one not tried (benched or not); then any usable one. A member the monitor or the
        // user took out is never used while another is usable.
        var usable = _usable;
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var index = Walk(first, i => usable[i] && Interlocked.Read(ref _benchedUntil[i]) <= now && !tried.Contains(_members[i].Proxy))
            ?? Walk(first, i => usable[i] && !tried.Contains(_members[i].Proxy))
            ?? Walk(first, i => usable[i])
            ?? first;
        Interlocked.Increment(ref _uses[index]);
        return _members[index].Proxy;
    }

    /// <summary>What a request through <paramref name="proxy"/> (as picked) showed: a proxy failure, or a working tunnel.</summary>
    public void Report(ProxyEndpoint proxy, bool proxyFailed)
    {
        var i = Array.FindIndex(_members, m => ReferenceEquals(m.Proxy, proxy));
        if (i < 0)
        {
            return;
        }
        if (!proxyFailed)
        {
            Interlocked.Exchange(ref _failuresInARow[i], 0);
            return;
        }
        if (Interlocked.Increment(ref _failuresInARow[i]) >= BenchAfterFailures)
        {
            Interlocked.Exchange(ref _failuresInARow[i], 0);
            Interlocked.Exchange(ref _benchedUntil[i], _clock.GetUtcNow().ToUnixTimeMilliseconds() + (long)BenchFor.TotalMilliseconds);
        }
    }

    private int? Walk(int first, Func<int, bool> acceptable)
    {
        for (var step = 0; step < _members.Length; step++)
        {
            var index = (first + step) % _members.Length;
            if (acceptable(index))
            {
                return index;
            }
        }
        return null;
    }

    private int Weighted(int ticket)
    {
        for (var i = 0; i < _members.Length; i++)
        {
            ticket -= _members[i].Weight;
            if (ticket < 0)
            {
                return i;
            }
        }
        return _members.Length - 1;
    }

    private int LeastUsed()
    {
        var best = 0;
        for (var i = 1; i < _members.Length; i++)
        {
            if (Interlocked.Read(ref _uses[i]) < Interlocked.Read(ref _uses[best]))
            {
                best = i;
            }
        }
        return best;
    }
}
