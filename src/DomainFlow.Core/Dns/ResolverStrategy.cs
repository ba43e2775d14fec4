namespace DomainFlow.Core.Dns;

public enum ResolverStrategy
{
    RoundRobin,
    Random,
    Weighted,
    SequentialFailover,
}
