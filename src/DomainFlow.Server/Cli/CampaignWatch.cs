using System.CommandLine;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;

namespace DomainFlow.Server.Cli;

/// <summary>`domainflow campaigns watch ID`: a live progress bar from the campaign's event stream, until no phase is active.</summary>
public static class CampaignWatch
{
    private static readonly string[] Terminal = ["phase_completed", "phase_failed", "phase_stopped", "phase_paused", "campaign_completed", "campaign_deleted"];

    public static Command Create()
    {
        var id = new Argument<Guid>("id") { Description = "Campaign id" };
        var command = new Command("watch", "Show live progress until the running phase completes, fails, pauses or stops.") { id };
        command.SetAction(CampaignsCommand.Remote(async (result, client, output, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v2/campaigns/{result.GetValue(id)}/events");
            using var response = await client.SendRawAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(ct))
            {
                var e = JsonNode.Parse(item.Data)!;
                var type = e["type"]!.GetValue<string>();
                if (type == "snapshot")
                {
                    var active = e["campaign"]!["phases"]!.AsArray().FirstOrDefault(p => p!["status"]!.GetValue<string>() is "running");
                    if (active is null)
                    {
                        await output.WriteLineAsync($"campaign is {e["campaign"]!["status"]}; nothing running");
                        return;
                    }
                    await ShowAsync(output, Bar(active));
                    continue;
                }
                if (e["phaseState"] is { } phase)
                {
                    await ShowAsync(output, Bar(phase));
                }
                if (Terminal.Contains(type))
                {
                    if (InPlace)
                    {
                        await output.WriteLineAsync(); // end the redrawn line
                    }
                    await output.WriteLineAsync($"{type.Replace('_', ' ')}{(e["phaseState"]?["error"]?.GetValue<string>() is { } error ? ": " + error : "")}");
                    return;
                }
            }
        }));
        return command;
    }

    /// <summary>On a terminal the bar redraws in place; piped output gets one line per update.</summary>
    private static bool InPlace => !Console.IsOutputRedirected;

    private static Task ShowAsync(TextWriter output, string bar) =>
        InPlace ? output.WriteAsync($"\r{bar}\u001b[K") : output.WriteLineAsync(bar);

    private static string Bar(JsonNode phase)
    {
        const int width = 30;
        var total = phase["total"]!.GetValue<long>();
        var processed = phase["processed"]!.GetValue<long>();
        var ratio = total > 0 ? Math.Clamp(processed / (double)total, 0, 1) : 0;
        var filled = (int)(ratio * width);
        var eta = phase["etaSeconds"]?.GetValue<double>() is { } s ? $" ETA {TimeSpan.FromSeconds(Math.Round(s)):g}" : "";
        return $"{phase["phase"]} [{new string('#', filled)}{new string('.', width - filled)}] {processed:N0}/{total:N0} {ratio * 100:F1}% {phase["ratePerSecond"]}/s{eta} {phase["status"]}";
    }
}
