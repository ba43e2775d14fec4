using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Core.Audit;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Generation;
using DomainFlow.Server.Auth;
using DomainFlow.Store.Campaigns;
using DomainFlow.Store.Generation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>/api/v2/campaigns: create, list, read, edit, duplicate, delete.</summary>
public static class CampaignsApi
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapCampaigns(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns").WithTags("Campaigns").RequireCampaignAccess();
        group.MapPost("/", CreateAsync);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPatch("/{id:guid}", UpdateAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
        group.MapPost("/{id:guid}/duplicate", DuplicateAsync);
        return api;
    }

    private static async Task<Results<Created<CampaignDto>, ProblemHttpResult>> CreateAsync(
        CreateCampaignRequest request, Caller caller, HttpContext http, CampaignStore campaigns, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = ValidateName(request.Name, errors, required: true);
        string? configJson = null;
        if (request.Generation is { } generation)
        {
            configJson = ValidateGeneration(generation, errors);
        }
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        var campaign = await campaigns.CreateAsync(name!, request.Description, request.Mode ?? CampaignMode.StepByStep, configJson, caller.User.Id, ct);
        await audit.RecordAsync(http, AuditAction.CampaignCreated, targetType: "campaign", targetId: campaign.Id.ToString(), detail: campaign.Name);
        return TypedResults.Created($"/api/v2/campaigns/{campaign.Id}", CampaignDto.From(campaign, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<CampaignPage>, ProblemHttpResult>> ListAsync(
        Caller caller, CampaignStore campaigns, TimeProvider clock, string? search, string? status, int? limit, string? cursor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        CampaignStatus? statusFilter = null;
        if (status is not null)
        {
            if (WireNames.TryParse<CampaignStatus>(status, out var parsed))
            {
                statusFilter = parsed;
            }
            else
            {
                errors.Add("status", $"must be one of {string.Join(", ", Enum.GetValues<CampaignStatus>().Select(WireNames.ToWire))}");
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
        var page = await campaigns.ListAsync(search, statusFilter, limit ?? 50, cursor, caller.Viewer, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new CampaignPage(page.Items.Select(c => CampaignDto.From(c, now)).ToList(), page.NextCursor));
    }

    private static async Task<Results<Ok<CampaignDto>, ProblemHttpResult>> GetAsync(Guid id, CampaignStore campaigns, TimeProvider clock, CancellationToken ct) =>
        await campaigns.GetAsync(id, ct) is { } campaign
            ? TypedResults.Ok(CampaignDto.From(campaign, clock.GetUtcNow()))
            : (ProblemHttpResult)Problems.NotFound("The campaign");

    private static async Task<Results<Ok<CampaignDto>, ProblemHttpResult>> UpdateAsync(Guid id, UpdateCampaignRequest request, CampaignStore campaigns, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = request.Name is null ? null : ValidateName(request.Name, errors, required: true);
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        return await campaigns.UpdateAsync(id, name, request.Description, request.Mode, ct) is { } campaign
            ? TypedResults.Ok(CampaignDto.From(campaign, clock.GetUtcNow()))
            : (ProblemHttpResult)Problems.NotFound("The campaign");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, CampaignStore campaigns, AuditLog audit, CancellationToken ct)
    {
        if (!await campaigns.DeleteAsync(id, ct))
        {
            return (ProblemHttpResult)Problems.NotFound("The campaign");
        }
        await audit.RecordAsync(http, AuditAction.CampaignDeleted, targetType: "campaign", targetId: id.ToString());
        return TypedResults.NoContent();
    }

    /// <summary>Copies name, description, mode and the generation configuration; never results.</summary>
    private static async Task<Results<Created<CampaignDto>, ProblemHttpResult>> DuplicateAsync(
        Guid id, DuplicateCampaignRequest? request, Caller caller, HttpContext http, CampaignStore campaigns, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (await campaigns.GetAsync(id, ct) is not { } source)
        {
            return (ProblemHttpResult)Problems.NotFound("The campaign");
        }
        var errors = new ValidationErrors();
        var name = request?.Name is null ? $"{source.Name} (copy)" : ValidateName(request.Name, errors, required: true);
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        var generationConfig = source.Phases.FirstOrDefault(p => p.Phase == Core.Phases.PhaseName.Generation)?.ConfigJson;
        // The copy belongs to whoever made it (an admin duplicating someone's campaign gets their own).
        var copy = await campaigns.CreateAsync(name!, source.Description, source.Mode, generationConfig, caller.User.Id, ct);
        await audit.RecordAsync(http, AuditAction.CampaignCreated, targetType: "campaign", targetId: copy.Id.ToString(), detail: $"{copy.Name} (duplicate of {id})");
        return TypedResults.Created($"/api/v2/campaigns/{copy.Id}", CampaignDto.From(copy, clock.GetUtcNow()));
    }

    private static string? ValidateName(string? raw, ValidationErrors errors, bool required)
    {
        var name = raw?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            if (required)
            {
                errors.Add("name", "is required");
            }
            return null;
        }
        if (name.Length > 200)
        {
            errors.Add("name", "must be at most 200 characters");
        }
        return name;
    }

    /// <summary>Validates a generation configuration (every error at once) and returns its canonical JSON.</summary>
    internal static string? ValidateGeneration(GenerationConfig config, ValidationErrors errors)
    {
        try
        {
            GenerationConfigRules.ValidateForCampaign(config);
            return JsonSerializer.Serialize(config, DomainFlowJson.Options);
        }
        catch (ValidationException e)
        {
            foreach (var (field, messages) in e.Errors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add($"generation.{field}", message);
                }
            }
            return null;
        }
    }
}
