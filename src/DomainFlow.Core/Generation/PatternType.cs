namespace DomainFlow.Core.Generation;

/// <summary>Where the variable characters sit around the constant.</summary>
public enum PatternType
{
    Prefix,
    Suffix,
    Both,
}
