using DomainFlow.Core.Users;
using Microsoft.AspNetCore.Authorization;

namespace DomainFlow.Server.Auth;

/// <summary>Endpoint markers the API access check reads.</summary>
public sealed record AdminOnlyMarker;

public sealed record SessionOnlyMarker;

public sealed record AllowPendingPasswordChangeMarker;

/// <summary>Reachable by an admin who has not set up two-factor sign-in where the workspace requires it: the account's own routes.</summary>
public sealed record AllowWithoutMfaMarker;

/// <summary>A token of any scope may call it on itself, named by this route value: revoking oneself is never a write to guard.</summary>
public sealed record TokenSelfServiceMarker(string RouteValue);

public static class ApiAccessEndpointExtensions
{
    public static TBuilder AdminOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AdminOnlyMarker());

    /// <summary>Only a signed-in browser session may call it (not an API token): e.g. minting new tokens.</summary>
    public static TBuilder SessionOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new SessionOnlyMarker());

    /// <summary>A read-scoped token may still call it when the route names that very token (e.g. to revoke itself on logout).</summary>
    public static TBuilder AllowTokenSelfService<TBuilder>(this TBuilder builder, string routeValue)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new TokenSelfServiceMarker(routeValue));

    /// <summary>Reachable by an admin still to set up two-factor sign-in (Auth:RequireMfaForAdmins): signing in, out and setting it up.</summary>
    public static TBuilder AllowWithoutMfa<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AllowWithoutMfaMarker());

    /// <summary>Reachable while the user still has to replace a password an admin reset.</summary>
    public static TBuilder AllowPendingPasswordChange<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AllowPendingPasswordChangeMarker());
}

/// <summary>
/// What every authenticated API request must also satisfy: the token's scope covers the method, a cookie-authenticated
/// unsafe request carries the anti-CSRF token, a pending password change is done first, and the endpoint's markers hold.
/// </summary>
public sealed class ApiAccessRequirement : AuthorizationHandler<ApiAccessRequirement>, IAuthorizationRequirement
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiAccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http || Caller.Of(http) is not { } caller)
        {
            return; // unauthenticated: the default requirement challenges with 401
        }
        var endpoint = http.GetEndpoint();
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        var refusal =
            caller.Token is { } token && unsafeMethod && !token.Allows(ApiTokenScope.Write) && !IsSelfService(http, endpoint, token) ? AccessRefusal.InsufficientScope
            : caller.CsrfToken is { } csrf && unsafeMethod && !SessionCookie.CsrfMatches(http, csrf) ? AccessRefusal.CsrfTokenInvalid
            : caller.User.MustChangePassword && endpoint?.Metadata.GetMetadata<AllowPendingPasswordChangeMarker>() is null ? AccessRefusal.PasswordChangeRequired
            : endpoint?.Metadata.GetMetadata<SessionOnlyMarker>() is not null && !caller.ViaSession ? AccessRefusal.SessionRequired
            : endpoint?.Metadata.GetMetadata<AdminOnlyMarker>() is not null && !caller.User.IsAdmin ? AccessRefusal.AdminRequired
            : await MustEnrollMfaAsync(http, caller, endpoint) ? AccessRefusal.MfaEnrollmentRequired
            : null;
        if (refusal is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, refusal.Code));
        }
    }

    /// <summary>An admin without an authenticator, where the workspace requires one, may only reach the account's own routes.</summary>
    private static async Task<bool> MustEnrollMfaAsync(HttpContext http, Caller caller, Endpoint? endpoint) =>
        caller.User.IsAdmin
        && endpoint?.Metadata.GetMetadata<AllowWithoutMfaMarker>() is null
        && http.RequestServices.GetRequiredService<AuthOptions>().RequireMfaForAdmins
        && await http.RequestServices.GetRequiredService<Store.Users.MfaStore>().EnabledAsync(caller.User.Id, http.RequestAborted) != true;

    private static bool IsSelfService(HttpContext http, Endpoint? endpoint, Store.Users.ApiTokenStore.ApiToken token) =>
        endpoint?.Metadata.GetMetadata<TokenSelfServiceMarker>() is { } marker
        && Guid.TryParse(http.GetRouteValue(marker.RouteValue) as string, out var named) && named == token.Id;
}

/// <summary>Why an authenticated request was refused: the problem's code and message.</summary>
public sealed record AccessRefusal(string Code, string Detail)
{
    public static readonly AccessRefusal InsufficientScope = new("insufficient_scope", "This API token is read-only; this request needs a token with the 'write' scope.");
    public static readonly AccessRefusal CsrfTokenInvalid = new("csrf_token_invalid", "Send the session's anti-CSRF token (from /auth/me) in the X-CSRF-Token header.");
    public static readonly AccessRefusal PasswordChangeRequired = new("password_change_required", "Your password was reset: change it (POST /api/v2/auth/change-password) before doing anything else.");
    public static readonly AccessRefusal SessionRequired = new("session_required", "Only a signed-in session may do this, not an API token.");
    public static readonly AccessRefusal AdminRequired = new("admin_required", "Only an admin may do this.");
    public static readonly AccessRefusal MfaEnrollmentRequired = new("mfa_enrollment_required",
        "This workspace requires two-factor sign-in for admins: set it up on the account page (POST /api/v2/auth/mfa/setup) first.");

    public static readonly IReadOnlyDictionary<string, AccessRefusal> ByCode =
        new[] { InsufficientScope, CsrfTokenInvalid, PasswordChangeRequired, SessionRequired, AdminRequired, MfaEnrollmentRequired }.ToDictionary(r => r.Code);
}
