using DomainFlow.Core;
using DomainFlow.Core.Users;
using DomainFlow.Store.Campaigns;

namespace DomainFlow.Store.Users;

/// <summary>API tokens for scripts and the CLI: the secret is shown once at creation, only its SHA-256 is kept.</summary>
public sealed class ApiTokenStore(Database db)
{
    /// <summary>Marks the secret as a DomainFlow token, so secret scanners and people recognise a leaked one.</summary>
    public const string SecretPrefix = "dft_";

    public sealed record ApiToken(
        Guid Id, Guid UserId, string Name, IReadOnlyList<ApiTokenScope> Scopes, string Prefix,
        DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt)
    {
        public bool Allows(ApiTokenScope scope) => Scopes.Contains(scope);
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string UserId { get; set; } = "";
        public string Name { get; set; } = "";
        public string Scopes { get; set; } = "";
        public string Prefix { get; set; } = "";
        public long CreatedAt { get; set; }
        public long? ExpiresAt { get; set; }
        public long? LastUsedAt { get; set; }

        public ApiToken ToModel() => new(
            Guid.Parse(Id), Guid.Parse(UserId), Name, Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(WireNames.Parse<ApiTokenScope>).ToList(),
            Prefix, Time.FromMs(CreatedAt), Time.FromMs(ExpiresAt), Time.FromMs(LastUsedAt));
    }

    private const string Columns = "id, user_id, name, scopes, prefix, created_at, expires_at, last_used_at";

    public async Task<(string Secret, ApiToken Token)> CreateAsync(Guid userId, string name, IReadOnlyCollection<ApiTokenScope> scopes, DateTimeOffset? expiresAt, CancellationToken ct = default)
    {
        var secret = SecretToken.Create(SecretPrefix);
        var now = db.Clock.GetUtcNow();
        // Write implies read: a token that may change things may also look at them.
        var granted = scopes.Contains(ApiTokenScope.Write) ? new[] { ApiTokenScope.Read, ApiTokenScope.Write } : [ApiTokenScope.Read];
        var token = new ApiToken(Guid.CreateVersion7(now), userId, name.Trim(), granted, secret.Secret[..(SecretPrefix.Length + 6)], now, expiresAt, null);
        await db.ExecuteAsync(
            $"INSERT INTO api_tokens (token_hash, {Columns}) VALUES (@hash, @id, @userId, @name, @scopes, @prefix, @createdAt, @expiresAt, NULL)",
            new
            {
                hash = secret.Hash,
                id = token.Id.ToString(),
                userId = userId.ToString(),
                name = token.Name,
                scopes = string.Join(' ', granted.Select(WireNames.ToWire)),
                prefix = token.Prefix,
                createdAt = now.ToUnixTimeMilliseconds(),
                expiresAt = expiresAt?.ToUnixTimeMilliseconds(),
            }, ct);
        return (secret.Secret, token);
    }

    public async Task<ApiToken?> FindAsync(string secret, CancellationToken ct = default) =>
        (await db.QueryFirstOrDefaultAsync<Row>($"SELECT {Columns} FROM api_tokens WHERE token_hash = @hash", new { hash = SecretToken.HashOf(secret) }, ct))?.ToModel();

    public async Task<bool> IsLiveAsync(Guid id, CancellationToken ct = default) =>
        await db.QueryFirstOrDefaultAsync<long>("SELECT count(*) FROM api_tokens WHERE id = @id AND (expires_at IS NULL OR expires_at > @now)", new { id = id.ToString(), now = db.NowMs }, ct) > 0;

    public Task TouchAsync(Guid id, CancellationToken ct = default) =>
        db.ExecuteAsync("UPDATE api_tokens SET last_used_at = @now WHERE id = @id", new { id = id.ToString(), now = db.NowMs }, ct);

    public async Task<IReadOnlyList<ApiToken>> ListAsync(Guid userId, CancellationToken ct = default) =>
        (await db.QueryAsync<Row>($"SELECT {Columns} FROM api_tokens WHERE user_id = @userId ORDER BY created_at DESC", new { userId = userId.ToString() }, ct))
            .Select(r => r.ToModel()).ToList();

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken ct = default) =>
        await db.ExecuteAsync("DELETE FROM api_tokens WHERE id = @id AND user_id = @userId", new { id = id.ToString(), userId = userId.ToString() }, ct) > 0;

    public Task<int> DeleteAllAsync(Guid userId, CancellationToken ct = default) =>
        db.ExecuteAsync("DELETE FROM api_tokens WHERE user_id = @userId", new { userId = userId.ToString() }, ct);
}
