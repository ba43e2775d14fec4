using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DomainFlow.Testing;

/// <summary>The server as a separate OS process on a data folder, so a test can kill -9 it and start it again.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<ServerProcess> StartAsync(string dataDir, params string[] extra)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = Process.Start(CliProcess.StartInfo(["serve", "--urls", url.ToString().TrimEnd('/'), "--data-dir", dataDir, .. extra]))!;
        process.StandardInput.Close();
        // Drain output so the child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = url };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/api/v2/ready");
                if (response.IsSuccessStatusCode)
                {
                    return new ServerProcess(process, url);
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The server did not become ready (exit code {(process.HasExited ? process.ExitCode : -1)}).");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks run, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
