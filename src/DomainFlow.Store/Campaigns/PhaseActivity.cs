using System.Data.Common;
using Dapper;

namespace DomainFlow.Store.Campaigns;

/// <summary>
/// Per-phase processed counts in quarter-hour buckets (table phase_activity): written by every batch commit, read by
/// the dashboard's "processed today" without counting result rows.
/// </summary>
public static class PhaseActivity
{
    /// <summary>Every time zone's offset is a whole number of quarter hours, so local midnight starts a bucket.</summary>
    public static readonly TimeSpan BucketLength = TimeSpan.FromMinutes(15);

    private static long BucketMs => (long)BucketLength.TotalMilliseconds;

    /// <summary>The start of the bucket holding <paramref name="at"/>.</summary>
    public static DateTimeOffset BucketStart(DateTimeOffset at)
    {
        var ms = at.ToUnixTimeMilliseconds();
        return DateTimeOffset.FromUnixTimeMilliseconds(ms - (((ms % BucketMs) + BucketMs) % BucketMs));
    }

    /// <summary>Adds <paramref name="processed"/> items to the current bucket, inside the batch's own transaction.</summary>
    internal static Task AddAsync(DbConnection c, DbTransaction t, long campaignSeq, string phase, long processed, long nowMs, CancellationToken ct) =>
        processed == 0
            ? Task.CompletedTask
            : c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO phase_activity (campaign_seq, phase, bucket_start, processed) VALUES (@campaignSeq, @phase, @bucket, @processed)
                ON CONFLICT (campaign_seq, phase, bucket_start) DO UPDATE SET processed = phase_activity.processed + excluded.processed
                """,
                new { campaignSeq, phase, bucket = BucketStart(DateTimeOffset.FromUnixTimeMilliseconds(nowMs)).ToUnixTimeMilliseconds(), processed },
                t, cancellationToken: ct));
}
