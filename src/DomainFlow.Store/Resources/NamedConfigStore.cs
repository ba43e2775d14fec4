using System.Data.Common;
using System.Text.Json;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Resources;
using DomainFlow.Store.Campaigns;

namespace DomainFlow.Store.Resources;

/// <summary>
/// Named configurations of one kind (a table of the shape of dns_personas): every one stored is valid, so the phase
/// that reads it needs no second check, and names are unique case-insensitively. The configuration is kept as its
/// JSON (DomainFlowJson); name and enabled are copied out so lists sort and filter without parsing it.
/// </summary>
/// <param name="table">The table (a constant of the subclass, never user input).</param>
/// <param name="noun">What one is called in messages: "persona", "keyword set".</param>
public abstract class NamedConfigStore<TConfig>(Database db, string table, string noun)
    where TConfig : class, INamedConfig<TConfig>
{
    private const string Columns = "seq, id, name, config, enabled, created_by, created_at, updated_at";

    protected Database Db => db;

    public async Task<NamedResource<TConfig>> CreateAsync(TConfig config, Guid? createdBy, CancellationToken ct = default) =>
        (await CreateManyAsync([config], createdBy, paths: false, ct))[0];

    /// <summary>
    /// Creates every one or none (an import). Every problem is reported at once, with paths that start with the
    /// position ("[2].rules[0].pattern"); a name that exists already or repeats within the list is one.
    /// </summary>
    public Task<IReadOnlyList<NamedResource<TConfig>>> CreateManyAsync(IReadOnlyList<TConfig> configs, Guid? createdBy, CancellationToken ct = default) =>
        CreateManyAsync(configs, createdBy, paths: true, ct);

    private async Task<IReadOnlyList<NamedResource<TConfig>>> CreateManyAsync(IReadOnlyList<TConfig> configs, Guid? createdBy, bool paths, CancellationToken ct)
    {
        var canonical = configs.Select(TConfig.Canonical).ToList();
        var errors = new ValidationErrors();
        for (var i = 0; i < canonical.Count; i++)
        {
            Check(canonical[i], paths ? $"[{i}]." : "", errors);
        }
        try
        {
            return await db.WriteAsync(async (c, t) =>
            {
                var keys = canonical.Select(p => Key(p.Name)).ToList();
                // Every name: configurations number tens or hundreds, and "IN @list" is not portable (Npgsql binds arrays).
                var taken = (await c.QueryAsync<string>(new CommandDefinition(
                    $"SELECT name_key FROM {table}", transaction: t, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
                for (var i = 0; i < keys.Count; i++)
                {
                    var field = paths ? $"[{i}].name" : "name";
                    if (keys[i].Length == 0)
                    {
                        continue; // already reported as required
                    }
                    if (taken.Contains(keys[i]))
                    {
                        errors.Add(field, $"is already used by another {noun}");
                    }
                    else if (keys.IndexOf(keys[i]) < i)
                    {
                        errors.Add(field, $"repeats the name of {noun} [{keys.IndexOf(keys[i])}] in this list");
                    }
                }
                if (!errors.IsEmpty)
                {
                    throw new ValidationException(errors);
                }
                var created = new List<NamedResource<TConfig>>(canonical.Count);
                foreach (var config in canonical)
                {
                    var now = db.NowMs;
                    var row = await c.QuerySingleAsync<Row>(new CommandDefinition(
                        $"""
                        INSERT INTO {table} (id, name, name_key, config, enabled, created_by, created_at, updated_at)
                        VALUES (@id, @name, @key, @config, @enabled, @createdBy, @now, @now) RETURNING {Columns}
                        """,
                        new
                        {
                            id = Guid.CreateVersion7(db.Clock.GetUtcNow()).ToString(),
                            name = config.Name,
                            key = Key(config.Name),
                            config = JsonSerializer.Serialize(config, DomainFlowJson.Options),
                            enabled = config.Enabled ? 1 : 0,
                            createdBy = createdBy?.ToString(),
                            now,
                        }, t, cancellationToken: ct));
                    created.Add(row.ToModel());
                }
                return (IReadOnlyList<NamedResource<TConfig>>)created;
            }, ct);
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            // Another node inserted the same name between our check and our insert (PostgreSQL; SQLite has one writer).
            throw new ValidationException(ValidationErrors.Single(paths ? "$" : "name", $"a {noun} with this name was created meanwhile"));
        }
    }

    /// <summary>The configuration, or null when it does not exist. What a phase reads when it starts.</summary>
    public async Task<NamedResource<TConfig>?> GetAsync(Guid id, CancellationToken ct = default) =>
        (await db.QueryFirstOrDefaultAsync<Row>($"SELECT {Columns} FROM {table} WHERE id = @id", new { id = id.ToString() }, ct))?.ToModel();

    /// <summary>Every one (optionally only enabled or disabled ones), ordered by name case-insensitively.</summary>
    public async Task<IReadOnlyList<NamedResource<TConfig>>> ListAsync(bool? enabled = null, CancellationToken ct = default)
    {
        var rows = await db.QueryAsync<Row>(
            $"SELECT {Columns} FROM {table} {(enabled is null ? "" : "WHERE enabled = @enabled")}",
            new { enabled = enabled is true ? 1 : 0 }, ct);
        // Sorted here, not in SQL: PostgreSQL's collation and SQLite's byte order would disagree on punctuation and accents.
        return rows.OrderBy(r => Key(r.Name), StringComparer.Ordinal).ThenBy(r => r.Seq).Select(r => r.ToModel()).ToList();
    }

    /// <summary>Replaces the whole configuration; null when it does not exist.</summary>
    public async Task<NamedResource<TConfig>?> UpdateAsync(Guid id, TConfig config, CancellationToken ct = default)
    {
        config = TConfig.Canonical(config);
        var errors = new ValidationErrors();
        Check(config, "", errors);
        try
        {
            return await db.WriteAsync(async (c, t) =>
            {
                if (Key(config.Name).Length > 0 && await c.ExecuteScalarAsync<long>(new CommandDefinition(
                    $"SELECT count(*) FROM {table} WHERE name_key = @key AND id <> @id", new { key = Key(config.Name), id = id.ToString() }, t, cancellationToken: ct)) > 0)
                {
                    errors.Add("name", $"is already used by another {noun}");
                }
                if (!errors.IsEmpty)
                {
                    throw new ValidationException(errors);
                }
                var row = await c.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
                    $"""
                    UPDATE {table} SET name = @name, name_key = @key, config = @config, enabled = @enabled, updated_at = @now
                    WHERE id = @id RETURNING {Columns}
                    """,
                    new
                    {
                        id = id.ToString(),
                        name = config.Name,
                        key = Key(config.Name),
                        config = JsonSerializer.Serialize(config, DomainFlowJson.Options),
                        enabled = config.Enabled ? 1 : 0,
                        now = db.NowMs,
                    }, t, cancellationToken: ct));
                return row?.ToModel();
            }, ct);
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            throw new ValidationException(ValidationErrors.Single("name", $"a {noun} with this name was created meanwhile"));
        }
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct = default) =>
        await db.ExecuteAsync($"DELETE FROM {table} WHERE id = @id", new { id = id.ToString() }, ct) > 0;

    private static string Key(string name) => name.Trim().ToLowerInvariant();

    private static void Check(TConfig config, string prefix, ValidationErrors errors)
    {
        foreach (var (field, messages) in config.Validate().ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(prefix + field, message);
            }
        }
    }

    private static bool IsUniqueViolation(DbException e) => e.SqlState == "23505" || e.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal);

    private sealed class Row
    {
        public long Seq { get; set; }
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Config { get; set; } = "";
        public long Enabled { get; set; }
        public string? CreatedBy { get; set; }
        public long CreatedAt { get; set; }
        public long UpdatedAt { get; set; }

        public NamedResource<TConfig> ToModel() => new(
            Guid.Parse(Id),
            JsonSerializer.Deserialize<TConfig>(Config, DomainFlowJson.Options) ?? throw new InvalidOperationException($"{typeof(TConfig).Name} {Id} has no configuration."),
            CreatedBy is null ? null : Guid.Parse(CreatedBy),
            Time.FromMs(CreatedAt),
            Time.FromMs(UpdatedAt));
    }
}
