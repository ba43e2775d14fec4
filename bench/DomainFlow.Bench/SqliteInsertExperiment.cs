using System.Diagnostics;
using System.Globalization;
using System.Text;
using DomainFlow.Core.Generation;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DomainFlow.Bench;

/// <summary>
/// Investigation aid, not a product path: generate and write the same rows into a fresh SQLite database on one thread,
/// one transaction per batch, with three INSERT strategies — "prepared" (what SqliteDialect does today: one
/// Microsoft.Data.Sqlite ExecuteNonQuery per row), "multirow" (one statement of 100 rows), and "raw" (SQLitePCL
/// prepared statement, names bound as the generator's UTF-8 bytes, so no string is ever created).
/// </summary>
internal static class SqliteInsertExperiment
{
    private const int RowsPerStatement = 100;

    public static async Task<int> RunAsync(BenchArgs args, string mode)
    {
        await using var bench = await BenchDatabase.CreateAsync(args with { Provider = "sqlite" });
        await using var connection = (SqliteConnection)await bench.Database.OpenAsync();
        var pattern = BenchPattern.Create(args.Names);
        var watch = Stopwatch.StartNew();
        switch (mode)
        {
            case "prepared":
                Prepared(connection, pattern, args.Names, args.BatchSize);
                break;
            case "multirow":
                MultiRow(connection, pattern, args.Names, args.BatchSize);
                break;
            case "raw":
                Raw(connection, pattern, args.Names, args.BatchSize);
                break;
            default:
                throw new ArgumentException($"unknown sqlite insert mode '{mode}' (prepared, multirow, raw)");
        }
        watch.Stop();
        Measurement.Report($"sqlite_insert_{mode}", args.Names, watch.Elapsed, ("batch", args.BatchSize.ToString(CultureInfo.InvariantCulture)));
        return 0;
    }

    private static void Prepared(SqliteConnection connection, DomainPattern pattern, long names, int batch)
    {
        var generator = new NameGenerator(pattern, 0, (ulong)names);
        long ordinal = 0;
        while (ordinal < names)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO domains (campaign_seq, ordinal, name) VALUES ($c, $o, $n)";
            command.Parameters.Add("$c", SqliteType.Integer).Value = BenchPattern.CampaignSeq;
            var o = command.Parameters.Add("$o", SqliteType.Integer);
            var n = command.Parameters.Add("$n", SqliteType.Text);
            command.Prepare();
            for (var i = 0; i < batch && generator.MoveNext(); i++)
            {
                o.Value = ordinal++;
                n.Value = generator.CurrentName;
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    private static void MultiRow(SqliteConnection connection, DomainPattern pattern, long names, int batch)
    {
        var sql = new StringBuilder("INSERT INTO domains (campaign_seq, ordinal, name) VALUES ");
        for (var r = 0; r < RowsPerStatement; r++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(r == 0 ? "" : ",")}({BenchPattern.CampaignSeq}, $o{r}, $n{r})");
        }
        var generator = new NameGenerator(pattern, 0, (ulong)names);
        long ordinal = 0;
        while (ordinal < names)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql.ToString();
            var o = new SqliteParameter[RowsPerStatement];
            var n = new SqliteParameter[RowsPerStatement];
            for (var r = 0; r < RowsPerStatement; r++)
            {
                o[r] = command.Parameters.Add($"$o{r}", SqliteType.Integer);
                n[r] = command.Parameters.Add($"$n{r}", SqliteType.Text);
            }
            command.Prepare();
            // Batches are whole multiples of RowsPerStatement here (names and batch sizes are round numbers).
            for (var i = 0; i < batch / RowsPerStatement && ordinal < names; i++)
            {
                for (var r = 0; r < RowsPerStatement && generator.MoveNext(); r++)
                {
                    o[r].Value = ordinal++;
                    n[r].Value = generator.CurrentName;
                }
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    private static void Raw(SqliteConnection connection, DomainPattern pattern, long names, int batch)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, "INSERT INTO domains (campaign_seq, ordinal, name) VALUES (?1, ?2, ?3)", out var statement));
        using (statement)
        {
            var generator = new NameGenerator(pattern, 0, (ulong)names);
            long ordinal = 0;
            while (ordinal < names)
            {
                Check(db, raw.sqlite3_exec(db, "BEGIN"));
                for (var i = 0; i < batch && generator.MoveNext(); i++)
                {
                    raw.sqlite3_bind_int64(statement, 1, BenchPattern.CampaignSeq);
                    raw.sqlite3_bind_int64(statement, 2, ordinal++);
                    raw.sqlite3_bind_text(statement, 3, generator.Current);
                    if (raw.sqlite3_step(statement) != raw.SQLITE_DONE)
                    {
                        throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
                    }
                    raw.sqlite3_reset(statement);
                }
                Check(db, raw.sqlite3_exec(db, "COMMIT"));
            }
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
        }
    }
}
