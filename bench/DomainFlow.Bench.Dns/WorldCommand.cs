using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using DomainFlow.Server.Lab;
using DomainFlow.Testing.Dns;

namespace DomainFlow.Bench.Dns;

/// <summary>
/// Generates the world, writes the names and the dnsperf input, starts Knot and keeps it serving until standard
/// input closes: the script holds a pipe open while it runs the tools, and a script that dies closes it too.
/// </summary>
internal static class WorldCommand
{
    public static async Task<int> RunAsync(DnsBenchArgs args)
    {
        var directory = args.Require(args.Out, "out");
        Directory.CreateDirectory(directory);
        var spec = new BenchWorld(args.Names, args.Existing, args.Seed, [.. args.Types.Select(t => t.ToString())]);
        spec.Save(directory);
        var world = spec.Create();

        var watch = Stopwatch.StartNew();
        var kinds = WriteInputs(world, spec, directory);
        var writeSeconds = watch.Elapsed.TotalSeconds;

        watch.Restart();
        // Loading a large world's zones takes knotd a while on a small machine.
        await using var knot = await KnotServer.StartAsync(world, udpWorkers: 1, tcpWorkers: 1, loadTimeout: TimeSpan.FromMinutes(10));
        var loadSeconds = watch.Elapsed.TotalSeconds;

        var kindText = string.Join(',', Enum.GetValues<DnsNameKind>().Where(k => kinds[(int)k] > 0).Select(k => $"{k.ToString().ToLowerInvariant()}:{kinds[(int)k]}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT dns-world names={world.NameCount} queries={world.NameCount * spec.Types.Count} types={string.Join(',', spec.Types)} existing={spec.Existing} seed={spec.Seed} zones={string.Join(',', world.AllZones)} kinds={kindText} write_seconds={writeSeconds:F1} knot_load_seconds={loadSeconds:F1} server={knot.Endpoint.Address} port={knot.Endpoint.Port}"));
        await Console.Out.FlushAsync();

        await UntilReleasedAsync();
        return 0;
    }

    /// <summary>names.txt and queries.txt in ordinal order (the zones interleaved); returns how many names of each kind.</summary>
    private static long[] WriteInputs(DnsWorld world, BenchWorld spec, string directory)
    {
        var kinds = new long[Enum.GetValues<DnsNameKind>().Length];
        var utf8 = new UTF8Encoding(false);
        using var names = new StreamWriter(Path.Combine(directory, "names.txt"), false, utf8, 1 << 16);
        using var queries = new StreamWriter(Path.Combine(directory, "queries.txt"), false, utf8, 1 << 16);
        for (long ordinal = 0; ordinal < world.NameCount; ordinal++)
        {
            var name = world.NameAt(ordinal);
            kinds[(int)world.Lookup(name).Kind]++;
            names.Write(name);
            names.Write('\n');
            foreach (var type in spec.Types)
            {
                queries.Write(name);
                queries.Write(' ');
                queries.Write(type);
                queries.Write('\n');
            }
        }
        return kinds;
    }

    /// <summary>Returns when standard input reaches its end or the process is asked to stop (Knot is then disposed).</summary>
    private static async Task UntilReleasedAsync()
    {
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        var drained = Task.Run(async () =>
        {
            await using var input = Console.OpenStandardInput();
            var buffer = new byte[4096];
            while (await input.ReadAsync(buffer) > 0)
            {
            }
        });
        await Task.WhenAny(drained, Task.Delay(Timeout.Infinite, stop.Token));
    }
}
