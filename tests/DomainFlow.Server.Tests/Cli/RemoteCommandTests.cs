using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Cli;

public sealed class RemoteCommandTests
{
    [Fact]
    public async Task A_campaign_is_created_started_watched_listed_and_exported_from_the_command_line()
    {
        await using var server = await TestServer.StartAsync();
        var spec = Path.GetTempFileName();
        await File.WriteAllTextAsync(spec, TestServer.Json(TestServer.PatternSpec("from the cli", 18)));
        var url = server.Url.ToString();
        var token = server.Admin.Token!;
        try
        {
            var created = await CliProcess.RunAsync("campaigns", "create", spec, "--server", url, "--token", token);
            var id = created.Stdout.Trim();
            var started = await CliProcess.RunAsync("campaigns", "start", id, "--server", url, "--token", token);
            var watched = await CliProcess.RunAsync("campaigns", "watch", id, "--server", url, "--token", token);
            await server.WaitForPhaseAsync(id, "generation", p => p["status"]!.GetValue<string>() == "completed");
            var listed = await CliProcess.RunAsync("campaigns", "list", "--server", url, "--token", token);
            var exported = await CliProcess.RunAsync("campaigns", "export", id, "--format", "csv", "--server", url, "--token", token);
            var pause = await CliProcess.RunAsync("campaigns", "pause", id, "--server", url, "--token", token);

            Assert.Equal(0, created.ExitCode);
            Assert.True(Guid.TryParse(id, out _), created.Stdout + created.Stderr);
            // The answer is the phase as it is right after the start: 18 names may already be done by then.
            Assert.Contains(started.Stdout.Trim(), new[] { "generation: running", "generation: completed" });
            Assert.Equal(0, watched.ExitCode);
            Assert.Contains(listed.Lines, l => l.StartsWith(id, StringComparison.Ordinal) && l.Contains("from the cli"));
            Assert.Equal(19, exported.Lines.Length);
            Assert.Equal(1, pause.ExitCode);
            Assert.Contains("no phase can pause", pause.Stderr);
        }
        finally
        {
            File.Delete(spec);
        }
    }

    [Fact]
    public async Task A_running_phase_is_paused_resumed_and_stopped_from_the_command_line()
    {
        // An API-only node: the phase stays where the verbs put it, no worker moves it on.
        await using var server = await TestServer.StartAsync(workers: 0);
        var id = await server.CreateCampaignAsync(TestServer.PatternSpec("steered", 18));
        var url = server.Url.ToString();
        var token = server.Admin.Token!;
        string[] Verb(string verb) => ["campaigns", verb, id, "--server", url, "--token", token];

        var started = await CliProcess.RunAsync(Verb("start"));
        var paused = await CliProcess.RunAsync(Verb("pause"));
        var resumed = await CliProcess.RunAsync(Verb("resume"));
        var stopped = await CliProcess.RunAsync(Verb("stop"));
        var again = await CliProcess.RunAsync(Verb("resume"));

        Assert.Equal("generation: running", started.Stdout.Trim());
        Assert.Equal("generation: paused", paused.Stdout.Trim());
        Assert.Equal("generation: running", resumed.Stdout.Trim());
        Assert.Equal("generation: stopped", stopped.Stdout.Trim());
        Assert.Equal("stopped", (await server.WaitForPhaseAsync(id, "generation", _ => true))["status"]!.GetValue<string>());
        Assert.Equal(1, again.ExitCode);
        Assert.Single(again.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Server_errors_become_one_line_messages_with_the_problem_code()
    {
        await using var server = await TestServer.StartAsync();

        var result = await CliProcess.RunAsync("campaigns", "start", Guid.NewGuid().ToString(), "--phase", "generation", "--server", server.Url.ToString(), "--token", server.Admin.Token!);
        var unreachable = await CliProcess.RunAsync("campaigns", "list", "--server", "http://127.0.0.1:9");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not_found", result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(1, unreachable.ExitCode);
        Assert.Contains("cannot reach", unreachable.Stderr);
    }
}
