using System.Diagnostics;
using DomainFlow.Core.Generation;
using DomainFlow.Store;

namespace DomainFlow.Bench;

/// <summary>
/// Where the store path spends its time, on one thread: preparing batches exactly as the generation shard processor
/// does (NameGenerator → NameBatch of ASCII bytes) versus writing them with the dialect's bulk insert, one
/// transaction per batch. No jobs, cursors or counters: the gap to the "store" figure is the job runner's overhead.
/// </summary>
internal static class BreakdownBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        await using var bench = await BenchDatabase.CreateAsync(args);
        var db = bench.Database;
        var pattern = BenchPattern.Create(args.Names);
        var generator = new NameGenerator(pattern, 0, (ulong)args.Names);
        var prepare = new Stopwatch();
        var write = new Stopwatch();
        var total = Stopwatch.StartNew();
        long ordinal = 0;
        while (ordinal < args.Names)
        {
            prepare.Start();
            var rows = new DomainFlow.Store.Domains.NameBatch(ordinal, args.BatchSize);
            while (rows.Count < args.BatchSize && generator.MoveNext())
            {
                rows.Add(generator.Current);
            }
            ordinal += rows.Count;
            prepare.Stop();
            write.Start();
            await db.WriteAsync((c, t) => db.Dialect.BulkInsertDomainsAsync(c, t, BenchPattern.CampaignSeq, rows, CancellationToken.None));
            write.Stop();
        }
        total.Stop();
        Measurement.Report($"{args.Provider}_breakdown", args.Names, total.Elapsed,
            ("prepare_seconds", Measurement.Seconds(prepare)),
            ("write_seconds", Measurement.Seconds(write)),
            ("batch", args.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return 0;
    }
}
