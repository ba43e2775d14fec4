using Dapper;
using DomainFlow.Store;
using DomainFlow.Store.Migrations;
using Npgsql;

namespace DomainFlow.Tests.Support;

/// <summary>A fresh, migrated database on either engine: a temp-folder SQLite file, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DOMAINFLOW_TEST_POSTGRES";

    private readonly Func<Task> _cleanup;

    private TestDatabase(Database database, string engine, string? connectionString, Func<Task> cleanup)
    {
        Database = database;
        Engine = engine;
        ConnectionString = connectionString;
        _cleanup = cleanup;
    }

    public Database Database { get; }

    public string Engine { get; }

    /// <summary>PostgreSQL connection string of this test's own database (null for SQLite).</summary>
    public string? ConnectionString { get; }

    public static TheoryData<string> Engines => new() { "sqlite", "postgres" };

    /// <summary>The admin connection string the test script exports; a missing PostgreSQL fails the test, never skips it.</summary>
    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException($"{PostgresVariable} is not set. Run the tests with scripts/test, which provisions a throwaway PostgreSQL.");

    public static async Task<TestDatabase> CreateAsync(string engine, TimeProvider? clock = null, bool migrate = true)
    {
        clock ??= TimeProvider.System;
        TestDatabase result;
        if (engine == "sqlite")
        {
            var dir = Directory.CreateTempSubdirectory("domainflow-test-").FullName;
            var db = Database.Create(new StoreOptions { Provider = "sqlite", DataDirectory = dir }, clock);
            result = new TestDatabase(db, engine, null, () =>
            {
                db.Dispose();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dir, recursive: true);
                return Task.CompletedTask;
            });
        }
        else
        {
            var name = "t_" + Guid.NewGuid().ToString("N");
            await using (var admin = new NpgsqlConnection(PostgresAdminConnectionString))
            {
                await admin.ExecuteAsync($"CREATE DATABASE {name}");
            }
            var cs = new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString) { Database = name }.ConnectionString;
            var db = Database.Create(new StoreOptions { Provider = "postgres", ConnectionString = cs }, clock);
            result = new TestDatabase(db, engine, cs, async () =>
            {
                db.Dispose();
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(PostgresAdminConnectionString);
                await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            });
        }
        if (migrate)
        {
            await new Migrator(result.Database).MigrateAsync();
        }
        return result;
    }

    public async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var c = await Database.OpenAsync();
        return await c.ExecuteScalarAsync<long>(sql, args);
    }

    public async Task<int> ExecuteAsync(string sql, object? args = null)
    {
        await using var c = await Database.OpenAsync();
        return await c.ExecuteAsync(sql, args);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var c = await Database.OpenAsync();
        return (await c.QueryAsync<T>(sql, args)).AsList();
    }

    public async ValueTask DisposeAsync() => await _cleanup();
}
