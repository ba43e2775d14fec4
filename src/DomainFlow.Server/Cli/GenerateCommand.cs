using System.CommandLine;
using System.Diagnostics;
using DomainFlow.Core;
using DomainFlow.Core.Generation;

namespace DomainFlow.Server.Cli;

/// <summary>`domainflow generate`: the pattern bijection as a standalone pipeline verb (names on stdout, progress on stderr).</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var pattern = new Option<string>("--pattern") { Description = "prefix | suffix | both", Required = true };
        pattern.AcceptOnlyFromAmong("prefix", "suffix", "both");
        var charset = new Option<string>("--charset") { Description = "Characters of the variable part (letters, digits, '-')", Required = true };
        var prefixLength = new Option<int?>("--prefix-length") { Description = "Variable characters before the constant" };
        var suffixLength = new Option<int?>("--suffix-length") { Description = "Variable characters after the constant" };
        var constant = new Option<string>("--constant") { Description = "Fixed part of the label", DefaultValueFactory = _ => "" };
        var tld = new Option<string[]>("--tld") { Description = "TLD (repeatable); the fastest-changing digit", Required = true, AllowMultipleArgumentsPerToken = false };
        var offset = new Option<ulong>("--offset") { Description = "First ordinal (index into the pattern space)" };
        var limit = new Option<ulong?>("--limit") { Description = "Stop after this many names" };
        var countOnly = new Option<bool>("--count-only") { Description = "Print the exact number of names that would be written" };
        var command = new Command("generate", "Print the names of a pattern, one per line, in ordinal order.")
        {
            pattern, charset, prefixLength, suffixLength, constant, tld, offset, limit, countOnly,
        };
        command.SetAction(async (result, ct) =>
        {
            var config = new GenerationConfig
            {
                PatternType = WireNames.Parse<PatternType>(result.GetValue(pattern)!),
                Charset = result.GetValue(charset),
                PrefixLength = result.GetValue(prefixLength),
                SuffixLength = result.GetValue(suffixLength),
                Constant = result.GetValue(constant),
                Tlds = result.GetValue(tld),
            };
            var stderr = result.InvocationConfiguration.Error;
            var errors = new ValidationErrors();
            if (DomainPattern.TryCreate(config, errors) is not { } compiled)
            {
                await stderr.WriteLineAsync($"domainflow generate: {errors}");
                return CliApp.UsageError;
            }
            var start = Math.Min(result.GetValue(offset), compiled.Total);
            var available = compiled.ValidTotal - compiled.Rank(start);
            var count = result.GetValue(limit) is { } max ? Math.Min(max, available) : available;
            if (result.GetValue(countOnly))
            {
                await result.InvocationConfiguration.Output.WriteLineAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return 0;
            }
            await WriteNamesAsync(compiled, start, count, stderr, ct);
            return 0;
        });
        return command;
    }

    private static async Task WriteNamesAsync(DomainPattern pattern, ulong start, ulong count, TextWriter stderr, CancellationToken ct)
    {
        var generator = new NameGenerator(pattern, start, pattern.Total);
        await using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        var clock = Stopwatch.StartNew();
        var nextReport = TimeSpan.FromSeconds(1);
        ulong written = 0;
        while (written < count && generator.MoveNext())
        {
            stdout.Write(generator.Current);
            stdout.WriteByte((byte)'\n');
            written++;
            if ((written & 0xFFFF) == 0 && clock.Elapsed > nextReport)
            {
                ct.ThrowIfCancellationRequested();
                nextReport = clock.Elapsed + TimeSpan.FromSeconds(1);
                await stderr.WriteLineAsync($"generate: {written:N0} / {count:N0} names ({written * 100.0 / count:F1} %), {written / clock.Elapsed.TotalSeconds:N0}/s");
            }
        }
        await stdout.FlushAsync(ct);
        await stderr.WriteLineAsync($"generate: wrote {written:N0} names (skipped {generator.Skipped:N0} invalid) in {clock.Elapsed.TotalSeconds:F2} s; next offset {generator.NextOrdinal}");
    }
}
