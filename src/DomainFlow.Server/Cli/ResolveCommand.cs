using System.CommandLine;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DomainFlow.Core.Resources;
using DomainFlow.Core;
using DomainFlow.Core.Dns;
using DomainFlow.Core.Personas;

namespace DomainFlow.Server.Cli;

/// <summary>
/// `domainflow resolve`: the bulk resolver as a pipeline verb. Names in (stdin or --input), one NDJSON result per
/// name out, in completion order, every name exactly once; progress on stderr and a summary at the end.
/// There is no default resolver: queries go only where the user points them.
/// </summary>
public static class ResolveCommand
{
    public static Command Create()
    {
        var persona = new Option<FileInfo?>("--persona") { Description = "A DNS persona as JSON (one object, or an export holding one); the options below override its fields" };
        var resolvers = new Option<string[]>("--resolver") { Description = "Resolver IP[:PORT] (repeatable); required without --persona", AllowMultipleArgumentsPerToken = false };
        var types = new Option<string[]>("--type") { Description = "Record type (repeatable): A, AAAA, CNAME, MX, NS, TXT (default A and AAAA)", AllowMultipleArgumentsPerToken = false };
        var rate = new Option<int?>("--rate") { Description = "Global cap in queries per second (default none)" };
        var concurrency = new Option<string?>("--concurrency") { Description = "Queries in flight: a number, or auto (default auto: adaptive)" };
        var timeout = new Option<int?>("--timeout") { Description = "Milliseconds to wait for an answer (default 2000)" };
        var retries = new Option<int?>("--retries") { Description = "Further attempts on other resolvers (default 3)" };
        var strategy = new Option<string?>("--strategy") { Description = "round_robin | random | weighted | sequential_failover (default round_robin)" };
        var input = new Option<FileInfo?>("--input") { Description = "Read names from this file instead of stdin" };
        var wildcard = new Option<bool>("--wildcard") { Description = "Detect wildcard zones (status wildcard) and resolvers that answer names which cannot exist" };
        var command = new Command("resolve", "Resolve names in bulk; one JSON object per name on stdout.")
        {
            persona, resolvers, types, rate, concurrency, timeout, retries, strategy, input, wildcard,
        };
        command.SetAction(async (result, ct) =>
        {
            var stderr = result.InvocationConfiguration.Error;
            BulkResolverOptions options;
            try
            {
                var config = Override(LoadPersona(result.GetValue(persona)), result.GetValue(resolvers), result.GetValue(types), result.GetValue(rate),
                    result.GetValue(concurrency), result.GetValue(timeout), result.GetValue(retries), result.GetValue(strategy));
                options = config.ToResolverOptions();
            }
            catch (Exception e) when (e is ValidationException or IOException or JsonException)
            {
                await stderr.WriteLineAsync($"domainflow resolve: {e.Message}");
                return CliApp.UsageError;
            }
            var file = result.GetValue(input);
            if (file is { Exists: false })
            {
                await stderr.WriteLineAsync($"domainflow resolve: {file.FullName} does not exist");
                return CliApp.UsageError;
            }
            if (result.GetValue(wildcard))
            {
                var honest = await ExcludeLiarsAsync(options, stderr, ct);
                if (honest is null)
                {
                    return 1;
                }
                options = honest;
            }
            using var reader = file is null ? new StreamReader(Console.OpenStandardInput()) : file.OpenText();
            await RunAsync(options, result.GetValue(wildcard) ? new WildcardDetector(options) : null, reader, stderr, ct);
            return 0;
        });
        return command;
    }

    /// <summary>The persona file (one config, or a persona export holding exactly one), or the defaults without one.</summary>
    private static DnsPersonaConfig LoadPersona(FileInfo? file)
    {
        if (file is null)
        {
            return new DnsPersonaConfig { Name = "command line" };
        }
        var json = JsonNode.Parse(File.ReadAllText(file.FullName)) ?? throw new JsonException($"{file.Name} is empty");
        if (json is JsonArray array)
        {
            json = array.Count == 1 ? array[0]! : throw new JsonException($"{file.Name} holds {array.Count} personas; pass a file with one");
        }
        return json.Deserialize<DnsPersonaConfig>(DomainFlowJson.Options) ?? throw new JsonException($"{file.Name} is not a DNS persona");
    }

    /// <summary>Applies the options given on the command line over the persona, then validates the result as a persona.</summary>
    private static DnsPersonaConfig Override(DnsPersonaConfig config, string[]? resolvers, string[]? types, int? rate, string? concurrency, int? timeoutMs, int? retries, string? strategy)
    {
        var errors = new ValidationErrors();
        if (resolvers is { Length: > 0 })
        {
            config = config with { Resolvers = resolvers.Select(r => new DnsPersonaResolver(r)).ToList() };
        }
        else if (config.Resolvers.Count == 0)
        {
            errors.Add("resolver", "pass --resolver IP[:PORT] (repeatable) or --persona FILE: there is no default resolver");
        }
        if (types is { Length: > 0 })
        {
            config = config with { RecordTypes = types.Select(t => t.ToUpperInvariant()).Distinct().ToList() };
        }
        if (rate is { } perSecond)
        {
            config = config with { GlobalRate = new RateSpec(perSecond) };
        }
        if (concurrency == "auto")
        {
            config = config with { MaxInFlight = null };
        }
        else if (concurrency is not null)
        {
            if (int.TryParse(concurrency, out var window))
            {
                config = config with { MaxInFlight = window };
            }
            else
            {
                errors.Add("concurrency", "must be a number or auto");
            }
        }
        config = config with { TimeoutMs = timeoutMs ?? config.TimeoutMs, Retries = retries ?? config.Retries };
        if (strategy is not null)
        {
            if (WireNames.TryParse<ResolverStrategy>(strategy, out var parsed))
            {
                config = config with { Strategy = parsed };
            }
            else
            {
                errors.Add("strategy", "must be round_robin, random, weighted or sequential_failover");
            }
        }
        if (errors.IsEmpty)
        {
            // Only once the command line itself parsed: the persona rules then speak about the values actually used.
            errors = config.Validate();
        }
        return errors.IsEmpty ? config : throw new ValidationException(errors);
    }

    /// <summary>Leaves out resolvers caught answering names that cannot exist; null when none is left.</summary>
    private static async Task<BulkResolverOptions?> ExcludeLiarsAsync(BulkResolverOptions options, TextWriter stderr, CancellationToken ct)
    {
        var verdicts = await ResolverHonesty.CheckAsync(options, ct);
        foreach (var liar in verdicts.Where(v => v.Lies))
        {
            await stderr.WriteLineAsync($"resolve: {liar.Resolver} answers names that cannot exist (NXDOMAIN hijacking: {liar.Evidence}); not used");
        }
        var honest = verdicts.Where(v => !v.Lies).Select(v => v.Resolver).ToList();
        if (honest.Count == 0)
        {
            await stderr.WriteLineAsync("domainflow resolve: every resolver answers names that cannot exist; its answers would be meaningless");
            return null;
        }
        return options with { Resolvers = honest };
    }

    private static async Task RunAsync(BulkResolverOptions options, WildcardDetector? wildcards, StreamReader reader, TextWriter stderr, CancellationToken ct)
    {
        await using var resolver = new BulkResolver(options);
        await using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        var progress = new ResolveProgress(stderr);
        var read = 0L;
        await foreach (var answer in resolver.ResolveAsync(ReadNamesAsync(reader, () => read++, ct), ct))
        {
            var item = wildcards is null ? answer : await wildcards.ClassifyAsync(answer, ct);
            JsonSerializer.Serialize(stdout, ResolveLine.From(item), ResolveLine.Options);
            stdout.WriteByte((byte)'\n');
            progress.Count(item.Outcome);
            await progress.MaybeReportAsync(Interlocked.Read(ref read), resolver);
        }
        await stdout.FlushAsync(ct);
        await progress.SummaryAsync(resolver);
        foreach (var zone in wildcards?.Wildcards ?? [])
        {
            await stderr.WriteLineAsync($"  wildcard zone {zone.Zone}: answers {string.Join(", ", zone.Addresses)}");
        }
    }

    /// <summary>Non-empty lines, trimmed; '#' starts a comment line.</summary>
    private static async IAsyncEnumerable<string> ReadNamesAsync(StreamReader reader, Action counted, [EnumeratorCancellation] CancellationToken ct)
    {
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            var name = line.Trim();
            if (name.Length == 0 || name[0] == '#')
            {
                continue;
            }
            counted();
            yield return name;
        }
    }

    /// <summary>The NDJSON shape: stable, short field names for pipes (jq), outcome in snake_case.</summary>
    private sealed record ResolveLine(string Name, string Status, IReadOnlyList<string> Ips, IReadOnlyList<string> Cname, string? Rcode, int Attempts, string? Resolver, double Ms, IReadOnlyList<string>? Records, string? Error)
    {
        public static readonly JsonSerializerOptions Options = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };

        public static ResolveLine From(DnsResult r) => new(
            r.Name, WireNames.ToWire(r.Outcome), [.. r.Addresses4, .. r.Addresses6], r.CnameChain,
            r.Rcode is { } rcode ? rcode.ToString().ToUpperInvariant() : null, r.Attempts, r.Resolver, Math.Round(r.LatencyMs, 1),
            r.Records.Count == 0 ? null : r.Records.Select(x => $"{x.Type} {x.Data}").ToList(), r.Error);
    }

    /// <summary>A progress line on stderr (redrawn in place on a terminal, every few seconds otherwise) and the closing summary.</summary>
    private sealed class ResolveProgress(TextWriter stderr)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Dictionary<DnsOutcome, long> _outcomes = [];
        private readonly bool _terminal = !Console.IsErrorRedirected;
        private TimeSpan _next = TimeSpan.FromSeconds(1);
        private long _done;

        public void Count(DnsOutcome outcome)
        {
            _done++;
            _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
        }

        public async Task MaybeReportAsync(long read, BulkResolver resolver)
        {
            if (_clock.Elapsed < _next)
            {
                return;
            }
            _next = _clock.Elapsed + (_terminal ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5));
            var line = $"resolve: {_done:N0} done / {read:N0} read, {_done / _clock.Elapsed.TotalSeconds:N0}/s, {resolver.InFlight} in flight (window {resolver.Window})";
            await stderr.WriteAsync(_terminal ? $"\r{line}\u001b[K" : line + "\n");
        }

        public async Task SummaryAsync(BulkResolver resolver)
        {
            var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
            var text = new StringBuilder();
            if (_terminal)
            {
                text.Append("\r\u001b[K");
            }
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"resolve: {_done:N0} names in {seconds:F2} s ({_done / seconds:N0}/s): ");
            text.AppendJoin(", ", Enum.GetValues<DnsOutcome>().Where(_outcomes.ContainsKey).Select(o => $"{WireNames.ToWire(o)} {_outcomes[o]:N0}"));
            foreach (var s in resolver.Statistics)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"\n  {s.Resolver}: sent {s.Sent:N0}, answered {s.Answered:N0}, timeouts {s.Timeouts:N0}, servfail {s.ServFail:N0}, refused {s.Refused:N0}, truncated {s.Truncated:N0}, rtt {s.AverageRttMs:F2} ms{(s.Benched ? " (benched)" : "")}");
            }
            await stderr.WriteLineAsync(text.ToString());
        }
    }
}
