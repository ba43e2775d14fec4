using DomainFlow.Core;
using DomainFlow.Core.Audit;
using DomainFlow.Server.Auth;
using DomainFlow.Store.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>/api/v2/audit: the audit log, newest first, for admins.</summary>
public static class AuditApi
{
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync).WithTags("Admin").AdminOnly();
        return api;
    }

    /// <param name="action">An exact action ("auth.login") or an area ("auth").</param>
    private static async Task<Ok<AuditPage>> ListAsync(
        AuditStore audit, string? action, Guid? actorId, string? outcome, string? targetId, DateTimeOffset? since, DateTimeOffset? until,
        int? limit, string? cursor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        AuditOutcome? outcomeFilter = null;
        if (outcome is not null)
        {
            if (WireNames.TryParse<AuditOutcome>(outcome, out var parsed))
            {
                outcomeFilter = parsed;
            }
            else
            {
                errors.Add("outcome", "must be success or failure");
            }
        }
        if (limit is < 1 or > MaxPageSize)
        {
            errors.Add("limit", $"must be between 1 and {MaxPageSize}");
        }
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        var page = await audit.QueryAsync(new AuditStore.Filter(action, actorId, outcomeFilter, targetId, since, until), limit ?? 100, cursor, ct);
        return TypedResults.Ok(new AuditPage(page.Items.Select(AuditEntryDto.From).ToList(), page.NextCursor));
    }
}
