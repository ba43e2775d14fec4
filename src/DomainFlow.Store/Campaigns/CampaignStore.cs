using System.Data.Common;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Events;
using DomainFlow.Core.Phases;
using DomainFlow.Core.Users;
using DomainFlow.Store.Events;
using DomainFlow.Store.Generation;

namespace DomainFlow.Store.Campaigns;

/// <summary>Campaign records: create, read, list, edit, duplicate and delete.</summary>
public sealed class CampaignStore(Database db)
{
    private const string CampaignColumns = "seq, id, name, description, mode, status, created_at, updated_at, started_at, completed_at, owner_id";
    private const string PhaseColumns = "campaign_seq, phase, position, status, config, total, processed, started_at, completed_at, updated_at, error, resumed_at, processed_at_resume";

    public sealed record Page(IReadOnlyList<Campaign> Items, string? NextCursor);

    public async Task<Campaign> CreateAsync(string name, string? description, CampaignMode mode, string? generationConfigJson, Guid? ownerId = null, CancellationToken ct = default)
    {
        var id = Guid.CreateVersion7(db.Clock.GetUtcNow());
        await db.WriteAsync(async (c, t) =>
        {
            var now = db.NowMs;
            var seq = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO campaigns (id, name, description, mode, status, created_at, updated_at, owner_id) VALUES (@id, @name, @description, @mode, @status, @now, @now, @owner) RETURNING seq",
                new { id = id.ToString(), owner = ownerId?.ToString(), name, description, mode = WireNames.ToWire(mode), status = WireNames.ToWire(CampaignStatus.Draft), now }, t, cancellationToken: ct));
            foreach (var phase in PhaseRules.Order)
            {
                var config = phase == PhaseName.Generation ? generationConfigJson : null;
                await c.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO campaign_phases (campaign_seq, phase, position, status, config, pattern_key, updated_at) VALUES (@seq, @phase, @position, @status, @config, @patternKey, @now)",
                    new
                    {
                        seq,
                        phase = WireNames.ToWire(phase),
                        position = PhaseRules.IndexOf(phase),
                        status = WireNames.ToWire(config is null ? PhaseStatus.NotStarted : PhaseStatus.Configured),
                        config,
                        patternKey = GenerationConfigRules.PatternKeyOf(config),
                        now,
                    }, t, cancellationToken: ct));
            }
        }, ct);
        return (await GetAsync(id, ct))!;
    }

    public async Task<Campaign?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<CampaignRow>(new CommandDefinition(
            $"SELECT {CampaignColumns} FROM campaigns WHERE id = @id", new { id = id.ToString() }, cancellationToken: ct));
        return row is null ? null : (await WithPhasesAsync(c, [row], ct))[0];
    }

    /// <summary>
    /// Newest first, keyset-paged by the insertion sequence; <paramref name="search"/> matches the name case-insensitively.
    /// A <paramref name="viewer"/> who is not an admin sees only their own campaigns.
    /// </summary>
    public async Task<Page> ListAsync(string? search, CampaignStatus? status, int limit, string? cursor, Viewer? viewer = null, CancellationToken ct = default)
    {
        var where = new List<string>();
        var args = new DynamicParameters();
        if (OwnerFilter(viewer, "owner_id", args) is { } owner)
        {
            where.Add(owner);
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            where.Add("lower(name) LIKE @search ESCAPE '\\'");
            args.Add("search", SqlText.Contains(search.Trim().ToLowerInvariant()));
        }
        if (status is { } s)
        {
            where.Add("status = @status");
            args.Add("status", WireNames.ToWire(s));
        }
        if (Cursor.Decode(cursor) is { } after)
        {
            where.Add("seq < @afterSeq");
            args.Add("afterSeq", after);
        }
        args.Add("limit", limit + 1);
        var sql = $"SELECT {CampaignColumns} FROM campaigns {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY seq DESC LIMIT @limit";
        await using var c = await db.OpenAsync(ct);
        var rows = (await c.QueryAsync<CampaignRow>(new CommandDefinition(sql, args, cancellationToken: ct))).ToList();
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = Cursor.Encode(rows[^1].Seq);
        }
        return new Page(await WithPhasesAsync(c, rows, ct), next);
    }

    public async Task<Campaign?> UpdateAsync(Guid id, string? name, string? description, CampaignMode? mode, CancellationToken ct = default)
    {
        var changed = await db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            "UPDATE campaigns SET name = COALESCE(@name, name), description = COALESCE(@description, description), mode = COALESCE(@mode, mode), updated_at = @now WHERE id = @id",
            new { id = id.ToString(), name, description, mode = mode is { } m ? WireNames.ToWire(m) : null, now = db.NowMs }, t, cancellationToken: ct)), ct);
        return changed == 0 ? null : await GetAsync(id, ct);
    }

    /// <summary>
    /// Removes the campaign and everything it owns in one transaction. A running phase is stopped by the same
    /// transaction: its jobs disappear, so the worker's next fenced commit fails and it drops the batch.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct = default) =>
        await db.WriteAsync(async (c, t) =>
        {
            var seq = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
                $"SELECT seq FROM campaigns WHERE id = @id{db.Dialect.ForUpdate}", new { id = id.ToString() }, t, cancellationToken: ct));
            if (seq is not { } s)
            {
                return false;
            }
            // Appended while the row still exists: the outbox entry records the owner its subscribers are filtered by.
            await EventOutbox.AppendAsync(c, t, id, CampaignEventType.CampaignDeleted, null, db.NowMs, ct);
            foreach (var table in await CampaignOwnedTablesAsync(c, t, ct))
            {
                await c.ExecuteAsync(new CommandDefinition($"DELETE FROM {table} WHERE campaign_seq = @s", new { s }, t, cancellationToken: ct));
            }
            await c.ExecuteAsync(new CommandDefinition("DELETE FROM campaigns WHERE seq = @s", new { s }, t, cancellationToken: ct));
            return true;
        }, ct);

    /// <summary>
    /// Every table keyed by campaign_seq, read from the schema rather than listed by hand: a table added by a later
    /// migration (results of a new phase, say) is cleaned up too, so a deleted campaign never leaves rows that a
    /// later campaign reusing its seq would inherit.
    /// </summary>
    private async Task<IEnumerable<string>> CampaignOwnedTablesAsync(DbConnection c, DbTransaction t, CancellationToken ct)
    {
        var columns = await c.QueryAsync<(string Table, string Column, string Type)>(
            new CommandDefinition(db.Dialect.SchemaColumnsSql, transaction: t, cancellationToken: ct));
        return columns.Where(col => col.Column == "campaign_seq" && col.Table != "campaigns")
            .Select(col => col.Table).Distinct(StringComparer.Ordinal);
    }

    public sealed record PhaseChange(Guid CampaignId, PhaseState Phase, Guid? OwnerId);

    /// <summary>Phases that run or changed since <paramref name="sinceMs"/>: what event hubs poll for progress.</summary>
    public async Task<IReadOnlyList<PhaseChange>> ActivePhasesAsync(long sinceMs, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var seqs = (await c.QueryAsync<long>(new CommandDefinition(
            "SELECT DISTINCT campaign_seq FROM campaign_phases WHERE status = 'running' OR updated_at >= @sinceMs",
            new { sinceMs }, cancellationToken: ct))).ToList();
        if (seqs.Count == 0)
        {
            return [];
        }
        var rows = (await c.QueryAsync<CampaignRow>(new CommandDefinition(
            $"SELECT {CampaignColumns} FROM campaigns WHERE seq IN ({string.Join(",", seqs)})", cancellationToken: ct))).ToList();
        var campaigns = await WithPhasesAsync(c, rows, ct);
        return campaigns
            .SelectMany(x => x.Phases.Where(p => p.Status == PhaseStatus.Running || p.UpdatedAt.ToUnixTimeMilliseconds() >= sinceMs)
                .Select(p => new PhaseChange(x.Id, p, x.OwnerId)))
            .ToList();
    }

    /// <summary>
    /// The condition that limits <paramref name="ownerColumn"/> to what <paramref name="viewer"/> may see (its parameter
    /// added to <paramref name="args"/>), or null when they see everything (admins, and internal callers without a viewer).
    /// </summary>
    internal static string? OwnerFilter(Viewer? viewer, string ownerColumn, DynamicParameters args)
    {
        if (viewer is not { IsAdmin: false })
        {
            return null;
        }
        args.Add("owner", viewer.UserId.ToString());
        return $"{ownerColumn} = @owner";
    }

    /// <summary>Whether the campaign exists and who owns it: what access checks need, without loading phases.</summary>
    public async Task<(bool Exists, Guid? OwnerId)> OwnerOfAsync(Guid id, CancellationToken ct = default)
    {
        var row = await db.QueryFirstOrDefaultAsync<OwnerRow>("SELECT owner_id FROM campaigns WHERE id = @id", new { id = id.ToString() }, ct);
        return row is null ? (false, null) : (true, row.OwnerId is null ? null : Guid.Parse(row.OwnerId));
    }

    private sealed class OwnerRow
    {
        public string? OwnerId { get; set; }
    }

    /// <summary>The internal key that domain and job rows use, or null when the campaign does not exist.</summary>
    public async Task<long?> SeqOfAsync(Guid id, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT seq FROM campaigns WHERE id = @id", new { id = id.ToString() }, cancellationToken: ct));
    }

    internal static async Task<long?> LockCampaignAsync(Database db, DbConnection c, DbTransaction t, Guid id, CancellationToken ct) =>
        await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT seq FROM campaigns WHERE id = @id{db.Dialect.ForUpdate}", new { id = id.ToString() }, t, cancellationToken: ct));

    internal static async Task<List<PhaseRow>> ReadPhasesAsync(DbConnection c, DbTransaction? t, long seq, CancellationToken ct) =>
        (await c.QueryAsync<PhaseRow>(new CommandDefinition(
            $"SELECT {PhaseColumns} FROM campaign_phases WHERE campaign_seq = @seq ORDER BY position", new { seq }, t, cancellationToken: ct))).ToList();

    private static async Task<IReadOnlyList<Campaign>> WithPhasesAsync(DbConnection c, IReadOnlyList<CampaignRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var seqs = rows.Select(r => r.Seq).ToArray();
        var inList = string.Join(",", seqs);
        var phases = await c.QueryAsync<PhaseRow>(new CommandDefinition(
            $"SELECT {PhaseColumns} FROM campaign_phases WHERE campaign_seq IN ({inList}) ORDER BY campaign_seq, position", cancellationToken: ct));
        var counters = await c.QueryAsync<CounterRow>(new CommandDefinition(
            $"SELECT campaign_seq, phase, name, value FROM phase_counters WHERE campaign_seq IN ({inList})", cancellationToken: ct));
        var countersByPhase = counters.GroupBy(x => (x.CampaignSeq, x.Phase))
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal));
        var phasesByCampaign = phases.GroupBy(p => p.CampaignSeq).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<PhaseState>)g.Select(p => p.ToModel(countersByPhase.GetValueOrDefault((p.CampaignSeq, p.Phase)) ?? EmptyCounters)).ToList());
        return rows.Select(r => r.ToModel(phasesByCampaign.GetValueOrDefault(r.Seq) ?? [])).ToList();
    }

    private static readonly IReadOnlyDictionary<string, long> EmptyCounters = new Dictionary<string, long>();
}
