using DomainFlow.Core.Audit;
using DomainFlow.Server.Api;
using DomainFlow.Store.Campaigns;

namespace DomainFlow.Server.Auth;

/// <summary>
/// Campaign routes ({id}) answer 404 to anyone but the campaign's owner and admins: another user's campaign is
/// indistinguishable from one that does not exist.
/// </summary>
public static class CampaignAccess
{
    public static TBuilder RequireCampaignAccess<TBuilder>(this TBuilder group)
        where TBuilder : IEndpointConventionBuilder
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.RouteValues.TryGetValue("id", out var raw) && Guid.TryParse(raw?.ToString(), out var id)
                && await VisibilityAsync(http, id) is var (exists, visible) && !visible)
            {
                if (exists)
                {
                    // Someone else's campaign: answered like a missing one, but recorded for whoever reviews access.
                    await http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(http, AuditAction.AccessDenied, AuditOutcome.Failure,
                        "campaign", id.ToString(), $"not the owner: {http.Request.Method} {http.Request.Path}");
                }
                return Problems.NotFound("The campaign");
            }
            return await next(context);
        });
        return group;
    }

    public static async Task<bool> CanSeeAsync(HttpContext http, Guid campaignId) => (await VisibilityAsync(http, campaignId)).Visible;

    private static async Task<(bool Exists, bool Visible)> VisibilityAsync(HttpContext http, Guid campaignId)
    {
        var caller = Caller.Of(http) ?? throw new InvalidOperationException("Campaign routes require authentication.");
        var (exists, owner) = await http.RequestServices.GetRequiredService<CampaignStore>().OwnerOfAsync(campaignId, http.RequestAborted);
        return (exists, exists && caller.Viewer.CanSee(owner));
    }
}
