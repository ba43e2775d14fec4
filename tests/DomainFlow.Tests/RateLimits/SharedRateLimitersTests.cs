using System.Threading.RateLimiting;
using DomainFlow.Core.RateLimits;

namespace DomainFlow.Tests.RateLimits;

public sealed class SharedRateLimitersTests
{
    private static ConcurrencyLimiter OnePermit() => new(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });

    [Fact]
    public void Handles_of_one_scope_share_a_limiter_that_goes_with_the_last_of_them()
    {
        var first = SharedRateLimiters.Acquire("test:shared", "one", OnePermit);
        var second = SharedRateLimiters.Acquire("test:shared", "one", OnePermit);
        var other = SharedRateLimiters.Acquire("test:shared", "two", OnePermit);

        Assert.Same(first.Value, second.Value);
        Assert.NotSame(first.Value, other.Value);
        Assert.Equal(2, SharedRateLimiters.Holders("test:shared", "one"));
        using (var lease = first.Value.AttemptAcquire())
        {
            Assert.True(lease.IsAcquired);
            Assert.False(second.Value.AttemptAcquire().IsAcquired); // the one permit is taken, whichever handle asks
        }

        first.Dispose();
        first.Dispose(); // a second dispose of the same handle releases nothing more
        Assert.Equal(1, SharedRateLimiters.Holders("test:shared", "one"));
        second.Dispose();
        other.Dispose();

        Assert.Equal(0, SharedRateLimiters.Holders("test:shared", "one"));
        Assert.Throws<ObjectDisposedException>(() => second.Value.AttemptAcquire());
    }

    [Fact]
    public void Without_a_scope_each_handle_owns_its_limiter()
    {
        using var first = SharedRateLimiters.Acquire(null, "one", OnePermit);
        using var second = SharedRateLimiters.Acquire(null, "one", OnePermit);

        Assert.NotSame(first.Value, second.Value);
    }
}
