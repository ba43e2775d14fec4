using System.CommandLine;
using DomainFlow.Store;
using DomainFlow.Store.Migrations;

namespace DomainFlow.Server.Cli;

/// <summary>`domainflow db migrate`: applies pending migrations with the same code the server runs at start-up.</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var provider = new Option<string>("--provider") { Description = "sqlite or postgres", DefaultValueFactory = _ => "sqlite" };
        var connection = new Option<string?>("--connection") { Description = "Connection string (postgres), or a SQLite connection string" };
        var dataDir = new Option<string>("--data-dir") { Description = "Folder of the embedded database", DefaultValueFactory = _ => "data" };
        var migrate = new Command("migrate", "Apply pending database migrations.") { provider, connection, dataDir };
        migrate.SetAction(async (result, ct) =>
        {
            var options = new StoreOptions
            {
                Provider = result.GetValue(provider)!,
                ConnectionString = result.GetValue(connection) ?? Environment.GetEnvironmentVariable("DOMAINFLOW__Store__ConnectionString"),
                DataDirectory = result.GetValue(dataDir)!,
            };
            try
            {
                using var db = Database.Create(options, TimeProvider.System);
                var applied = await new Migrator(db).MigrateAsync(ct);
                await result.InvocationConfiguration.Output.WriteLineAsync(applied.Count == 0
                    ? "Database is up to date."
                    : $"Applied {applied.Count} migration(s): {string.Join(", ", applied.Select(m => m.Name))}");
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or ArgumentException)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"domainflow db migrate: {e.Message}");
                return 1;
            }
        });
        return new Command("db", "Local database administration.") { migrate };
    }
}
