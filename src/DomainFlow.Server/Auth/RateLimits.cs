using System.Globalization;
using System.Threading.RateLimiting;
using DomainFlow.Server.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace DomainFlow.Server.Auth;

/// <summary>
/// Per-IP limit on login and setup attempts, per-user budget on the rest of the API; both answer 429 with
/// Retry-After. The limits are per node: with several nodes behind a balancer the effective budget multiplies.
/// </summary>
public static class RateLimits
{
    public const string LoginPolicy = "login";

    public static IServiceCollection AddDomainFlowRateLimits(this IServiceCollection services, AuthOptions auth) =>
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(LoginPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                "ip:" + ClientIp.Of(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = auth.LoginAttemptsPerWindow, Window = auth.LoginWindow, QueueLimit = 0 }));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                Caller.Of(http) is { } caller
                    ? RateLimitPartition.GetTokenBucketLimiter("user:" + caller.User.Id, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = auth.ApiBurst,
                        TokensPerPeriod = auth.ApiRequestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("anonymous"));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(Problems.Create(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests",
                    $"Slow down: try again in {retryAfter} s.")).ExecuteAsync(context.HttpContext);
            };
        });
}
