namespace DomainFlow.Core.Phases;

/// <summary>A refused state change (HTTP 409): a stable code and a sentence for people.</summary>
public sealed class PhaseConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static PhaseConflictException From(TransitionError error) => new(error.Code, error.Message);
}
