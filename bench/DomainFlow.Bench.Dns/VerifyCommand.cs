using System.Globalization;
using System.Net;
using System.Text.Json;
using DomainFlow.Core.Dns;
using DomainFlow.Server.Lab;

namespace DomainFlow.Bench.Dns;

/// <summary>
/// Checks `domainflow resolve` NDJSON against the world's truth: for every line the status (resolved, nxdomain,
/// nodata), the exact address set of each queried family and the CNAME chain in order; and that every input name
/// appears exactly once and nothing else does. A name counts as correct when it has exactly one line and that line
/// equals the truth. Also sums the attempts (queries sent), for the queries/s figure.
/// </summary>
internal static class VerifyCommand
{
    private const int Examples = 10;
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record Line(string? Name, string? Status, string[]? Ips, string[]? Cname, string? Rcode, int Attempts, string? Error);

    public static int Run(DnsBenchArgs args)
    {
        var spec = BenchWorld.Load(args.Require(args.World, "world"));
        var results = args.Require(args.Results, "results");
        var world = spec.Create();
        var types = spec.RecordTypes;
        var count = world.NameCount;
        var seen = new byte[count];
        var right = new bool[count];
        long lines = 0, attempts = 0, unknown = 0, malformed = 0, duplicates = 0, wrongLines = 0;
        var statuses = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var examples = new List<string>();

        foreach (var text in File.ReadLines(results))
        {
            if (text.Length == 0)
            {
                continue;
            }
            lines++;
            Line? line;
            try
            {
                line = JsonSerializer.Deserialize<Line>(text, Json);
            }
            catch (JsonException)
            {
                line = null;
            }
            if (line?.Name is null || line.Status is null)
            {
                malformed++;
                Example($"malformed line {lines}: {text}");
                continue;
            }
            attempts += line.Attempts;
            statuses[line.Status] = statuses.GetValueOrDefault(line.Status) + 1;
            var ordinal = OrdinalOf(world, line.Name);
            if (ordinal < 0)
            {
                unknown++;
                Example($"not an input name: {text}");
                continue;
            }
            if (seen[ordinal] > 0)
            {
                duplicates++;
                Example($"second line for {line.Name}: {text}");
            }
            seen[ordinal] = (byte)Math.Min(seen[ordinal] + 1, 255);
            var mismatch = Mismatch(world.Lookup(line.Name), types, line);
            right[ordinal] = mismatch is null;
            if (mismatch is not null)
            {
                wrongLines++;
                Example($"{line.Name}: {mismatch}; line: {text}");
            }
        }

        long correct = 0, missing = 0;
        for (long ordinal = 0; ordinal < count; ordinal++)
        {
            if (seen[ordinal] == 0)
            {
                missing++;
                Example($"no line for {world.NameAt(ordinal)}");
            }
            else if (seen[ordinal] == 1 && right[ordinal])
            {
                correct++;
            }
        }
        foreach (var example in examples)
        {
            Console.Error.WriteLine($"verify: {example}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT dns-verify names={count} lines={lines} correct={correct} correct_pct={100.0 * correct / count:F3} wrong={wrongLines} missing={missing} duplicates={duplicates} unknown={unknown} malformed={malformed} attempts={attempts} statuses={string.Join(',', statuses.Select(s => $"{s.Key}:{s.Value}"))}"));
        return 0;

        void Example(string text)
        {
            if (examples.Count < Examples)
            {
                examples.Add(text);
            }
        }
    }

    /// <summary>The ordinal of a candidate name <c>n{ordinal}.{zone}</c> of this world, or -1 for anything else.</summary>
    private static long OrdinalOf(DnsWorld world, string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 2 || name[0] != 'n' || !long.TryParse(name.AsSpan(1, dot - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            || ordinal >= world.NameCount || world.NameAt(ordinal) != name)
        {
            return -1;
        }
        return ordinal;
    }

    /// <summary>What a correct resolver reports for the queried types, compared with the line; null when equal.</summary>
    private static string? Mismatch(DnsTruth truth, IReadOnlyList<DnsRecordType> types, Line line)
    {
        var v4 = types.Contains(DnsRecordType.A) ? truth.Ipv4 : [];
        var v6 = types.Contains(DnsRecordType.AAAA) ? truth.Ipv6 : [];
        var status = truth.Rcode == DnsRcode.NxDomain ? "nxdomain" : v4.Count + v6.Count > 0 ? "resolved" : "nodata";
        var expected = v4.Concat(v6).Select(a => a.ToString()).Order(StringComparer.Ordinal).ToList();
        var got = new List<string>();
        foreach (var ip in line.Ips ?? [])
        {
            got.Add(IPAddress.TryParse(ip, out var address) ? address.ToString() : ip);
        }
        got.Sort(StringComparer.Ordinal);
        var chain = line.Cname ?? [];
        if (line.Status == status && got.SequenceEqual(expected) && chain.SequenceEqual(truth.Chain))
        {
            return null;
        }
        return $"expected {status} [{string.Join(' ', expected)}] chain [{string.Join(' ', truth.Chain)}], got {line.Status} [{string.Join(' ', got)}] chain [{string.Join(' ', chain)}]{(line.Error is null ? "" : " error: " + line.Error)}";
    }
}
