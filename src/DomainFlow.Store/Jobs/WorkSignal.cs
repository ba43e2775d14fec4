namespace DomainFlow.Store.Jobs;

/// <summary>
/// Wakes this node's idle workers when a phase starts or resumes here, so work begins at once instead of at the next
/// poll. Other nodes still find the work by polling; a missed wake-up only costs one poll interval.
/// </summary>
public sealed class WorkSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(timeout, clock, ct);
        }
        catch (TimeoutException)
        {
        }
    }
}
