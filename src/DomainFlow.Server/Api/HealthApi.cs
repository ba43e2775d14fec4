using Dapper;
using DomainFlow.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>Liveness (the process answers) and readiness (the database answers).</summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealth(this RouteGroupBuilder api)
    {
        api.MapGet("/health", () => TypedResults.Ok(new HealthDto("ok"))).WithTags("Health").AllowAnonymous();
        api.MapGet("/ready", ReadyAsync).WithTags("Health").AllowAnonymous();
        return api;
    }

    private static async Task<Results<Ok<HealthDto>, ProblemHttpResult>> ReadyAsync(Database db, CancellationToken ct)
    {
        try
        {
            await using var c = await db.OpenAsync(ct);
            await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1", cancellationToken: ct));
            return TypedResults.Ok(new HealthDto("ready"));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status503ServiceUnavailable, "database_unavailable", "The database does not answer", e.Message));
        }
    }
}
