using DomainFlow.Core.Users;

namespace DomainFlow.Store.Users;

/// <summary>
/// First-run setup tokens. A node that starts while no user exists issues one and prints it in its log; creating
/// the first admin consumes them all (see <see cref="UserStore.CreateFirstAdminAsync"/>).
/// </summary>
public sealed class SetupTokenStore(Database db)
{
    public async Task<string> IssueAsync(TimeSpan lifetime, CancellationToken ct = default)
    {
        var token = SecretToken.Create("setup_");
        await db.ExecuteAsync("DELETE FROM setup_tokens WHERE expires_at <= @now", new { now = db.NowMs }, ct);
        await db.ExecuteAsync("INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (@hash, @now, @expires)",
            new { hash = token.Hash, now = db.NowMs, expires = db.NowMs + (long)lifetime.TotalMilliseconds }, ct);
        return token.Secret;
    }
}
