using Dapper;
using DomainFlow.Store.Migrations;
using DomainFlow.Tests.Support;

namespace DomainFlow.Tests.Store;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Migrations_apply_once_and_a_second_run_changes_nothing(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        var migrator = new Migrator(db.Database);

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        Assert.Equal(migrator.Available().Select(m => m.Version), first.Select(m => m.Version));
        Assert.Empty(second);
        Assert.Equal(first.Count, await db.ScalarAsync("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Both_engines_have_the_same_tables_columns_and_type_families()
    {
        await using var sqlite = await TestDatabase.CreateAsync("sqlite");
        await using var postgres = await TestDatabase.CreateAsync("postgres");

        var sqliteSchema = await SchemaAsync(sqlite);
        var postgresSchema = await SchemaAsync(postgres);

        Assert.Equal(sqliteSchema, postgresSchema);
        Assert.Equal(Migrator.LoadScripts("sqlite").Select(m => m.Name), Migrator.LoadScripts("postgres").Select(m => m.Name));
    }

    private sealed record ColumnRow(string TableName, string ColumnName, string TypeName);

    private static async Task<List<string>> SchemaAsync(TestDatabase db)
    {
        await using var c = await db.Database.OpenAsync();
        var rows = await c.QueryAsync<ColumnRow>(db.Database.Dialect.SchemaColumnsSql);
        return rows.Select(r => $"{r.TableName}.{r.ColumnName}:{Family(r.TypeName)}").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Maps engine type names to the families the code relies on.</summary>
    private static string Family(string type) => type switch
    {
        "integer" or "bigint" => "integer",
        "text" => "text",
        "real" or "double precision" => "real",
        _ => throw new InvalidOperationException($"Unexpected column type '{type}': map it to a family in this test."),
    };
}
