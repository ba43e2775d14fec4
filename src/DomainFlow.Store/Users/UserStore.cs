using System.Data.Common;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Users;

namespace DomainFlow.Store.Users;

/// <summary>Accounts: creation, lookup, role and activity, passwords and the lockout counters.</summary>
public sealed class UserStore(Database db)
{
    public sealed record Page(IReadOnlyList<User> Items, string? NextCursor);

    public sealed record NewUser(string Email, string DisplayName, UserRole Role, string PasswordHash, bool MustChangePassword = false);

    public async Task<User> CreateAsync(NewUser user, CancellationToken ct = default) =>
        await db.WriteAsync((c, t) => InsertAsync(c, t, user, ct), ct);

    /// <summary>
    /// Creates the first admin with a one-time setup token. Null when a user already exists or the token is
    /// unknown or expired; the check, the token's consumption and the insert share one transaction.
    /// </summary>
    public async Task<User?> CreateFirstAdminAsync(NewUser user, string setupTokenHash, CancellationToken ct = default) =>
        await db.WriteAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM users", transaction: t, cancellationToken: ct)) > 0)
            {
                return null;
            }
            var consumed = await c.ExecuteAsync(new CommandDefinition(
                "DELETE FROM setup_tokens WHERE token_hash = @setupTokenHash AND expires_at > @now", new { setupTokenHash, now = db.NowMs }, t, cancellationToken: ct));
            if (consumed == 0)
            {
                return null;
            }
            await c.ExecuteAsync(new CommandDefinition("DELETE FROM setup_tokens", transaction: t, cancellationToken: ct));
            return await InsertAsync(c, t, user with { Role = UserRole.Admin }, ct);
        }, ct);

    private async Task<User> InsertAsync(DbConnection c, DbTransaction t, NewUser user, CancellationToken ct)
    {
        var key = EmailAddress.Key(user.Email);
        if (await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM users WHERE email_key = @key", new { key }, t, cancellationToken: ct)) > 0)
        {
            throw new ValidationException(ValidationErrors.Single("email", "is already used by another account"));
        }
        var now = db.NowMs;
        var row = await c.QuerySingleAsync<UserRow>(new CommandDefinition(
            $"""
            INSERT INTO users (id, email, email_key, display_name, role, active, password_hash, must_change_password, created_at, updated_at, password_changed_at)
            VALUES (@id, @email, @key, @displayName, @role, 1, @hash, @mustChange, @now, @now, @now) RETURNING {UserRow.Columns}
            """,
            new
            {
                id = Guid.CreateVersion7(db.Clock.GetUtcNow()).ToString(),
                email = user.Email.Trim(),
                key,
                displayName = user.DisplayName.Trim(),
                role = WireNames.ToWire(user.Role),
                hash = user.PasswordHash,
                mustChange = user.MustChangePassword ? 1 : 0,
                now,
            }, t, cancellationToken: ct));
        return row.ToModel();
    }

    public async Task<long> CountAsync(CancellationToken ct = default) =>
        await db.QueryFirstOrDefaultAsync<long>("SELECT count(*) FROM users", ct: ct);

    public async Task<User?> GetAsync(Guid id, CancellationToken ct = default) =>
        (await db.QueryFirstOrDefaultAsync<UserRow>($"SELECT {UserRow.Columns} FROM users WHERE id = @id", new { id = id.ToString() }, ct))?.ToModel();

    public async Task<User?> FindByEmailAsync(string email, CancellationToken ct = default) =>
        (await FindLoginAsync(email, ct))?.User;

    public async Task<LoginRecord?> FindLoginAsync(string email, CancellationToken ct = default)
    {
        var row = await db.QueryFirstOrDefaultAsync<UserRow>($"SELECT {UserRow.Columns} FROM users WHERE email_key = @key", new { key = EmailAddress.Key(email) }, ct);
        return row is null ? null : new LoginRecord(row.ToModel(), row.PasswordHash, Campaigns.Time.FromMs(row.LockedUntil));
    }

    public async Task<string?> PasswordHashAsync(Guid id, CancellationToken ct = default) =>
        await db.QueryFirstOrDefaultAsync<string>("SELECT password_hash FROM users WHERE id = @id", new { id = id.ToString() }, ct);

    /// <summary>Counts a failed login; returns the lock's end when this failure locked the account.</summary>
    public Task<DateTimeOffset?> RecordFailedLoginAsync(Guid id, LockoutPolicy policy, CancellationToken ct = default) =>
        db.WriteAsync(async (c, t) =>
        {
            var row = await c.QuerySingleAsync<UserRow>(new CommandDefinition(
                $"UPDATE users SET failed_logins = failed_logins + 1 WHERE id = @id RETURNING {UserRow.Columns}", new { id = id.ToString() }, t, cancellationToken: ct));
            if (row.FailedLogins < policy.MaxFailures)
            {
                return (DateTimeOffset?)null;
            }
            var until = Campaigns.Time.FromMs((db.Clock.GetUtcNow() + policy.LockFor(row.Lockouts)).ToUnixTimeMilliseconds());
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE users SET failed_logins = 0, lockouts = lockouts + 1, locked_until = @until WHERE id = @id",
                new { id = id.ToString(), until = until.ToUnixTimeMilliseconds() }, t, cancellationToken: ct));
            return until;
        }, ct);

    public Task RecordLoginAsync(Guid id, CancellationToken ct = default) =>
        db.ExecuteAsync("UPDATE users SET failed_logins = 0, lockouts = 0, locked_until = NULL, last_login_at = @now WHERE id = @id", new { id = id.ToString(), now = db.NowMs }, ct);

    public Task SetPasswordAsync(Guid id, string passwordHash, bool mustChange, CancellationToken ct = default) =>
        db.ExecuteAsync(
            "UPDATE users SET password_hash = @passwordHash, must_change_password = @mustChange, password_changed_at = @now, updated_at = @now, failed_logins = 0, locked_until = NULL WHERE id = @id",
            new { id = id.ToString(), passwordHash, mustChange = mustChange ? 1 : 0, now = db.NowMs }, ct);

    /// <summary>Oldest first, keyset-paged; <paramref name="search"/> matches email or name.</summary>
    public async Task<Page> ListAsync(string? search, int limit, string? cursor, CancellationToken ct = default)
    {
        var after = Cursor.Decode(cursor) ?? 0;
        var rows = await db.QueryAsync<UserRow>(
            $"SELECT {UserRow.Columns} FROM users WHERE seq > @after {(string.IsNullOrWhiteSpace(search) ? "" : "AND (email_key LIKE @search ESCAPE '\\' OR lower(display_name) LIKE @search ESCAPE '\\')")} ORDER BY seq LIMIT @limit",
            new { after, limit = limit + 1, search = string.IsNullOrWhiteSpace(search) ? null : SqlText.Contains(search.Trim().ToLowerInvariant()) }, ct);
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = Cursor.Encode(rows[^1].Seq);
        }
        return new Page(rows.Select(r => r.ToModel()).ToList(), next);
    }

    public sealed record Changes(string? DisplayName = null, UserRole? Role = null, bool? Active = null);

    /// <summary>
    /// Applies the changes; refuses (with <see cref="LastAdminException"/>) to disable or demote the last active
    /// admin, since nobody could then administer the workspace.
    /// </summary>
    public async Task<User?> UpdateAsync(Guid id, Changes changes, CancellationToken ct = default) =>
        await db.WriteAsync(async (c, t) =>
        {
            var current = await c.QueryFirstOrDefaultAsync<UserRow>(new CommandDefinition(
                $"SELECT {UserRow.Columns} FROM users WHERE id = @id{db.Dialect.ForUpdate}", new { id = id.ToString() }, t, cancellationToken: ct));
            if (current is null)
            {
                return null;
            }
            var user = current.ToModel();
            var losesAdmin = user.IsAdmin && user.Active && (changes.Role is UserRole.User || changes.Active is false);
            if (losesAdmin && await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND id <> @id", new { id = id.ToString() }, t, cancellationToken: ct)) == 0)
            {
                throw new LastAdminException();
            }
            var row = await c.QuerySingleAsync<UserRow>(new CommandDefinition(
                $"""
                UPDATE users SET display_name = COALESCE(@displayName, display_name), role = COALESCE(@role, role),
                    active = COALESCE(@active, active), updated_at = @now WHERE id = @id RETURNING {UserRow.Columns}
                """,
                new
                {
                    id = id.ToString(),
                    displayName = changes.DisplayName?.Trim(),
                    role = changes.Role is { } r ? WireNames.ToWire(r) : null,
                    active = changes.Active is { } a ? (a ? 1 : 0) : (int?)null,
                    now = db.NowMs,
                }, t, cancellationToken: ct));
            return row.ToModel();
        }, ct);
}

public sealed class LastAdminException() : Exception("The workspace must keep at least one active admin.");
