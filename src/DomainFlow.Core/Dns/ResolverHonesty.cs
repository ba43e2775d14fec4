namespace DomainFlow.Core.Dns;

/// <summary>
/// Finds resolvers that answer names which cannot exist (NXDOMAIN hijacking: ad or "search" pages instead of
/// "no such name"). Such a resolver would make every candidate look registered, so runs leave it out.
/// </summary>
public static class ResolverHonesty
{
    public sealed record Verdict(ResolverEndpoint Resolver, bool Lies, string? Evidence);

    /// <summary>Asks each resolver for random names under the reserved TLD .invalid (RFC 6761), which must not resolve.</summary>
    public static async Task<IReadOnlyList<Verdict>> CheckAsync(BulkResolverOptions options, CancellationToken ct = default)
    {
        var verdicts = new List<Verdict>();
        foreach (var endpoint in options.Resolvers)
        {
            var probes = Enumerable.Range(0, 3).Select(_ => $"{WildcardDetector.RandomLabel()}.invalid").ToList();
            await using var resolver = new BulkResolver(options with { Resolvers = [endpoint], RecordTypes = [DnsRecordType.A], MaxInFlight = 3 });
            string? evidence = null;
            await foreach (var answer in resolver.ResolveAsync(probes.ToAsyncEnumerable(), ct))
            {
                if (answer.Outcome == DnsOutcome.Resolved)
                {
                    evidence ??= $"{answer.Name} resolved to {string.Join(", ", answer.Addresses4)}";
                }
            }
            verdicts.Add(new Verdict(endpoint, evidence is not null, evidence));
        }
        return verdicts;
    }
}
