using System.Security.Cryptography;
using DomainFlow.Core;
using DomainFlow.Core.Audit;
using DomainFlow.Core.Users;
using DomainFlow.Server.Auth;
using DomainFlow.Store.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>/api/v2/admin/users: list, create, disable/enable, change role, reset password. Admins only.</summary>
public static class AdminUsersApi
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapAdminUsers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/users").WithTags("Admin").AdminOnly();
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/{userId:guid}", async Task<Results<Ok<UserDto>, ProblemHttpResult>> (Guid userId, UserStore users, CancellationToken ct) =>
            await users.GetAsync(userId, ct) is { } user ? TypedResults.Ok(UserDto.From(user)) : (ProblemHttpResult)Problems.NotFound("The user"));
        group.MapPatch("/{userId:guid}", UpdateAsync);
        group.MapPost("/{userId:guid}/reset-password", ResetPasswordAsync);
        return api;
    }

    private static async Task<Ok<UserPage>> ListAsync(UserStore users, string? search, int? limit, string? cursor, CancellationToken ct)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            throw new ValidationException(ValidationErrors.Single("limit", $"must be between 1 and {MaxPageSize}"));
        }
        var page = await users.ListAsync(search, limit ?? 50, cursor, ct);
        return TypedResults.Ok(new UserPage(page.Items.Select(UserDto.From).ToList(), page.NextCursor));
    }

    private static async Task<Created<UserCreated>> CreateAsync(CreateUserRequest request, HttpContext http, UserStore users, AuditLog audit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var email = EmailAddress.Validate(request.Email, errors);
        var displayName = UserFields.ValidateDisplayName(request.DisplayName, email, errors);
        if (request.Password is not null)
        {
            PasswordPolicy.Validate(request.Password, errors, "password", email, displayName);
        }
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        var temporary = request.Password is null ? TemporaryPassword() : null;
        var user = await users.CreateAsync(new UserStore.NewUser(email!, displayName, request.Role ?? UserRole.User,
            PasswordHasher.Hash(request.Password ?? temporary!), MustChangePassword: temporary is not null), ct);
        await audit.RecordAsync(http, AuditAction.UserCreated, targetType: "user", targetId: user.Id.ToString(), detail: $"{user.Email} as {WireNames.ToWire(user.Role)}");
        return TypedResults.Created($"/api/v2/admin/users/{user.Id}", new UserCreated(UserDto.From(user), temporary));
    }

    /// <summary>Disabling an account ends its sessions at once; its tokens stop working while it stays disabled.</summary>
    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> UpdateAsync(
        Guid userId, UpdateUserRequest request, HttpContext http, UserStore users, SessionStore sessions, AuditLog audit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var displayName = request.DisplayName is null ? null : UserFields.ValidateDisplayName(request.DisplayName, null, errors);
        if (request.DisplayName is not null && string.IsNullOrWhiteSpace(displayName))
        {
            errors.Add("displayName", "must not be empty");
        }
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        User? user;
        try
        {
            user = await users.UpdateAsync(userId, new UserStore.Changes(displayName, request.Role, request.Active), ct);
        }
        catch (LastAdminException e)
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status409Conflict, "last_admin", "Conflict", e.Message));
        }
        if (user is null)
        {
            return (ProblemHttpResult)Problems.NotFound("The user");
        }
        if (request.Active is false)
        {
            await sessions.DeleteAllAsync(userId, keep: null, ct);
        }
        var changes = string.Join(", ", new[]
        {
            request.DisplayName is null ? null : "display name",
            request.Role is { } role ? $"role={WireNames.ToWire(role)}" : null,
            request.Active is { } active ? (active ? "enabled" : "disabled") : null,
        }.Where(c => c is not null));
        await audit.RecordAsync(http, AuditAction.UserUpdated, targetType: "user", targetId: userId.ToString(), detail: changes);
        return TypedResults.Ok(UserDto.From(user));
    }

    /// <summary>
    /// Sets a new password the user must change at next login, and ends their sessions, API tokens and authenticator: a
    /// reset is how an admin cleans up a compromised account (or one whose owner lost their phone), and a token minted by
    /// whoever held it must not outlive the reset.
    /// </summary>
    private static async Task<Results<Ok<PasswordReset>, ProblemHttpResult>> ResetPasswordAsync(
        Guid userId, ResetPasswordRequest? request, HttpContext http, UserStore users, SessionStore sessions, ApiTokenStore tokens, MfaStore mfa, AuditLog audit, CancellationToken ct)
    {
        if (await users.GetAsync(userId, ct) is not { } user)
        {
            return (ProblemHttpResult)Problems.NotFound("The user");
        }
        if (request?.Password is { } chosen)
        {
            PasswordPolicy.ThrowIfInvalid(chosen, "password", user.Email, user.DisplayName);
        }
        var temporary = request?.Password is null ? TemporaryPassword() : null;
        await users.SetPasswordAsync(userId, PasswordHasher.Hash(request?.Password ?? temporary!), mustChange: true, ct);
        await sessions.DeleteAllAsync(userId, keep: null, ct);
        await tokens.DeleteAllAsync(userId, ct);
        // A reset is also how a user who lost their authenticator gets back in: they set up a new one afterwards.
        var hadMfa = await mfa.DeleteAsync(userId, ct);
        await audit.RecordAsync(http, AuditAction.UserPasswordReset, targetType: "user", targetId: userId.ToString(), detail: hadMfa ? "authenticator removed" : null);
        return TypedResults.Ok(new PasswordReset(temporary));
    }

    /// <summary>20 characters from a 62-letter alphabet: about 119 bits, never on a common-password list.</summary>
    internal static string TemporaryPassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 20);
}
