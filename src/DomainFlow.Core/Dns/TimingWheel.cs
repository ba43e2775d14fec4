namespace DomainFlow.Core.Dns;

/// <summary>
/// Query deadlines without a timer, task or CancellationTokenSource per query: slots hang in per-tick buckets
/// (intrusive doubly linked lists over preallocated arrays), and one sweep per tick collects the expired ones.
/// Not thread-safe: the resolver calls it under its table lock.
/// </summary>
internal sealed class TimingWheel
{
    private readonly int[] _heads;
    private readonly int[] _next;
    private readonly int[] _prev;
    private readonly long[] _deadline;
    private readonly bool[] _queued;
    private long _swept;

    public TimingWheel(int slots, int buckets, long startTick)
    {
        _heads = new int[buckets];
        Array.Fill(_heads, -1);
        _next = new int[slots];
        _prev = new int[slots];
        _deadline = new long[slots];
        _queued = new bool[slots];
        _swept = startTick;
    }

    public void Add(int slot, long deadlineTick)
    {
        // A deadline at or before the last sweep would sit a whole revolution: make it due at the next sweep.
        deadlineTick = Math.Max(deadlineTick, _swept + 1);
        var bucket = (int)(deadlineTick % _heads.Length);
        _deadline[slot] = deadlineTick;
        _prev[slot] = -1;
        _next[slot] = _heads[bucket];
        if (_heads[bucket] >= 0)
        {
            _prev[_heads[bucket]] = slot;
        }
        _heads[bucket] = slot;
        _queued[slot] = true;
    }

    public void Remove(int slot)
    {
        if (!_queued[slot])
        {
            return;
        }
        var bucket = (int)(_deadline[slot] % _heads.Length);
        if (_prev[slot] >= 0)
        {
            _next[_prev[slot]] = _next[slot];
        }
        else
        {
            _heads[bucket] = _next[slot];
        }
        if (_next[slot] >= 0)
        {
            _prev[_next[slot]] = _prev[slot];
        }
        _queued[slot] = false;
    }

    /// <summary>Removes and reports every slot whose deadline is at or before <paramref name="nowTick"/>.</summary>
    public void Expire(long nowTick, List<int> expired)
    {
        var from = Math.Max(_swept + 1, nowTick - _heads.Length + 1);
        for (var tick = from; tick <= nowTick; tick++)
        {
            var slot = _heads[(int)(tick % _heads.Length)];
            while (slot >= 0)
            {
                var next = _next[slot];
                if (_deadline[slot] <= nowTick)
                {
                    Remove(slot);
                    expired.Add(slot);
                }
                slot = next;
            }
        }
        _swept = Math.Max(_swept, nowTick);
    }
}
