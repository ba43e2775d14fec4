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
                && !await CanSeeAsync(http, id))
            {
                return Problems.NotFound("The campaign");
            }
            return await next(context);
        });
        return group;
    }

    public static async Task<bool> CanSeeAsync(HttpContext http, Guid campaignId)
    {
        var caller = Caller.Of(http) ?? throw new InvalidOperationException("Campaign routes require authentication.");
        var (exists, owner) = await http.RequestServices.GetRequiredService<CampaignStore>().OwnerOfAsync(campaignId, http.RequestAborted);
        return exists && caller.Viewer.CanSee(owner);
    }
}
