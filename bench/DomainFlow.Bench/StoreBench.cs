using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dapper;
using DomainFlow.Core;
using DomainFlow.Core.Campaigns;
using DomainFlow.Core.Phases;
using DomainFlow.Store;
using DomainFlow.Store.Campaigns;
using DomainFlow.Store.Generation;
using DomainFlow.Store.Jobs;

namespace DomainFlow.Bench;

/// <summary>
/// The product path end to end: a campaign's generation phase started through PhaseControl and run by JobRunner
/// workers (wired as the server wires them) until the phase completes; then the row count is checked.
/// </summary>
internal static class StoreBench
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(BenchArgs args)
    {
        await using var bench = await BenchDatabase.CreateAsync(args);
        var db = bench.Database;
        var options = new JobRunnerOptions { Workers = args.Workers, BatchSize = args.BatchSize, ShardSize = args.ShardSize };
        var campaigns = new CampaignStore(db);
        var jobs = new JobStore(db);
        var phases = new PhaseControl(db, [new GenerationPlanner(db, options)]);
        var runner = new JobRunner(db, jobs, phases, [new GenerationShardProcessor(db)], options);

        BenchPattern.Create(args.Names);
        var config = JsonSerializer.Serialize(BenchPattern.Config(args.Names), DomainFlowJson.Options);
        var campaign = await campaigns.CreateAsync("bench", null, CampaignMode.StepByStep, config);
        if (await campaigns.SeqOfAsync(campaign.Id) != BenchPattern.CampaignSeq)
        {
            throw new InvalidOperationException("the bench campaign is not the database's first campaign");
        }

        using var stop = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();
        await phases.StartAsync(campaign.Id, PhaseName.Generation);
        var workers = Enumerable.Range(0, args.Workers)
            .Select(i => Task.Run(() => runner.RunAsync($"bench/{i}/x", stop.Token)))
            .ToList();
        var phase = await WaitForEndAsync(campaigns, campaign.Id, workers);
        watch.Stop();
        await stop.CancelAsync();
        await StopWorkersAsync(workers);

        if (phase.Status != PhaseStatus.Completed)
        {
            throw new InvalidOperationException($"generation phase ended {phase.Status}: {phase.Error}");
        }
        var stored = await CountDomainsAsync(db);
        if (stored != args.Names)
        {
            throw new InvalidOperationException($"domains holds {stored} rows, expected {args.Names}");
        }
        Measurement.Report($"{args.Provider}_store", args.Names, watch.Elapsed,
            ("workers", args.Workers.ToString(CultureInfo.InvariantCulture)),
            ("batch", args.BatchSize.ToString(CultureInfo.InvariantCulture)),
            ("shard", args.ShardSize.ToString(CultureInfo.InvariantCulture)),
            ("verified_rows", stored.ToString(CultureInfo.InvariantCulture)),
            ("db_mb", (await TableBytesAsync(db) / 1048576.0).ToString("F1", CultureInfo.InvariantCulture)));
        return 0;
    }

    /// <summary>Re-reads the phase every 50 ms (a few cheap queries; the end time is exact to that) until it is no longer running.</summary>
    private static async Task<PhaseState> WaitForEndAsync(CampaignStore campaigns, Guid id, List<Task> workers)
    {
        while (true)
        {
            var phase = (await campaigns.GetAsync(id))!.Phases[PhaseRules.IndexOf(PhaseName.Generation)];
            if (phase.Status is not PhaseStatus.Running)
            {
                return phase;
            }
            if (workers.FirstOrDefault(w => w.IsCompleted) is { } dead)
            {
                await dead; // a worker that ends while the phase runs has failed: surface its exception
                throw new InvalidOperationException("a worker stopped while the phase was running");
            }
            await Task.Delay(PollInterval);
        }
    }

    private static async Task StopWorkersAsync(List<Task> workers)
    {
        foreach (var worker in workers)
        {
            try
            {
                await worker;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>
    /// Size of the domains table with its key (SQLite: the whole file, which the table dominates). Interleaved inserts
    /// from several shards split B-tree pages in the middle and show up as a bigger table.
    /// </summary>
    private static async Task<long> TableBytesAsync(Database db)
    {
        await using var c = await db.OpenAsync();
        return await c.ExecuteScalarAsync<long>(db.Dialect.Name == "sqlite"
            ? "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"
            : "SELECT pg_total_relation_size('domains')");
    }

    private static async Task<long> CountDomainsAsync(Database db)
    {
        await using var c = await db.OpenAsync();
        return await c.ExecuteScalarAsync<long>("SELECT count(*) FROM domains");
    }
}
