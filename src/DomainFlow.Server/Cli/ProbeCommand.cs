using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DomainFlow.Core;
using DomainFlow.Core.Dns;
using DomainFlow.Core.Http;
using DomainFlow.Core.Keywords;
using DomainFlow.Core.Personas;

namespace DomainFlow.Server.Cli;

/// <summary>
/// `domainflow probe`: the HTTP prober as a pipeline verb. Reads `domainflow resolve` NDJSON (and connects to its
/// addresses) or plain names (looked up through --resolver, never the system resolver); one NDJSON result per input
/// line on stdout, in completion order; progress on stderr, a summary at the end.
/// </summary>
public static class ProbeCommand
{
    private static readonly JsonSerializerOptions Output = new(DomainFlowJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public static Command Create()
    {
        var persona = new Option<FileInfo?>("--persona") { Description = "An HTTP persona as JSON (one object, or an export holding one); default: the persona defaults" };
        var keywords = new Option<FileInfo?>("--keywords") { Description = "A keyword set as JSON (one set, or an export holding one), or a text file with one literal keyword a line" };
        var concurrency = new Option<int>("--concurrency") { Description = "Sites probed at once (default 50)", DefaultValueFactory = _ => 50 };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow loopback, private and other non-public targets (refused by default)" };
        var resolvers = new Option<string[]>("--resolver") { Description = "Resolver IP[:PORT] (repeatable) for plain names and redirect hosts; no lookups without one", AllowMultipleArgumentsPerToken = false };
        var favicon = new Option<bool>("--favicon") { Description = "Fetch /favicon.ico and add Shodan's favicon hash" };
        var text = new Option<bool>("--text") { Description = "Include each page's visible text" };
        var input = new Option<FileInfo?>("--input") { Description = "Read from this file instead of stdin" };
        var proxy = new Option<string?>("--proxy") { Description = "Tunnel through a proxy: http://[user:pass@]host:port, https://…, socks4://…, socks5://…" };
        var tech = new Option<string?>("--tech") { Description = "Technology fingerprints in the Wappalyzer format: a JSON file, or a folder of them with categories.json (default: the set shipped with DomainFlow)" };
        var command = new Command("probe", "Probe sites over HTTP(S); one JSON object per input line on stdout.")
        {
            persona, keywords, concurrency, allowPrivate, resolvers, favicon, text, input, proxy, tech,
        };
        command.SetAction(async (result, ct) =>
        {
            var stderr = result.InvocationConfiguration.Error;
            HttpPersonaConfig config;
            KeywordMatcher? matcher;
            BulkResolverOptions? lookups;
            ProxyEndpoint? tunnel = null;
            TechFingerprints technologies;
            try
            {
                technologies = result.GetValue(tech) is { } techPath ? TechFingerprints.LoadPath(techPath) : TechFingerprints.Default;
                config = LoadSingle<HttpPersonaConfig>(result.GetValue(persona), "HTTP persona") ?? new HttpPersonaConfig { Name = "command line" };
                config = HttpPersonaConfig.Canonical(config);
                var errors = config.Validate();
                if (result.GetValue(concurrency) is < 1 or > 10_000)
                {
                    errors.Add("concurrency", "must be between 1 and 10000");
                }
                matcher = LoadKeywords(result.GetValue(keywords), errors);
                if (result.GetValue(proxy) is { } proxyUrl && (tunnel = ProxyEndpoint.TryParse(proxyUrl, out var proxyError)) is null)
                {
                    errors.Add("proxy", proxyError!);
                }
                lookups = result.GetValue(resolvers) is { Length: > 0 } list
                    ? (new DnsPersonaConfig { Name = "command line", Resolvers = list.Select(r => new DnsPersonaResolver(r)).ToList() } is var dns && dns.Validate() is { IsEmpty: false } dnsErrors
                        ? throw new ValidationException(dnsErrors)
                        : dns.ToResolverOptions())
                    : null;
                if (!errors.IsEmpty)
                {
                    throw new ValidationException(errors);
                }
            }
            catch (Exception e) when (e is ValidationException or IOException or JsonException)
            {
                await stderr.WriteLineAsync($"domainflow probe: {e.Message}");
                return CliApp.UsageError;
            }
            var file = result.GetValue(input);
            if (file is { Exists: false })
            {
                await stderr.WriteLineAsync($"domainflow probe: {file.FullName} does not exist");
                return CliApp.UsageError;
            }
            await using var hostLookup = lookups is null ? null : new HostLookup(lookups);
            using var prober = new HttpProber(new HttpProberOptions
            {
                Persona = config,
                Guard = new NetworkGuard(result.GetValue(allowPrivate)),
                Keywords = matcher,
                Technologies = technologies,
                Favicon = result.GetValue(favicon),
                KeepText = result.GetValue(text),
                ResolveHost = hostLookup is null ? null : hostLookup.LookupAsync,
                Proxy = tunnel,
            });
            using var reader = file is null ? new StreamReader(Console.OpenStandardInput()) : file.OpenText();
            await RunAsync(prober, hostLookup, reader, result.GetValue(concurrency), stderr, ct);
            return 0;
        });
        return command;
    }

    /// <summary>One input line: a name and the addresses to use (from `resolve` output), or why it cannot be probed.</summary>
    private sealed record Target(string Name, IReadOnlyList<IPAddress> Addresses, string? Skip);

    private static async Task RunAsync(HttpProber prober, HostLookup? lookup, StreamReader reader, int concurrency, TextWriter stderr, CancellationToken ct)
    {
        await using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        var gate = new Lock();
        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, long>(StringComparer.Ordinal);
        long done = 0;
        var next = TimeSpan.FromSeconds(5);
        await Parallel.ForEachAsync(ReadTargetsAsync(reader, ct), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (target, token) =>
        {
            var addresses = target.Addresses.Count == 0 && target.Skip is null && lookup is not null ? await lookup.LookupAsync(target.Name, token) : target.Addresses;
            var probe = target.Skip is { } reason
                ? new HttpProbeResult { Domain = target.Name, Outcome = HttpOutcome.Error, Error = reason }
                : await prober.ProbeAsync(target.Name, addresses, token);
            var line = JsonSerializer.SerializeToUtf8Bytes(probe, Output);
            lock (gate)
            {
                stdout.Write(line);
                stdout.WriteByte((byte)'\n');
                var key = WireNames.ToWire(probe.Outcome);
                outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
                done++;
                if (clock.Elapsed >= next)
                {
                    next = clock.Elapsed + TimeSpan.FromSeconds(5);
                    stderr.WriteLine($"probe: {done:N0} done, {done / clock.Elapsed.TotalSeconds:N0}/s");
                }
            }
        });
        await stdout.FlushAsync(ct);
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
        await stderr.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"probe: {done:N0} sites in {seconds:F2} s ({done / seconds:N0}/s): {string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value:N0}"))}"));
    }

    /// <summary>`resolve` NDJSON lines (resolved ones with their ips; others skipped with their status) or plain names.</summary>
    private static async IAsyncEnumerable<Target> ReadTargetsAsync(StreamReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        while (await reader.ReadLineAsync(ct) is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (line[0] != '{')
            {
                yield return new Target(line.TrimEnd('.').ToLowerInvariant(), [], null);
                continue;
            }
            Target target;
            try
            {
                var json = JsonNode.Parse(line)!;
                var name = json["name"]?.GetValue<string>() ?? throw new JsonException("no \"name\"");
                var status = json["status"]?.GetValue<string>();
                var ips = json["ips"]?.AsArray().Select(ip => IPAddress.Parse(ip!.GetValue<string>())).ToList() ?? [];
                target = status is null or "resolved" || ips.Count > 0
                    ? new Target(name, ips, ips.Count == 0 ? "the resolve line has no ips" : null)
                    : new Target(name, [], $"not probed: the name's DNS status is {status}");
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                target = new Target(line.Length > 100 ? line[..100] : line, [], $"not a name or a resolve line: {e.Message}");
            }
            yield return target;
        }
    }

    private static T? LoadSingle<T>(FileInfo? file, string what)
        where T : class
    {
        if (file is null)
        {
            return null;
        }
        var json = JsonNode.Parse(File.ReadAllText(file.FullName)) ?? throw new JsonException($"{file.Name} is empty");
        if (json is JsonArray array)
        {
            json = array.Count == 1 ? array[0]! : throw new JsonException($"{file.Name} holds {array.Count} items; pass a file with one {what}");
        }
        return json.Deserialize<T>(DomainFlowJson.Options) ?? throw new JsonException($"{file.Name} is not a {what}");
    }

    private static KeywordMatcher? LoadKeywords(FileInfo? file, ValidationErrors errors)
    {
        if (file is null)
        {
            return null;
        }
        var text = File.ReadAllText(file.FullName);
        var set = text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[')
            ? KeywordSetConfig.Canonical(LoadSingle<KeywordSetConfig>(file, "keyword set"))
            : new KeywordSetConfig { Name = file.Name, Rules = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').Select(l => new KeywordRule(l)).ToList() };
        var problems = set.Validate().ToDictionary().Where(e => e.Key != "name").ToList();
        foreach (var (field, messages) in problems)
        {
            foreach (var message in messages)
            {
                errors.Add($"keywords.{field}", message);
            }
        }
        return problems.Count == 0 ? KeywordMatcher.ForGroups([new KeywordRuleGroup(set.Name, set.Rules, set.MaxSnippets)]) : null;
    }
}
