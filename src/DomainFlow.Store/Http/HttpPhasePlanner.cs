using System.Data.Common;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Http;
using DomainFlow.Core.Phases;
using DomainFlow.Store.Jobs;

namespace DomainFlow.Store.Http;

/// <summary>
/// Plans an HTTP run over the campaign's resolved domains: shards are ordinal ranges; the total is the number of
/// names the DNS phase resolved (all of them, or those without an HTTP result yet).
/// </summary>
public sealed class HttpPhasePlanner(HttpPhaseStores stores, JobRunnerOptions options) : IPhasePlanner
{
    public PhaseName Phase => PhaseName.HttpKeywordAnalysis;

    public static readonly IReadOnlyList<string> Outcomes = Enum.GetValues<HttpOutcome>().Select(WireNames.ToWire).ToList();

    public async Task<PhasePlan> PlanAsync(DbConnection connection, DbTransaction transaction, long campaignSeq, string configJson, CancellationToken ct)
    {
        var config = HttpPhaseConfigRules.Parse(configJson);
        try
        {
            await HttpPhaseConfigRules.ResolveAsync(config, stores, ct);
        }
        catch (ValidationException e)
        {
            return PhasePlan.Fail("configuration_unavailable", $"The configuration cannot run: {e.Message}. Change the phase configuration.");
        }
        var extent = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT max(ordinal) + 1 FROM domains WHERE campaign_seq = @campaignSeq", new { campaignSeq }, transaction, cancellationToken: ct)) ?? 0;
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM dns_results d WHERE d.campaign_seq = @campaignSeq AND d.outcome = 'resolved' {(config.Names == HttpNameSelection.Unprobed ? "AND " + HttpShardProcessor.WithoutResult : "")}",
            new { campaignSeq }, transaction, cancellationToken: ct));
        if (total == 0)
        {
            return PhasePlan.Fail(config.Names == HttpNameSelection.All ? "no_resolved_domains" : "nothing_to_probe",
                config.Names == HttpNameSelection.All
                    ? "No domain of the campaign resolved: run the DNS validation phase first."
                    : "Every resolved domain already has an HTTP result; choose names = all to probe them again.");
        }
        var counters = Outcomes.ToDictionary(o => o, _ => 0L);
        counters["parked"] = 0;
        counters["keyword_matches"] = 0;
        if (config.Names == HttpNameSelection.Unprobed)
        {
            var existing = await connection.QueryAsync<(string Outcome, long Count, long Parked, long Matches)>(new CommandDefinition(
                "SELECT outcome, count(*), sum(parked), sum(CASE WHEN keyword_hits IS NULL THEN 0 ELSE 1 END) FROM http_results WHERE campaign_seq = @campaignSeq GROUP BY outcome",
                new { campaignSeq }, transaction, cancellationToken: ct));
            foreach (var (outcome, count, parked, matches) in existing)
            {
                counters[outcome] = count;
                counters["parked"] += parked;
                counters["keyword_matches"] += matches;
            }
        }
        return new PhasePlan(total, PhasePlan.Split(extent, options.ShardSize, _ => 0), counters);
    }
}
