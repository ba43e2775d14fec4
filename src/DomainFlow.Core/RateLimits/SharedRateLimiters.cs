namespace DomainFlow.Core.RateLimits;

/// <summary>
/// Rate limiters shared by every engine of this process that names the same scope (a persona's id). Each worker of a
/// node runs its own resolver or prober; a persona's "1,000 queries/s" must cap them together, not each of them. A
/// limiter lives while some engine holds it and is disposed with its last handle. Without a scope (the command line,
/// a one-off test) the handle owns a private limiter.
/// </summary>
public static class SharedRateLimiters
{
    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal);

    /// <param name="scope">Who shares (e.g. <c>dns:{personaId}</c>), or null for a private limiter.</param>
    /// <param name="key">Which limiter of the scope, including its rate, so an edited persona starts a fresh bucket.</param>
    public static Shared<T> Acquire<T>(string? scope, string key, Func<T> create)
        where T : class, IDisposable
    {
        if (scope is null)
        {
            return new Shared<T>(create(), release: null);
        }
        var fullKey = $"{scope}|{key}";
        lock (Entries)
        {
            if (!Entries.TryGetValue(fullKey, out var entry))
            {
                entry = new Entry(create());
                Entries[fullKey] = entry;
            }
            entry.Holders++;
            return new Shared<T>((T)entry.Limiter, () => Release(fullKey));
        }
    }

    /// <summary>How many engines hold the scope's limiter named by <paramref name="key"/>; 0 once it was disposed.</summary>
    public static int Holders(string scope, string key)
    {
        lock (Entries)
        {
            return Entries.TryGetValue($"{scope}|{key}", out var entry) ? entry.Holders : 0;
        }
    }

    private static void Release(string fullKey)
    {
        lock (Entries)
        {
            var entry = Entries[fullKey];
            if (--entry.Holders == 0)
            {
                Entries.Remove(fullKey);
                entry.Limiter.Dispose();
            }
        }
    }

    private sealed class Entry(IDisposable limiter)
    {
        public IDisposable Limiter { get; } = limiter;

        public int Holders;
    }
}

/// <summary>A handle on a limiter that may be shared: disposing it releases this holder's share, once.</summary>
public sealed class Shared<T>(T value, Action? release) : IDisposable
    where T : class, IDisposable
{
    private int _disposed;

    public T Value { get; } = value;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        if (release is null)
        {
            Value.Dispose();
        }
        else
        {
            release();
        }
    }
}
