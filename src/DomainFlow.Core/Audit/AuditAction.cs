namespace DomainFlow.Core.Audit;

/// <summary>The audited actions, as stored and filtered on (dotted: area.verb).</summary>
public static class AuditAction
{
    public const string SetupCompleted = "setup.completed";
    public const string LoginSucceeded = "auth.login";
    public const string LoginFailed = "auth.login_failed";
    public const string AccountLocked = "auth.locked";
    public const string Logout = "auth.logout";
    public const string LogoutAll = "auth.logout_all";
    public const string PasswordChanged = "auth.password_changed";
    public const string SessionRevoked = "auth.session_revoked";
    public const string SessionRejected = "auth.session_rejected";
    public const string MfaEnabled = "auth.mfa_enabled";
    public const string MfaDisabled = "auth.mfa_disabled";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserPasswordReset = "user.password_reset";
    public const string CampaignCreated = "campaign.created";
    public const string CampaignDeleted = "campaign.deleted";
    public const string PhaseStarted = "phase.started";
    public const string PhasePaused = "phase.paused";
    public const string PhaseResumed = "phase.resumed";
    public const string PhaseStopped = "phase.stopped";

    /// <summary>An authenticated request refused: a missing scope, CSRF token or role, or someone else's campaign.</summary>
    public const string AccessDenied = "access.denied";

    // Workspace resources record "<area>.created", "<area>.updated" and "<area>.deleted", with the areas persona (DNS
    // and HTTP personas; the target type tells them apart), keyword_set, proxy_pool and proxy.
}

public enum AuditOutcome
{
    Success,
    Failure,
}

/// <summary>One audited event: who did what to which target, when and from where.</summary>
public sealed record AuditEntry(
    long Seq,
    DateTimeOffset At,
    string Action,
    AuditOutcome Outcome,
    Guid? ActorId,
    string? ActorEmail,
    string? TargetType,
    string? TargetId,
    string? Ip,
    string? Detail);
