using System.Data.Common;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Dns;
using DomainFlow.Core.Phases;
using DomainFlow.Store.Jobs;
using DomainFlow.Store.Personas;

namespace DomainFlow.Store.Dns;

/// <summary>
/// Plans a DNS validation run over the campaign's domains: shards are ordinal ranges; the total is the number of
/// names to resolve (all of them, or those without a result yet).
/// </summary>
public sealed class DnsValidationPlanner(DnsPersonaStore personas, JobRunnerOptions options) : IPhasePlanner
{
    public PhaseName Phase => PhaseName.DnsValidation;

    public static readonly IReadOnlyList<string> Outcomes = Enum.GetValues<DnsOutcome>().Select(WireNames.ToWire).ToList();

    public async Task<PhasePlan> PlanAsync(DbConnection connection, DbTransaction transaction, long campaignSeq, string configJson, CancellationToken ct)
    {
        var config = DnsValidationConfigRules.Parse(configJson);
        try
        {
            await DnsValidationConfigRules.ValidateAsync(config, personas, ct);
        }
        catch (ValidationException e)
        {
            return PhasePlan.Fail("persona_unavailable", $"The configuration cannot run: {e.Message}. Change the phase configuration.");
        }
        var extent = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT max(ordinal) + 1 FROM domains WHERE campaign_seq = @campaignSeq", new { campaignSeq }, transaction, cancellationToken: ct)) ?? 0;
        if (extent == 0)
        {
            return PhasePlan.Fail("no_domains", "The campaign has no domains yet: run the generation phase first.");
        }
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            config.Names == DnsNameSelection.All
                ? "SELECT count(*) FROM domains WHERE campaign_seq = @campaignSeq"
                : $"SELECT count(*) FROM domains d WHERE d.campaign_seq = @campaignSeq AND {DnsValidationShardProcessor.WithoutResult}",
            new { campaignSeq }, transaction, cancellationToken: ct));
        if (total == 0)
        {
            return PhasePlan.Fail("nothing_to_validate", "Every domain already has a DNS result; choose names = all to validate them again.");
        }
        // Counters describe the campaign's results: a run over the remaining names starts from the ones already there.
        var counters = Outcomes.ToDictionary(o => o, _ => 0L);
        if (config.Names == DnsNameSelection.Unresolved)
        {
            var existing = await connection.QueryAsync<(string Outcome, long Count)>(new CommandDefinition(
                "SELECT outcome, count(*) FROM dns_results WHERE campaign_seq = @campaignSeq GROUP BY outcome", new { campaignSeq }, transaction, cancellationToken: ct));
            foreach (var (outcome, count) in existing)
            {
                counters[outcome] = count;
            }
        }
        return new PhasePlan(total, PhasePlan.Split(extent, options.ShardSize, _ => 0), counters);
    }
}
