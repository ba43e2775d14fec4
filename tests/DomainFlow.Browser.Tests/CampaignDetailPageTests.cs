using System.Text.RegularExpressions;
using DomainFlow.Browser.Tests.Support;
using DomainFlow.Testing;
using Microsoft.Playwright;

namespace DomainFlow.Browser.Tests;

/// <summary>Driving the generation phase from the campaign page. One worker and small batches, so runs last long enough to watch.</summary>
public sealed class CampaignDetailPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string AToZ = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// Far more names than a test waits for (generation stores a few hundred thousand per second here),
    /// so the run is still going whenever the test acts on it; the tests stop it themselves.
    /// </summary>
    private const long Endless = 20_000_000;

    protected override Task<TestServer> StartServerAsync() => TestServer.StartAsync(workers: 1, extra: ["--Jobs:BatchSize=10"]);

    [Fact]
    public Task Starting_generation_from_the_campaign_page_shows_it_running_then_completed_live_with_its_domains() => UiAsync(async () =>
    {
        // Small batches on one worker make this a run of a few seconds, so live progress has time to show.
        const int requested = 150_000;
        var id = await CreateCampaignAsync("live generation", requested, AToZ, length: 4);
        var frames = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Page.WebSocket += (_, socket) =>
        {
            if (socket.Url.EndsWith("/api/v2/ws", StringComparison.Ordinal))
            {
                socket.FrameReceived += (_, frame) => frames.Enqueue(frame.Text ?? "");
            }
        };
        await Page.GotoAsync($"/campaigns/{id}");
        await Expect(Page.GetByTestId("live-indicator")).ToHaveAttributeAsync("data-status", "live");
        await Expect(Page.GetByTestId("phase-status-generation")).ToHaveAttributeAsync("data-status", "configured");
        await Expect(Page.GetByTestId("domain-row")).ToHaveCountAsync(0);
        var recorder = await PhaseRecorder.StartAsync(Page, "generation");

        await Page.GetByTestId("phase-start-generation").ClickAsync();

        await Expect(Page.GetByTestId("phase-status-generation")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 20_000 });
        await Expect(Page.GetByTestId("phase-status-generation")).ToHaveTextAsync("Completed");
        await Expect(Page.GetByTestId("phase-processed-generation")).ToHaveAttributeAsync("data-value", requested.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(Page.GetByTestId("phase-processed-generation")).ToHaveTextAsync("150,000");
        // Step-by-step mode: with generation done the campaign waits for the user to start the next phase.
        var (_, campaign) = await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}");
        Assert.Equal("waiting", campaign["status"]!.GetValue<string>());
        await Expect(Page.GetByTestId("campaign-status")).ToHaveAttributeAsync("data-status", "waiting");

        // The page went through running to completed on its own (the start answer says "running";
        // everything after it came over the event stream, the page is never reloaded).
        var statuses = await recorder.StatusesAsync();
        Assert.Equal(["configured", "running", "completed"], statuses);
        var processed = await recorder.ProcessedAsync();
        Assert.Equal(processed.Order(), processed);
        // Progress is pushed a few times per second: the page showed counts between start and completion.
        Assert.Contains(processed, p => p is > 0 and < requested);
        // It came over the WebSocket.
        Assert.Contains(frames, f => f.Contains("\"phase_progress\"", StringComparison.Ordinal));
        Assert.Contains(frames, f => f.Contains("\"phase_completed\"", StringComparison.Ordinal));

        // The domains the server generated are listed, in ordinal order.
        var (_, page) = await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/domains?limit=3");
        var names = page["items"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()).ToArray();
        Assert.Equal("aaaashop.com", names[0]);
        var rows = Page.GetByTestId("domain-row");
        await Expect(rows.Nth(0)).ToContainTextAsync(names[0]);
        await Expect(rows.Nth(1)).ToContainTextAsync(names[1]);
        await Expect(rows.Nth(2)).ToContainTextAsync(names[2]);
        Assert.Equal("completed", (await GenerationStateAsync(id))["status"]!.GetValue<string>());
    });

    [Fact]
    public Task Pausing_and_resuming_generation_from_the_campaign_page_holds_and_continues_the_run() => UiAsync(async () =>
    {
        var id = await CreateCampaignAsync("pause and resume", Endless, AToZ, length: 6);
        await Page.GotoAsync($"/campaigns/{id}");
        await Expect(Page.GetByTestId("live-indicator")).ToHaveAttributeAsync("data-status", "live");

        await Page.GetByTestId("phase-start-generation").ClickAsync();
        await Expect(Page.GetByTestId("phase-status-generation")).ToHaveAttributeAsync("data-status", "running");
        await WaitForProcessedShownAsync("generation", p => p > 0, "progress after the start");

        await Page.GetByTestId("phase-pause-generation").ClickAsync();
        await Expect(Page.GetByTestId("phase-status-generation")).ToHaveAttributeAsync("data-status", "paused");
        await Expect(Page.GetByTestId("phase-resume-generation")).ToBeEnabledAsync();
        await Expect(Page.GetByTestId("phase-pause-generation")).ToBeDisabledAsync();
        // A batch in flight when the pause arrived still commits; then the count stands still.
        var paused = await SettledProcessedAsync(id);
        Assert.Equal("paused", (await GenerationStateAsync(id))["status"]!.GetValue<string>());
        Assert.InRange(paused, 1, Endless - 1);
        await WaitForProcessedShownAsync("generation", p => p == paused, $"the server's {paused}");
        await Task.Delay(1000);
        Assert.Equal(paused, (await GenerationStateAsync(id))["processed"]!.GetValue<long>());
        Assert.Equal(paused, await ProcessedShownAsync("generation"));

        await Page.GetByTestId("phase-resume-generation").ClickAsync();
        await Expect(Page.GetByTestId("phase-status-generation")).ToHaveAttributeAsync("data-status", "running");
        await WaitForProcessedShownAsync("generation", p => p > paused, $"more than the {paused} at the pause");

        await Page.GetByTestId("phase-stop-generation").ClickAsync();
        await Expect(Page.GetByTestId("phase-status-generation")).ToHaveAttributeAsync("data-status", "stopped");
        await Expect(Page.GetByTestId("phase-resume-generation")).ToBeDisabledAsync();
        Assert.Equal("stopped", (await GenerationStateAsync(id))["status"]!.GetValue<string>());
    });

    [Fact]
    public Task Where_WebSockets_do_not_get_through_live_progress_comes_over_server_sent_events() => UiAsync(async () =>
    {
        const int requested = 100_000;
        var id = await CreateCampaignAsync("sse fallback", requested, AToZ, length: 4);
        await BlockWebSocketsAsync();
        var streams = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Page.Request += (_, request) => streams.Enqueue(request.Url);
        await Page.GotoAsync($"/campaigns/{id}");
        await Expect(Page.GetByTestId("live-indicator")).ToHaveAttributeAsync("data-status", "live");
        var recorder = await PhaseRecorder.StartAsync(Page, "generation");

        await Page.GetByTestId("phase-start-generation").ClickAsync();

        await Expect(Page.GetByTestId("phase-status-generation")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 20_000 });
        Assert.Contains(streams, url => url.EndsWith($"/api/v2/campaigns/{id}/events", StringComparison.Ordinal));
        Assert.Contains(await recorder.ProcessedAsync(), p => p is > 0 and < requested);
    });

    [Fact]
    public Task A_page_opened_in_the_middle_of_a_run_draws_the_rate_of_the_minutes_before_from_the_server() => UiAsync(async () =>
    {
        var id = await CreateCampaignAsync("opened mid-run", 2_000_000, AToZ, length: 5);
        await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");
        // The server samples the run with no page open.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        var kept = 0;
        while (kept < 4 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250);
            kept = (await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/phases/generation/progress-history")).Body.AsArray().Count;
        }
        Assert.True(kept >= 4, $"{kept} samples kept");

        // With every live update cut off, what the chart draws can only come from the server's history.
        await BlockLiveUpdatesAsync();
        await Page.GotoAsync($"/campaigns/{id}");
        await Expect(Page.GetByTestId("rate-chart-generation")).ToHaveAttributeAsync("data-points", new Regex("^([3-9]|[1-9][0-9]+)$"));
        await Expect(Page.GetByTestId("live-indicator")).Not.ToHaveAttributeAsync("data-status", "live");
        await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/stop");
    });

    [Fact]
    public Task An_action_the_server_refuses_shows_its_409_message_on_the_phase_card() => UiAsync(async () =>
    {
        var id = await CreateCampaignAsync("refused action", Endless, AToZ, length: 6);
        Assert.Equal(200, (await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start")).Status);
        Assert.Equal(200, (await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/pause")).Status);

        // This tab loses its live updates (as on a flaky network), so it keeps showing "paused"
        // after another client stops the phase, and still offers Resume.
        await BlockLiveUpdatesAsync();
        await Page.GotoAsync($"/campaigns/{id}");
        await Expect(Page.GetByTestId("phase-status-generation")).ToHaveAttributeAsync("data-status", "paused");
        await Expect(Page.GetByTestId("live-indicator")).Not.ToHaveAttributeAsync("data-status", "live");
        Assert.Equal(200, (await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/stop")).Status);
        var (refused, problem) = await Server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/resume");
        Assert.Equal(409, refused);
        var message = problem["detail"]!.GetValue<string>();
        Assert.Equal("Only a paused phase can be resumed; generation is stopped.", message);

        var response = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByTestId("phase-resume-generation").ClickAsync(),
            r => r.Url.EndsWith($"/campaigns/{id}/phases/generation/resume", StringComparison.Ordinal));

        Assert.Equal(409, response.Status);
        await Expect(Page.GetByTestId("phase-error-generation")).ToHaveTextAsync(message);
        Assert.Equal("stopped", (await GenerationStateAsync(id))["status"]!.GetValue<string>());
    });

    [Fact]
    public Task The_campaign_is_renamed_in_its_edit_dialog_and_duplicated_under_a_chosen_name() => UiAsync(async () =>
    {
        var id = await CreateCampaignAsync("before edit", 100);
        await Page.GotoAsync($"/campaigns/{id}");
        await Expect(Page.GetByTestId("campaign-name")).ToHaveTextAsync("before edit");
        var dialog = Page.Locator("dialog[open]");

        // An empty name is refused with the server's message on the field; nothing is stored.
        await Page.GetByTestId("edit-campaign").ClickAsync();
        await Expect(dialog.GetByTestId("edit-campaign-name")).ToHaveValueAsync("before edit");
        await dialog.GetByTestId("edit-campaign-name").FillAsync(" ");
        await dialog.GetByTestId("edit-campaign-save").ClickAsync();
        await Expect(dialog.GetByTestId("error-edit-campaign-name")).ToHaveTextAsync("is required");
        await Expect(dialog.GetByTestId("edit-campaign-name")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("before edit", (await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}")).Body["name"]!.GetValue<string>());

        await dialog.GetByTestId("edit-campaign-name").FillAsync("after edit");
        await dialog.GetByTestId("edit-campaign-description").FillAsync("renamed from the page");
        await dialog.GetByTestId("edit-campaign-mode").SelectOptionAsync("auto");
        await dialog.GetByTestId("edit-campaign-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("campaign-name")).ToHaveTextAsync("after edit");
        await Expect(Page.GetByText("renamed from the page")).ToBeVisibleAsync();
        var (_, campaign) = await Server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}");
        Assert.Equal(("after edit", "renamed from the page", "auto"),
            (campaign["name"]!.GetValue<string>(), campaign["description"]!.GetValue<string>(), campaign["mode"]!.GetValue<string>()));

        // Duplicate under a name of one's own: the copy opens.
        await Page.GetByTestId("duplicate-campaign").ClickAsync();
        await dialog.GetByTestId("duplicate-campaign-name").FillAsync("the copy");
        await dialog.GetByTestId("duplicate-campaign-submit").ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex($"/campaigns/{id}$"));
        await Expect(Page.GetByTestId("campaign-name")).ToHaveTextAsync("the copy");
    });

    /// <summary>The server's processed count once it stopped moving (two equal reads 300 ms apart).</summary>
    private async Task<long> SettledProcessedAsync(string id)
    {
        var last = -1L;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var now = (await GenerationStateAsync(id))["processed"]!.GetValue<long>();
            if (now == last)
            {
                return now;
            }
            last = now;
            await Task.Delay(300);
        }
        throw new TimeoutException("The processed count kept changing after the pause.");
    }
}
