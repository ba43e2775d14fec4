using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DomainFlow.Core.Dns;

/// <summary>
/// Marks resolved names whose answer is only a wildcard's: for each parent zone of a name (its immediate parent up
/// to the TLD) a few random labels are resolved once; when they resolve, the parent has a wildcard, and a name whose
/// addresses all belong to the wildcard's answers (and whose CNAME target, if any, is the wildcard's) is reported as
/// <see cref="DnsOutcome.Wildcard"/>. Probes are cached per parent for the run.
/// </summary>
public sealed class WildcardDetector(BulkResolverOptions options, int probesPerZone = 3)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<WildcardAnswer?>>> _zones = new(StringComparer.Ordinal);

    /// <summary>What random names under a wildcard zone resolve to.</summary>
    public sealed record WildcardAnswer(string Zone, IReadOnlySet<string> Addresses, string? FinalTarget);

    /// <summary>Parent zones found to have a wildcard so far.</summary>
    public IReadOnlyList<WildcardAnswer> Wildcards =>
        _zones.Values.Where(z => z.IsValueCreated && z.Value.IsCompletedSuccessfully && z.Value.Result is not null).Select(z => z.Value.Result!).ToList();

    public async ValueTask<DnsResult> ClassifyAsync(DnsResult result, CancellationToken ct = default)
    {
        if (result.Outcome != DnsOutcome.Resolved)
        {
            return result;
        }
        foreach (var zone in ParentsOf(result.Name))
        {
            var wildcard = await _zones.GetOrAdd(zone, z => new Lazy<Task<WildcardAnswer?>>(() => ProbeAsync(z, ct))).Value;
            if (wildcard is not null && Matches(wildcard, result))
            {
                return result with { Outcome = DnsOutcome.Wildcard };
            }
        }
        return result;
    }

    /// <summary>"a.b.example.com" → "b.example.com", "example.com", "com".</summary>
    public static IEnumerable<string> ParentsOf(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        while (dot >= 0 && dot < name.Length - 1)
        {
            yield return name[(dot + 1)..];
            dot = name.IndexOf('.', dot + 1);
        }
    }

    private static bool Matches(WildcardAnswer wildcard, DnsResult result)
    {
        var addresses = result.Addresses4.Concat(result.Addresses6).ToList();
        var target = result.CnameChain.Count > 0 ? result.CnameChain[^1] : null;
        return addresses.Count > 0 && addresses.All(wildcard.Addresses.Contains) && (wildcard.FinalTarget is null || target == wildcard.FinalTarget);
    }

    private async Task<WildcardAnswer?> ProbeAsync(string zone, CancellationToken ct)
    {
        var probes = Enumerable.Range(0, probesPerZone).Select(_ => $"{RandomLabel()}.{zone}").ToList();
        await using var resolver = new BulkResolver(options with { MaxInFlight = probesPerZone * options.RecordTypes.Count });
        var answers = new List<DnsResult>();
        await foreach (var answer in resolver.ResolveAsync(probes.ToAsyncEnumerable(), ct))
        {
            answers.Add(answer);
        }
        var resolved = answers.Where(a => a.Outcome == DnsOutcome.Resolved).ToList();
        // A majority of random labels resolving is a wildcard; a single one is more likely a coincidence or a glitch.
        if (resolved.Count * 2 <= probesPerZone)
        {
            return null;
        }
        var targets = resolved.Select(a => a.CnameChain.Count > 0 ? a.CnameChain[^1] : null).Distinct().ToList();
        return new WildcardAnswer(zone, resolved.SelectMany(a => a.Addresses4.Concat(a.Addresses6)).ToHashSet(StringComparer.Ordinal), targets.Count == 1 ? targets[0] : null);
    }

    /// <summary>A label no real zone has: 16 random letters and digits after a recognisable prefix.</summary>
    internal static string RandomLabel() => "df-" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 16);
}
