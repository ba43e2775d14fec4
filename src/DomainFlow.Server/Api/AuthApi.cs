using DomainFlow.Core;
using DomainFlow.Core.Audit;
using DomainFlow.Core.Users;
using DomainFlow.Server.Auth;
using DomainFlow.Store.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>/api/v2/auth: login and logout, the current user, password change and sessions.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth").AllowWithoutMfa();
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimits.LoginPolicy);
        group.MapPost("/logout", LogoutAsync).AllowPendingPasswordChange();
        group.MapPost("/logout-all", LogoutAllAsync).AllowPendingPasswordChange();
        group.MapGet("/me", (Caller caller) => TypedResults.Ok(Me(caller))).AllowPendingPasswordChange();
        group.MapPost("/change-password", ChangePasswordAsync).AllowPendingPasswordChange();
        group.MapGet("/sessions", ListSessionsAsync);
        group.MapDelete("/sessions/{sessionId:guid}", RevokeSessionAsync);
        return api;
    }

    /// <summary>Unknown email, wrong password, disabled or locked account: one answer, one timing.</summary>
    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext http, UserStore users, SessionStore sessions, MfaStore mfa, AuthOptions auth, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors.Add("email", "is required");
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "is required");
        }
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        var record = await users.FindLoginAsync(request.Email!, ct);
        string? failure;
        if (record is null)
        {
            PasswordHasher.VerifyDecoy(request.Password!);
            failure = "unknown_user";
        }
        else
        {
            var verified = PasswordHasher.Verify(request.Password!, record.PasswordHash);
            failure = record.LockedUntil > clock.GetUtcNow() ? "locked"
                : !verified ? "wrong_password"
                : !record.User.Active ? "disabled"
                : null;
        }
        if (failure is not null)
        {
            if (failure == "wrong_password")
            {
                await RecordWrongPasswordAsync(http, record!.User, users, auth, audit);
            }
            await audit.RecordAsync(http, AuditAction.LoginFailed, AuditOutcome.Failure, "user", record?.User.Id.ToString(), failure, record?.User.Id, record?.User.Email ?? Truncate(request.Email!, 254));
            return TypedResults.Problem(Problems.Create(StatusCodes.Status401Unauthorized, "invalid_credentials", "Sign-in failed",
                "The email or password is wrong, or the account is disabled or temporarily locked."));
        }
        if (await SecondFactorRefusalAsync(http, request.Code, record!.User, users, mfa, auth, audit, clock, ct) is { } refusal)
        {
            return refusal;
        }
        await users.RecordLoginAsync(record.User.Id, ct);
        var response = await SignInAsync(http, record.User, sessions, auth, ct);
        await audit.RecordAsync(http, AuditAction.LoginSucceeded, targetType: "session", targetId: Caller.Of(http)!.Session!.Id.ToString(), actorId: record.User.Id, actorEmail: record.User.Email);
        return TypedResults.Ok(response);
    }

    /// <summary>
    /// For an account with an authenticator: without a code, 401 <c>mfa_required</c> (the password was right: the page
    /// asks for the code and sends both again); a wrong or already used code counts towards the lockout like a wrong
    /// password. Null when the sign-in may go on.
    /// </summary>
    private static async Task<ProblemHttpResult?> SecondFactorRefusalAsync(
        HttpContext http, string? code, User user, UserStore users, MfaStore mfa, AuthOptions auth, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (await mfa.GetAsync(user.Id, ct) is not { Enabled: true } authenticator)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(code))
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status401Unauthorized, "mfa_required", "Authenticator code needed",
                "This account signs in with a code from its authenticator app: send it as code, with the email and password."));
        }
        if (Totp.Match(authenticator.Secret, code, clock.GetUtcNow()) is { } step && await mfa.UseStepAsync(user.Id, step, ct))
        {
            return null;
        }
        await RecordWrongPasswordAsync(http, user, users, auth, audit);
        await audit.RecordAsync(http, AuditAction.LoginFailed, AuditOutcome.Failure, "user", user.Id.ToString(), "wrong_mfa_code", user.Id, user.Email);
        return TypedResults.Problem(Problems.Create(StatusCodes.Status401Unauthorized, "invalid_mfa_code", "Sign-in failed",
            "The authenticator code is wrong, expired or already used."));
    }

    /// <summary>Counts a wrong password towards the account's lockout; returns true when this failure locked it.</summary>
    internal static async Task<bool> RecordWrongPasswordAsync(HttpContext http, User user, UserStore users, AuthOptions auth, AuditLog audit)
    {
        if (await users.RecordFailedLoginAsync(user.Id, auth.Lockout, CancellationToken.None) is not { } until)
        {
            return false;
        }
        await audit.RecordAsync(http, AuditAction.AccountLocked, AuditOutcome.Failure, "user", user.Id.ToString(), $"locked until {until:O}", user.Id, user.Email);
        return true;
    }

    /// <summary>Opens a session (ending the one the browser may already hold: no session fixation) and sets its cookie.</summary>
    internal static async Task<MeResponse> SignInAsync(HttpContext http, User user, SessionStore sessions, AuthOptions auth, CancellationToken ct)
    {
        if (SessionCookie.TryRead(http, out var old) && await sessions.FindAsync(old, ct) is { } previous)
        {
            await sessions.DeleteAsync(previous.UserId, previous.Id, ct);
        }
        var (secret, session) = await sessions.CreateAsync(user.Id, SessionCookie.AgentHash(http), ClientIp.Of(http), http.Request.Headers.UserAgent.ToString(), auth.SessionLifetime, ct);
        SessionCookie.Issue(http, secret, session.ExpiresAt);
        var caller = new Caller(user, session, null, SessionCookie.CsrfTokenFor(secret));
        caller.Attach(http);
        return Me(caller);
    }

    internal static MeResponse Me(Caller caller) =>
        new(UserDto.From(caller.User), caller.CsrfToken, caller.ViaSession ? "session" : "token", caller.Scopes);

    private static async Task<NoContent> LogoutAsync(Caller caller, HttpContext http, SessionStore sessions, AuditLog audit, CancellationToken ct)
    {
        if (caller.Session is { } session)
        {
            await sessions.DeleteAsync(caller.User.Id, session.Id, ct);
            await audit.RecordAsync(http, AuditAction.Logout, targetType: "session", targetId: session.Id.ToString());
        }
        SessionCookie.Clear(http);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogoutAllAsync(Caller caller, HttpContext http, SessionStore sessions, AuditLog audit, CancellationToken ct)
    {
        var ended = await sessions.DeleteAllAsync(caller.User.Id, keep: null, ct);
        await audit.RecordAsync(http, AuditAction.LogoutAll, targetType: "user", targetId: caller.User.Id.ToString(), detail: $"{ended} sessions ended");
        SessionCookie.Clear(http);
        return TypedResults.NoContent();
    }

    /// <summary>Needs the current password; ends every other session of the user (this one stays signed in).</summary>
    /// <summary>
    /// Wrong current passwords count towards the same lockout as sign-in failures: a stolen session must not become a
    /// password-guessing oracle. The failure that locks the account also ends all its sessions, that one included.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, Caller caller, HttpContext http, UserStore users, SessionStore sessions, AuthOptions auth, AuditLog audit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            errors.Add("currentPassword", "is required");
        }
        PasswordPolicy.Validate(request.NewPassword, errors, "newPassword", caller.User.Email, caller.User.DisplayName);
        if (errors.IsEmpty && request.NewPassword == request.CurrentPassword)
        {
            errors.Add("newPassword", "must differ from the current password");
        }
        if (errors.IsEmpty && !PasswordHasher.Verify(request.CurrentPassword!, await users.PasswordHashAsync(caller.User.Id, ct) ?? ""))
        {
            await audit.RecordAsync(http, AuditAction.PasswordChanged, AuditOutcome.Failure, "user", caller.User.Id.ToString(), "wrong current password");
            if (await RecordWrongPasswordAsync(http, caller.User, users, auth, audit))
            {
                await sessions.DeleteAllAsync(caller.User.Id, keep: null, CancellationToken.None);
                SessionCookie.Clear(http);
                return TypedResults.Problem(Problems.Create(StatusCodes.Status401Unauthorized, "account_locked", "Account locked",
                    "Too many wrong passwords: the account is locked for a while and every session was signed out."));
            }
            errors.Add("currentPassword", "is incorrect");
        }
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        await users.SetPasswordAsync(caller.User.Id, PasswordHasher.Hash(request.NewPassword!), mustChange: false, ct);
        var ended = await sessions.DeleteAllAsync(caller.User.Id, keep: caller.Session?.Id, ct);
        await audit.RecordAsync(http, AuditAction.PasswordChanged, targetType: "user", targetId: caller.User.Id.ToString(), detail: $"{ended} other sessions ended");
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<SessionDto>>> ListSessionsAsync(Caller caller, SessionStore sessions, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<SessionDto>>((await sessions.ListAsync(caller.User.Id, ct)).Select(s => SessionDto.From(s, caller.Session?.Id)).ToList());

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeSessionAsync(Guid sessionId, Caller caller, HttpContext http, SessionStore sessions, AuditLog audit, CancellationToken ct)
    {
        if (!await sessions.DeleteAsync(caller.User.Id, sessionId, ct))
        {
            return (ProblemHttpResult)Problems.NotFound("The session");
        }
        await audit.RecordAsync(http, AuditAction.SessionRevoked, targetType: "session", targetId: sessionId.ToString());
        if (caller.Session?.Id == sessionId)
        {
            SessionCookie.Clear(http);
        }
        return TypedResults.NoContent();
    }

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] : text;
}
