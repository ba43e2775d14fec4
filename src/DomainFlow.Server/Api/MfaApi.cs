using DomainFlow.Core;
using DomainFlow.Core.Audit;
using DomainFlow.Core.Users;
using DomainFlow.Server.Auth;
using DomainFlow.Store.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>
/// /api/v2/auth/mfa: two-factor sign-in with an authenticator app (TOTP). Setting it up and turning it off need the
/// password again and a signed-in session, so a stolen session alone can neither add a second factor of its own nor
/// remove the user's.
/// </summary>
public static class MfaApi
{
    public const string Issuer = "DomainFlow";

    public static RouteGroupBuilder MapMfa(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth/mfa").WithTags("Auth").AllowWithoutMfa();
        group.MapGet("/", async (Caller caller, MfaStore mfa, AuthOptions auth, CancellationToken ct) =>
        {
            var enabled = await mfa.EnabledAsync(caller.User.Id, ct);
            return TypedResults.Ok(new MfaStatus(enabled == true, enabled == false, auth.RequireMfaForAdmins && caller.User.IsAdmin));
        });
        group.MapPost("/setup", SetupAsync).SessionOnly();
        group.MapPost("/enable", EnableAsync).SessionOnly();
        group.MapPost("/disable", DisableAsync).SessionOnly();
        return api;
    }

    /// <summary>Issues a new secret (replacing one never confirmed); sign-in asks for codes only once <c>enable</c> saw one.</summary>
    private static async Task<Results<Ok<MfaSetup>, ProblemHttpResult>> SetupAsync(
        MfaPasswordRequest request, Caller caller, HttpContext http, UserStore users, MfaStore mfa, AuthOptions auth, AuditLog audit, CancellationToken ct)
    {
        await RequirePasswordAsync(request.Password, caller, http, users, auth, audit, ct);
        var secret = Totp.NewSecret();
        if (!await mfa.BeginAsync(caller.User.Id, secret, ct))
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status409Conflict, "mfa_enabled", "Conflict",
                "Two-factor sign-in is already on: turn it off first to set up another authenticator."));
        }
        return TypedResults.Ok(new MfaSetup(secret, Totp.OtpAuthUri(Issuer, caller.User.Email, secret)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EnableAsync(
        MfaCodeRequest request, Caller caller, HttpContext http, MfaStore mfa, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (await mfa.GetAsync(caller.User.Id, ct) is not { } authenticator)
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status409Conflict, "mfa_not_set_up", "Conflict", "Set up an authenticator first (POST /auth/mfa/setup)."));
        }
        if (authenticator.Enabled)
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status409Conflict, "mfa_enabled", "Conflict", "Two-factor sign-in is already on."));
        }
        if (Totp.Match(authenticator.Secret, request.Code, clock.GetUtcNow()) is not { } step || !await mfa.UseStepAsync(caller.User.Id, step, ct))
        {
            throw new ValidationException(ValidationErrors.Single("code", "is not the authenticator's current code"));
        }
        await audit.RecordAsync(http, AuditAction.MfaEnabled, targetType: "user", targetId: caller.User.Id.ToString());
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DisableAsync(
        MfaPasswordRequest request, Caller caller, HttpContext http, UserStore users, MfaStore mfa, AuthOptions auth, AuditLog audit, CancellationToken ct)
    {
        await RequirePasswordAsync(request.Password, caller, http, users, auth, audit, ct);
        if (!await mfa.DeleteAsync(caller.User.Id, ct))
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status409Conflict, "mfa_not_set_up", "Conflict", "Two-factor sign-in is not on."));
        }
        await audit.RecordAsync(http, AuditAction.MfaDisabled, targetType: "user", targetId: caller.User.Id.ToString());
        return TypedResults.NoContent();
    }

    /// <summary>The caller's password, checked again; a wrong one counts towards the lockout like a failed sign-in.</summary>
    private static async Task RequirePasswordAsync(string? password, Caller caller, HttpContext http, UserStore users, AuthOptions auth, AuditLog audit, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw new ValidationException(ValidationErrors.Single("password", "is required"));
        }
        if (!PasswordHasher.Verify(password, await users.PasswordHashAsync(caller.User.Id, ct) ?? ""))
        {
            await AuthApi.RecordWrongPasswordAsync(http, caller.User, users, auth, audit);
            throw new ValidationException(ValidationErrors.Single("password", "is incorrect"));
        }
    }
}
