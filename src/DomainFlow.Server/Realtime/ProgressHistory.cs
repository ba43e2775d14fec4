using System.Collections.Concurrent;
using DomainFlow.Core.Phases;

namespace DomainFlow.Server.Realtime;

/// <summary>How many items a phase had done at one moment (the phase row's update time).</summary>
public readonly record struct ProgressSample(DateTimeOffset At, long Processed);

/// <summary>
/// The recent progress of running phases, one sample per change the event poller sees (at most four a second): where a
/// rate chart opened in the middle of a run takes its past from. The store keeps counts, not their history, so each
/// node keeps this window in memory; every node polls the same phase rows, so their windows agree.
/// </summary>
public sealed class ProgressHistory(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Caps one phase's samples even if changes came faster than the poller's four a second.</summary>
    public const int MaxSamples = 1_500;

    private readonly ConcurrentDictionary<(Guid, PhaseName), PhaseSamples> _phases = new();

    /// <summary>One phase's window; the last sample kept apart because a queue cannot read its tail cheaply.</summary>
    private sealed class PhaseSamples
    {
        public Queue<ProgressSample> Items { get; } = new();
        public ProgressSample? Last { get; set; }
    }

    /// <summary>
    /// Adds a sample. One that is not newer than the last is ignored; fewer items than the last means the phase runs
    /// again from the start, so its history starts over.
    /// </summary>
    public void Record(Guid campaignId, PhaseName phase, ProgressSample sample)
    {
        var samples = _phases.GetOrAdd((campaignId, phase), _ => new PhaseSamples());
        lock (samples)
        {
            if (samples.Last is { } last)
            {
                if (sample.At <= last.At)
                {
                    return;
                }
                if (sample.Processed < last.Processed)
                {
                    samples.Items.Clear();
                }
            }
            samples.Items.Enqueue(sample);
            samples.Last = sample;
            while (samples.Items.Count > MaxSamples || samples.Items.Peek().At < sample.At - Window)
            {
                samples.Items.Dequeue();
            }
        }
    }

    /// <summary>The samples of the last <see cref="Window"/>, oldest first.</summary>
    public IReadOnlyList<ProgressSample> Of(Guid campaignId, PhaseName phase)
    {
        if (!_phases.TryGetValue((campaignId, phase), out var samples))
        {
            return [];
        }
        var from = clock.GetUtcNow() - Window;
        lock (samples)
        {
            return samples.Items.Where(s => s.At >= from).ToList();
        }
    }

    /// <summary>Forgets phases with nothing in the window (finished or deleted a while ago).</summary>
    public void Prune()
    {
        var from = clock.GetUtcNow() - Window;
        foreach (var (key, samples) in _phases)
        {
            lock (samples)
            {
                if (samples.Last is not { } last || last.At < from)
                {
                    _phases.TryRemove(key, out _);
                }
            }
        }
    }
}
