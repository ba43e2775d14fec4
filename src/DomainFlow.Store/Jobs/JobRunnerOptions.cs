namespace DomainFlow.Store.Jobs;

/// <summary>Worker tuning. Bound from the "Jobs" configuration section.</summary>
public sealed class JobRunnerOptions
{
    /// <summary>Workers per node; 0 makes an API-only node.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Items per batch transaction; pause and stop take effect within one batch.</summary>
    public int BatchSize { get; set; } = 50_000;

    /// <summary>Campaign ordinals per shard.</summary>
    public long ShardSize { get; set; } = 250_000;

    /// <summary>How long a shard stays leased without a committed batch before another node may take it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Leases of one shard that may fail before the phase is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often an idle worker looks for work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
