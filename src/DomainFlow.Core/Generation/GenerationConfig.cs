namespace DomainFlow.Core.Generation;

/// <summary>The generation phase configuration exactly as a user submits it (before validation).</summary>
public sealed record GenerationConfig
{
    public GenerationSource Source { get; init; } = GenerationSource.Pattern;
    public PatternType? PatternType { get; init; }
    public int? PrefixLength { get; init; }
    public int? SuffixLength { get; init; }
    public string? Charset { get; init; }
    public string? Constant { get; init; }
    public IReadOnlyList<string>? Tlds { get; init; }
    public long? MaxDomains { get; init; }
    public long? OffsetStart { get; init; }
}
