using DomainFlow.Core;
using DomainFlow.Core.Audit;
using DomainFlow.Core.Http;
using DomainFlow.Core.Proxies;
using DomainFlow.Server.Auth;
using DomainFlow.Server.Hosting;
using DomainFlow.Store.Proxies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>A proxy as the API shows it: never its password (see <see cref="HasPassword"/>).</summary>
public sealed record ProxyDto(
    Guid Id, string Name, ProxyProtocol Protocol, string Host, int Port, string? Username, bool HasPassword, string? Country, string? Notes, bool Enabled,
    ProxyHealth Status, long? LatencyMs, long Successes, long Failures, int ConsecutiveFailures, DateTimeOffset? LastCheckedAt, string? LastError,
    DateTimeOffset NextCheckAt, Guid? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool CanEdit)
{
    public static ProxyDto From(StoredProxy p, bool canEdit) => new(
        p.Id, p.Name, p.Protocol, p.Host, p.Port, p.Username, p.HasPassword, p.Country, p.Notes, p.Enabled, p.Status, p.LatencyMs, p.Successes, p.Failures,
        p.ConsecutiveFailures, p.LastCheckedAt, p.LastError, p.NextCheckAt, p.CreatedBy, p.CreatedAt, p.UpdatedAt, canEdit);
}

/// <param name="Text">One proxy a line: host:port, user:pass@host:port or a URL (http://, https://, socks4://, socks5://); '#' starts a comment.</param>
/// <param name="Protocol">The protocol of lines without a scheme (default http).</param>
public sealed record ProxyImportRequest(string? Text = null, ProxyProtocol Protocol = ProxyProtocol.Http);

/// <param name="Skipped">Lines naming a proxy already stored.</param>
public sealed record ProxyImportResult(IReadOnlyList<ProxyDto> Created, int Skipped);

public enum ProxyBulkAction
{
    Enable,
    Disable,
    Delete,
    Test,
}

public sealed record ProxyBulkRequest(IReadOnlyList<Guid>? Ids = null, ProxyBulkAction Action = ProxyBulkAction.Test);

public sealed record ProxyPoolDto(
    Guid Id, string Name, string? Description, bool Enabled, IReadOnlyList<ProxyPoolMember> Members, ProxyRotation Rotation, int Retries,
    Guid? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool CanEdit)
{
    public static ProxyPoolDto From(Core.Resources.NamedResource<ProxyPoolConfig> p, bool canEdit) =>
        new(p.Id, p.Config.Name, p.Config.Description, p.Config.Enabled, p.Config.Members, p.Config.Rotation, p.Config.Retries, p.CreatedBy, p.CreatedAt, p.UpdatedAt, canEdit);
}

public sealed record ProxyTestResult(Guid Id, bool Ok, long? LatencyMs, string? Error, ProxyHealth Status);

public sealed record ProxyBulkResult(int Changed, IReadOnlyList<ProxyTestResult> Tests);

/// <summary>/api/v2/proxies: proxies, a workspace resource (read by all; changed by their creator or an admin), with real health checks.</summary>
public static class ProxiesApi
{
    public const int MaxImportLines = 10_000;

    public static readonly NamedConfigKind<ProxyPoolConfig, ProxyPoolDto> PoolKind = new(
        "/proxy-pools", "Proxy pools", "The proxy pool", "proxy pool", "proxy_pool", "proxy_pool", "proxy-pools.json", ProxyPoolDto.From);

    /// <summary>/api/v2/proxy-pools: CRUD and import/export, as the other named configurations.</summary>
    public static RouteGroupBuilder MapProxyPools(this RouteGroupBuilder api)
    {
        api.MapNamedConfigs<ProxyPoolConfig, ProxyPoolDto, ProxyPoolStore>(PoolKind);
        return api;
    }

    public static RouteGroupBuilder MapProxies(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/proxies").WithTags("Proxies");
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapPost("/import", ImportAsync);
        group.MapPost("/bulk", BulkAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
        group.MapPost("/{id:guid}/test", TestAsync);
        return api;
    }

    /// <param name="status">unknown, healthy, degraded or unhealthy.</param>
    private static async Task<Ok<IReadOnlyList<ProxyDto>>> ListAsync(Caller caller, ProxyStore proxies, string? status, bool? enabled, CancellationToken ct)
    {
        ProxyHealth? health = null;
        if (status is not null)
        {
            health = WireNames.TryParse<ProxyHealth>(status, out var parsed) ? parsed
                : throw new ValidationException(ValidationErrors.Single("status", "must be unknown, healthy, degraded or unhealthy"));
        }
        return TypedResults.Ok<IReadOnlyList<ProxyDto>>((await proxies.ListAsync(health, enabled, ct)).Select(p => ProxyDto.From(p, CanEdit(p, caller))).ToList());
    }

    private static async Task<Results<Created<ProxyDto>, ProblemHttpResult>> CreateAsync(ProxyConfig config, Caller caller, HttpContext http, ProxyStore proxies, AuditLog audit, CancellationToken ct)
    {
        var proxy = (await proxies.CreateManyAsync([config], caller.User.Id, paths: false, ct))[0];
        await audit.RecordAsync(http, "proxy.created", targetType: "proxy", targetId: proxy.Id.ToString(), detail: proxy.Name);
        return TypedResults.Created($"/api/v2/proxies/{proxy.Id}", ProxyDto.From(proxy, true));
    }

    private static async Task<Results<Ok<ProxyDto>, ProblemHttpResult>> GetAsync(Guid id, Caller caller, ProxyStore proxies, CancellationToken ct) =>
        await proxies.GetAsync(id, ct) is { } proxy ? TypedResults.Ok(ProxyDto.From(proxy, CanEdit(proxy, caller))) : (ProblemHttpResult)Problems.NotFound("The proxy");

    /// <summary>A full replacement; a password left out (null) is kept, an empty one removed.</summary>
    private static async Task<Results<Ok<ProxyDto>, ProblemHttpResult>> UpdateAsync(Guid id, ProxyConfig config, Caller caller, HttpContext http, ProxyStore proxies, AuditLog audit, CancellationToken ct)
    {
        if (await EditableAsync([id], caller, proxies, ct) is { } refusal)
        {
            return refusal;
        }
        var updated = await proxies.UpdateAsync(id, config, ct);
        if (updated is null)
        {
            return (ProblemHttpResult)Problems.NotFound("The proxy");
        }
        await audit.RecordAsync(http, "proxy.updated", targetType: "proxy", targetId: id.ToString(), detail: updated.Name);
        return TypedResults.Ok(ProxyDto.From(updated, true));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, Caller caller, HttpContext http, ProxyStore proxies, AuditLog audit, CancellationToken ct)
    {
        if (await EditableAsync([id], caller, proxies, ct) is { } refusal)
        {
            return refusal;
        }
        await proxies.DeleteAsync([id], ct);
        await audit.RecordAsync(http, "proxy.deleted", targetType: "proxy", targetId: id.ToString());
        return TypedResults.NoContent();
    }

    /// <summary>Every line must be a proxy (else nothing is created and every bad line is named); stored ones are skipped.</summary>
    private static async Task<Results<Created<ProxyImportResult>, ProblemHttpResult>> ImportAsync(
        ProxyImportRequest request, Caller caller, HttpContext http, ProxyStore proxies, AuditLog audit, CancellationToken ct)
    {
        var lines = (request.Text ?? "").Split('\n').Select((text, index) => (Text: text.Trim(), Number: index + 1)).Where(l => l.Text.Length > 0 && l.Text[0] != '#').ToList();
        var errors = new ValidationErrors();
        if (lines.Count is 0 or > MaxImportLines)
        {
            errors.Add("text", $"must list between 1 and {MaxImportLines} proxies");
        }
        var configs = new List<ProxyConfig>();
        foreach (var (text, number) in lines.Take(MaxImportLines))
        {
            if (ProxyConfig.ParseLine(text, request.Protocol, out var error) is { } config && config.Canonical().Validate() is { IsEmpty: true })
            {
                configs.Add(config.Canonical());
            }
            else
            {
                errors.Add($"text[line {number}]", error ?? "is not a valid proxy");
            }
        }
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        var stored = (await proxies.ListAsync(ct: ct)).Select(p => (p.Protocol, p.Host, p.Port, p.Username)).ToHashSet();
        var fresh = configs.Where(c => !stored.Contains((c.Protocol, c.Host, c.Port, c.Username))).DistinctBy(c => (c.Protocol, c.Host, c.Port, c.Username)).ToList();
        var created = fresh.Count == 0 ? [] : await proxies.CreateManyAsync(fresh, caller.User.Id, paths: true, ct);
        foreach (var proxy in created)
        {
            await audit.RecordAsync(http, "proxy.created", targetType: "proxy", targetId: proxy.Id.ToString(), detail: $"{proxy.Name} (imported)");
        }
        return TypedResults.Created("/api/v2/proxies", new ProxyImportResult([.. created.Select(p => ProxyDto.From(p, true))], configs.Count - created.Count));
    }

    /// <summary>Enable, disable or delete (all or nothing: the caller must be allowed to change each) or test several proxies.</summary>
    private static async Task<Results<Ok<ProxyBulkResult>, ProblemHttpResult>> BulkAsync(
        ProxyBulkRequest request, Caller caller, HttpContext http, ProxyStore proxies, ProxyHealthMonitor monitor, AuditLog audit, CancellationToken ct)
    {
        var ids = request.Ids?.Distinct().ToList() ?? [];
        if (ids.Count is 0 or > 1000)
        {
            throw new ValidationException(ValidationErrors.Single("ids", "must list between 1 and 1000 proxies"));
        }
        if (request.Action == ProxyBulkAction.Test)
        {
            var results = new System.Collections.Concurrent.ConcurrentBag<ProxyTestResult>();
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (id, token) =>
            {
                if (await monitor.CheckAsync(id, token) is { } checkedProxy)
                {
                    results.Add(TestResult(checkedProxy));
                }
            });
            return TypedResults.Ok(new ProxyBulkResult(0, [.. results.OrderBy(r => ids.IndexOf(r.Id))]));
        }
        if (await EditableAsync(ids, caller, proxies, ct) is { } refusal)
        {
            return refusal;
        }
        var changed = request.Action == ProxyBulkAction.Delete ? await proxies.DeleteAsync(ids, ct) : await proxies.SetEnabledAsync(ids, request.Action == ProxyBulkAction.Enable, ct);
        foreach (var id in ids)
        {
            await audit.RecordAsync(http, request.Action == ProxyBulkAction.Delete ? "proxy.deleted" : "proxy.updated", targetType: "proxy", targetId: id.ToString(),
                detail: WireNames.ToWire(request.Action));
        }
        return TypedResults.Ok(new ProxyBulkResult(changed, []));
    }

    /// <summary>Checks the proxy now (with the check URL when one is configured) and records the result in its health.</summary>
    private static async Task<Results<Ok<ProxyTestResult>, ProblemHttpResult>> TestAsync(Guid id, ProxyHealthMonitor monitor, CancellationToken ct) =>
        await monitor.CheckAsync(id, ct) is { } proxy ? TypedResults.Ok(TestResult(proxy)) : (ProblemHttpResult)Problems.NotFound("The proxy");

    private static ProxyTestResult TestResult(StoredProxy p) => new(p.Id, p.ConsecutiveFailures == 0, p.LatencyMs, p.LastError, p.Status);

    private static bool CanEdit(StoredProxy proxy, Caller caller) => caller.User.IsAdmin || proxy.CreatedBy == caller.User.Id;

    private static async Task<ProblemHttpResult?> EditableAsync(IReadOnlyList<Guid> ids, Caller caller, ProxyStore proxies, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            if (await proxies.GetAsync(id, ct) is not { } proxy)
            {
                return (ProblemHttpResult)Problems.NotFound(ids.Count == 1 ? "The proxy" : $"The proxy {id}");
            }
            if (!CanEdit(proxy, caller))
            {
                return TypedResults.Problem(Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Forbidden",
                    $"Only the creator of proxy '{proxy.Name}' or an admin may change it; every user may read and test it."));
            }
        }
        return null;
    }
}
