using DomainFlow.Core.Phases;

namespace DomainFlow.Store.Jobs;

/// <summary>A shard leased to one worker. Cursor/SourceCursor move forward as batches commit.</summary>
public sealed class JobLease
{
    public long Id { get; init; }
    public long CampaignSeq { get; init; }
    public Guid CampaignId { get; init; }
    public PhaseName Phase { get; init; }
    public long RangeStart { get; init; }
    public long RangeEnd { get; init; }
    public long Cursor { get; set; }
    public long SourceCursor { get; set; }
    public string Owner { get; init; } = "";

    /// <summary>How many times this shard has been leased, this lease included.</summary>
    public int Attempts { get; init; }
    public string ConfigJson { get; init; } = "";
}
