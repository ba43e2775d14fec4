using DomainFlow.Core;
using DomainFlow.Core.Audit;
using DomainFlow.Core.Personas;
using DomainFlow.Server.Auth;
using DomainFlow.Store.Personas;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>
/// /api/v2/personas/dns: DNS personas, a workspace resource. Every signed-in user lists, reads, exports and tests them;
/// only a persona's creator or an admin changes or deletes it.
/// </summary>
public static class DnsPersonasApi
{
    public const int MaxImport = 1000;

    public static RouteGroupBuilder MapDnsPersonas(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/personas/dns").WithTags("DNS personas");
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/export", ExportAsync);
        group.MapPost("/import", ImportAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
        group.MapPost("/{id:guid}/test", TestAsync);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<DnsPersonaDto>>> ListAsync(Caller caller, DnsPersonaStore personas, bool? enabled, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<DnsPersonaDto>>((await personas.ListAsync(enabled, ct)).Select(p => Dto(p, caller)).ToList());

    private static async Task<Results<Created<DnsPersonaDto>, ProblemHttpResult>> CreateAsync(
        DnsPersonaConfig config, Caller caller, HttpContext http, DnsPersonaStore personas, AuditLog audit, CancellationToken ct)
    {
        var persona = await personas.CreateAsync(config, caller.User.Id, ct);
        await audit.RecordAsync(http, AuditAction.PersonaCreated, targetType: "dns_persona", targetId: persona.Id.ToString(), detail: persona.Config.Name);
        return TypedResults.Created($"/api/v2/personas/dns/{persona.Id}", Dto(persona, caller));
    }

    private static async Task<Results<Ok<DnsPersonaDto>, ProblemHttpResult>> GetAsync(Guid id, Caller caller, DnsPersonaStore personas, CancellationToken ct) =>
        await personas.GetAsync(id, ct) is { } persona ? TypedResults.Ok(Dto(persona, caller)) : (ProblemHttpResult)Problems.NotFound("The DNS persona");

    /// <summary>A full replacement: fields left out take their defaults.</summary>
    private static async Task<Results<Ok<DnsPersonaDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, DnsPersonaConfig config, Caller caller, HttpContext http, DnsPersonaStore personas, AuditLog audit, CancellationToken ct)
    {
        if (await EditableAsync(id, caller, personas, "change", ct) is { } refusal)
        {
            return refusal;
        }
        if (await personas.UpdateAsync(id, config, ct) is not { } updated)
        {
            return (ProblemHttpResult)Problems.NotFound("The DNS persona");
        }
        await audit.RecordAsync(http, AuditAction.PersonaUpdated, targetType: "dns_persona", targetId: id.ToString(), detail: updated.Config.Name);
        return TypedResults.Ok(Dto(updated, caller));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, Caller caller, HttpContext http, DnsPersonaStore personas, AuditLog audit, CancellationToken ct)
    {
        if (await EditableAsync(id, caller, personas, "delete", ct) is { } refusal)
        {
            return refusal;
        }
        if (!await personas.DeleteAsync(id, ct))
        {
            return (ProblemHttpResult)Problems.NotFound("The DNS persona");
        }
        await audit.RecordAsync(http, AuditAction.PersonaDeleted, targetType: "dns_persona", targetId: id.ToString());
        return TypedResults.NoContent();
    }

    /// <summary>Every persona's configuration as a JSON file that <c>POST /personas/dns/import</c> takes back.</summary>
    private static async Task<Ok<IReadOnlyList<DnsPersonaConfig>>> ExportAsync(HttpContext http, DnsPersonaStore personas, CancellationToken ct)
    {
        var configs = (await personas.ListAsync(ct: ct)).Select(p => p.Config).ToList();
        http.Response.Headers.ContentDisposition = "attachment; filename=\"dns-personas.json\"";
        return TypedResults.Ok<IReadOnlyList<DnsPersonaConfig>>(configs);
    }

    /// <summary>All or nothing: every persona is validated first and every problem reported ("[2].resolvers[0].address").</summary>
    private static async Task<Results<Created<IReadOnlyList<DnsPersonaDto>>, ProblemHttpResult>> ImportAsync(
        IReadOnlyList<DnsPersonaConfig> configs, Caller caller, HttpContext http, DnsPersonaStore personas, AuditLog audit, CancellationToken ct)
    {
        if (configs.Count is 0 or > MaxImport)
        {
            throw new ValidationException(ValidationErrors.Single("$", $"must list between 1 and {MaxImport} personas"));
        }
        var created = await personas.CreateManyAsync(configs, caller.User.Id, ct);
        foreach (var persona in created)
        {
            await audit.RecordAsync(http, AuditAction.PersonaCreated, targetType: "dns_persona", targetId: persona.Id.ToString(), detail: $"{persona.Config.Name} (imported)");
        }
        return TypedResults.Created("/api/v2/personas/dns", (IReadOnlyList<DnsPersonaDto>)created.Select(p => Dto(p, caller)).ToList());
    }

    /// <summary>Really resolves the names through each resolver; read-like, so any user may test any persona.</summary>
    private static async Task<Results<Ok<DnsPersonaTestReport>, ProblemHttpResult>> TestAsync(
        Guid id, DnsPersonaTestRequest request, DnsPersonaStore personas, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var names = TestNames(request.Names, errors);
        if (request.TimeoutMs is < 10 or > 60_000)
        {
            errors.Add("timeoutMs", "must be between 10 and 60000");
        }
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        if (await personas.GetAsync(id, ct) is not { } persona)
        {
            return (ProblemHttpResult)Problems.NotFound("The DNS persona");
        }
        return TypedResults.Ok(await DnsPersonaTester.RunAsync(persona.Config, names, request.TimeoutMs, ct));
    }

    /// <summary>Names as the resolver will ask them (trimmed, lower-case, no trailing dot), each once.</summary>
    private static List<string> TestNames(IReadOnlyList<string>? raw, ValidationErrors errors)
    {
        if (raw is null || raw.Count is 0 or > DnsPersonaTester.MaxNames)
        {
            errors.Add("names", $"must list between 1 and {DnsPersonaTester.MaxNames} names");
            return [];
        }
        var names = new List<string>();
        for (var i = 0; i < raw.Count; i++)
        {
            var name = (raw[i] ?? "").Trim().TrimEnd('.').ToLowerInvariant();
            if (name.Length is 0 or > 253)
            {
                errors.Add($"names[{i}]", "must be a domain name of 1 to 253 characters");
            }
            else if (!names.Contains(name))
            {
                names.Add(name);
            }
        }
        return names;
    }

    private static bool CanEdit(DnsPersona persona, Caller caller) => caller.User.IsAdmin || persona.CreatedBy == caller.User.Id;

    private static DnsPersonaDto Dto(DnsPersona persona, Caller caller) => DnsPersonaDto.From(persona, CanEdit(persona, caller));

    /// <summary>Null when the caller may change the persona; otherwise the 404 or 403 to answer.</summary>
    private static async Task<ProblemHttpResult?> EditableAsync(Guid id, Caller caller, DnsPersonaStore personas, string verb, CancellationToken ct)
    {
        if (await personas.GetAsync(id, ct) is not { } persona)
        {
            return (ProblemHttpResult)Problems.NotFound("The DNS persona");
        }
        return CanEdit(persona, caller)
            ? null
            : TypedResults.Problem(Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Forbidden",
                $"Only the persona's creator or an admin may {verb} it; every user may read, export and test it."));
    }
}
