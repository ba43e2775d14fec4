using DomainFlow.Store.Users;

namespace DomainFlow.Server.Auth;

/// <summary>The "Auth" configuration section; every default is also written in appsettings.json.</summary>
public sealed class AuthOptions
{
    /// <summary>A session unused for this long ends.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A session ends this long after login however active it is.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Rejects a session used from another IP address than the one it logged in from.</summary>
    public bool BindSessionToIp { get; set; }

    public LockoutPolicy Lockout { get; set; } = new();

    /// <summary>Login and setup attempts per client IP per window.</summary>
    public int LoginAttemptsPerWindow { get; set; } = 10;

    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Per-user API budget: a token bucket of this size, refilled at <see cref="ApiRequestsPerSecond"/>.</summary>
    public int ApiBurst { get; set; } = 300;

    public int ApiRequestsPerSecond { get; set; } = 50;

    public TimeSpan SetupTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Admins must set up two-factor sign-in before anything but their own account's routes answers them.</summary>
    public bool RequireMfaForAdmins { get; set; }

    public void Validate()
    {
        if (SessionIdleTimeout <= TimeSpan.Zero || SessionLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Auth: SessionIdleTimeout and SessionLifetime must be positive.");
        }
        if (Lockout.MaxFailures < 1 || Lockout.FirstLock <= TimeSpan.Zero || Lockout.MaxLock < Lockout.FirstLock)
        {
            throw new InvalidOperationException("Auth:Lockout: MaxFailures must be at least 1 and 0 < FirstLock <= MaxLock.");
        }
        if (LoginAttemptsPerWindow < 1 || LoginWindow <= TimeSpan.Zero || ApiBurst < 1 || ApiRequestsPerSecond < 1)
        {
            throw new InvalidOperationException("Auth: rate limits must be at least 1 per positive window.");
        }
        if (AuditRetention <= TimeSpan.Zero || SetupTokenLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Auth: AuditRetention and SetupTokenLifetime must be positive.");
        }
    }
}
