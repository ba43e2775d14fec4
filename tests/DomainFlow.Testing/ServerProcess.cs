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

    /// <summary>Every line the server wrote to stdout and stderr so far.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; private init; } = new();

    public static async Task<ServerProcess> StartAsync(string dataDir, params string[] extra)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = Process.Start(CliProcess.StartInfo(["serve", "--urls", url.ToString().TrimEnd('/'), "--data-dir", dataDir, .. extra]))!;
        process.StandardInput.Close();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        // Drain output so the child never blocks on a full pipe; keep it for tests that read the log.
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
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
                    return new ServerProcess(process, url) { Output = output };
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

    /// <summary>Creates an admin in the data folder with the command line, as an operator would on a new installation.</summary>
    public static async Task SeedAdminAsync(string dataDir)
    {
        var result = await CliProcess.RunWithInputAsync(TestServer.Password + "\n", null, "users", "add", "--email", TestServer.DefaultAdminEmail, "--admin", "--data-dir", dataDir);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"users add failed: {result.Stderr}");
        }
    }

    /// <summary>Signs in as the seeded admin and returns a client with a fresh write token.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        using var session = new ApiClient(Url, null, withCookies: true);
        var (status, me) = await session.SendAsync(HttpMethod.Post, "/api/v2/auth/login",
            new System.Text.Json.Nodes.JsonObject { ["email"] = TestServer.DefaultAdminEmail, ["password"] = TestServer.Password });
        if (status != 200)
        {
            throw new InvalidOperationException($"login answered {status}: {me.ToJsonString()}");
        }
        session.CsrfToken = me["csrfToken"]!.GetValue<string>();
        var (_, created) = await session.SendAsync(HttpMethod.Post, "/api/v2/auth/tokens",
            new System.Text.Json.Nodes.JsonObject { ["name"] = "tests", ["scopes"] = new System.Text.Json.Nodes.JsonArray("write") });
        var http = new HttpClient { BaseAddress = Url };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", created["secret"]!.GetValue<string>());
        return http;
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
