using DomainFlow.Core.Audit;
using DomainFlow.Server.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace DomainFlow.Server.Auth;

/// <summary>Answers a refused authenticated request with the precise reason as problem details (403 + code).</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons
                .Select(r => AccessRefusal.ByCode.GetValueOrDefault(r.Message)).FirstOrDefault(r => r is not null) is { } refusal)
        {
            // A pending password change or second-factor set-up is the normal way in, not an attempt worth an audit entry.
            if (refusal != AccessRefusal.PasswordChangeRequired && refusal != AccessRefusal.MfaEnrollmentRequired)
            {
                await context.RequestServices.GetRequiredService<AuditLog>().RecordAsync(context, AuditAction.AccessDenied, AuditOutcome.Failure,
                    detail: $"{refusal.Code}: {context.Request.Method} {context.Request.Path}");
            }
            await TypedResults.Problem(Problems.Create(StatusCodes.Status403Forbidden, refusal.Code, "Forbidden", refusal.Detail)).ExecuteAsync(context);
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
