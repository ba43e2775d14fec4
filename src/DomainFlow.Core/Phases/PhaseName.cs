namespace DomainFlow.Core.Phases;

/// <summary>The phases of a campaign, in the order they run.</summary>
public enum PhaseName
{
    Generation,
    DnsValidation,
    HttpKeywordAnalysis,
    Analysis,
}
