using System.Data.Common;
using System.Text.Json;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Personas;

namespace DomainFlow.Store.Personas;

/// <summary>
/// DNS personas: a workspace resource. Every persona stored here is valid (the DNS phase can map it onto the engine
/// without checking again) and its name is unique case-insensitively.
/// </summary>
public sealed class DnsPersonaStore(Database db)
{
    public const int MaxDescriptionLength = 2000;

    public async Task<DnsPersona> CreateAsync(DnsPersonaConfig config, Guid? createdBy, CancellationToken ct = default) =>
        (await CreateManyAsync([config], createdBy, paths: false, ct))[0];

    /// <summary>
    /// Creates every persona or none (an import). Every problem is reported at once, with paths that start with the
    /// persona's position ("[2].resolvers[0].address"); a name that exists already or repeats within the list is one.
    /// </summary>
    public Task<IReadOnlyList<DnsPersona>> CreateManyAsync(IReadOnlyList<DnsPersonaConfig> configs, Guid? createdBy, CancellationToken ct = default) =>
        CreateManyAsync(configs, createdBy, paths: true, ct);

    private async Task<IReadOnlyList<DnsPersona>> CreateManyAsync(IReadOnlyList<DnsPersonaConfig> configs, Guid? createdBy, bool paths, CancellationToken ct)
    {
        var canonical = configs.Select(Canonical).ToList();
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
                // Every name: personas are configuration (tens, hundreds), and "IN @list" is not portable (Npgsql binds arrays).
                var taken = (await c.QueryAsync<string>(new CommandDefinition(
                    "SELECT name_key FROM dns_personas", transaction: t, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
                for (var i = 0; i < keys.Count; i++)
                {
                    var field = paths ? $"[{i}].name" : "name";
                    if (keys[i].Length == 0)
                    {
                        continue; // already reported as required
                    }
                    if (taken.Contains(keys[i]))
                    {
                        errors.Add(field, "is already used by another persona");
                    }
                    else if (keys.IndexOf(keys[i]) < i)
                    {
                        errors.Add(field, $"repeats the name of persona [{keys.IndexOf(keys[i])}] in this list");
                    }
                }
                if (!errors.IsEmpty)
                {
                    throw new ValidationException(errors);
                }
                var created = new List<DnsPersona>(canonical.Count);
                foreach (var config in canonical)
                {
                    var now = db.NowMs;
                    var row = await c.QuerySingleAsync<DnsPersonaRow>(new CommandDefinition(
                        $"""
                        INSERT INTO dns_personas (id, name, name_key, config, enabled, created_by, created_at, updated_at)
                        VALUES (@id, @name, @key, @config, @enabled, @createdBy, @now, @now) RETURNING {DnsPersonaRow.Columns}
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
                return (IReadOnlyList<DnsPersona>)created;
            }, ct);
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            // Another node inserted the same name between our check and our insert (PostgreSQL; SQLite has one writer).
            throw new ValidationException(ValidationErrors.Single(paths ? "$" : "name", "a persona with this name was created meanwhile"));
        }
    }

    /// <summary>The persona, or null when it does not exist. What the DNS phase reads when it starts.</summary>
    public async Task<DnsPersona?> GetAsync(Guid id, CancellationToken ct = default) =>
        (await db.QueryFirstOrDefaultAsync<DnsPersonaRow>($"SELECT {DnsPersonaRow.Columns} FROM dns_personas WHERE id = @id", new { id = id.ToString() }, ct))?.ToModel();

    /// <summary>Every persona (optionally only enabled or disabled ones), ordered by name case-insensitively.</summary>
    public async Task<IReadOnlyList<DnsPersona>> ListAsync(bool? enabled = null, CancellationToken ct = default)
    {
        var rows = await db.QueryAsync<DnsPersonaRow>(
            $"SELECT {DnsPersonaRow.Columns} FROM dns_personas {(enabled is null ? "" : "WHERE enabled = @enabled")}",
            new { enabled = enabled is true ? 1 : 0 }, ct);
        // Sorted here, not in SQL: PostgreSQL's collation and SQLite's byte order would disagree on punctuation and accents.
        return rows.OrderBy(r => Key(r.Name), StringComparer.Ordinal).ThenBy(r => r.Seq).Select(r => r.ToModel()).ToList();
    }

    /// <summary>Replaces the whole configuration; null when the persona does not exist.</summary>
    public async Task<DnsPersona?> UpdateAsync(Guid id, DnsPersonaConfig config, CancellationToken ct = default)
    {
        config = Canonical(config);
        var errors = new ValidationErrors();
        Check(config, "", errors);
        try
        {
            return await db.WriteAsync(async (c, t) =>
            {
                if (Key(config.Name).Length > 0 && await c.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT count(*) FROM dns_personas WHERE name_key = @key AND id <> @id", new { key = Key(config.Name), id = id.ToString() }, t, cancellationToken: ct)) > 0)
                {
                    errors.Add("name", "is already used by another persona");
                }
                if (!errors.IsEmpty)
                {
                    throw new ValidationException(errors);
                }
                var row = await c.QueryFirstOrDefaultAsync<DnsPersonaRow>(new CommandDefinition(
                    $"""
                    UPDATE dns_personas SET name = @name, name_key = @key, config = @config, enabled = @enabled, updated_at = @now
                    WHERE id = @id RETURNING {DnsPersonaRow.Columns}
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
            throw new ValidationException(ValidationErrors.Single("name", "a persona with this name was created meanwhile"));
        }
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct = default) =>
        await db.ExecuteAsync("DELETE FROM dns_personas WHERE id = @id", new { id = id.ToString() }, ct) > 0;

    private static string Key(string name) => name.Trim().ToLowerInvariant();

    /// <summary>
    /// The stored form: trimmed text, upper-case record types without repeats. JSON may carry nulls where the model
    /// has none (a missing list, a null element); they become empty values so validation reports them, not a crash.
    /// </summary>
    internal static DnsPersonaConfig Canonical(DnsPersonaConfig? input)
    {
        var config = input ?? new DnsPersonaConfig();
        return config with
        {
            Name = (config.Name ?? "").Trim(),
            Description = string.IsNullOrWhiteSpace(config.Description) ? null : config.Description.Trim(),
            Resolvers = (config.Resolvers ?? []).Select(r => r is null ? new DnsPersonaResolver("") : r with { Address = (r.Address ?? "").Trim() }).ToList(),
            RecordTypes = (config.RecordTypes ?? []).Select(t => (t ?? "").Trim().ToUpperInvariant()).Distinct().ToList(),
        };
    }

    private static void Check(DnsPersonaConfig config, string prefix, ValidationErrors errors)
    {
        foreach (var (field, messages) in config.Validate().ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(prefix + field, message);
            }
        }
        if (config.Description?.Length > MaxDescriptionLength)
        {
            errors.Add(prefix + "description", $"must be at most {MaxDescriptionLength} characters");
        }
    }

    private static bool IsUniqueViolation(DbException e) => e.SqlState == "23505" || e.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal);
}
