using System.Globalization;
using DomainFlow.Store;
using DomainFlow.Store.Migrations;
using Npgsql;

namespace DomainFlow.Bench;

/// <summary>
/// A fresh, migrated database for one run: SQLite in a new temp folder, or a new PostgreSQL database created through
/// the admin connection string. Disposing removes it.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;
    private readonly string? _adminConnection;
    private readonly string? _postgresName;

    private BenchDatabase(Database database, string? sqliteDirectory, string? adminConnection, string? postgresName)
    {
        Database = database;
        _sqliteDirectory = sqliteDirectory;
        _adminConnection = adminConnection;
        _postgresName = postgresName;
    }

    public Database Database { get; }

    public static async Task<BenchDatabase> CreateAsync(BenchArgs args)
    {
        BenchDatabase bench;
        switch (args.Provider)
        {
            case "sqlite":
            {
                var parent = args.DataDir ?? Path.GetTempPath();
                var dir = Path.Combine(parent, $"domainflow-bench-{Guid.NewGuid():N}");
                var options = new StoreOptions { Provider = "sqlite", DataDirectory = dir };
                bench = new BenchDatabase(Database.Create(options, TimeProvider.System), dir, null, null);
                break;
            }
            case "postgres":
            {
                var admin = args.Connection ?? Environment.GetEnvironmentVariable("DOMAINFLOW_TEST_POSTGRES")
                    ?? throw new ArgumentException("postgres needs --connection (an Npgsql admin connection string) or DOMAINFLOW_TEST_POSTGRES");
                var name = string.Create(CultureInfo.InvariantCulture, $"bench_{Guid.NewGuid():N}");
                await ExecuteAdminAsync(admin, $"CREATE DATABASE {name}");
                var connection = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
                var options = new StoreOptions { Provider = "postgres", ConnectionString = connection };
                bench = new BenchDatabase(Database.Create(options, TimeProvider.System), null, admin, name);
                break;
            }
            default:
                throw new ArgumentException($"--provider must be sqlite or postgres, not '{args.Provider}'");
        }
        await new Migrator(bench.Database).MigrateAsync();
        return bench;
    }

    public async ValueTask DisposeAsync()
    {
        Database.Dispose();
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }
        if (_adminConnection is not null && _postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAdminAsync(_adminConnection, $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
    }

    private static async Task ExecuteAdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
