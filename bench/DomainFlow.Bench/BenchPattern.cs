using DomainFlow.Core.Generation;

namespace DomainFlow.Bench;

/// <summary>
/// The pattern every measurement uses: 5 variable characters from a-z0-9 before "shop", three TLDs.
/// The charset has no '-', so no ordinal is skipped and ordinal k is the k-th name: 36^5 × 3 ≈ 181M names.
/// </summary>
internal static class BenchPattern
{
    public const long CampaignSeq = 1;

    public static GenerationConfig Config(long names) => new()
    {
        Source = GenerationSource.Pattern,
        PatternType = PatternType.Prefix,
        PrefixLength = 5,
        Charset = "abcdefghijklmnopqrstuvwxyz0123456789",
        Constant = "shop",
        Tlds = ["com", "net", "org"],
        MaxDomains = names,
        OffsetStart = 0,
    };

    public static DomainPattern Create(long names)
    {
        var pattern = DomainPattern.Create(Config(names));
        if (pattern.ValidTotal != pattern.Total || pattern.ValidTotal < (ulong)names)
        {
            throw new ArgumentException($"the bench pattern holds {pattern.ValidTotal} names; at most that many can be asked for");
        }
        return pattern;
    }
}
