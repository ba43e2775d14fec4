using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DomainFlow.Core.Dns;
using DomainFlow.Server.Lab;

namespace DomainFlow.Testing.Dns;

/// <summary>
/// Knot DNS (a third-party authoritative server) serving a <see cref="DnsWorld"/> on a free loopback port: zone
/// files and a knot.conf in a temporary folder, <c>knotd -c</c> in the foreground as a child process, ready once
/// every zone answers its SOA. Dispose kills it and deletes the folder. A missing knotd fails loudly: the DNS
/// tests must not silently skip, and scripts/test installs it.
/// </summary>
public sealed class KnotServer : IAsyncDisposable
{
    /// <summary>The kernel's limit for a unix socket path (knotd's control socket lives in its run folder).</summary>
    private const int MaxControlSocketPath = 100;
    private const int LogLines = 200;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;
    private readonly string _directory;

    private KnotServer(DnsWorld world, IPEndPoint endpoint, Process process, ConcurrentQueue<string> log, string directory)
    {
        World = world;
        Endpoint = endpoint;
        _process = process;
        _log = log;
        _directory = directory;
    }

    public DnsWorld World { get; }

    public IPEndPoint Endpoint { get; }

    /// <summary>knotd's latest log lines, for failure messages.</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>
    /// Writes <paramref name="world"/>'s zones, starts knotd on <paramref name="address"/> (127.0.0.1 by default) with
    /// the given worker counts and returns once every zone is served. Large worlds take a while to load:
    /// <paramref name="loadTimeout"/> defaults to two minutes.
    /// </summary>
    public static async Task<KnotServer> StartAsync(DnsWorld world, int udpWorkers = 1, int tcpWorkers = 1, IPAddress? address = null, TimeSpan? loadTimeout = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        address ??= IPAddress.Loopback;
        if (address.AddressFamily != AddressFamily.InterNetwork || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"knotd may listen on 127.0.0.0/8 only, not on {address}.", nameof(address));
        }
        var knotd = FindKnotd();
        var directory = CreateDirectory();
        try
        {
            var zones = await Task.Run(() => world.WriteZoneFiles(Path.Combine(directory, "zones")), ct);
            // Another process may take the free port between the check and knotd's bind: then knotd exits, try again.
            for (var attempt = 1; ; attempt++)
            {
                var endpoint = new IPEndPoint(address, FreePort(address));
                var config = Path.Combine(directory, "knot.conf");
                await File.WriteAllTextAsync(config, Config(directory, endpoint, udpWorkers, tcpWorkers, zones), ct);
                var log = new ConcurrentQueue<string>();
                var process = Launch(knotd, config, log);
                var server = new KnotServer(world, endpoint, process, log, directory);
                try
                {
                    await server.WaitUntilServingAsync(loadTimeout ?? TimeSpan.FromMinutes(2), ct);
                    return server;
                }
                catch (KnotExitedException) when (attempt < 5 && server.Log.Contains("address already in use", StringComparison.Ordinal))
                {
                    await server.StopAsync();
                }
                catch
                {
                    await server.StopAsync();
                    throw;
                }
            }
        }
        catch
        {
            DeleteDirectory(directory);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        DeleteDirectory(_directory);
    }

    /// <summary>
    /// The configuration. No <c>user:</c> line, so knotd keeps the identity that started it (root in CI, where it
    /// only touches this folder); run folder, databases and zones all live in the temporary folder, nothing in
    /// /run/knot or /var/lib/knot. The zones never change, so nothing is journaled or written back.
    /// </summary>
    private static string Config(string directory, IPEndPoint endpoint, int udpWorkers, int tcpWorkers, IReadOnlyList<DnsZoneFile> zones)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $$"""
            server:
                rundir: "{{directory}}"
                listen: {{endpoint.Address}}@{{endpoint.Port}}
                udp-workers: {{udpWorkers}}
                tcp-workers: {{tcpWorkers}}
                background-workers: 1
            log:
              - target: stderr
                any: info
            database:
                storage: "{{Path.Combine(directory, "db")}}"
            template:
              - id: default
                storage: "{{Path.Combine(directory, "zones")}}"
                zonefile-load: whole
                zonefile-sync: -1
                journal-content: none
            zone:
            """);
        foreach (var zone in zones)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - domain: {zone.Zone}.");
            text.AppendLine(CultureInfo.InvariantCulture, $"    file: \"{zone.Path}\"");
        }
        return text.ToString();
    }

    private static Process Launch(string knotd, string config, ConcurrentQueue<string> log)
    {
        var info = new ProcessStartInfo(knotd)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(config);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }
            log.Enqueue(line);
            while (log.Count > LogLines && log.TryDequeue(out _))
            {
            }
        }
    }

    /// <summary>Ready when every zone (the wildcard one too) answers its SOA: knotd loads zones after it binds.</summary>
    private async Task WaitUntilServingAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var client = new LoopbackDnsClient(Endpoint);
        var waiting = new Queue<string>(World.AllZones);
        var deadline = Stopwatch.StartNew();
        while (waiting.Count > 0)
        {
            if (_process.HasExited)
            {
                throw new KnotExitedException($"knotd exited with code {_process.ExitCode} before serving its zones. Log:\n{Log}");
            }
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"knotd did not serve zone {waiting.Peek()} within {timeout}. Log:\n{Log}");
            }
            if (client.Query(waiting.Peek(), DnsRecordType.SOA, timeout: TimeSpan.FromMilliseconds(200)) is { Rcode: DnsRcode.NoError, Header.AnswerCount: > 0 })
            {
                waiting.Dequeue();
                continue;
            }
            await Task.Delay(50, ct);
        }
    }

    private async Task StopAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        _process.Dispose();
    }

    private static string FindKnotd()
    {
        // Debian installs knotd in /usr/sbin, which is not on every user's PATH.
        string?[] candidates = [Environment.GetEnvironmentVariable("KNOTD_PATH"), "/usr/sbin/knotd", "/usr/local/sbin/knotd",
            .. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, "knotd"))];
        return candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            "knotd (Knot DNS) is not installed, and the DNS tests need it. Run scripts/test, which installs it " +
            "(or: sudo apt-get install -y --no-install-recommends knot; KNOTD_PATH points to another knotd).");
    }

    private static string CreateDirectory()
    {
        var name = "domainflow-knot-" + Guid.NewGuid().ToString("N")[..12];
        var directory = Path.Combine(Path.GetTempPath(), name);
        if (directory.Length + "/knot.sock".Length > MaxControlSocketPath)
        {
            directory = Path.Combine("/tmp", name);
        }
        // knotd does not create its database folder (it warns and goes on without one).
        Directory.CreateDirectory(Path.Combine(directory, "db"));
        return directory;
    }

    /// <summary>A port free for both UDP and TCP on <paramref name="address"/> at the time of asking.</summary>
    private static int FreePort(IPAddress address)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(address, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(address, port));
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
            }
        }
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }

    private sealed class KnotExitedException(string message) : Exception(message);
}
