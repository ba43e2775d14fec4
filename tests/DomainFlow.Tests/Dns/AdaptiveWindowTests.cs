using DomainFlow.Core.Dns;

namespace DomainFlow.Tests.Dns;

public sealed class AdaptiveWindowTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    [Fact]
    public void A_fixed_window_never_moves()
    {
        var window = new AdaptiveWindow(200, 10_000, Timeout);

        for (var i = 0; i < 1_000; i++)
        {
            window.Answered(1);
        }
        window.Lost(5, 200);

        Assert.Equal(200, window.Limit);
    }

    [Fact]
    public void Slow_start_grows_by_one_per_answer_then_by_half_of_100_per_window_above_100()
    {
        var window = new AdaptiveWindow(null, 10_000, Timeout);
        Assert.Equal(64, window.Limit);

        for (var i = 0; i < 36; i++)
        {
            window.Answered(1);
        }
        Assert.Equal(100, window.Limit);

        for (var i = 0; i < 100; i++)
        {
            window.Answered(1);
        }
        Assert.InRange(window.Limit, 140, 150); // a window's worth of answers adds ~50, not 100
    }

    [Fact]
    public void A_loss_halves_the_window_it_was_sent_under_once_per_window()
    {
        var window = new AdaptiveWindow(null, 10_000, Timeout);
        for (var seq = 0; seq < 200; seq++)
        {
            window.Sent(seq, seq, 0);
            window.Answered(1);
        }
        var before = window.Limit;

        window.Lost(150, before);
        var afterFirst = window.Limit;
        window.Lost(151, before); // sent before the cut: the same congestion, no second cut
        window.Lost(199, before);

        Assert.Equal(before / 2, afterFirst);
        Assert.Equal(afterFirst, window.Limit);

        window.Sent(0, 200, 0);
        window.Lost(200, afterFirst); // sent after the cut: cuts again
        Assert.Equal(afterFirst / 2, window.Limit);
    }

    [Fact]
    public void After_a_loss_the_window_grows_by_about_one_per_window_of_answers()
    {
        var window = new AdaptiveWindow(null, 10_000, Timeout);
        window.Sent(0, 0, 0);
        window.Lost(0, 100);
        Assert.Equal(50, window.Limit);

        for (var i = 0; i < 60; i++)
        {
            window.Answered(1);
        }
        Assert.Equal(51, window.Limit);

        for (var i = 0; i < 60; i++)
        {
            window.Answered(1);
        }
        Assert.Equal(52, window.Limit);
    }

    [Fact]
    public void A_query_unanswered_well_past_the_round_trips_seen_is_taken_as_lost_before_its_timeout()
    {
        var window = new AdaptiveWindow(null, 10_000, Timeout);
        for (var i = 0; i < 50; i++)
        {
            window.Answered(1); // round trips of 1 ms: the loss delay is its floor, 10 ms
        }
        var pending = new Dictionary<int, (long Seq, int Window)> { [1] = (0, 114), [2] = (1, 114) };
        window.Sent(1, 0, nowMs: 0);
        window.Sent(2, 1, nowMs: 8);
        pending.Remove(2); // answered
        var presumed = new List<int>();
        int WindowAtSend(int slot, long seq) => pending.TryGetValue(slot, out var p) && p.Seq == seq ? p.Window : -1;

        var before = window.Limit;
        window.Sweep(5, WindowAtSend, presumed.Add);
        Assert.Empty(presumed);
        Assert.Equal(before, window.Limit);

        window.Sweep(12, WindowAtSend, presumed.Add);
        Assert.Equal([1], presumed);
        Assert.Equal(57, window.Limit);
    }
}
