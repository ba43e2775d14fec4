using DomainFlow.Core;

namespace DomainFlow.Store.Users;

/// <summary>Each user's authenticator (TOTP) secret, encrypted at rest, and the last step a code was accepted for.</summary>
public sealed class MfaStore(Database db, ISecretProtector secrets)
{
    /// <summary>A user's authenticator: its secret in base32, whether it was confirmed, and the last step used.</summary>
    public sealed record Authenticator(string Secret, bool Enabled, long LastStep);

    private sealed class Row
    {
        public string Secret { get; set; } = "";
        public long? EnabledAt { get; set; }
        public long LastStep { get; set; }
    }

    public async Task<Authenticator?> GetAsync(Guid userId, CancellationToken ct = default) =>
        await db.QueryFirstOrDefaultAsync<Row>(
            "SELECT secret, enabled_at AS EnabledAt, last_step AS LastStep FROM user_mfa WHERE user_id = @userId", new { userId = userId.ToString() }, ct) is { } row
            ? new Authenticator(secrets.Unprotect(row.Secret), row.EnabledAt is not null, row.LastStep)
            : null;

    /// <summary>Whether the user's authenticator is on (true), set up but not confirmed (false), or absent (null); nothing decrypted.</summary>
    public async Task<bool?> EnabledAsync(Guid userId, CancellationToken ct = default) =>
        await db.QueryFirstOrDefaultAsync<int?>(
            "SELECT CASE WHEN enabled_at IS NULL THEN 0 ELSE 1 END FROM user_mfa WHERE user_id = @userId", new { userId = userId.ToString() }, ct) is { } on
            ? on == 1
            : null;

    /// <summary>Stores a new, not yet confirmed secret (replacing an unconfirmed one; never a confirmed one).</summary>
    public async Task<bool> BeginAsync(Guid userId, string secret, CancellationToken ct = default) =>
        await db.ExecuteAsync(
            """
            INSERT INTO user_mfa (user_id, secret, enabled_at, last_step, created_at) VALUES (@userId, @secret, NULL, 0, @now)
            ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, last_step = 0, created_at = excluded.created_at
            WHERE user_mfa.enabled_at IS NULL
            """,
            new { userId = userId.ToString(), secret = secrets.Protect(secret), now = db.NowMs }, ct) == 1;

    /// <summary>
    /// Spends the code of <paramref name="step"/>: true only the first time, and only for a step later than the last
    /// one spent (one statement, so two nodes cannot both accept the same code). Confirms the authenticator too.
    /// </summary>
    public async Task<bool> UseStepAsync(Guid userId, long step, CancellationToken ct = default) =>
        await db.ExecuteAsync(
            "UPDATE user_mfa SET last_step = @step, enabled_at = COALESCE(enabled_at, @now) WHERE user_id = @userId AND last_step < @step",
            new { userId = userId.ToString(), step, now = db.NowMs }, ct) == 1;

    public async Task<bool> DeleteAsync(Guid userId, CancellationToken ct = default) =>
        await db.ExecuteAsync("DELETE FROM user_mfa WHERE user_id = @userId", new { userId = userId.ToString() }, ct) == 1;
}
