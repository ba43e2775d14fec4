namespace DomainFlow.Core.Generation;

/// <summary>What a pattern will produce, computed without generating it.</summary>
public sealed record GenerationPreview(
    ulong Total,
    ulong Valid,
    ulong Skipped,
    IReadOnlyList<string> FirstNames,
    string ConfigHash,
    ulong OffsetStart,
    ulong NextOffset,
    ulong RemainingValid)
{
    public const int SampleSize = 20;

    /// <summary>
    /// Previews a run starting at <paramref name="offsetStart"/> that takes up to <paramref name="maxDomains"/> valid names.
    /// </summary>
    public static GenerationPreview Create(DomainPattern pattern, ulong offsetStart, ulong? maxDomains)
    {
        var (start, end, remaining) = pattern.RangeFor(offsetStart, maxDomains);
        var generator = new NameGenerator(pattern, start, end);
        var names = new List<string>(SampleSize);
        while (names.Count < SampleSize && generator.MoveNext())
        {
            names.Add(generator.CurrentName);
        }
        return new GenerationPreview(pattern.Total, pattern.ValidTotal, pattern.Total - pattern.ValidTotal, names, pattern.ConfigHash, start, end, remaining);
    }
}
