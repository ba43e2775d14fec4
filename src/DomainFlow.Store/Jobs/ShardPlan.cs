namespace DomainFlow.Store.Jobs;

/// <summary>One shard to create: campaign ordinals [RangeStart, RangeEnd), starting at the engine's SourceStart.</summary>
public sealed record ShardPlan(long RangeStart, long RangeEnd, long SourceStart);

/// <summary>What starting a phase will do: its exact total, its shards and initial counters; or why it cannot start.</summary>
public sealed record PhasePlan(long Total, IReadOnlyList<ShardPlan> Shards, IReadOnlyDictionary<string, long> InitialCounters, string? FailureCode = null, string? FailureMessage = null)
{
    public static PhasePlan Fail(string code, string message) => new(0, [], new Dictionary<string, long>(), code, message);

    /// <summary>Splits [0, total) into shards of <paramref name="shardSize"/>, asking <paramref name="sourceStartOf"/> where each begins.</summary>
    public static IReadOnlyList<ShardPlan> Split(long total, long shardSize, Func<long, long> sourceStartOf)
    {
        var shards = new List<ShardPlan>();
        for (long start = 0; start < total; start += shardSize)
        {
            shards.Add(new ShardPlan(start, Math.Min(total, start + shardSize), sourceStartOf(start)));
        }
        return shards;
    }
}
