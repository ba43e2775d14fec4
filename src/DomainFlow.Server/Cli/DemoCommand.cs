using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using DomainFlow.Server.Hosting;
using DomainFlow.Server.Lab;

namespace DomainFlow.Server.Cli;

/// <summary>
/// `domainflow demo`: the server on an embedded SQLite file of its own, the loopback lab (authoritative DNS and web
/// sites on 127.0.0.x) and a demo account, personas, keyword set and campaign aimed at the lab, so a newcomer sees
/// every phase work with no network. Nothing listens or connects outside 127.0.0.0/8: the server accepts loopback
/// URLs only, and the HTTP phase may reach the web lab's address and no other private one.
/// </summary>
public static class DemoCommand
{
    public const string DefaultDataDir = "demo-data";

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Listen address, on 127.0.0.0/8 only", DefaultValueFactory = _ => ServerHost.DefaultUrl };
        var dataDir = new Option<string>("--data-dir") { Description = "Folder for the demo's database, apart from the server's ./data", DefaultValueFactory = _ => DefaultDataDir };
        var reset = new Option<bool>("--reset") { Description = "Delete and recreate the demo's campaign, personas and keyword set (other data is kept)" };
        var command = new Command("demo", "Try DomainFlow offline: the server, a loopback DNS and web lab, and a demo campaign ready to run.") { urls, dataDir, reset };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => RunAsync(
            result.GetValue(urls)!, result.GetValue(dataDir)!, result.GetValue(reset), [.. result.UnmatchedTokens],
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));
        return command;
    }

    private static async Task<int> RunAsync(string urls, string dataDir, bool reset, string[] configArgs, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (NonLoopbackUrl(urls) is { } refused)
        {
            await error.WriteLineAsync($"domainflow demo: --urls {refused}: the demo listens on 127.0.0.0/8 only (for example {ServerHost.DefaultUrl}).");
            return CliApp.UsageError;
        }
        var folder = Path.GetFullPath(dataDir);
        DemoLab lab;
        try
        {
            lab = await DemoLab.StartAsync();
        }
        catch (SocketException e)
        {
            await error.WriteLineAsync($"domainflow demo: the lab cannot listen on {DemoLab.DnsAddress} and {DemoLab.WebAddress} ({e.Message}); " +
                "Linux answers on all of 127.0.0.0/8, other systems need these addresses added to the loopback interface.");
            return 1;
        }
        await using (lab)
        {
            await using var app = ServerHost.Build(configArgs, Settings(urls, folder));
            DemoWorkspace.Prepared prepared;
            try
            {
                await ServerHost.MigrateAsync(app.Services);
                prepared = await new DemoWorkspace(app.Services).PrepareAsync(lab, reset, ct);
            }
            catch (Exception e) when (e is Core.ValidationException or InvalidOperationException or System.Data.Common.DbException or IOException)
            {
                // A demo resource the user broke (a persona renamed onto a demo name, say): --reset starts over.
                await error.WriteLineAsync($"domainflow demo: {e.Message} (--reset recreates the demo's resources)");
                return 1;
            }
            await ServerHost.StartAsync(app);
            await PrintAsync(output, app.Urls.First(), folder, lab, prepared);
            // Ctrl+C stops the host (its own handler, or the command line's token); then the lab stops below.
            await app.WaitForShutdownAsync(ct);
        }
        return 0;
    }

    /// <summary>
    /// Win over arguments and DOMAINFLOW__ variables: the demo always runs on its own SQLite file and reaches only its
    /// web lab, whatever the environment says about the real deployment.
    /// </summary>
    private static Dictionary<string, string?> Settings(string urls, string folder) => new()
    {
        ["urls"] = urls,
        ["Store:Provider"] = "sqlite",
        ["Store:ConnectionString"] = null,
        ["Store:DataDirectory"] = folder,
        ["Network:AllowPrivateTargets"] = "false",
        ["Network:AllowedTargets:0"] = DemoLab.WebTargets[0],
    };

    /// <summary>The first of the ';'-separated URLs that is not http(s) on an IPv4 loopback address, or null when all are.</summary>
    internal static string? NonLoopbackUrl(string urls)
    {
        var list = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return list.Length == 0 ? "(empty)" : list.FirstOrDefault(url => !IsLoopbackUrl(url));
    }

    /// <summary>"localhost" is refused too: it may also mean ::1, and the promise is 127.0.0.0/8.</summary>
    private static bool IsLoopbackUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && IPAddress.TryParse(uri.Host, out var address) && address.AddressFamily == AddressFamily.InterNetwork && IPAddress.IsLoopback(address);

    private static async Task PrintAsync(TextWriter output, string url, string folder, DemoLab lab, DemoWorkspace.Prepared prepared)
    {
        var zones = string.Join(", ", lab.World.Zones);
        await output.WriteLineAsync($"""

            DomainFlow demo is running. Everything stays on this machine (127.0.0.x); no network is used.

              URL       {url}
              Email     {DemoWorkspace.Email}
              Password  {prepared.Password}
                        (new at every start of the demo; the previous one no longer works)

              Created   {(prepared.Created.Count == 0 ? "nothing (all reused)" : string.Join(", ", prepared.Created))}
              Reused    {(prepared.Kept.Count == 0 ? "nothing (first run)" : string.Join(", ", prepared.Kept))}
              DNS lab   {lab.Dns.Endpoint}, authoritative for {zones}
              Web lab   http://{lab.Web.Address}:{lab.Web.HttpPort} and https://{lab.Web.Address}:{lab.Web.HttpsPort} (the only private address the HTTP phase may reach)
              Data      {folder} (start over with --reset)

            Open {url}/campaigns/{prepared.CampaignId}, sign in, and press Start on the generation phase: the campaign is in
            auto mode, so DNS validation and HTTP keyword analysis follow by themselves.
            Press Ctrl+C to stop.

            """);
        await output.FlushAsync();
    }
}
