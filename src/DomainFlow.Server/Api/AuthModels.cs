using DomainFlow.Core.Audit;
using DomainFlow.Core.Users;
using DomainFlow.Store.Users;

namespace DomainFlow.Server.Api;

public sealed record UserDto(Guid Id, string Email, string DisplayName, UserRole Role, bool Active, bool MustChangePassword, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt)
{
    public static UserDto From(User u) => new(u.Id, u.Email, u.DisplayName, u.Role, u.Active, u.MustChangePassword, u.CreatedAt, u.LastLoginAt);
}

/// <param name="CsrfToken">Send it as X-CSRF-Token on unsafe requests authenticated by the session cookie; null for API tokens.</param>
/// <param name="AuthMethod">"session" or "token".</param>
public sealed record MeResponse(UserDto User, string? CsrfToken, string AuthMethod, IReadOnlyList<ApiTokenScope> Scopes);

/// <param name="Code">The authenticator app's current code, for an account with two-factor sign-in on.</param>
public sealed record LoginRequest(string? Email = null, string? Password = null, string? Code = null);

/// <param name="Enabled">Sign-in asks for an authenticator code.</param>
/// <param name="Pending">A secret was issued and awaits its first code.</param>
/// <param name="Required">The workspace requires it of this user (an admin, with Auth:RequireMfaForAdmins on).</param>
public sealed record MfaStatus(bool Enabled, bool Pending, bool Required);

public sealed record MfaPasswordRequest(string? Password = null);

public sealed record MfaCodeRequest(string? Code = null);

/// <param name="Secret">The base32 secret to type into an authenticator app.</param>
/// <param name="OtpAuthUri">The same as an otpauth:// URI (what a QR code would hold).</param>
public sealed record MfaSetup(string Secret, string OtpAuthUri);

public sealed record SetupStatus(bool Required);

public sealed record SetupRequest(string? SetupToken = null, string? Email = null, string? DisplayName = null, string? Password = null);

public sealed record ChangePasswordRequest(string? CurrentPassword = null, string? NewPassword = null);

public sealed record SessionDto(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, string? Ip, string? UserAgent, bool Current)
{
    public static SessionDto From(SessionStore.Session s, Guid? current) => new(s.Id, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.Ip, s.UserAgent, s.Id == current);
}

public sealed record ApiTokenDto(Guid Id, string Name, IReadOnlyList<ApiTokenScope> Scopes, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt)
{
    public static ApiTokenDto From(ApiTokenStore.ApiToken t) => new(t.Id, t.Name, t.Scopes, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt);
}

/// <param name="Scopes">["read"] or ["read", "write"]; write implies read. Defaults to read.</param>
/// <param name="ExpiresInDays">Optional lifetime; without it the token lasts until revoked.</param>
public sealed record CreateTokenRequest(string? Name = null, IReadOnlyList<ApiTokenScope>? Scopes = null, int? ExpiresInDays = null);

/// <param name="Secret">Shown this once; only its hash is stored.</param>
public sealed record CreatedToken(ApiTokenDto Token, string Secret);

public sealed record UserPage(IReadOnlyList<UserDto> Items, string? NextCursor);

/// <param name="Password">Optional: without one, a temporary password is generated and returned once; the user must change it at first login.</param>
public sealed record CreateUserRequest(string? Email = null, string? DisplayName = null, UserRole? Role = null, string? Password = null);

public sealed record UpdateUserRequest(string? DisplayName = null, UserRole? Role = null, bool? Active = null);

public sealed record ResetPasswordRequest(string? Password = null);

/// <param name="TemporaryPassword">Set when the server generated the password; shown this once.</param>
public sealed record UserCreated(UserDto User, string? TemporaryPassword);

public sealed record PasswordReset(string? TemporaryPassword);

public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Action, AuditOutcome Outcome, Guid? ActorId, string? ActorEmail, string? TargetType, string? TargetId, string? Ip, string? Detail)
{
    public static AuditEntryDto From(AuditEntry e) => new(e.Seq, e.At, e.Action, e.Outcome, e.ActorId, e.ActorEmail, e.TargetType, e.TargetId, e.Ip, e.Detail);
}

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, string? NextCursor);
