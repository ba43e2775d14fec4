using System.Globalization;
using DomainFlow.Core.Dns;

namespace DomainFlow.Bench.Dns;

/// <summary>The command line: a subcommand followed by "--name value" pairs.</summary>
internal sealed record DnsBenchArgs(
    string Command,
    long Names,
    double Existing,
    int Seed,
    IReadOnlyList<DnsRecordType> Types,
    string? Out,
    string? World,
    string? Results)
{
    private static readonly string[] Known = ["names", "existing", "seed", "types", "out", "world", "results"];

    public static DnsBenchArgs Parse(string[] args)
    {
        var values = OptionPairs.Parse(args);
        foreach (var key in values.Keys.Where(k => !Known.Contains(k)))
        {
            throw new ArgumentException($"unknown option '--{key}'");
        }
        var names = values.TryGetValue("names", out var n)
            ? long.TryParse(n.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1
                ? parsed
                : throw new ArgumentException($"--names must be a whole number >= 1, not '{n}'")
            : 1_000_000;
        var existing = values.TryGetValue("existing", out var e)
            ? double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction is >= 0 and <= 1
                ? fraction
                : throw new ArgumentException($"--existing must be a fraction in 0..1, not '{e}'")
            : 0.1;
        var seed = values.TryGetValue("seed", out var s)
            ? int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedSeed) ? parsedSeed : throw new ArgumentException($"--seed must be an integer, not '{s}'")
            : 1;
        return new DnsBenchArgs(args[0], names, existing, seed, ParseTypes(values.GetValueOrDefault("types", "A,AAAA")),
            values.GetValueOrDefault("out"), values.GetValueOrDefault("world"), values.GetValueOrDefault("results"));
    }

    /// <summary>"A,AAAA" or "A AAAA": address types only, since the truth check compares address sets.</summary>
    public static IReadOnlyList<DnsRecordType> ParseTypes(string text)
    {
        var types = new List<DnsRecordType>();
        foreach (var part in text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var type = part.ToUpperInvariant() switch
            {
                "A" => DnsRecordType.A,
                "AAAA" => DnsRecordType.AAAA,
                _ => throw new ArgumentException($"--types takes A and/or AAAA, not '{part}'"),
            };
            if (!types.Contains(type))
            {
                types.Add(type);
            }
        }
        return types.Count > 0 ? types : throw new ArgumentException("--types must name A, AAAA or both");
    }

    public string Require(string? value, string option) => value ?? throw new ArgumentException($"{Command} needs --{option}");
}
