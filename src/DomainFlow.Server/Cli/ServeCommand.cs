using System.CommandLine;
using DomainFlow.Server.Hosting;

namespace DomainFlow.Server.Cli;

/// <summary>`domainflow serve`: the web UI, API and workers. Unknown --Section:Key=value tokens pass to configuration.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Listen address(es); default {ServerHost.DefaultUrl}" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder for the embedded database (default ./data)" };
        var workers = new Option<int?>("--workers") { Description = "Job workers on this node; 0 serves the API only" };
        var command = new Command("serve", "Run the server (web UI + API + workers) on the configured store.") { urls, dataDir, workers };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) =>
        {
            var args = new List<string>(result.UnmatchedTokens);
            if (result.GetValue(urls) is { } u)
            {
                args.Add($"--urls={u}");
            }
            if (result.GetValue(dataDir) is { } d)
            {
                args.Add($"--Store:DataDirectory={d}");
            }
            if (result.GetValue(workers) is { } w)
            {
                args.Add($"--Jobs:Workers={w}");
            }
            return RunAsync([.. args], ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(string[] configArgs, CancellationToken ct)
    {
        var app = ServerHost.Build(configArgs);
        await ServerHost.RunAsync(app);
        return 0;
    }
}
