using System.Diagnostics;
using DomainFlow.Core.Generation;

namespace DomainFlow.Bench;

/// <summary>NameGenerator alone on the calling thread: no store, no strings, just the ASCII bytes of each name.</summary>
internal static class GeneratorBench
{
    public static int Run(BenchArgs args)
    {
        var pattern = BenchPattern.Create(args.Names);
        // Warm-up so the measured loop runs the fully optimised (tier-1) code.
        Consume(pattern, Math.Min(args.Names, 1_000_000));
        var watch = Stopwatch.StartNew();
        var (count, bytes) = Consume(pattern, args.Names);
        watch.Stop();
        if (count != args.Names)
        {
            throw new InvalidOperationException($"generated {count} names, expected {args.Names}");
        }
        Measurement.Report("generator", count, watch.Elapsed, ("bytes", bytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return 0;
    }

    private static (long Count, long Bytes) Consume(DomainPattern pattern, long names)
    {
        var generator = new NameGenerator(pattern, 0, (ulong)names);
        long count = 0, bytes = 0;
        while (generator.MoveNext())
        {
            var name = generator.Current;
            bytes += name.Length + name[^1];
            count++;
        }
        return (count, bytes);
    }
}
