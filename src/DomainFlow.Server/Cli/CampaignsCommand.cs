using System.CommandLine;
using System.Text.Json.Nodes;
using DomainFlow.Core;
using DomainFlow.Core.Phases;

namespace DomainFlow.Server.Cli;

/// <summary>`domainflow campaigns ...`: remote verbs against a running server.</summary>
public static class CampaignsCommand
{
    private static readonly Option<string> Server = RemoteOptions.ServerOption(recursive: true);

    private static readonly Option<string?> Token = RemoteOptions.TokenOption(recursive: true);

    public static Command Create()
    {
        var command = new Command("campaigns", "Manage campaigns on a running server.") { Server, Token };
        command.Subcommands.Add(List());
        command.Subcommands.Add(CreateFromSpec());
        foreach (var action in new[] { "start", "pause", "resume", "stop" })
        {
            command.Subcommands.Add(PhaseAction(action));
        }
        command.Subcommands.Add(CampaignWatch.Create());
        command.Subcommands.Add(Export());
        return command;
    }

    /// <summary>Runs a remote action, printing a one-line error and exiting 1 when the server refuses.</summary>
    internal static Func<ParseResult, CancellationToken, Task<int>> Remote(Func<ParseResult, RemoteClient, TextWriter, CancellationToken, Task> action) =>
        async (result, ct) =>
        {
            if (!RemoteOptions.TryServer(result, Server, out var server))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"domainflow: --server must be an absolute http(s) URL");
                return CliApp.UsageError;
            }
            using var client = new RemoteClient(server, RemoteOptions.TokenFor(result, Token, server));
            try
            {
                await action(result, client, result.InvocationConfiguration.Output, ct);
                return 0;
            }
            catch (Exception e) when (e is RemoteClient.RemoteException or IOException or System.Text.Json.JsonException)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"domainflow campaigns {result.CommandResult.Command.Name}: {e.Message}");
                return 1;
            }
        };

    private static Command List()
    {
        var search = new Option<string?>("--search") { Description = "Name contains" };
        var status = new Option<string?>("--status") { Description = "draft | running | paused | waiting | completed | failed | cancelled" };
        var command = new Command("list", "List campaigns, newest first.") { search, status };
        command.SetAction(Remote(async (result, client, output, ct) =>
        {
            string? cursor = null;
            await output.WriteLineAsync($"{"ID",-36}  {"STATUS",-10}  {"PROGRESS",-24}  NAME");
            do
            {
                var query = $"/api/v2/campaigns?limit=200{Q("search", result.GetValue(search))}{Q("status", result.GetValue(status))}{Q("cursor", cursor)}";
                var page = await client.GetAsync(query, ct);
                foreach (var campaign in page["items"]!.AsArray())
                {
                    await output.WriteLineAsync($"{campaign!["id"],-36}  {campaign["status"],-10}  {Progress(campaign),-24}  {campaign["name"]}");
                }
                cursor = page["nextCursor"]?.GetValue<string>();
            }
            while (cursor is not null);
        }));
        return command;
    }

    private static Command CreateFromSpec()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "JSON file: { name, description?, mode?, generation? }" };
        var command = new Command("create", "Create a campaign from a JSON spec file.") { spec };
        command.SetAction(Remote(async (result, client, output, ct) =>
        {
            var file = result.GetValue(spec)!;
            if (!file.Exists)
            {
                throw new IOException($"{file.FullName} does not exist");
            }
            var body = JsonNode.Parse(await File.ReadAllTextAsync(file.FullName, ct));
            var campaign = await client.PostJsonAsync("/api/v2/campaigns", body, ct);
            await output.WriteLineAsync(campaign["id"]!.GetValue<string>());
        }));
        return command;
    }

    private static Command PhaseAction(string action)
    {
        var id = new Argument<Guid>("id") { Description = "Campaign id" };
        var phase = new Option<string?>("--phase") { Description = "generation | dns_validation | http_keyword_analysis | analysis (default: the phase the action applies to)" };
        var command = new Command(action, $"{char.ToUpperInvariant(action[0])}{action[1..]} a phase of a campaign.") { id, phase };
        command.SetAction(Remote(async (result, client, output, ct) =>
        {
            var campaignId = result.GetValue(id);
            var target = result.GetValue(phase) ?? DefaultPhase(await client.GetAsync($"/api/v2/campaigns/{campaignId}", ct), action);
            var state = await client.PostJsonAsync($"/api/v2/campaigns/{campaignId}/phases/{target}/{action}", null, ct);
            await output.WriteLineAsync($"{target}: {state["status"]}");
        }));
        return command;
    }

    private static Command Export()
    {
        var id = new Argument<Guid>("id") { Description = "Campaign id" };
        var format = new Option<string>("--format") { Description = "csv | ndjson", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "ndjson");
        var outputFile = new Option<FileInfo?>("--output") { Description = "File to write (default: stdout)" };
        var command = new Command("export", "Stream a campaign's domains.") { id, format, outputFile };
        command.SetAction(Remote(async (result, client, output, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v2/campaigns/{result.GetValue(id)}/domains/export?format={result.GetValue(format)}");
            using var response = await client.SendRawAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await using var target = result.GetValue(outputFile) is { } file ? file.Create() : Console.OpenStandardOutput();
            await body.CopyToAsync(target, ct);
        }));
        return command;
    }

    /// <summary>The phase an action most likely means: start the first startable one, pause/stop the active one, resume the paused one.</summary>
    private static string DefaultPhase(JsonNode campaign, string action)
    {
        var phases = campaign["phases"]!.AsArray().Select(p => (Name: p!["phase"]!.GetValue<string>(), Status: p["status"]!.GetValue<string>())).ToList();
        string[] wanted = action switch
        {
            "start" => ["configured", "failed"],
            "resume" => ["paused"],
            _ => ["running", "paused"],
        };
        return phases.FirstOrDefault(p => wanted.Contains(p.Status)).Name
            ?? throw new RemoteClient.RemoteException($"no phase can {action} now (phases: {string.Join(", ", phases.Select(p => $"{p.Name}={p.Status}"))}); pass --phase");
    }

    internal static string Progress(JsonNode campaign)
    {
        var active = campaign["phases"]!.AsArray().LastOrDefault(p => p!["status"]!.GetValue<string>() != WireNames.ToWire(PhaseStatus.NotStarted));
        if (active is null)
        {
            return "-";
        }
        var total = active["total"]!.GetValue<long>();
        var processed = active["processed"]!.GetValue<long>();
        return total > 0 ? $"{active["phase"]} {processed * 100.0 / total:F1}%" : $"{active["phase"]} {active["status"]}";
    }

    private static string Q(string name, string? value) => value is null ? "" : $"&{name}={Uri.EscapeDataString(value)}";
}
