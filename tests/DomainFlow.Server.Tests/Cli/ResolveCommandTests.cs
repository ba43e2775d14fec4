using System.Net;
using System.Text.Json.Nodes;
using DomainFlow.Server.Lab;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Cli;

public sealed class ResolveCommandTests
{
    [Fact]
    public async Task Resolve_reads_names_and_writes_one_json_line_per_name_with_a_summary_on_stderr()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 21, NameCount = 2_000 });
        await using var lab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.10"));
        var names = world.Names().ToList();
        var input = string.Join('\n', names.Prepend("# a comment line").Append("")) + "\n";

        var result = await CliProcess.RunWithInputAsync(input, null, "resolve", "--resolver", lab.Endpoint.ToString(), "--timeout", "500");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Lines.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), lines.Select(l => l["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        foreach (var line in lines)
        {
            var truth = world.Lookup(line["name"]!.GetValue<string>());
            var expected = truth.Ipv4.Concat(truth.Ipv6).Select(a => a.ToString()).Order(StringComparer.Ordinal);
            Assert.Equal(truth.Rcode == Core.Dns.DnsRcode.NxDomain ? "nxdomain" : expected.Any() ? "resolved" : "nodata", line["status"]!.GetValue<string>());
            Assert.Equal(expected, line["ips"]!.AsArray().Select(i => i!.GetValue<string>()).Order(StringComparer.Ordinal));
            Assert.Equal(truth.Chain, line["cname"]!.AsArray().Select(c => c!.GetValue<string>()));
            Assert.True(line["attempts"]!.GetValue<int>() >= 2);
            Assert.Equal(lab.Endpoint.ToString(), line["resolver"]!.GetValue<string>());
            Assert.NotNull(line["ms"]);
            Assert.NotNull(line["rcode"]);
        }
        Assert.Contains("resolve: 2,000 names", result.Stderr);
        Assert.Contains($"{lab.Endpoint}: sent", result.Stderr);
    }

    [Theory]
    [InlineData("--resolver", "8.8.8.300", "must be an IP address with an optional port")]
    [InlineData("--type", "SRV", "is not one of")]
    [InlineData("--concurrency", "lots", "must be a number or auto")]
    public async Task Bad_options_get_a_one_line_error_and_exit_code_2_without_sending_anything(string option, string value, string message)
    {
        var args = option == "--resolver" ? new[] { "resolve", option, value } : ["resolve", "--resolver", "127.0.0.1:9", option, value];

        var result = await CliProcess.RunWithInputAsync("example.test\n", null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Resolve_needs_a_resolver_and_never_picks_one_by_itself()
    {
        var result = await CliProcess.RunWithInputAsync("example.test\n", null, "resolve");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--resolver", result.Stderr);
    }

    [Fact]
    public async Task A_persona_file_supplies_the_settings_and_command_line_options_override_them()
    {
        var world = new DnsWorld(new DnsWorldOptions { Seed = 22, NameCount = 50 });
        await using var lab = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.22"));
        var persona = Path.GetTempFileName();
        // An export holding one persona, as GET /api/v2/personas/dns/export writes it; TXT only, which --type overrides.
        await File.WriteAllTextAsync(persona, new JsonArray(new JsonObject
        {
            ["name"] = "lab",
            ["resolvers"] = new JsonArray(new JsonObject { ["address"] = lab.Endpoint.ToString() }),
            ["recordTypes"] = new JsonArray("TXT"),
            ["retries"] = 0,
        }).ToJsonString());
        try
        {
            var names = string.Join('\n', world.Names()) + "\n";
            var result = await CliProcess.RunWithInputAsync(names, null, "resolve", "--persona", persona, "--type", "A");
            var broken = await CliProcess.RunWithInputAsync(names, null, "resolve", "--persona", persona, "--timeout", "5");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(50, result.Lines.Length);
            Assert.Equal(50, lab.QueriesReceived); // one A query per name: the persona's TXT was overridden
            Assert.All(result.Lines.Select(l => JsonNode.Parse(l)!), line =>
                Assert.Equal(world.Lookup(line["name"]!.GetValue<string>()).Ipv4.Select(a => a.ToString()).Order(), line["ips"]!.AsArray().Select(i => i!.GetValue<string>()).Order()));
            Assert.Equal(2, broken.ExitCode);
            Assert.Contains("timeoutMs: must be between 10 and 60000", broken.Stderr);
        }
        finally
        {
            File.Delete(persona);
        }
    }
}
