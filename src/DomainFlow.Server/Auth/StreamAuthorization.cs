using DomainFlow.Store.Users;

namespace DomainFlow.Server.Auth;

/// <summary>
/// Re-checks the credential behind a long-lived event stream, so a logout, a revoked session or token, or a disabled
/// account also ends streams that were opened before: within <see cref="Interval"/>, without a query per event.
/// </summary>
public sealed class StreamAuthorization(SessionStore sessions, ApiTokenStore tokens, UserStore users, TimeProvider clock)
{
    private TimeProvider Clock => clock;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public Check For(Caller caller) => new(this, caller, Clock.GetUtcNow());

    /// <summary>
    /// The credential is live and the account is active with the role it had when the stream opened: a demoted admin's
    /// stream, which was filtered as an admin's (every campaign), must end rather than keep showing others' events.
    /// </summary>
    private async Task<bool> IsStillValidAsync(Caller caller, CancellationToken ct) =>
        (caller.Session is { } session ? await sessions.IsLiveAsync(session.Id, ct) : await tokens.IsLiveAsync(caller.Token!.Id, ct))
        && await users.GetAsync(caller.User.Id, ct) is { Active: true } user && user.Role == caller.User.Role;

    public sealed class Check(StreamAuthorization owner, Caller caller, DateTimeOffset lastChecked)
    {
        private DateTimeOffset _lastChecked = lastChecked;

        /// <summary>False once the stream's credential has ended; checks the store at most once per <see cref="Interval"/>.</summary>
        public async ValueTask<bool> StillValidAsync(CancellationToken ct)
        {
            var now = owner.Clock.GetUtcNow();
            if (now - _lastChecked < Interval)
            {
                return true;
            }
            _lastChecked = now;
            return await owner.IsStillValidAsync(caller, ct);
        }
    }
}
