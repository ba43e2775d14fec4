using System.Text;
using System.Text.Json;
using DomainFlow.Core;
using DomainFlow.Server.Auth;
using DomainFlow.Store.Campaigns;
using DomainFlow.Store.Domains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DomainFlow.Server.Api;

/// <summary>/api/v2/campaigns/{id}/domains: keyset pages and streamed exports.</summary>
public static class DomainsApi
{
    public const int MaxPageSize = 1000;

    public static RouteGroupBuilder MapDomains(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns/{id:guid}/domains").WithTags("Domains").RequireCampaignAccess();
        group.MapGet("/", PageAsync);
        group.MapGet("/export", ExportAsync).Produces(200, contentType: "text/csv").Produces(200, contentType: "application/x-ndjson");
        return api;
    }

    /// <param name="after">The previous page's nextCursor (opaque: its form depends on the order).</param>
    /// <param name="sort">ordinal (default: every domain in generation order) or score (keyword score, highest first: the probed domains).</param>
    private static async Task<Results<Ok<DomainPage>, ProblemHttpResult>> PageAsync(
        Guid id, CampaignStore campaigns, DomainStore domains, string? after, int? limit, string? contains, string? dns, string? http, bool? parked,
        string? sort, CancellationToken ct)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return (ProblemHttpResult)Problems.Validation("limit", $"must be between 1 and {MaxPageSize}");
        }
        var filter = ValidatedFilter(contains, dns, http, parked);
        var byScore = sort switch
        {
            null or "ordinal" => false,
            "score" => true,
            _ => throw new ValidationException(ValidationErrors.Single("sort", "must be ordinal or score")),
        };
        var cursor = DomainCursor.Parse(after, byScore);
        if (await campaigns.SeqOfAsync(id, ct) is not { } seq)
        {
            return (ProblemHttpResult)Problems.NotFound("The campaign");
        }
        var size = limit ?? 100;
        var items = byScore
            ? await domains.PageByScoreAsync(seq, filter, cursor.Score, size, ct)
            : await domains.PageAsync(seq, filter, cursor.Ordinal, size, ct);
        var next = items.Count == size ? DomainCursor.After(items[^1], byScore) : null;
        return TypedResults.Ok(new DomainPage(items.Select(DomainDto.From).ToList(), next));
    }

    /// <summary>The filter, or a validation error naming every bad parameter.</summary>
    private static DomainStore.Filter ValidatedFilter(string? contains, string? dns, string? http, bool? parked)
    {
        var errors = new ValidationErrors();
        if (dns is not null && dns != DomainStore.UncheckedOutcome && !Store.Dns.DnsValidationPlanner.Outcomes.Contains(dns))
        {
            errors.Add("dns", $"must be one of {string.Join(", ", Store.Dns.DnsValidationPlanner.Outcomes)} or {DomainStore.UncheckedOutcome}");
        }
        if (http is not null && http != DomainStore.UncheckedOutcome && !Store.Http.HttpPhasePlanner.Outcomes.Contains(http))
        {
            errors.Add("http", $"must be one of {string.Join(", ", Store.Http.HttpPhasePlanner.Outcomes)} or {DomainStore.UncheckedOutcome}");
        }
        return errors.IsEmpty ? new DomainStore.Filter(contains, dns, http, parked) : throw new ValidationException(errors);
    }

    /// <summary>Streams every matching row; memory stays one page however large the campaign.</summary>
    private static async Task<IResult> ExportAsync(
        Guid id, HttpContext context, CampaignStore campaigns, DomainStore domains, string? format, string? contains, string? dns, string? http, bool? parked, CancellationToken ct)
    {
        format ??= "csv";
        if (format is not ("csv" or "ndjson"))
        {
            return Problems.Validation("format", "must be csv or ndjson");
        }
        var filter = ValidatedFilter(contains, dns, http, parked);
        if (await campaigns.SeqOfAsync(id, ct) is not { } seq)
        {
            return Problems.NotFound("The campaign");
        }
        var response = context.Response;
        response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson";
        response.Headers.ContentDisposition = $"attachment; filename=\"campaign-{id}-domains.{format}\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 64 * 1024);
        if (format == "csv")
        {
            await writer.WriteLineAsync("ordinal,name,dns_status,ipv4,ipv6,cname,http_status,status_code,final_url,title,keyword_score,parked,technologies");
        }
        await foreach (var domain in domains.StreamAsync(seq, filter, ct))
        {
            await writer.WriteLineAsync(format == "csv" ? CsvLine(domain) : JsonSerializer.Serialize(DomainDto.From(domain), DomainFlowJson.Options));
        }
        return Results.Empty;
    }

    private static string CsvLine(DomainStore.DomainItem d)
    {
        var h = d.Http;
        var technologies = h?.Technologies is { } json ? string.Join(';', DomainHttpDto.From(h).Technologies.Select(t => t.Name)) : null;
        return string.Join(',',
            d.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Name, d.Dns?.Outcome, d.Dns?.Ipv4, d.Dns?.Ipv6, d.Dns?.Cname,
            h?.Outcome, h?.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture), Csv(h?.FinalUrl), Csv(h?.Title),
            h?.KeywordScore.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), h is null ? null : h.Parked == 1 ? "true" : "false", Csv(technologies));
    }

    private static string? Csv(string? field) => CsvField.Escape(field);
}
