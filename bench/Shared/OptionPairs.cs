namespace DomainFlow.Bench;

/// <summary>The benchmarks' argument shape: a subcommand, then "--option value" pairs.</summary>
internal static class OptionPairs
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("missing subcommand");
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected '--option value', got '{args[i]}'");
            }
            values[args[i][2..]] = args[++i];
        }
        return values;
    }
}
