using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DomainFlow.Testing.Proxies;

/// <summary>
/// A third-party daemon run in the foreground for a test: started on a free 127.0.0.1 port, ready once the port
/// accepts connections, killed on dispose. Its output is kept for failure messages. A missing executable fails
/// loudly (scripts/test installs it).
/// </summary>
public sealed class LoopbackDaemon : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;
    private int _disposed;

    private LoopbackDaemon(Process process, ConcurrentQueue<string> log, int port, string directory)
    {
        _process = process;
        _log = log;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public string Log => string.Join('\n', _log);

    /// <param name="arguments">Given the port and a fresh directory, the command line.</param>
    public static async Task<LoopbackDaemon> StartAsync(string executable, Func<int, string, IEnumerable<string>> arguments, CancellationToken ct = default)
    {
        var path = new[] { "/usr/bin", "/usr/sbin", "/usr/local/bin" }.Select(d => Path.Combine(d, executable)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{executable} is not installed: run the tests with scripts/test, which installs it.");
        var port = FreePort();
        var directory = System.IO.Directory.CreateTempSubdirectory($"domainflow-{executable}-").FullName;
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments(port, directory))
        {
            start.ArgumentList.Add(argument);
        }
        var log = new ConcurrentQueue<string>();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var daemon = new LoopbackDaemon(process, log, port, directory);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await daemon.DisposeAsync();
                throw new InvalidOperationException($"{executable} exited with code {process.ExitCode}:\n{daemon.Log}");
            }
            using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port, ct);
                return daemon;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(50, ct);
            }
        }
    }

    private static void Keep(ConcurrentQueue<string> log, string? line)
    {
        if (line is null)
        {
            return;
        }
        log.Enqueue(line);
        while (log.Count > 200 && log.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
