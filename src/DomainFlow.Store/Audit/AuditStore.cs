using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Audit;
using DomainFlow.Store.Campaigns;

namespace DomainFlow.Store.Audit;

/// <summary>The append-only audit log: newest-first keyset pages with filters, and retention pruning.</summary>
public sealed class AuditStore(Database db)
{
    public sealed record Filter(string? Action = null, Guid? ActorId = null, AuditOutcome? Outcome = null, string? TargetId = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null);

    public sealed record Page(IReadOnlyList<AuditEntry> Items, string? NextCursor);

    private sealed class Row
    {
        public long Seq { get; set; }
        public long At { get; set; }
        public string Action { get; set; } = "";
        public string Outcome { get; set; } = "";
        public string? ActorId { get; set; }
        public string? ActorEmail { get; set; }
        public string? TargetType { get; set; }
        public string? TargetId { get; set; }
        public string? Ip { get; set; }
        public string? Detail { get; set; }

        public AuditEntry ToModel() => new(
            Seq, Time.FromMs(At), Action, WireNames.Parse<AuditOutcome>(Outcome), ActorId is null ? null : Guid.Parse(ActorId),
            ActorEmail, TargetType, TargetId, Ip, Detail);
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken ct = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO audit_log (at, action, outcome, actor_id, actor_email, target_type, target_id, ip, detail)
            VALUES (@at, @action, @outcome, @actorId, @actorEmail, @targetType, @targetId, @ip, @detail)
            """,
            new
            {
                at = db.NowMs,
                action = entry.Action,
                outcome = WireNames.ToWire(entry.Outcome),
                actorId = entry.ActorId?.ToString(),
                actorEmail = entry.ActorEmail,
                targetType = entry.TargetType,
                targetId = entry.TargetId,
                ip = entry.Ip,
                detail = entry.Detail,
            }, ct);

    public async Task<Page> QueryAsync(Filter filter, int limit, string? cursor, CancellationToken ct = default)
    {
        var where = new List<string>();
        var args = new DynamicParameters();
        void Add(string clause, string name, object? value)
        {
            where.Add(clause);
            args.Add(name, value);
        }
        if (Cursor.Decode(cursor) is { } before)
        {
            Add("seq < @before", "before", before);
        }
        if (filter.Action is { Length: > 0 } action)
        {
            // "auth" matches every auth.* action; "auth.login" only that one.
            Add(action.Contains('.', StringComparison.Ordinal) ? "action = @action" : "action LIKE @action ESCAPE '\\'", "action",
                action.Contains('.', StringComparison.Ordinal) ? action : action.Replace("_", "\\_") + ".%");
        }
        if (filter.ActorId is { } actor)
        {
            Add("actor_id = @actor", "actor", actor.ToString());
        }
        if (filter.Outcome is { } outcome)
        {
            Add("outcome = @outcome", "outcome", WireNames.ToWire(outcome));
        }
        if (filter.TargetId is { Length: > 0 } target)
        {
            Add("target_id = @target", "target", target);
        }
        if (filter.Since is { } since)
        {
            Add("at >= @since", "since", since.ToUnixTimeMilliseconds());
        }
        if (filter.Until is { } until)
        {
            Add("at < @until", "until", until.ToUnixTimeMilliseconds());
        }
        args.Add("limit", limit + 1);
        var rows = await db.QueryAsync<Row>(
            $"SELECT seq, at, action, outcome, actor_id, actor_email, target_type, target_id, ip, detail FROM audit_log {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY seq DESC LIMIT @limit",
            args, ct);
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = Cursor.Encode(rows[^1].Seq);
        }
        return new Page(rows.Select(r => r.ToModel()).ToList(), next);
    }

    public Task<int> PruneAsync(TimeSpan retention, CancellationToken ct = default) =>
        db.ExecuteAsync("DELETE FROM audit_log WHERE at < @before", new { before = db.NowMs - (long)retention.TotalMilliseconds }, ct);
}
