namespace DomainFlow.Core.Dns;

/// <summary>
/// How many queries may be in flight: fixed, or adaptive in the manner of TCP Reno. The adaptive window doubles per
/// round trip until the first loss (slow start), then grows by one per window of answers; a loss halves the window
/// it was sent under, once per window (losses of queries sent before the cut do not cut again).
/// </summary>
/// <remarks>
/// Losses are seen long before the query's timeout: a query still unanswered well past the round-trip times seen
/// (srtt + 4 rttvar, as RFC 6298 computes them, within [<see cref="MinLossAfterMs"/>, timeout / 2]) is taken as lost
/// for flow control, while the query itself keeps waiting for its real timeout and retry. Answer delay alone cannot
/// steer the window: a server with a shallow receive buffer (Knot's default ~210 KB) drops queries before its queue
/// delays them noticeably, so answered queries look fast while the overflow is lost.
/// </remarks>
internal sealed class AdaptiveWindow
{
    private const int Initial = 64;
    private const int Floor = 16;

    /// <summary>Below this a late answer is not taken as lost: the loop's tick and scheduling jitter are of that order.</summary>
    private const double MinLossAfterMs = 10;

    /// <summary>RFC 3742's max_ssthresh: above it slow start adds at most half of it per round trip, so it overshoots less before the first loss is seen.</summary>
    private const double LimitedSlowStartAbove = 100;

    private readonly int _ceiling;
    private readonly bool _adaptive;
    private readonly double _maxLossAfterMs;
    private readonly Queue<(int Slot, long Seq, long SentMs)> _watch = new();
    private double _window;
    private bool _slowStart = true;
    private long _recoveredSeq = -1;
    private long _lastSeq = -1;
    private double _srttMs = -1;
    private double _rttVarMs;

    public AdaptiveWindow(int? fixedSize, int ceiling, TimeSpan timeout)
    {
        _adaptive = fixedSize is null;
        _ceiling = ceiling;
        _window = fixedSize ?? Math.Min(Initial, ceiling);
        _maxLossAfterMs = Math.Max(MinLossAfterMs, timeout.TotalMilliseconds / 2);
    }

    public int Limit => (int)_window;

    /// <summary>A query left under sequence number <paramref name="seq"/>; the window it left under is the current one.</summary>
    public void Sent(int slot, long seq, long nowMs)
    {
        _lastSeq = seq;
        if (_adaptive)
        {
            _watch.Enqueue((slot, seq, nowMs));
        }
    }

    public void Answered(double rttMs)
    {
        if (_srttMs < 0)
        {
            _srttMs = rttMs;
            _rttVarMs = rttMs / 2;
        }
        else
        {
            _rttVarMs = (0.75 * _rttVarMs) + (0.25 * Math.Abs(_srttMs - rttMs));
            _srttMs = (0.875 * _srttMs) + (0.125 * rttMs);
        }
        if (_adaptive)
        {
            var growth = !_slowStart ? 1 / _window : _window <= LimitedSlowStartAbove ? 1 : LimitedSlowStartAbove / 2 / _window;
            _window = Math.Min(_ceiling, _window + growth);
        }
    }

    /// <summary>The query sent under <paramref name="seq"/> timed out (or was taken as lost).</summary>
    public void Lost(long seq, int windowAtSend)
    {
        if (!_adaptive || seq <= _recoveredSeq)
        {
            return;
        }
        _window = Math.Max(Floor, Math.Min(_window, windowAtSend / 2.0));
        _slowStart = false;
        _recoveredSeq = _lastSeq;
    }

    /// <summary>
    /// Takes as lost every watched query still unanswered past the loss delay. <paramref name="windowAtSend"/> tells
    /// whether a slot still holds the query of a sequence number (and the window it left under), or -1 once answered;
    /// <paramref name="presumeLost"/> is told of each query taken as lost, which then no longer counts as in flight.
    /// </summary>
    public void Sweep(long nowMs, Func<int, long, int> windowAtSend, Action<int> presumeLost)
    {
        var lossAfter = _srttMs < 0 ? _maxLossAfterMs : Math.Clamp(_srttMs + (4 * _rttVarMs), MinLossAfterMs, _maxLossAfterMs);
        while (_watch.TryPeek(out var oldest))
        {
            var window = windowAtSend(oldest.Slot, oldest.Seq);
            if (window >= 0 && nowMs - oldest.SentMs < lossAfter)
            {
                return;
            }
            _watch.Dequeue();
            if (window >= 0)
            {
                presumeLost(oldest.Slot);
                Lost(oldest.Seq, window);
            }
        }
    }

    /// <summary>Forgets the watched queries of a run that ended.</summary>
    public void Clear() => _watch.Clear();
}
