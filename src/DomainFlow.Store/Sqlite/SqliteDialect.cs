using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace DomainFlow.Store.Sqlite;

/// <summary>Embedded SQLite in WAL mode with one writer gate per database file.</summary>
public sealed class SqliteDialect(string connectionString) : SqlDialect, IDisposable
{
    private readonly SemaphoreSlim _writerGate = new(1, 1);

    public override string Name => "sqlite";

    public override string ForUpdate => "";

    public override string ForUpdateSkipLocked => "";

    public override DbConnection CreateConnection() => new SqliteConnection(connectionString);

    public override async Task PrepareConnectionAsync(DbConnection connection, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;",
            cancellationToken: ct));

    public override async ValueTask<IDisposable> EnterWriteAsync(CancellationToken ct)
    {
        await _writerGate.WaitAsync(ct);
        return new Releaser(_writerGate);
    }

    /// <summary>One prepared INSERT re-bound per row inside the batch's transaction: SQLite's fastest path.</summary>
    public override Task BulkInsertDomainsAsync(DbConnection connection, DbTransaction transaction, long campaignSeq, IReadOnlyList<DomainRow> rows, CancellationToken ct)
    {
        using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = "INSERT INTO domains (campaign_seq, ordinal, name) VALUES ($c, $o, $n)";
        var campaign = command.Parameters.Add("$c", SqliteType.Integer);
        var ordinal = command.Parameters.Add("$o", SqliteType.Integer);
        var name = command.Parameters.Add("$n", SqliteType.Text);
        campaign.Value = campaignSeq;
        command.Prepare();
        foreach (var row in rows)
        {
            ordinal.Value = row.Ordinal;
            name.Value = row.Name;
            command.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    public override Task<int> InsertListItemsAsync(DbConnection connection, DbTransaction transaction, long campaignSeq, IReadOnlyList<ListItem> items, CancellationToken ct)
    {
        using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = "INSERT INTO list_items (campaign_seq, line, name) VALUES ($c, $l, $n) ON CONFLICT DO NOTHING";
        command.Parameters.Add("$c", SqliteType.Integer).Value = campaignSeq;
        var line = command.Parameters.Add("$l", SqliteType.Integer);
        var name = command.Parameters.Add("$n", SqliteType.Text);
        command.Prepare();
        var inserted = 0;
        foreach (var item in items)
        {
            line.Value = item.Line;
            name.Value = item.Name;
            inserted += command.ExecuteNonQuery();
        }
        return Task.FromResult(inserted);
    }

    public override string SchemaColumnsSql => """
        SELECT m.name AS table_name, p.name AS column_name, lower(p.type) AS type_name
        FROM sqlite_master m JOIN pragma_table_info(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        ORDER BY m.name, p.name
        """;

    public override async Task ExecuteScriptAsync(DbConnection connection, DbTransaction transaction, string script, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(script, transaction: transaction, cancellationToken: ct));

    public void Dispose() => _writerGate.Dispose();

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
