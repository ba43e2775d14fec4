namespace DomainFlow.Store.Security;

/// <summary>The encryption key ring (ASP.NET Data Protection key XML), kept in the store so every node shares it.</summary>
public sealed class KeyRingStore(Database db)
{
    public async Task<IReadOnlyList<string>> AllAsync(CancellationToken ct = default) =>
        await db.QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY created_at", ct: ct);

    public Task AddAsync(string name, string xml, CancellationToken ct = default) =>
        db.ExecuteAsync("INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @now) ON CONFLICT (name) DO UPDATE SET xml = excluded.xml",
            new { name, xml, now = db.NowMs }, ct);
}
