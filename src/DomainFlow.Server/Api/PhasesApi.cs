using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Core.Audit;
using DomainFlow.Core.Generation;
using DomainFlow.Core.Phases;
using DomainFlow.Server.Auth;
using DomainFlow.Store.Campaigns;
using DomainFlow.Store.Domains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>/api/v2/campaigns/{id}/phases: configuration and start / pause / resume / stop.</summary>
public static class PhasesApi
{
    public const long MaxListUploadBytes = 4L << 30;

    public static RouteGroupBuilder MapPhases(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns/{id:guid}/phases").WithTags("Phases").RequireCampaignAccess();
        group.MapGet("/", ListAsync);
        group.MapPut("/{phase}/config", ConfigureAsync);
        group.MapGet("/{phase}/progress-history", ProgressHistoryOf);
        group.MapPost("/{phase}/start", (Guid id, string phase, HttpContext http, PhaseControl control, CampaignStore campaigns, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
            ActAsync(id, phase, control.StartAsync, AuditAction.PhaseStarted, http, campaigns, audit, clock, ct));
        group.MapPost("/{phase}/pause", (Guid id, string phase, HttpContext http, PhaseControl control, CampaignStore campaigns, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
            ActAsync(id, phase, control.PauseAsync, AuditAction.PhasePaused, http, campaigns, audit, clock, ct));
        group.MapPost("/{phase}/resume", (Guid id, string phase, HttpContext http, PhaseControl control, CampaignStore campaigns, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
            ActAsync(id, phase, control.ResumeAsync, AuditAction.PhaseResumed, http, campaigns, audit, clock, ct));
        group.MapPost("/{phase}/stop", (Guid id, string phase, HttpContext http, PhaseControl control, CampaignStore campaigns, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
            ActAsync(id, phase, control.StopAsync, AuditAction.PhaseStopped, http, campaigns, audit, clock, ct));
        // Lists of millions of names exceed Kestrel's 30 MB default body limit; the upload is streamed, so allow large files.
        group.MapPost("/generation/list", UploadListAsync).Accepts<string>("text/plain", "text/csv")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxListUploadBytes));
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<PhaseDto>>, ProblemHttpResult>> ListAsync(Guid id, CampaignStore campaigns, TimeProvider clock, CancellationToken ct) =>
        await campaigns.GetAsync(id, ct) is { } campaign
            ? TypedResults.Ok<IReadOnlyList<PhaseDto>>(campaign.Phases.Select(p => PhaseDto.From(p, clock.GetUtcNow())).ToList())
            : (ProblemHttpResult)Problems.NotFound("The campaign");

    /// <summary>The phase's progress over the last minutes as the server saw it: a rate chart's past when opened mid-run.</summary>
    private static Ok<IReadOnlyList<ProgressSampleDto>> ProgressHistoryOf(Guid id, string phase, Realtime.ProgressHistory history) =>
        TypedResults.Ok<IReadOnlyList<ProgressSampleDto>>(history.Of(id, ParsePhase(phase)).Select(s => new ProgressSampleDto(s.At, s.Processed)).ToList());

    private static async Task<Results<Ok<PhaseDto>, ProblemHttpResult>> ConfigureAsync(
        Guid id, string phase, JsonElement body, PhaseControl control, CampaignStore campaigns, Store.Personas.DnsPersonaStore personas,
        Store.Http.HttpPhaseStores httpStores, TimeProvider clock, CancellationToken ct)
    {
        var name = ParsePhase(phase);
        if (!PhaseRules.Executable.Contains(name))
        {
            // Refused before the body is read: its shape belongs to a phase this version does not have yet.
            throw PhaseConflictException.From(PhaseRules.NotAvailable(name));
        }
        var json = name switch
        {
            PhaseName.Generation => ValidatedGeneration(body),
            PhaseName.DnsValidation => await ValidatedDnsAsync(body, personas, ct),
            PhaseName.HttpKeywordAnalysis => await ValidatedHttpAsync(body, httpStores, ct),
            _ => throw PhaseConflictException.From(PhaseRules.NotAvailable(name)),
        };
        return await control.ConfigureAsync(id, name, json, ct)
            ? TypedResults.Ok(await PhaseOfAsync(id, name, campaigns, clock, ct))
            : (ProblemHttpResult)Problems.NotFound("The campaign");
    }

    private static string ValidatedGeneration(JsonElement body)
    {
        var config = body.Deserialize<GenerationConfig>(DomainFlowJson.Options) ?? throw new JsonException("The configuration must be a JSON object.");
        var errors = new Core.ValidationErrors();
        var json = CampaignsApi.ValidateGeneration(config, errors);
        return errors.IsEmpty ? json! : throw new ValidationException(errors);
    }

    /// <summary>{ personaIds, batchSize?, wildcardDetection?, names? }: the personas must exist and be enabled.</summary>
    private static async Task<string> ValidatedDnsAsync(JsonElement body, Store.Personas.DnsPersonaStore personas, CancellationToken ct)
    {
        var config = body.Deserialize<Core.Dns.DnsValidationConfig>(DomainFlowJson.Options) ?? throw new JsonException("The configuration must be a JSON object.");
        await Store.Dns.DnsValidationConfigRules.ValidateAsync(config, personas, ct);
        return JsonSerializer.Serialize(config, DomainFlowJson.Options);
    }

    /// <summary>{ personaIds, keywordSetIds?, adHocKeywords?, concurrency?, perIpConcurrency?, batchSize?, names?, favicon?, redirectDnsPersonaId?, proxyPoolId? }.</summary>
    private static async Task<string> ValidatedHttpAsync(JsonElement body, Store.Http.HttpPhaseStores stores, CancellationToken ct)
    {
        var config = body.Deserialize<Core.Http.HttpPhaseConfig>(DomainFlowJson.Options) ?? throw new JsonException("The configuration must be a JSON object.");
        await Store.Http.HttpPhaseConfigRules.ResolveAsync(config, stores, ct);
        return JsonSerializer.Serialize(config, DomainFlowJson.Options);
    }

    private static async Task<Results<Ok<PhaseDto>, ProblemHttpResult>> ActAsync(
        Guid id, string phase, Func<Guid, PhaseName, CancellationToken, Task<bool>> action, string auditAction,
        HttpContext http, CampaignStore campaigns, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var name = ParsePhase(phase);
        if (!await action(id, name, ct))
        {
            return (ProblemHttpResult)Problems.NotFound("The campaign");
        }
        var state = await PhaseOfAsync(id, name, campaigns, clock, ct);
        await audit.RecordAsync(http, auditAction, state.Status == PhaseStatus.Failed ? AuditOutcome.Failure : AuditOutcome.Success,
            "campaign", id.ToString(), WireNames.ToWire(name));
        // A start whose plan cannot run (an exhausted pattern, an empty list) fails the phase; say why with 409.
        return state.Status == PhaseStatus.Failed
            ? TypedResults.Problem(Problems.Create(StatusCodes.Status409Conflict, "phase_start_failed", "The phase could not start", state.Error))
            : TypedResults.Ok(state);
    }

    private static async Task<Results<Ok<ListUploadResult>, ProblemHttpResult>> UploadListAsync(
        Guid id, HttpRequest request, CampaignStore campaigns, ListUploadStore lists, CancellationToken ct)
    {
        if (await campaigns.GetAsync(id, ct) is not { } campaign)
        {
            return (ProblemHttpResult)Problems.NotFound("The campaign");
        }
        var generation = campaign.Phases[PhaseRules.IndexOf(PhaseName.Generation)];
        PhaseRules.Check(PhaseAction.Configure, PhaseName.Generation, campaign.Phases.Select(p => p.Status).ToList(), generation.Processed > 0).ThrowIfRefused();
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var seq = await campaigns.SeqOfAsync(id, ct);
        var result = await lists.AppendAsync(seq!.Value, reader, ct);
        return TypedResults.Ok(new ListUploadResult(result.Accepted, result.Invalid, result.Duplicates, result.InvalidSamples));
    }

    private static async Task<PhaseDto> PhaseOfAsync(Guid id, PhaseName name, CampaignStore campaigns, TimeProvider clock, CancellationToken ct)
    {
        var campaign = await campaigns.GetAsync(id, ct) ?? throw new PhaseConflictException("not_found", "The campaign was deleted meanwhile.");
        return PhaseDto.From(campaign.Phases[PhaseRules.IndexOf(name)], clock.GetUtcNow());
    }

    private static PhaseName ParsePhase(string phase) =>
        WireNames.TryParse<PhaseName>(phase, out var name)
            ? name
            : throw new ValidationException(Core.ValidationErrors.Single("phase", $"must be one of {string.Join(", ", PhaseRules.Order.Select(p => WireNames.ToWire(p)))}"));

    private static void ThrowIfRefused(this TransitionError? error)
    {
        if (error is not null)
        {
            throw PhaseConflictException.From(error);
        }
    }
}
