using System.Text.Json.Nodes;
using DomainFlow.Core.Phases;
using DomainFlow.Server.Realtime;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Realtime;

public sealed class ProgressHistoryTests
{
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Campaign = Guid.NewGuid();

    private static ProgressSample At(double seconds, long processed) => new(T0.AddSeconds(seconds), processed);

    [Fact]
    public void Samples_are_kept_in_order_per_phase_ignoring_older_ones_and_starting_over_when_a_run_restarts()
    {
        var clock = new ManualClock(T0.AddSeconds(10));
        var history = new ProgressHistory(clock);

        history.Record(Campaign, PhaseName.DnsValidation, At(1, 100));
        history.Record(Campaign, PhaseName.DnsValidation, At(2, 300));
        history.Record(Campaign, PhaseName.DnsValidation, At(2, 350));
        history.Record(Campaign, PhaseName.DnsValidation, At(1.5, 200));
        history.Record(Campaign, PhaseName.HttpKeywordAnalysis, At(2, 7));
        Assert.Equal([At(1, 100), At(2, 300)], history.Of(Campaign, PhaseName.DnsValidation));

        history.Record(Campaign, PhaseName.DnsValidation, At(3, 20));
        Assert.Equal([At(3, 20)], history.Of(Campaign, PhaseName.DnsValidation));
        Assert.Equal([At(2, 7)], history.Of(Campaign, PhaseName.HttpKeywordAnalysis));
        Assert.Empty(history.Of(Guid.NewGuid(), PhaseName.DnsValidation));
    }

    [Fact]
    public void Only_the_last_five_minutes_are_kept_and_answered_and_finished_phases_are_forgotten()
    {
        var clock = new ManualClock(T0);
        var history = new ProgressHistory(clock);
        for (var second = 0; second <= 400; second += 50)
        {
            history.Record(Campaign, PhaseName.DnsValidation, At(second, second * 10L));
        }
        clock.Now = T0.AddSeconds(400);
        Assert.Equal([.. Enumerable.Range(2, 7).Select(i => At(i * 50, i * 500L))], history.Of(Campaign, PhaseName.DnsValidation));

        // Later, with no new sample: what is left of the window is answered, then nothing, and Prune drops the phase.
        clock.Now = T0.AddSeconds(600);
        Assert.Equal([At(300, 3_000), At(350, 3_500), At(400, 4_000)], history.Of(Campaign, PhaseName.DnsValidation));
        clock.Now = T0.AddSeconds(800);
        history.Prune();
        Assert.Empty(history.Of(Campaign, PhaseName.DnsValidation));
    }

    [Fact]
    public void A_phase_keeps_at_most_the_cap_of_samples()
    {
        var clock = new ManualClock(T0.AddSeconds(60));
        var history = new ProgressHistory(clock);
        for (var i = 0; i < ProgressHistory.MaxSamples + 10; i++)
        {
            history.Record(Campaign, PhaseName.Generation, new ProgressSample(T0.AddMilliseconds(i), i));
        }
        var kept = history.Of(Campaign, PhaseName.Generation);
        Assert.Equal(ProgressHistory.MaxSamples, kept.Count);
        Assert.Equal(10, kept[0].Processed);
    }

    [Fact]
    public async Task The_api_answers_a_running_phases_recent_progress_even_when_no_client_was_watching_it()
    {
        // Small batches on one worker and two million names make the run last long enough to sample; no event stream is opened.
        await using var server = await TestServer.StartAsync(workers: 1, extra: ["--Jobs:BatchSize=10"]);
        var id = await server.CreateCampaignAsync(TestServer.PatternSpec("history", 2_000_000, charset: "abcdefghijklmnopqrstuvwxyz", length: 5));
        var (unknownPhase, problem) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/phases/nope/progress-history");
        var (before, empty) = await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/phases/generation/progress-history");
        await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/start");

        JsonArray samples = [];
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (samples.Count < 4 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250);
            samples = (await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/phases/generation/progress-history")).Body.AsArray();
        }
        var phase = (await server.SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{id}/phases")).Body.AsArray()[0]!;
        await server.SendAsync(HttpMethod.Post, $"/api/v2/campaigns/{id}/phases/generation/stop");

        Assert.Equal(400, unknownPhase);
        Assert.NotNull(problem["errors"]!["phase"]);
        Assert.Equal((200, 0), (before, empty.AsArray().Count));
        Assert.True(samples.Count >= 4, $"{samples.Count} samples: {samples.ToJsonString()}");
        var points = samples.Select(s => (At: s!["at"]!.GetValue<DateTimeOffset>(), Processed: s["processed"]!.GetValue<long>())).ToList();
        Assert.All(points.Zip(points.Skip(1)), pair => Assert.True(pair.First.At < pair.Second.At && pair.First.Processed <= pair.Second.Processed, $"{pair}"));
        Assert.True(points[^1].Processed > points[0].Processed);
        Assert.InRange(points[^1].Processed, 1, phase["processed"]!.GetValue<long>());
    }
}
