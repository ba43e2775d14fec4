using DomainFlow.Core;
using DomainFlow.Core.Resources;
using DomainFlow.Server.Auth;
using DomainFlow.Store.Resources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>What differs between the kinds of named configuration the API serves the same way.</summary>
/// <param name="Path">Under /api/v2: "/personas/dns".</param>
/// <param name="Tag">The OpenAPI tag: "DNS personas".</param>
/// <param name="Title">For messages, capitalized, with its article: "The DNS persona".</param>
/// <param name="Noun">For messages: "persona", "keyword set".</param>
/// <param name="TargetType">The audit log's target type: "dns_persona".</param>
/// <param name="AuditArea">The audit actions' area: "persona" gives persona.created, persona.updated, persona.deleted.</param>
/// <param name="ExportFile">The export's file name: "dns-personas.json".</param>
public sealed record NamedConfigKind<TConfig, TDto>(
    string Path, string Tag, string Title, string Noun, string TargetType, string AuditArea, string ExportFile,
    Func<NamedResource<TConfig>, bool, TDto> ToDto)
    where TConfig : class, INamedConfig<TConfig>;

/// <summary>
/// CRUD, import and export of one kind of named configuration, a workspace resource: every signed-in user lists,
/// reads and exports them; only an item's creator or an admin changes or deletes it. Returns the route group so a
/// kind adds its own operations (a test).
/// </summary>
public static class NamedConfigApi
{
    public const int MaxImport = 1000;

    public static RouteGroupBuilder MapNamedConfigs<TConfig, TDto, TStore>(this RouteGroupBuilder api, NamedConfigKind<TConfig, TDto> kind)
        where TConfig : class, INamedConfig<TConfig>
        where TStore : NamedConfigStore<TConfig>
    {
        var endpoints = new Endpoints<TConfig, TDto, TStore>(kind);
        var group = api.MapGroup(kind.Path).WithTags(kind.Tag);
        group.MapGet("/", endpoints.ListAsync);
        group.MapPost("/", endpoints.CreateAsync);
        group.MapGet("/export", endpoints.ExportAsync);
        group.MapPost("/import", endpoints.ImportAsync);
        group.MapGet("/{id:guid}", endpoints.GetAsync);
        group.MapPut("/{id:guid}", endpoints.UpdateAsync);
        group.MapDelete("/{id:guid}", endpoints.DeleteAsync);
        return group;
    }

    private sealed class Endpoints<TConfig, TDto, TStore>(NamedConfigKind<TConfig, TDto> kind)
        where TConfig : class, INamedConfig<TConfig>
        where TStore : NamedConfigStore<TConfig>
    {
        public async Task<Ok<IReadOnlyList<TDto>>> ListAsync(Caller caller, TStore store, bool? enabled, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<TDto>>((await store.ListAsync(enabled, ct)).Select(p => Dto(p, caller)).ToList());

        public async Task<Results<Created<TDto>, ProblemHttpResult>> CreateAsync(
            TConfig config, Caller caller, HttpContext http, TStore store, AuditLog audit, CancellationToken ct)
        {
            var item = await store.CreateAsync(config, caller.User.Id, ct);
            await audit.RecordAsync(http, $"{kind.AuditArea}.created", targetType: kind.TargetType, targetId: item.Id.ToString(), detail: item.Config.Name);
            return TypedResults.Created($"/api/v2{kind.Path}/{item.Id}", Dto(item, caller));
        }

        public async Task<Results<Ok<TDto>, ProblemHttpResult>> GetAsync(Guid id, Caller caller, TStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } item ? TypedResults.Ok(Dto(item, caller)) : (ProblemHttpResult)Problems.NotFound(kind.Title);

        /// <summary>A full replacement: fields left out take their defaults.</summary>
        public async Task<Results<Ok<TDto>, ProblemHttpResult>> UpdateAsync(
            Guid id, TConfig config, Caller caller, HttpContext http, TStore store, AuditLog audit, CancellationToken ct)
        {
            if (await EditableAsync(id, caller, store, "change", ct) is { } refusal)
            {
                return refusal;
            }
            if (await store.UpdateAsync(id, config, ct) is not { } updated)
            {
                return (ProblemHttpResult)Problems.NotFound(kind.Title);
            }
            await audit.RecordAsync(http, $"{kind.AuditArea}.updated", targetType: kind.TargetType, targetId: id.ToString(), detail: updated.Config.Name);
            return TypedResults.Ok(Dto(updated, caller));
        }

        public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
            Guid id, Caller caller, HttpContext http, TStore store, AuditLog audit, CancellationToken ct)
        {
            if (await EditableAsync(id, caller, store, "delete", ct) is { } refusal)
            {
                return refusal;
            }
            if (!await store.DeleteAsync(id, ct))
            {
                return (ProblemHttpResult)Problems.NotFound(kind.Title);
            }
            await audit.RecordAsync(http, $"{kind.AuditArea}.deleted", targetType: kind.TargetType, targetId: id.ToString());
            return TypedResults.NoContent();
        }

        /// <summary>Every configuration as a JSON file that the import takes back.</summary>
        public async Task<Ok<IReadOnlyList<TConfig>>> ExportAsync(HttpContext http, TStore store, CancellationToken ct)
        {
            var configs = (await store.ListAsync(ct: ct)).Select(p => p.Config).ToList();
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{kind.ExportFile}\"";
            return TypedResults.Ok<IReadOnlyList<TConfig>>(configs);
        }

        /// <summary>All or nothing: every item is validated first and every problem reported ("[2].name").</summary>
        public async Task<Results<Created<IReadOnlyList<TDto>>, ProblemHttpResult>> ImportAsync(
            IReadOnlyList<TConfig> configs, Caller caller, HttpContext http, TStore store, AuditLog audit, CancellationToken ct)
        {
            if (configs.Count is 0 or > MaxImport)
            {
                throw new ValidationException(ValidationErrors.Single("$", $"must list between 1 and {MaxImport} items"));
            }
            var created = await store.CreateManyAsync(configs, caller.User.Id, ct);
            foreach (var item in created)
            {
                await audit.RecordAsync(http, $"{kind.AuditArea}.created", targetType: kind.TargetType, targetId: item.Id.ToString(), detail: $"{item.Config.Name} (imported)");
            }
            return TypedResults.Created($"/api/v2{kind.Path}", (IReadOnlyList<TDto>)created.Select(p => Dto(p, caller)).ToList());
        }

        private static bool CanEdit(NamedResource<TConfig> item, Caller caller) => caller.User.IsAdmin || item.CreatedBy == caller.User.Id;

        private TDto Dto(NamedResource<TConfig> item, Caller caller) => kind.ToDto(item, CanEdit(item, caller));

        /// <summary>Null when the caller may change the item; otherwise the 404 or 403 to answer.</summary>
        private async Task<ProblemHttpResult?> EditableAsync(Guid id, Caller caller, TStore store, string verb, CancellationToken ct)
        {
            if (await store.GetAsync(id, ct) is not { } item)
            {
                return (ProblemHttpResult)Problems.NotFound(kind.Title);
            }
            return CanEdit(item, caller)
                ? null
                : TypedResults.Problem(Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Forbidden",
                    $"Only the {kind.Noun}'s creator or an admin may {verb} it; every user may read, export and test it."));
        }
    }
}
