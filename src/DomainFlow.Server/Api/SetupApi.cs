using DomainFlow.Core;
using DomainFlow.Core.Audit;
using DomainFlow.Core.Users;
using DomainFlow.Server.Auth;
using DomainFlow.Store.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>
/// /api/v2/auth/setup: creates the first admin, only while no account exists and only with a setup token
/// printed in the server log. There are no default credentials.
/// </summary>
public static class SetupApi
{
    public static RouteGroupBuilder MapSetup(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth/setup").WithTags("Auth").AllowAnonymous();
        group.MapGet("/", async (UserStore users, CancellationToken ct) => TypedResults.Ok(new SetupStatus(await users.CountAsync(ct) == 0)));
        group.MapPost("/", SetupAsync).RequireRateLimiting(RateLimits.LoginPolicy);
        return api;
    }

    private static async Task<Results<Created<MeResponse>, ProblemHttpResult>> SetupAsync(
        SetupRequest request, HttpContext http, UserStore users, SessionStore sessions, AuthOptions auth, AuditLog audit, CancellationToken ct)
    {
        if (await users.CountAsync(ct) > 0)
        {
            return SetupDone();
        }
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.SetupToken))
        {
            errors.Add("setupToken", "is required: it is printed in the server log at start-up");
        }
        var email = EmailAddress.Validate(request.Email, errors);
        var displayName = UserFields.ValidateDisplayName(request.DisplayName, email, errors);
        PasswordPolicy.Validate(request.Password, errors, "password", email, displayName);
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        var user = await users.CreateFirstAdminAsync(
            new UserStore.NewUser(email!, displayName, UserRole.Admin, PasswordHasher.Hash(request.Password!)), SecretToken.HashOf(request.SetupToken!.Trim()), ct);
        if (user is null)
        {
            if (await users.CountAsync(ct) > 0)
            {
                return SetupDone();
            }
            await audit.RecordAsync(http, AuditAction.SetupCompleted, AuditOutcome.Failure, detail: "invalid setup token", actorEmail: email);
            return TypedResults.Problem(Problems.Create(StatusCodes.Status403Forbidden, "setup_token_invalid", "Invalid setup token",
                "The setup token is wrong, expired or already used. Restart the server to print a new one, or run 'domainflow users add --admin'."));
        }
        var me = await AuthApi.SignInAsync(http, user, sessions, auth, ct);
        await audit.RecordAsync(http, AuditAction.SetupCompleted, targetType: "user", targetId: user.Id.ToString());
        return TypedResults.Created("/api/v2/auth/me", me);
    }

    private static ProblemHttpResult SetupDone() =>
        TypedResults.Problem(Problems.Create(StatusCodes.Status409Conflict, "setup_complete", "Setup is complete", "An account already exists: sign in instead."));
}
