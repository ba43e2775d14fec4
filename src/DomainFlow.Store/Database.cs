using System.Data.Common;
using Dapper;
using DomainFlow.Store.Postgres;
using DomainFlow.Store.Sqlite;

namespace DomainFlow.Store;

/// <summary>Opens connections and runs write transactions for whichever engine is configured.</summary>
public sealed class Database(SqlDialect dialect, TimeProvider clock) : IDisposable
{
    static Database() => Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

    public SqlDialect Dialect { get; } = dialect;

    public TimeProvider Clock { get; } = clock;

    public long NowMs => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    public static Database Create(StoreOptions options, TimeProvider clock)
    {
        SqlDialect dialect = options.Provider.ToLowerInvariant() switch
        {
            "sqlite" => new SqliteDialect(options.ConnectionString ?? SqliteConnectionStringFor(options.DataDirectory)),
            "postgres" or "postgresql" => new PostgresDialect(options.ConnectionString
                ?? throw new InvalidOperationException("Store:ConnectionString is required when Store:Provider is postgres.")),
            _ => throw new InvalidOperationException($"Store:Provider must be 'sqlite' or 'postgres', not '{options.Provider}'."),
        };
        return new Database(dialect, clock);
    }

    public static string SqliteConnectionStringFor(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return $"Data Source={Path.GetFullPath(Path.Combine(dataDirectory, "domainflow.db"))};Cache=Private;Pooling=True";
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = Dialect.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            await Dialect.PrepareConnectionAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction, committed only if it returns normally.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct = default)
    {
        using var gate = await Dialect.EnterWriteAsync(ct);
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(ct);
        return result;
    }

    public Task WriteAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken ct = default) =>
        WriteAsync(async (c, t) =>
        {
            await work(c, t);
            return true;
        }, ct);

    /// <summary>One read query on a connection of its own.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, object? args = null, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, args, cancellationToken: ct))).ToList();
    }

    public async Task<T?> QueryFirstOrDefaultAsync<T>(string sql, object? args = null, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<T>(new CommandDefinition(sql, args, cancellationToken: ct));
    }

    /// <summary>One write statement in a transaction of its own; returns the rows affected.</summary>
    public Task<int> ExecuteAsync(string sql, object? args = null, CancellationToken ct = default) =>
        WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(sql, args, t, cancellationToken: ct)), ct);

    public void Dispose() => (Dialect as IDisposable)?.Dispose();
}
