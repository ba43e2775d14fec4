namespace DomainFlow.Core.Generation;

public enum GenerationSource
{
    Pattern,
    List,
}
