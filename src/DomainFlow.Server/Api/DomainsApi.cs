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

    private static async Task<Results<Ok<DomainPage>, ProblemHttpResult>> PageAsync(
        Guid id, CampaignStore campaigns, DomainStore domains, long? after, int? limit, string? contains, string? dns, CancellationToken ct)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return (ProblemHttpResult)Problems.Validation("limit", $"must be between 1 and {MaxPageSize}");
        }
        ValidateDnsFilter(dns);
        if (await campaigns.SeqOfAsync(id, ct) is not { } seq)
        {
            return (ProblemHttpResult)Problems.NotFound("The campaign");
        }
        var size = limit ?? 100;
        var items = await domains.PageAsync(seq, new DomainStore.Filter(contains, dns), after ?? -1, size, ct);
        var next = items.Count == size ? items[^1].Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new DomainPage(items.Select(DomainDto.From).ToList(), next));
    }

    private static void ValidateDnsFilter(string? dns)
    {
        if (dns is not null && dns != DomainStore.UncheckedOutcome && !Store.Dns.DnsValidationPlanner.Outcomes.Contains(dns))
        {
            throw new ValidationException(ValidationErrors.Single("dns", $"must be one of {string.Join(", ", Store.Dns.DnsValidationPlanner.Outcomes)} or {DomainStore.UncheckedOutcome}"));
        }
    }

    /// <summary>Streams every matching row; memory stays one page however large the campaign.</summary>
    private static async Task<IResult> ExportAsync(Guid id, HttpContext http, CampaignStore campaigns, DomainStore domains, string? format, string? contains, string? dns, CancellationToken ct)
    {
        format ??= "csv";
        if (format is not ("csv" or "ndjson"))
        {
            return Problems.Validation("format", "must be csv or ndjson");
        }
        ValidateDnsFilter(dns);
        if (await campaigns.SeqOfAsync(id, ct) is not { } seq)
        {
            return Problems.NotFound("The campaign");
        }
        var response = http.Response;
        response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson";
        response.Headers.ContentDisposition = $"attachment; filename=\"campaign-{id}-domains.{format}\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 64 * 1024);
        if (format == "csv")
        {
            await writer.WriteLineAsync("ordinal,name,dns_status,ipv4,ipv6,cname");
        }
        await foreach (var domain in domains.StreamAsync(seq, new DomainStore.Filter(contains, dns), ct))
        {
            // Names, addresses and CNAME targets are LDH/IP text without commas or quotes: CSV needs no quoting.
            await writer.WriteLineAsync(format == "csv"
                ? $"{domain.Ordinal},{domain.Name},{domain.Dns?.Outcome},{domain.Dns?.Ipv4},{domain.Dns?.Ipv6},{domain.Dns?.Cname}"
                : JsonSerializer.Serialize(DomainDto.From(domain), DomainFlowJson.Options));
        }
        return Results.Empty;
    }
}
