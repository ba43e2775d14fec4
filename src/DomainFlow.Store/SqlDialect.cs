using System.Data.Common;

namespace DomainFlow.Store;

/// <summary>
/// The only place that knows SQLite and PostgreSQL differ: connections, row locking, job claiming and bulk writes.
/// Everything else is one Dapper code path with portable SQL (RETURNING, ON CONFLICT, keyset paging).
/// </summary>
public abstract class SqlDialect
{
    /// <summary>"sqlite" or "postgres"; also the migrations folder name.</summary>
    public abstract string Name { get; }

    public abstract DbConnection CreateConnection();

    /// <summary>Runs after a connection opens (session settings).</summary>
    public virtual Task PrepareConnectionAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Appended to a SELECT that reads a row it is about to change inside a write transaction.</summary>
    public abstract string ForUpdate { get; }

    /// <summary>Appended to the claim query so concurrent workers skip rows another worker is claiming.</summary>
    public abstract string ForUpdateSkipLocked { get; }

    /// <summary>Serialises writers where the engine has a single writer (SQLite); a no-op elsewhere.</summary>
    public abstract ValueTask<IDisposable> EnterWriteAsync(CancellationToken ct);

    /// <summary>Writes (campaign, ordinal, name) rows inside the caller's transaction as fast as the engine allows.</summary>
    public abstract Task BulkInsertDomainsAsync(DbConnection connection, DbTransaction transaction, long campaignSeq, Domains.NameBatch rows, CancellationToken ct);

    /// <summary>Adds uploaded list names, skipping names the campaign already has; returns how many were new.</summary>
    public abstract Task<int> InsertListItemsAsync(DbConnection connection, DbTransaction transaction, long campaignSeq, IReadOnlyList<ListItem> items, CancellationToken ct);

    /// <summary>Inserts or replaces DNS results of one campaign inside the caller's transaction.</summary>
    public abstract Task UpsertDnsResultsAsync(DbConnection connection, DbTransaction transaction, long campaignSeq, IReadOnlyList<Dns.DnsResultRow> rows, CancellationToken ct);

    /// <summary>The column list both engines upsert; the conflict key is (campaign_seq, ordinal).</summary>
    protected const string DnsResultColumns = "ordinal, outcome, ipv4, ipv6, cname, records, rcode, attempts, resolver, latency_ms, checked_at, error";

    protected const string DnsResultUpdate =
        "outcome = excluded.outcome, ipv4 = excluded.ipv4, ipv6 = excluded.ipv6, cname = excluded.cname, records = excluded.records, rcode = excluded.rcode, " +
        "attempts = excluded.attempts, resolver = excluded.resolver, latency_ms = excluded.latency_ms, checked_at = excluded.checked_at, error = excluded.error";

    /// <summary>SQL listing (table_name, column_name, type_family) of the application's tables, for the schema-parity check.</summary>
    public abstract string SchemaColumnsSql { get; }

    /// <summary>Statement that serialises concurrent migrators across nodes, or null where the writer gate suffices.</summary>
    public virtual string? MigrationLockSql => null;

    /// <summary>Runs one migration script (several statements) inside a transaction.</summary>
    public abstract Task ExecuteScriptAsync(DbConnection connection, DbTransaction transaction, string script, CancellationToken ct);
}

/// <summary>One uploaded name with its line number.</summary>
public readonly record struct ListItem(long Line, string Name);
