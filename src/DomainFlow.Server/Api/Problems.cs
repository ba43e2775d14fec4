using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Core.Phases;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DomainFlow.Server.Api;

/// <summary>Maps every failure to RFC 7807 problem details with a stable <c>code</c>.</summary>
public static class Problems
{
    public static ProblemDetails Create(int status, string code, string title, string? detail = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://domainflow.dev/problems/{code}" };
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>Problems the framework writes itself (status code pages, oversized bodies) get a stable code too.</summary>
    public static void AddMissingCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = CodeFor(problem.Status);
        }
    }

    private static string CodeFor(int? status) => status switch
    {
        400 => "bad_request",
        401 => "authentication_required",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        _ => $"http_{status}",
    };

    public static IResult NotFound(string what) =>
        TypedResults.Problem(Create(StatusCodes.Status404NotFound, "not_found", "Not found", $"{what} does not exist."));

    public static IResult Validation(ValidationErrors errors)
    {
        var problem = new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid",
            Detail = errors.ToString(),
            Type = "https://domainflow.dev/problems/validation_failed",
        };
        problem.Extensions["code"] = "validation_failed";
        return TypedResults.Problem(problem);
    }

    public static IResult Validation(string field, string message) => Validation(ValidationErrors.Single(field, message));

    /// <summary>Names the offending JSON path instead of echoing .NET type names.</summary>
    private static IResult MalformedJson(JsonException json)
    {
        var where = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "the body" : json.Path;
        var problem = Create(400, "malformed_json", "The request body is not valid JSON for this endpoint",
            $"The value at {where} is malformed, unknown or of the wrong type (line {json.LineNumber + 1}, byte {json.BytePositionInLine}). Enum values are snake_case strings; unknown fields are rejected.");
        return TypedResults.Problem(problem);
    }

    /// <summary>Maps an exception thrown by an endpoint or by request binding to its problem, or null when it is unexpected.</summary>
    public static IResult? ForException(Exception error) => error switch
    {
        ValidationException v => Validation(v.Errors),
        PhaseConflictException c => TypedResults.Problem(Create(StatusCodes.Status409Conflict, c.Code, "Conflict", c.Message)),
        BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
        BadHttpRequestException bad => TypedResults.Problem(Create(bad.StatusCode, CodeFor(bad.StatusCode), "Bad request", bad.Message)),
        JsonException json => MalformedJson(json),
        _ => null,
    };
}

/// <summary>
/// Answers every exception with problem details. Expected ones (bad input, refused transitions) are the client's
/// business and are not logged as server errors; anything else is logged once and answered with a bare 500.
/// </summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = Problems.ForException(exception);
        if (result is null)
        {
            log.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            result = TypedResults.Problem(Problems.Create(500, "internal_error", "Unexpected error", "The server failed to handle the request; details are in its log."));
        }
        await result.ExecuteAsync(httpContext);
        return true;
    }
}
