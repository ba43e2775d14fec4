namespace DomainFlow.Core.Phases;

public enum PhaseStatus
{
    NotStarted,
    Configured,
    Running,
    Paused,
    Completed,
    Failed,
    Stopped,
}
