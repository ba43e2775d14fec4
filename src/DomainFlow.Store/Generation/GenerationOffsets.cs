using System.Data.Common;
using Dapper;

namespace DomainFlow.Store.Generation;

/// <summary>The workspace-wide "next offset" per normalised pattern hash.</summary>
public static class GenerationOffsets
{
    public static async Task<long> ReadForUpdateAsync(Database db, DbConnection c, DbTransaction t, string hash, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO generation_offsets (config_hash, next_offset, updated_at) VALUES (@hash, 0, @now) ON CONFLICT (config_hash) DO NOTHING",
            new { hash, now = db.NowMs }, t, cancellationToken: ct));
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT next_offset FROM generation_offsets WHERE config_hash = @hash{db.Dialect.ForUpdate}", new { hash }, t, cancellationToken: ct));
    }

    /// <summary>Moves the offset forward only: an explicit earlier offsetStart never rewinds the workspace.</summary>
    public static Task AdvanceAsync(Database db, DbConnection c, DbTransaction t, string hash, long end, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "UPDATE generation_offsets SET next_offset = CASE WHEN next_offset < @end THEN @end ELSE next_offset END, updated_at = @now WHERE config_hash = @hash",
            new { hash, end, now = db.NowMs }, t, cancellationToken: ct));

    public static async Task<long> ReadAsync(Database db, string hash, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT next_offset FROM generation_offsets WHERE config_hash = @hash", new { hash }, cancellationToken: ct)) ?? 0;
    }
}
