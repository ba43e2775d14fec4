using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Phases;
using DomainFlow.Server.Auth;
using DomainFlow.Store.Campaigns;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>/api/v2/dashboard: one answer for the home page, over the campaigns the caller may see (like the campaign list).</summary>
public static class DashboardApi
{
    public const int DefaultActivity = 20;
    public const int MaxActivity = 100;

    /// <summary>A calendar day lasts at most 25 hours (daylight saving); an hour of slack for the client's clock.</summary>
    private static readonly TimeSpan OldestTodayStart = TimeSpan.FromHours(26);
    private static readonly TimeSpan ClockSlack = TimeSpan.FromHours(1);

    private const string Description =
        "Campaigns by status, the phases running now (each a full phase state: processed, total, current rate and ETA as on the campaign), " +
        "items processed today and recent activity, all limited to the caller's campaigns (admins: every campaign). " +
        "Processed today: the items every phase processed (names generated, DNS results, HTTP results; a re-run counts again) since " +
        "todayStart (the client's local midnight; default: UTC midnight), counted in quarter-hour buckets written with each batch, so the " +
        "answer reads a few rows per phase that ran rather than the result rows, and todayStart is rounded down to a quarter hour " +
        "(every time zone's midnight is one). Activity: each campaign's creation, each phase's latest start and its current end state " +
        "(completed, failed, stopped, paused), newest first.";

    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", GetAsync).WithTags("Dashboard").WithSummary("The caller's dashboard").WithDescription(Description);
        return api;
    }

    /// <param name="todayStart">Where "today" starts for the reader (their local midnight); default: UTC midnight.</param>
    /// <param name="activityLimit">How many activity entries, 1 to 100; default 20.</param>
    private static async Task<Ok<DashboardDto>> GetAsync(
        Caller caller, DashboardStore dashboard, CampaignStore campaigns, TimeProvider clock, DateTimeOffset? todayStart, int? activityLimit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        if (todayStart is { } start && (start < now - OldestTodayStart || start > now + ClockSlack))
        {
            errors.Add("todayStart", "must be within the last 26 hours");
        }
        if (activityLimit is < 1 or > MaxActivity)
        {
            errors.Add("activityLimit", $"must be between 1 and {MaxActivity}");
        }
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }

        var since = PhaseActivity.BucketStart(todayStart ?? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero));
        // Running phases first: processed today, read after them, then includes at least what they show.
        var running = await RunningPhasesAsync(caller, campaigns, now, ct);
        var byStatus = await dashboard.CountByStatusAsync(caller.Viewer, ct);
        var processed = await dashboard.ProcessedSinceAsync(caller.Viewer, since, ct);
        var activity = await dashboard.RecentActivityAsync(caller.Viewer, activityLimit ?? DefaultActivity, ct);
        return TypedResults.Ok(new DashboardDto(
            byStatus.Select(x => new StatusCountDto(x.Key, x.Value)).ToList(),
            running,
            new ProcessedTodayDto(since, processed.Values.Sum(), processed.Select(x => new PhaseCountDto(x.Key, x.Value)).ToList()),
            activity));
    }

    /// <summary>Running campaigns come from the campaign list itself, so rate and ETA are the ones <see cref="PhaseDto"/> computes.</summary>
    private static async Task<IReadOnlyList<RunningPhaseDto>> RunningPhasesAsync(Caller caller, CampaignStore campaigns, DateTimeOffset now, CancellationToken ct)
    {
        var running = new List<RunningPhaseDto>();
        string? cursor = null;
        do
        {
            var page = await campaigns.ListAsync(null, CampaignStatus.Running, CampaignsApi.MaxPageSize, cursor, caller.Viewer, ct);
            running.AddRange(page.Items.SelectMany(c => c.Phases
                .Where(p => p.Status == PhaseStatus.Running)
                .Select(p => new RunningPhaseDto(c.Id, c.Name, PhaseDto.From(p, now)))));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return running;
    }
}

/// <param name="CampaignsByStatus">Every status, in lifecycle order, with how many of the caller's campaigns have it (0 included).</param>
/// <param name="Running">Phases running now, newest campaign first.</param>
/// <param name="Activity">Newest first.</param>
public sealed record DashboardDto(
    IReadOnlyList<StatusCountDto> CampaignsByStatus, IReadOnlyList<RunningPhaseDto> Running, ProcessedTodayDto ProcessedToday, IReadOnlyList<CampaignActivity> Activity);

public sealed record StatusCountDto(CampaignStatus Status, long Campaigns);

/// <param name="Phase">The phase state as the campaign shows it, with its current rate and ETA.</param>
public sealed record RunningPhaseDto(Guid CampaignId, string CampaignName, PhaseDto Phase);

/// <param name="Since">Where the count starts: todayStart rounded down to its quarter hour.</param>
/// <param name="Total">Items processed by every phase since then.</param>
public sealed record ProcessedTodayDto(DateTimeOffset Since, long Total, IReadOnlyList<PhaseCountDto> ByPhase);

public sealed record PhaseCountDto(PhaseName Phase, long Processed);
