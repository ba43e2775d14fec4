namespace DomainFlow.Core.Phases;

public enum PhaseAction
{
    Configure,
    Start,
    Pause,
    Resume,
    Stop,
}
