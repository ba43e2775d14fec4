using Dapper;
using DomainFlow.Core.Users;
using DomainFlow.Store.Campaigns;

namespace DomainFlow.Store.Users;

/// <summary>
/// Server-side login sessions. Any node validates them and a revocation takes effect on the next request,
/// because the row is the session: the browser only holds a random secret whose SHA-256 keys the row.
/// </summary>
public sealed class SessionStore(Database db)
{
    public sealed record Session(
        Guid Id, Guid UserId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt,
        string AgentHash, string? Ip, string? UserAgent);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string UserId { get; set; } = "";
        public long CreatedAt { get; set; }
        public long LastSeenAt { get; set; }
        public long ExpiresAt { get; set; }
        public string AgentHash { get; set; } = "";
        public string? Ip { get; set; }
        public string? UserAgent { get; set; }

        public Session ToModel() => new(Guid.Parse(Id), Guid.Parse(UserId), Time.FromMs(CreatedAt), Time.FromMs(LastSeenAt), Time.FromMs(ExpiresAt), AgentHash, Ip, UserAgent);
    }

    private const string Columns = "id, user_id, created_at, last_seen_at, expires_at, agent_hash, ip, user_agent";

    /// <summary>Opens a session; returns the secret for the cookie (shown once, never stored) and the session.</summary>
    public async Task<(string Secret, Session Session)> CreateAsync(Guid userId, string agentHash, string? ip, string? userAgent, TimeSpan lifetime, CancellationToken ct = default)
    {
        var token = SecretToken.Create();
        var now = db.Clock.GetUtcNow();
        var session = new Session(Guid.CreateVersion7(now), userId, now, now, now + lifetime, agentHash, ip, Truncate(userAgent, 300));
        await db.ExecuteAsync(
            $"INSERT INTO sessions (token_hash, {Columns}) VALUES (@hash, @id, @userId, @createdAt, @createdAt, @expiresAt, @agentHash, @ip, @userAgent)",
            new
            {
                hash = token.Hash,
                id = session.Id.ToString(),
                userId = userId.ToString(),
                createdAt = now.ToUnixTimeMilliseconds(),
                expiresAt = session.ExpiresAt.ToUnixTimeMilliseconds(),
                agentHash,
                ip,
                userAgent = session.UserAgent,
            }, ct);
        return (token.Secret, session);
    }

    public async Task<Session?> FindAsync(string secret, CancellationToken ct = default) =>
        (await db.QueryFirstOrDefaultAsync<Row>($"SELECT {Columns} FROM sessions WHERE token_hash = @hash", new { hash = SecretToken.HashOf(secret) }, ct))?.ToModel();

    /// <summary>Whether the session still exists and is within its lifetime (for long-lived streams opened by it).</summary>
    public async Task<bool> IsLiveAsync(Guid id, CancellationToken ct = default) =>
        await db.QueryFirstOrDefaultAsync<long>("SELECT count(*) FROM sessions WHERE id = @id AND expires_at > @now", new { id = id.ToString(), now = db.NowMs }, ct) > 0;

    /// <summary>Records activity for the idle timeout.</summary>
    public Task TouchAsync(Guid id, CancellationToken ct = default) =>
        db.ExecuteAsync("UPDATE sessions SET last_seen_at = @now WHERE id = @id", new { id = id.ToString(), now = db.NowMs }, ct);

    public async Task<IReadOnlyList<Session>> ListAsync(Guid userId, CancellationToken ct = default) =>
        (await db.QueryAsync<Row>($"SELECT {Columns} FROM sessions WHERE user_id = @userId ORDER BY created_at DESC", new { userId = userId.ToString() }, ct))
            .Select(r => r.ToModel()).ToList();

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken ct = default) =>
        await db.ExecuteAsync("DELETE FROM sessions WHERE id = @id AND user_id = @userId", new { id = id.ToString(), userId = userId.ToString() }, ct) > 0;

    /// <summary>Ends every session of the user except <paramref name="keep"/>; returns how many ended.</summary>
    public Task<int> DeleteAllAsync(Guid userId, Guid? keep = null, CancellationToken ct = default) =>
        db.ExecuteAsync("DELETE FROM sessions WHERE user_id = @userId AND id <> @keep", new { userId = userId.ToString(), keep = (keep ?? Guid.Empty).ToString() }, ct);

    /// <summary>Removes sessions past their absolute lifetime or idle for longer than <paramref name="idle"/>.</summary>
    public Task<int> PruneAsync(TimeSpan idle, CancellationToken ct = default) =>
        db.ExecuteAsync("DELETE FROM sessions WHERE expires_at <= @now OR last_seen_at <= @idleBefore",
            new { now = db.NowMs, idleBefore = db.NowMs - (long)idle.TotalMilliseconds }, ct);

    private static string? Truncate(string? text, int max) => text is { Length: > 0 } t && t.Length > max ? t[..max] : text;
}
