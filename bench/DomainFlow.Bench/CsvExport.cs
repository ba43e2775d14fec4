using System.Buffers.Text;
using System.Diagnostics;
using DomainFlow.Core.Generation;

namespace DomainFlow.Bench;

/// <summary>
/// Writes the rows the store would hold — campaign_seq, ordinal, name — as CSV (no header) for the reference tools
/// (sqlite3 .import, psql \copy). Names are [a-z0-9.] only, so no field needs quoting.
/// </summary>
internal static class CsvExport
{
    public static int Run(BenchArgs args)
    {
        var path = args.ExportFile ?? throw new ArgumentException("export needs --export-file PATH");
        var pattern = BenchPattern.Create(args.Names);
        var watch = Stopwatch.StartNew();
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            Write(file, pattern, args.Names);
        }
        watch.Stop();
        Console.Error.WriteLine($"bench: wrote {args.Names} rows to {path} in {Measurement.Seconds(watch)} s");
        return 0;
    }

    private static void Write(Stream output, DomainPattern pattern, long names)
    {
        var generator = new NameGenerator(pattern, 0, (ulong)names);
        var line = new byte[128];
        Utf8Formatter.TryFormat(BenchPattern.CampaignSeq, line, out var seqLength);
        line[seqLength] = (byte)',';
        var prefix = seqLength + 1;
        long ordinal = 0;
        while (generator.MoveNext())
        {
            Utf8Formatter.TryFormat(ordinal++, line.AsSpan(prefix), out var written);
            var at = prefix + written;
            line[at++] = (byte)',';
            generator.Current.CopyTo(line.AsSpan(at));
            at += generator.Current.Length;
            line[at++] = (byte)'\n';
            output.Write(line, 0, at);
        }
    }
}
