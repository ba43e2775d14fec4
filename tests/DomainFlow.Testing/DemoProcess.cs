using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DomainFlow.Testing;

/// <summary>
/// `domainflow demo` as a separate process on a free loopback port, read the way a newcomer reads it: the URL,
/// email and password it prints. Stopped with SIGINT, as Ctrl+C in a terminal would.
/// </summary>
public sealed partial class DemoProcess : IAsyncDisposable
{
    private const string ReadyLine = "Press Ctrl+C to stop.";
    private readonly Process _process;

    private DemoProcess(Process process, ConcurrentQueue<string> output)
    {
        _process = process;
        Output = output;
        Url = new Uri(Field("URL"));
        Email = Field("Email");
        Password = Field("Password");
    }

    /// <summary>Every line the demo wrote to stdout and stderr so far.</summary>
    public ConcurrentQueue<string> Output { get; }

    public Uri Url { get; }

    public string Email { get; }

    public string Password { get; }

    /// <summary>The value printed after <paramref name="label"/> at the start of a line of the banner ("Password  xyz").</summary>
    public string Field(string label) =>
        Output.Select(line => Regex.Match(line, $@"^\s+{Regex.Escape(label)}\s+(\S.*)$")).FirstOrDefault(m => m.Success)?.Groups[1].Value.Trim()
        ?? throw new InvalidOperationException($"The demo printed no '{label}' line:\n{string.Join('\n', Output)}");

    /// <summary>The ports in a banner line ("DNS lab   127.0.0.2:5353, ..."), in order.</summary>
    public IReadOnlyList<int> PortsIn(string label) => [.. PortPattern().Matches(Field(label)).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    public static async Task<DemoProcess> StartAsync(string dataDir, params string[] extra)
    {
        var info = CliProcess.StartInfo(["demo", "--urls", "http://127.0.0.1:0", "--data-dir", dataDir, .. extra]);
        // A shell's background job starts with SIGINT ignored and children inherit that; env gives the demo the
        // default disposition a terminal's foreground process has, so the test's Ctrl+C is a real one.
        info.ArgumentList.Insert(0, info.FileName);
        info.ArgumentList.Insert(0, "--default-signal=INT");
        info.FileName = "env";
        var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            output.Enqueue(e.Data ?? "");
            if (e.Data == ReadyLine)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(90))) != ready.Task)
        {
            var code = process.HasExited ? process.ExitCode : -1;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            process.Dispose();
            throw new InvalidOperationException($"The demo did not get ready (exit code {code}):\n{string.Join('\n', output)}");
        }
        return new DemoProcess(process, output);
    }

    /// <summary>Signs in through the login endpoint like the browser: a cookie session with its anti-CSRF token.</summary>
    public async Task<(int Status, ApiClient Client)> SignInAsync(string? password = null)
    {
        var client = new ApiClient(Url, null, withCookies: true) { Email = Email };
        var (status, body) = await client.SendAsync(HttpMethod.Post, "/api/v2/auth/login", new JsonObject { ["email"] = Email, ["password"] = password ?? Password });
        if (status == 200)
        {
            client.CsrfToken = body["csrfToken"]!.GetValue<string>();
        }
        return (status, client);
    }

    /// <summary>Sends SIGINT and waits for the process to end; returns its exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@":(\d+)")]
    private static partial Regex PortPattern();
}
