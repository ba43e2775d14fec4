using DomainFlow.Core.Http;

namespace DomainFlow.Core.Proxies;

/// <summary>
/// Picks the proxy for each request of a pool by its rotation (thread-safe). A retry skips the members the request
/// already tried while others are left, so a retry after a proxy error goes through another proxy.
/// </summary>
public sealed class ProxyRotator
{
    private readonly (ProxyEndpoint Proxy, int Weight)[] _members;
    private readonly ProxyRotation _rotation;
    private readonly long[] _uses;
    private readonly int _totalWeight;
    private long _next = -1;

    public ProxyRotator(IReadOnlyList<(ProxyEndpoint Proxy, int Weight)> members, ProxyRotation rotation)
    {
        if (members.Count == 0)
        {
            throw new ArgumentException("A rotation needs at least one proxy.", nameof(members));
        }
        _members = [.. members];
        _rotation = rotation;
        _uses = new long[members.Count];
        _totalWeight = members.Sum(m => m.Weight);
    }

    public int Count => _members.Length;

    /// <summary>Requests sent through each member so far, in member order.</summary>
    public IReadOnlyList<long> Uses => [.. _uses.Select(u => Interlocked.Read(ref u))];

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
        // From the rotation's pick, walk on to the first member this request has not tried yet (if any is left).
        var index = first;
        for (var step = 0; step < _members.Length && tried.Contains(_members[index].Proxy); step++)
        {
            index = (index + 1) % _members.Length;
        }
        Interlocked.Increment(ref _uses[index]);
        return _members[index].Proxy;
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
