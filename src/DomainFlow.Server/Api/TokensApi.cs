using DomainFlow.Core;
using DomainFlow.Core.Audit;
using DomainFlow.Core.Users;
using DomainFlow.Server.Auth;
using DomainFlow.Store.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>/api/v2/auth/tokens: the caller's API tokens. Minting one needs a signed-in session, so a leaked token cannot mint more.</summary>
public static class TokensApi
{
    public const int MaxExpiryDays = 3650;

    public static RouteGroupBuilder MapTokens(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth/tokens").WithTags("Auth").AllowWithoutMfa();
        group.MapGet("/", async (Caller caller, ApiTokenStore tokens, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<ApiTokenDto>>((await tokens.ListAsync(caller.User.Id, ct)).Select(ApiTokenDto.From).ToList()));
        group.MapPost("/", CreateAsync).SessionOnly();
        group.MapDelete("/{tokenId:guid}", RevokeAsync).AllowTokenSelfService("tokenId");
        return api;
    }

    private static async Task<Created<CreatedToken>> CreateAsync(CreateTokenRequest request, Caller caller, HttpContext http, ApiTokenStore tokens, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "is required");
        }
        else if (name.Length > 100)
        {
            errors.Add("name", "must be at most 100 characters");
        }
        if (request.ExpiresInDays is < 1 or > MaxExpiryDays)
        {
            errors.Add("expiresInDays", $"must be between 1 and {MaxExpiryDays}");
        }
        if (request.Scopes is { Count: 0 })
        {
            errors.Add("scopes", "must name at least one scope: read or write");
        }
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
        var expires = request.ExpiresInDays is { } days ? clock.GetUtcNow().AddDays(days) : (DateTimeOffset?)null;
        var (secret, token) = await tokens.CreateAsync(caller.User.Id, name!, request.Scopes ?? [ApiTokenScope.Read], expires, ct);
        await audit.RecordAsync(http, AuditAction.TokenCreated, targetType: "api_token", targetId: token.Id.ToString(),
            detail: $"{token.Name} ({string.Join(' ', token.Scopes.Select(WireNames.ToWire))})");
        return TypedResults.Created($"/api/v2/auth/tokens/{token.Id}", new CreatedToken(ApiTokenDto.From(token), secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid tokenId, Caller caller, HttpContext http, ApiTokenStore tokens, AuditLog audit, CancellationToken ct)
    {
        if (!await tokens.DeleteAsync(caller.User.Id, tokenId, ct))
        {
            return (ProblemHttpResult)Problems.NotFound("The token");
        }
        await audit.RecordAsync(http, AuditAction.TokenRevoked, targetType: "api_token", targetId: tokenId.ToString());
        return TypedResults.NoContent();
    }
}
