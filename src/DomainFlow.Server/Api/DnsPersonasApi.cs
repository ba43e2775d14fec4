using DomainFlow.Core;
using DomainFlow.Core.Personas;
using DomainFlow.Store.Personas;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>
/// /api/v2/personas/dns: DNS personas, a workspace resource. Every signed-in user lists, reads, exports and tests them;
/// only a persona's creator or an admin changes or deletes it.
/// </summary>
public static class DnsPersonasApi
{
    public static readonly NamedConfigKind<DnsPersonaConfig, DnsPersonaDto> Kind = new(
        "/personas/dns", "DNS personas", "The DNS persona", "persona", "dns_persona", "persona", "dns-personas.json", DnsPersonaDto.From);

    public static RouteGroupBuilder MapDnsPersonas(this RouteGroupBuilder api)
    {
        api.MapNamedConfigs<DnsPersonaConfig, DnsPersonaDto, DnsPersonaStore>(Kind).MapPost("/{id:guid}/test", TestAsync);
        return api;
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
}
