using System.Data.Common;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace DomainFlow.Store.Postgres;

/// <summary>PostgreSQL for production and multi-node: row locks, SKIP LOCKED claims and binary COPY.</summary>
public sealed class PostgresDialect : SqlDialect, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    public override string Name => "postgres";

    public override string ForUpdate => " FOR UPDATE";

    public override string ForUpdateSkipLocked => " FOR UPDATE SKIP LOCKED";

    public override DbConnection CreateConnection() => _dataSource.CreateConnection();

    public override ValueTask<IDisposable> EnterWriteAsync(CancellationToken ct) => ValueTask.FromResult<IDisposable>(NoGate.Instance);

    /// <summary>
    /// Binary COPY with the rows encoded here from the names' bytes. NpgsqlBinaryImporter needs a string per name and
    /// a call per field; scripts/bench-generation showed that client-side cost halving our rate, so this writes the
    /// documented COPY BINARY format (header, 3-field tuples, trailer) straight into Npgsql's raw copy stream.
    /// </summary>
    public override async Task BulkInsertDomainsAsync(DbConnection connection, DbTransaction transaction, long campaignSeq, Domains.NameBatch rows, CancellationToken ct)
    {
        var npgsql = (NpgsqlConnection)connection;
        await using var stream = await npgsql.BeginRawBinaryCopyAsync("COPY domains (campaign_seq, ordinal, name) FROM STDIN (FORMAT BINARY)", ct);
        var buffer = new byte[1 << 16];
        var used = CopyBinaryFormat.WriteHeader(buffer);
        var next = 0;
        while (true)
        {
            (used, next) = CopyBinaryFormat.WriteRows(buffer, used, campaignSeq, rows, next);
            if (next == rows.Count && used + 2 <= buffer.Length)
            {
                used += CopyBinaryFormat.WriteTrailer(buffer.AsSpan(used));
                await stream.WriteAsync(buffer.AsMemory(0, used), ct);
                return;
            }
            await stream.WriteAsync(buffer.AsMemory(0, used), ct);
            used = 0;
        }
    }

    /// <summary>Binary COPY into a session temp table, then one INSERT … ON CONFLICT DO NOTHING: a round trip per batch, not per name.</summary>
    public override async Task<int> InsertListItemsAsync(DbConnection connection, DbTransaction transaction, long campaignSeq, IReadOnlyList<ListItem> items, CancellationToken ct)
    {
        var npgsql = (NpgsqlConnection)connection;
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TEMP TABLE IF NOT EXISTS list_stage (line BIGINT NOT NULL, name TEXT NOT NULL) ON COMMIT DELETE ROWS",
            transaction: transaction, cancellationToken: ct));
        await using (var writer = await npgsql.BeginBinaryImportAsync("COPY list_stage (line, name) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var item in items)
            {
                writer.StartRow();
                writer.Write(item.Line, NpgsqlDbType.Bigint);
                writer.Write(item.Name, NpgsqlDbType.Text);
            }
            await writer.CompleteAsync(ct);
        }
        return await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO list_items (campaign_seq, line, name) SELECT @campaignSeq, line, name FROM list_stage ORDER BY line ON CONFLICT DO NOTHING",
            new { campaignSeq }, transaction, cancellationToken: ct));
    }

    /// <summary>One statement per batch: the rows travel as column arrays and are unnested server-side.</summary>
    public override async Task UpsertDnsResultsAsync(DbConnection connection, DbTransaction transaction, long campaignSeq, IReadOnlyList<Dns.DnsResultRow> rows, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO dns_results (campaign_seq, {DnsResultColumns})
            SELECT @campaignSeq, * FROM unnest(@ordinal, @outcome, @ipv4, @ipv6, @cname, @records, @rcode, @attempts, @resolver, @latency, @checkedAt, @error)
            ON CONFLICT (campaign_seq, ordinal) DO UPDATE SET {DnsResultUpdate}
            """,
            new
            {
                campaignSeq,
                ordinal = rows.Select(r => r.Ordinal).ToArray(),
                outcome = rows.Select(r => r.Outcome).ToArray(),
                ipv4 = rows.Select(r => r.Ipv4).ToArray(),
                ipv6 = rows.Select(r => r.Ipv6).ToArray(),
                cname = rows.Select(r => r.Cname).ToArray(),
                records = rows.Select(r => r.Records).ToArray(),
                rcode = rows.Select(r => r.Rcode).ToArray(),
                attempts = rows.Select(r => r.Attempts).ToArray(),
                resolver = rows.Select(r => r.Resolver).ToArray(),
                latency = rows.Select(r => r.LatencyMs).ToArray(),
                checkedAt = rows.Select(r => r.CheckedAt).ToArray(),
                error = rows.Select(r => r.Error).ToArray(),
            }, transaction, cancellationToken: ct));

    public override string? MigrationLockSql => "SELECT pg_advisory_xact_lock(7211984)";

    public override string SchemaColumnsSql => """
        SELECT table_name AS table_name, column_name AS column_name, lower(data_type) AS type_name
        FROM information_schema.columns
        WHERE table_schema = current_schema()
        ORDER BY table_name, column_name
        """;

    public override async Task ExecuteScriptAsync(DbConnection connection, DbTransaction transaction, string script, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(script, transaction: transaction, cancellationToken: ct));

    public void Dispose() => _dataSource.Dispose();

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }
}
