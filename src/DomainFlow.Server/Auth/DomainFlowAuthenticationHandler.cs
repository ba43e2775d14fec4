using System.Security.Claims;
using System.Text.Encodings.Web;
using DomainFlow.Core.Audit;
using DomainFlow.Server.Api;
using DomainFlow.Store.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DomainFlow.Server.Auth;

/// <summary>
/// Authenticates a request by its bearer API token or, failing that, its session cookie, both checked against the
/// store on every request so a revocation anywhere takes effect at once. Challenges and refusals answer with
/// problem details (401/403), never a redirect.
/// </summary>
public sealed class DomainFlowAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionStore sessions,
    ApiTokenStore tokens,
    UserStore users,
    AuthOptions auth,
    AuditLog audit,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DomainFlow";

    /// <summary>Activity is written at most this often, not on every request.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromSeconds(30);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return await FromTokenAsync(header["Bearer ".Length..].Trim());
        }
        return SessionCookie.TryRead(Context, out var secret)
            ? await FromSessionAsync(secret)
            : AuthenticateResult.NoResult();
    }

    private async Task<AuthenticateResult> FromTokenAsync(string secret)
    {
        var now = clock.GetUtcNow();
        if (await tokens.FindAsync(secret, Context.RequestAborted) is not { } token || token.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        }
        if (await users.GetAsync(token.UserId, Context.RequestAborted) is not { Active: true } user)
        {
            return AuthenticateResult.Fail("The token's account is disabled.");
        }
        if (token.LastUsedAt is not { } used || now - used > TouchInterval)
        {
            await tokens.TouchAsync(token.Id, Context.RequestAborted);
        }
        return Success(new Caller(user, null, token, null));
    }

    private async Task<AuthenticateResult> FromSessionAsync(string secret)
    {
        var now = clock.GetUtcNow();
        if (await sessions.FindAsync(secret, Context.RequestAborted) is not { } session)
        {
            return AuthenticateResult.Fail("The session has ended.");
        }
        var reason = session.ExpiresAt <= now ? "lifetime"
            : now - session.LastSeenAt > auth.SessionIdleTimeout ? "idle"
            : session.AgentHash != SessionCookie.AgentHash(Context) ? "user_agent_changed"
            : auth.BindSessionToIp && session.Ip != ClientIp.Of(Context) ? "ip_changed"
            : null;
        if (reason is not null)
        {
            await sessions.DeleteAsync(session.UserId, session.Id, Context.RequestAborted);
            if (reason is "user_agent_changed" or "ip_changed")
            {
                // A session replayed from another browser or network is a likely theft: record it.
                await audit.RecordAsync(Context, AuditAction.SessionRejected, AuditOutcome.Failure, actorId: session.UserId, targetType: "session", targetId: session.Id.ToString(), detail: reason);
            }
            return AuthenticateResult.Fail("The session has ended.");
        }
        if (await users.GetAsync(session.UserId, Context.RequestAborted) is not { Active: true } user)
        {
            return AuthenticateResult.Fail("The account is disabled.");
        }
        if (now - session.LastSeenAt > TouchInterval)
        {
            await sessions.TouchAsync(session.Id, Context.RequestAborted);
        }
        return Success(new Caller(user, session, null, SessionCookie.CsrfTokenFor(secret)));
    }

    private AuthenticateResult Success(Caller caller)
    {
        caller.Attach(Context);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, caller.User.Id.ToString()),
                new Claim(ClaimTypes.Name, caller.User.Email),
                new Claim(ClaimTypes.Role, caller.User.IsAdmin ? "admin" : "user"),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(Problems.Create(StatusCodes.Status401Unauthorized, "authentication_required", "Authentication required",
            "Sign in, or send an API token as 'Authorization: Bearer <token>'.")).ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", "Your account may not do this.")).ExecuteAsync(Context);
}
