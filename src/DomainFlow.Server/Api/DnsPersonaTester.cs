using System.Diagnostics;
using DomainFlow.Core.Dns;
using DomainFlow.Core.Personas;

namespace DomainFlow.Server.Api;

/// <summary>
/// Resolves a few names through each resolver of a persona separately (one <see cref="BulkResolver"/> per resolver,
/// the persona's other settings applied), so a user sees which resolver is healthy rather than a blended figure.
/// </summary>
public static class DnsPersonaTester
{
    public const int MaxNames = 50;

    /// <summary>A test answers within this time whatever the persona's timeouts and retries add up to.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private const int MaxErrors = 5;

    // A BulkResolver preallocates a 65,536-slot table and runs its own threads: a persona of hundreds of resolvers,
    // or many users testing at once, is tested a few resolvers at a time across the whole process.
    private static readonly SemaphoreSlim Running = new(8);

    public static async Task<DnsPersonaTestReport> RunAsync(DnsPersonaConfig persona, IReadOnlyList<string> names, int? timeoutMs, CancellationToken ct)
    {
        var options = persona.ToResolverOptions() with { SocketsPerFamily = 1 };
        if (timeoutMs is { } timeout)
        {
            options = options with { Timeout = TimeSpan.FromMilliseconds(timeout) };
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Deadline);
        var results = await Task.WhenAll(options.Resolvers.Select((resolver, i) =>
            TestOneAsync(persona.Resolvers[i].Address, options with { Resolvers = [resolver] }, names, deadline.Token)));
        return new DnsPersonaTestReport(names, persona.RecordTypes, (int)options.Timeout.TotalMilliseconds, results);
    }

    private static async Task<DnsResolverTestResult> TestOneAsync(string address, BulkResolverOptions options, IReadOnlyList<string> names, CancellationToken deadline)
    {
        var answers = new Dictionary<string, DnsResult>(StringComparer.Ordinal);
        var errors = new List<string>();
        ResolverStatistics? statistics = null;
        var clock = Stopwatch.StartNew();
        try
        {
            await Running.WaitAsync(deadline);
            try
            {
                await using var resolver = new BulkResolver(options);
                try
                {
                    await foreach (var answer in resolver.ResolveAsync(names.ToAsyncEnumerable(), deadline))
                    {
                        answers[answer.Name] = answer;
                    }
                }
                finally
                {
                    statistics = resolver.Statistics[0];
                }
            }
            finally
            {
                Running.Release();
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            errors.Add($"not every name was resolved within the test's {Deadline.TotalSeconds:0} s limit");
        }
        catch (Exception e)
        {
            // A resolver the host cannot reach at all (no IPv6, a socket refused): report it on its row, test the others.
            errors.Add(e.Message);
        }
        errors.AddRange(answers.Values.Select(a => a.Error).OfType<string>().Distinct(StringComparer.Ordinal));
        var sent = statistics?.Sent ?? 0;
        var answered = statistics?.Answered ?? 0;
        return new DnsResolverTestResult(
            address, sent, answered, sent == 0 ? 0 : Math.Round((double)answered / sent, 3), statistics?.AverageRttMs ?? 0,
            statistics?.Timeouts ?? 0, statistics?.ServFail ?? 0, statistics?.Refused ?? 0,
            errors.Take(MaxErrors).ToList(),
            names.Select(name => answers.TryGetValue(name, out var a) ? Describe(a) : Unfinished(name, clock.Elapsed)).ToList());
    }

    private static DnsNameTestResult Describe(DnsResult a) => new(
        a.Name, a.Outcome, [.. a.Addresses4, .. a.Addresses6], a.Rcode?.ToString().ToUpperInvariant(), Math.Round(a.LatencyMs, 1));

    private static DnsNameTestResult Unfinished(string name, TimeSpan elapsed) =>
        new(name, DnsOutcome.Timeout, [], null, Math.Round(elapsed.TotalMilliseconds, 1));
}
