using System.Globalization;

namespace DomainFlow.Bench;

/// <summary>The command line: a subcommand followed by "--name value" pairs.</summary>
internal sealed record BenchArgs(
    string Command,
    long Names,
    string Provider,
    string? Connection,
    string? DataDir,
    int Workers,
    int BatchSize,
    long ShardSize,
    string? ExportFile)
{
    public static BenchArgs Parse(string[] args)
    {
        var values = OptionPairs.Parse(args);
        var defaults = new DomainFlow.Store.Jobs.JobRunnerOptions();
        var parsed = new BenchArgs(
            args[0],
            Long(values, "names", 5_000_000),
            values.GetValueOrDefault("provider", "sqlite"),
            values.GetValueOrDefault("connection"),
            values.GetValueOrDefault("data-dir"),
            (int)Long(values, "workers", defaults.Workers),
            (int)Long(values, "batch-size", defaults.BatchSize),
            Long(values, "shard-size", defaults.ShardSize),
            values.GetValueOrDefault("export-file"));
        var known = new[] { "names", "provider", "connection", "data-dir", "workers", "batch-size", "shard-size", "export-file" };
        foreach (var key in values.Keys.Where(k => !known.Contains(k)))
        {
            throw new ArgumentException($"unknown option '--{key}'");
        }
        if (parsed.Names < 1 || parsed.Workers < 1 || parsed.BatchSize < 1 || parsed.ShardSize < 1)
        {
            throw new ArgumentException("--names, --workers, --batch-size and --shard-size must be at least 1");
        }
        return parsed;
    }

    private static long Long(Dictionary<string, string> values, string key, long fallback) =>
        values.TryGetValue(key, out var text)
            ? long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new ArgumentException($"--{key} must be a whole number, not '{text}'")
            : fallback;
}
