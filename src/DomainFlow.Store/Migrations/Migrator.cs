using System.Reflection;
using Dapper;

namespace DomainFlow.Store.Migrations;

/// <summary>Applies the numbered SQL files of the current dialect that the database has not seen yet, each in its own transaction.</summary>
public sealed class Migrator(Database database)
{
    public sealed record Migration(int Version, string Name, string Script);

    /// <summary>
    /// Data that SQL cannot compute (a SHA-256 of a normalised pattern), filled by C# right after its version's
    /// script, in the same transaction: a database either has the column and its values or neither.
    /// </summary>
    private static readonly Dictionary<int, Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, CancellationToken, Task>> DataSteps = new()
    {
        [11] = Generation.PatternHistory.BackfillAsync,
    };

    public IReadOnlyList<Migration> Available() => LoadScripts(database.Dialect.Name);

    public static IReadOnlyList<Migration> LoadScripts(string dialect)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"Migrations/{dialect}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..^4];
                var version = int.Parse(file.AsSpan(0, file.IndexOf('_')), System.Globalization.CultureInfo.InvariantCulture);
                return new Migration(version, file, Read(assembly, n));
            })
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>Applies pending migrations and returns the ones applied.</summary>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken ct = default)
    {
        await database.WriteAsync(async (c, t) =>
        {
            await LockAsync(c, t, ct);
            await c.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
                transaction: t, cancellationToken: ct));
        }, ct);
        var applied = new List<Migration>();
        foreach (var migration in Available())
        {
            var done = await database.WriteAsync(async (c, t) =>
            {
                // Checked under the lock so two nodes starting together apply each script once.
                await LockAsync(c, t, ct);
                var seen = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT count(*) FROM schema_migrations WHERE version = @v", new { v = migration.Version }, t, cancellationToken: ct));
                if (seen > 0)
                {
                    return false;
                }
                await database.Dialect.ExecuteScriptAsync(c, t, migration.Script, ct);
                if (DataSteps.TryGetValue(migration.Version, out var dataStep))
                {
                    await dataStep(c, t, ct);
                }
                await c.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @at)",
                    new { v = migration.Version, n = migration.Name, at = database.NowMs }, t, cancellationToken: ct));
                return true;
            }, ct);
            if (done)
            {
                applied.Add(migration);
            }
        }
        return applied;
    }

    private async Task LockAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, CancellationToken ct)
    {
        if (database.Dialect.MigrationLockSql is { } sql)
        {
            await c.ExecuteAsync(new CommandDefinition(sql, transaction: t, cancellationToken: ct));
        }
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
