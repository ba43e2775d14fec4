using System.CommandLine;
using DomainFlow.Store;
using DomainFlow.Store.Migrations;

namespace DomainFlow.Server.Cli;

/// <summary>`domainflow db migrate`: applies pending migrations with the same code the server runs at start-up.</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var store = new StoreOptionsCli();
        var migrate = new Command("migrate", "Apply pending database migrations.");
        store.AddTo(migrate);
        migrate.SetAction(async (result, ct) =>
        {
            var options = store.Read(result);
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
