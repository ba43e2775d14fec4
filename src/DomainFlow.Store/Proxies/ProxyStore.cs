using System.Data.Common;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Http;
using DomainFlow.Core.Proxies;
using DomainFlow.Store.Campaigns;

namespace DomainFlow.Store.Proxies;

/// <summary>
/// Proxies and their health. Passwords are encrypted on the way in and decrypted only for <see cref="EndpointAsync"/>
/// (connecting); lists never carry them. One row per endpoint (protocol, user, host, port).
/// </summary>
public sealed class ProxyStore(Database db, ISecretProtector secrets)
{
    private const string Columns = """
        seq, id, name, protocol, host, port, username, password_secret, country, notes, enabled, status, latency_ms, successes, failures,
        consecutive_failures, last_checked_at, last_error, next_check_at, created_by, created_at, updated_at
        """;

    /// <summary>Creates every proxy or none; an endpoint already stored or repeated in the list is reported by position.</summary>
    public async Task<IReadOnlyList<StoredProxy>> CreateManyAsync(IReadOnlyList<ProxyConfig> configs, Guid? createdBy, bool paths, CancellationToken ct = default)
    {
        var canonical = configs.Select(c => (c ?? new ProxyConfig()).Canonical()).ToList();
        var errors = new ValidationErrors();
        for (var i = 0; i < canonical.Count; i++)
        {
            foreach (var (field, messages) in canonical[i].Validate(paths ? $"[{i}]." : "").ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add(field, message);
                }
            }
        }
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        try
        {
            return await db.WriteAsync(async (c, t) =>
            {
                var keys = canonical.Select(Key).ToList();
                var taken = (await c.QueryAsync<string>(new CommandDefinition("SELECT endpoint_key FROM proxies", transaction: t, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
                for (var i = 0; i < keys.Count; i++)
                {
                    var field = paths ? $"[{i}]" : "host";
                    if (taken.Contains(keys[i]))
                    {
                        errors.Add(field, $"{keys[i]} is already a stored proxy");
                    }
                    else if (keys.IndexOf(keys[i]) < i)
                    {
                        errors.Add(field, $"repeats proxy [{keys.IndexOf(keys[i])}] of this list");
                    }
                }
                if (!errors.IsEmpty)
                {
                    throw new ValidationException(errors);
                }
                var created = new List<StoredProxy>();
                foreach (var config in canonical)
                {
                    var now = db.NowMs;
                    created.Add((await c.QuerySingleAsync<Row>(new CommandDefinition(
                        $"""
                        INSERT INTO proxies (id, name, endpoint_key, protocol, host, port, username, password_secret, country, notes, enabled, status,
                            successes, failures, consecutive_failures, next_check_at, created_by, created_at, updated_at)
                        VALUES (@id, @name, @key, @protocol, @host, @port, @username, @secret, @country, @notes, @enabled, 'unknown',
                            0, 0, 0, @now, @createdBy, @now, @now) RETURNING {Columns}
                        """,
                        new
                        {
                            id = Guid.CreateVersion7(db.Clock.GetUtcNow()).ToString(),
                            name = config.Name ?? DefaultName(config),
                            key = Key(config),
                            protocol = WireNames.ToWire(config.Protocol),
                            host = config.Host,
                            port = config.Port,
                            username = config.Username,
                            secret = string.IsNullOrEmpty(config.Password) ? null : secrets.Protect(config.Password),
                            country = config.Country,
                            notes = config.Notes,
                            enabled = config.Enabled ? 1 : 0,
                            createdBy = createdBy?.ToString(),
                            now,
                        }, t, cancellationToken: ct))).ToModel());
                }
                return (IReadOnlyList<StoredProxy>)created;
            }, ct);
        }
        catch (DbException e) when (e.SqlState == "23505" || e.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal))
        {
            throw new ValidationException(ValidationErrors.Single(paths ? "$" : "host", "this proxy was stored meanwhile"));
        }
    }

    public async Task<StoredProxy?> GetAsync(Guid id, CancellationToken ct = default) =>
        (await db.QueryFirstOrDefaultAsync<Row>($"SELECT {Columns} FROM proxies WHERE id = @id", new { id = id.ToString() }, ct))?.ToModel();

    /// <summary>Every proxy (a workspace holds hundreds to a few thousand), optionally by health and enabled flag, by name.</summary>
    public async Task<IReadOnlyList<StoredProxy>> ListAsync(ProxyHealth? status = null, bool? enabled = null, CancellationToken ct = default)
    {
        var where = new List<string>();
        if (status is not null)
        {
            where.Add("status = @status");
        }
        if (enabled is not null)
        {
            where.Add("enabled = @enabled");
        }
        var rows = await db.QueryAsync<Row>(
            $"SELECT {Columns} FROM proxies {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))}",
            new { status = status is { } s ? WireNames.ToWire(s) : null, enabled = enabled is true ? 1 : 0 }, ct);
        return rows.Select(r => r.ToModel()).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id).ToList();
    }

    /// <summary>Replaces the configuration; a null password keeps the stored one. Null when the proxy does not exist.</summary>
    public async Task<StoredProxy?> UpdateAsync(Guid id, ProxyConfig config, CancellationToken ct = default)
    {
        config = config.Canonical();
        var errors = config.Validate();
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        return await db.WriteAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM proxies WHERE endpoint_key = @key AND id <> @id",
                new { key = Key(config), id = id.ToString() }, t, cancellationToken: ct)) > 0)
            {
                throw new ValidationException(ValidationErrors.Single("host", $"{Key(config)} is already another stored proxy"));
            }
            var row = await c.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
                $"""
                UPDATE proxies SET name = @name, endpoint_key = @key, protocol = @protocol, host = @host, port = @port, username = @username,
                    password_secret = CASE WHEN @keep = 1 THEN password_secret ELSE @secret END, country = @country, notes = @notes, enabled = @enabled,
                    updated_at = @now
                WHERE id = @id RETURNING {Columns}
                """,
                new
                {
                    id = id.ToString(),
                    name = config.Name ?? DefaultName(config),
                    key = Key(config),
                    protocol = WireNames.ToWire(config.Protocol),
                    host = config.Host,
                    port = config.Port,
                    username = config.Username,
                    keep = config.Password is null ? 1 : 0,
                    secret = string.IsNullOrEmpty(config.Password) ? null : secrets.Protect(config.Password),
                    country = config.Country,
                    notes = config.Notes,
                    enabled = config.Enabled ? 1 : 0,
                    now = db.NowMs,
                }, t, cancellationToken: ct));
            return row?.ToModel();
        }, ct);
    }

    public async Task<int> SetEnabledAsync(IReadOnlyList<Guid> ids, bool enabled, CancellationToken ct = default) =>
        await db.WriteAsync(async (c, t) =>
        {
            var changed = 0;
            foreach (var id in ids)
            {
                changed += await c.ExecuteAsync(new CommandDefinition("UPDATE proxies SET enabled = @enabled, updated_at = @now WHERE id = @id",
                    new { id = id.ToString(), enabled = enabled ? 1 : 0, now = db.NowMs }, t, cancellationToken: ct));
            }
            return changed;
        }, ct);

    public async Task<int> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default) =>
        await db.WriteAsync(async (c, t) =>
        {
            var deleted = 0;
            foreach (var id in ids)
            {
                deleted += await c.ExecuteAsync(new CommandDefinition("DELETE FROM proxies WHERE id = @id", new { id = id.ToString() }, t, cancellationToken: ct));
            }
            return deleted;
        }, ct);

    /// <summary>
    /// What to connect through, password decrypted; null when the proxy does not exist or, with
    /// <paramref name="usableOnly"/>, when it is disabled or unhealthy (out of rotation).
    /// </summary>
    public async Task<ProxyEndpoint?> EndpointAsync(Guid id, bool usableOnly = false, CancellationToken ct = default)
    {
        var row = await db.QueryFirstOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM proxies WHERE id = @id {(usableOnly ? "AND enabled = 1 AND status <> 'unhealthy'" : "")}", new { id = id.ToString() }, ct);
        return row is null ? null : new ProxyEndpoint(WireNames.Parse<ProxyProtocol>(row.Protocol), row.Host, (int)row.Port, row.Username,
            row.PasswordSecret is null ? null : secrets.Unprotect(row.PasswordSecret));
    }

    /// <summary>Which of these proxies are in rotation now: enabled and not unhealthy.</summary>
    public async Task<IReadOnlySet<Guid>> UsableAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        ids.Count == 0 ? new HashSet<Guid>() : (await db.QueryAsync<string>(
            "SELECT id FROM proxies WHERE id IN @ids AND enabled = 1 AND status <> 'unhealthy'",
            new { ids = ids.Select(id => id.ToString()).ToArray() }, ct)).Select(Guid.Parse).ToHashSet();

    /// <summary>Enabled proxies due for a health check, soonest first.</summary>
    public async Task<IReadOnlyList<Guid>> DueAsync(int limit, CancellationToken ct = default) =>
        (await db.QueryAsync<string>("SELECT id FROM proxies WHERE enabled = 1 AND next_check_at <= @now ORDER BY next_check_at LIMIT @limit",
            new { now = db.NowMs, limit }, ct)).Select(Guid.Parse).ToList();

    /// <summary>
    /// Records a check. A success makes the proxy healthy (degraded when slower than <paramref name="slowMs"/>); a
    /// failure degraded, and unhealthy from <paramref name="unhealthyAfter"/> failures in a row, checked again after
    /// the interval doubled per consecutive failure (up to 64 times): out of rotation, re-checked with back-off.
    /// </summary>
    public async Task<StoredProxy?> RecordCheckAsync(Guid id, bool ok, long latencyMs, string? error, TimeSpan interval, int unhealthyAfter, long slowMs, CancellationToken ct = default)
    {
        var row = await db.WriteAsync(async (c, t) =>
        {
            var current = await c.QueryFirstOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM proxies WHERE id = @id", new { id = id.ToString() }, t, cancellationToken: ct));
            if (current is null)
            {
                return null;
            }
            var consecutive = ok ? 0 : (int)current.ConsecutiveFailures + 1;
            var status = ok ? (latencyMs > slowMs ? ProxyHealth.Degraded : ProxyHealth.Healthy)
                : consecutive >= unhealthyAfter ? ProxyHealth.Unhealthy : ProxyHealth.Degraded;
            var now = db.NowMs;
            var next = now + (long)(interval.TotalMilliseconds * (1L << Math.Min(consecutive, 6)));
            return await c.QuerySingleAsync<Row>(new CommandDefinition(
                $"""
                UPDATE proxies SET status = @status, latency_ms = @latency, successes = successes + @success, failures = failures + @failure,
                    consecutive_failures = @consecutive, last_checked_at = @now, last_error = @error, next_check_at = @next
                WHERE id = @id RETURNING {Columns}
                """,
                new
                {
                    id = id.ToString(),
                    status = WireNames.ToWire(status),
                    latency = ok ? latencyMs : (long?)null,
                    success = ok ? 1 : 0,
                    failure = ok ? 0 : 1,
                    consecutive,
                    now,
                    error = ok ? null : error,
                    next,
                }, t, cancellationToken: ct));
        }, ct);
        return row?.ToModel();
    }

    private static string DefaultName(ProxyConfig config) => $"{WireNames.ToWire(config.Protocol)}://{config.Host}:{config.Port}";

    private static string Key(ProxyConfig config) =>
        $"{WireNames.ToWire(config.Protocol)}://{(config.Username is null ? "" : Uri.EscapeDataString(config.Username) + "@")}{config.Host}:{config.Port}";

    private sealed class Row
    {
        public long Seq { get; set; }
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Protocol { get; set; } = "";
        public string Host { get; set; } = "";
        public long Port { get; set; }
        public string? Username { get; set; }
        public string? PasswordSecret { get; set; }
        public string? Country { get; set; }
        public string? Notes { get; set; }
        public long Enabled { get; set; }
        public string Status { get; set; } = "";
        public long? LatencyMs { get; set; }
        public long Successes { get; set; }
        public long Failures { get; set; }
        public long ConsecutiveFailures { get; set; }
        public long? LastCheckedAt { get; set; }
        public string? LastError { get; set; }
        public long NextCheckAt { get; set; }
        public string? CreatedBy { get; set; }
        public long CreatedAt { get; set; }
        public long UpdatedAt { get; set; }

        public StoredProxy ToModel() => new(
            Guid.Parse(Id), Name, WireNames.Parse<ProxyProtocol>(Protocol), Host, (int)Port, Username, PasswordSecret is not null, Country, Notes, Enabled == 1,
            WireNames.Parse<ProxyHealth>(Status), LatencyMs, Successes, Failures, (int)ConsecutiveFailures, LastCheckedAt is { } checkedAt ? Time.FromMs(checkedAt) : null,
            LastError, Time.FromMs(NextCheckAt), CreatedBy is null ? null : Guid.Parse(CreatedBy), Time.FromMs(CreatedAt), Time.FromMs(UpdatedAt));
    }
}
