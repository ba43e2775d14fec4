namespace DomainFlow.Core.Phases;

/// <summary>A refused transition: a stable machine-readable code plus a sentence for people.</summary>
public sealed record TransitionError(string Code, string Message);

/// <summary>The phase state machine: which action is allowed from which state, given the other phases.</summary>
public static class PhaseRules
{
    public static readonly IReadOnlyList<PhaseName> Order =
        [PhaseName.Generation, PhaseName.DnsValidation, PhaseName.HttpKeywordAnalysis, PhaseName.Analysis];

    /// <summary>Phases whose engine exists in this build; the others can be seen but not configured or started yet.</summary>
    public static readonly IReadOnlySet<PhaseName> Executable = new HashSet<PhaseName> { PhaseName.Generation, PhaseName.DnsValidation, PhaseName.HttpKeywordAnalysis };

    /// <summary>
    /// Phases that work over what earlier phases stored and can simply run again (resolve again, or only what is
    /// missing): their configuration may change whenever they are not active, and a stopped or completed run may be
    /// started again. Generation is not among them: its names are fixed once generated.
    /// </summary>
    public static readonly IReadOnlySet<PhaseName> Rerunnable = new HashSet<PhaseName> { PhaseName.DnsValidation, PhaseName.HttpKeywordAnalysis, PhaseName.Analysis };

    /// <summary>Checks an action on <paramref name="target"/> against the statuses of all phases (in order).</summary>
    /// <param name="hasWork">Whether the phase already produced results (its configuration is then frozen).</param>
    public static TransitionError? Check(PhaseAction action, PhaseName target, IReadOnlyList<PhaseStatus> statuses, bool hasWork = false)
    {
        var index = IndexOf(target);
        var status = statuses[index];
        if (!Executable.Contains(target) && action is PhaseAction.Configure or PhaseAction.Start)
        {
            return NotAvailable(target);
        }
        return action switch
        {
            PhaseAction.Configure => status is PhaseStatus.NotStarted or PhaseStatus.Configured
                || (status is PhaseStatus.Failed && !hasWork)
                || (Rerunnable.Contains(target) && status is PhaseStatus.Failed or PhaseStatus.Stopped or PhaseStatus.Completed)
                ? null
                : new("phase_config_locked", $"The {Wire(target)} phase is {Wire(status)}; its configuration can only change before it starts."),
            PhaseAction.Start => CheckStart(target, index, status, statuses),
            PhaseAction.Pause => status == PhaseStatus.Running
                ? null
                : new("phase_not_running", $"Only a running phase can be paused; {Wire(target)} is {Wire(status)}."),
            PhaseAction.Resume => status == PhaseStatus.Paused
                ? null
                : new("phase_not_paused", $"Only a paused phase can be resumed; {Wire(target)} is {Wire(status)}."),
            PhaseAction.Stop => status is PhaseStatus.Running or PhaseStatus.Paused
                ? null
                : new("phase_not_active", $"Only a running or paused phase can be stopped; {Wire(target)} is {Wire(status)}."),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    public static TransitionError NotAvailable(PhaseName phase) =>
        new("phase_not_available", $"The {Wire(phase)} phase is not available in this version yet.");

    private static TransitionError? CheckStart(PhaseName target, int index, PhaseStatus status, IReadOnlyList<PhaseStatus> statuses)
    {
        if (status == PhaseStatus.NotStarted)
        {
            return new("phase_not_configured", $"Configure the {Wire(target)} phase before starting it.");
        }
        var startable = status is PhaseStatus.Configured or PhaseStatus.Failed
            || (Rerunnable.Contains(target) && status is PhaseStatus.Stopped or PhaseStatus.Completed);
        if (!startable)
        {
            return new("phase_not_startable", $"The {Wire(target)} phase is {Wire(status)} and cannot be started.");
        }
        var active = statuses.Select((s, i) => (s, i)).FirstOrDefault(p => p.s is PhaseStatus.Running or PhaseStatus.Paused && p.i != index);
        if (active.s is PhaseStatus.Running or PhaseStatus.Paused)
        {
            return new("another_phase_active", $"The {Wire(Order[active.i])} phase is {Wire(active.s)}; only one phase of a campaign runs at a time.");
        }
        if (index > 0 && statuses[index - 1] != PhaseStatus.Completed)
        {
            return new("previous_phase_incomplete", $"The {Wire(Order[index - 1])} phase must complete before {Wire(target)} starts.");
        }
        return null;
    }

    public static int IndexOf(PhaseName phase) => (int)phase;

    /// <summary>The snake_case name used on the wire and in the store.</summary>
    public static string Wire<T>(T value)
        where T : struct, Enum => WireNames.ToWire(value);
}
