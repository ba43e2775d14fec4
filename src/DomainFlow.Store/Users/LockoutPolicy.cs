namespace DomainFlow.Store.Users;

/// <summary>
/// After <see cref="MaxFailures"/> failed logins in a row the account locks for <see cref="FirstLock"/>;
/// each further lock before a successful login doubles the time, up to <see cref="MaxLock"/>.
/// </summary>
public sealed record LockoutPolicy
{
    public int MaxFailures { get; init; } = 5;

    public TimeSpan FirstLock { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxLock { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan LockFor(long previousLockouts)
    {
        var factor = Math.Pow(2, Math.Min(previousLockouts, 30));
        return TimeSpan.FromTicks((long)Math.Min(FirstLock.Ticks * factor, MaxLock.Ticks));
    }
}
