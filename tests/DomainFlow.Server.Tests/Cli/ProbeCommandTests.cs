using System.Net;
using System.Text.Json.Nodes;
using DomainFlow.Server.Lab;
using DomainFlow.Testing;

namespace DomainFlow.Server.Tests.Cli;

public sealed class ProbeCommandTests
{
    [Fact]
    public async Task Probe_reads_resolve_lines_and_names_and_writes_one_json_line_per_input()
    {
        await using var web = await LabWebServer.StartAsync(new Dictionary<string, LabSite>
        {
            ["shop.lab.test"] = LabWebServer.Sites.Page("Acme", "<p>acme for sale</p>"),
            ["parked.lab.test"] = LabWebServer.Sites.Parked(),
        });
        // The plain name is looked up through the lab DNS server (--resolver); shop comes with its address.
        var world = new DnsWorld(new DnsWorldOptions { Seed = 31, NameCount = 10 });
        await using var dns = LabDnsServer.Start(world, IPAddress.Parse("127.0.0.11"));
        var plain = world.Names().First(n => world.Lookup(n).Ipv4.Count > 0);
        var dir = Directory.CreateTempSubdirectory("domainflow-probe-");
        var persona = Path.Combine(dir.FullName, "persona.json");
        await File.WriteAllTextAsync(persona, new JsonObject { ["name"] = "lab", ["schemeOrder"] = "http", ["httpPorts"] = new JsonArray(web.HttpPort) }.ToJsonString());
        var keywords = Path.Combine(dir.FullName, "keywords.txt");
        await File.WriteAllTextAsync(keywords, "# literals\nacme\nfor sale\n");
        var input = string.Join('\n',
            """{"name":"shop.lab.test","status":"resolved","ips":["127.0.0.1"]}""",
            """{"name":"parked.lab.test","status":"resolved","ips":["127.0.0.1"]}""",
            """{"name":"gone.lab.test","status":"nxdomain","ips":[]}""",
            plain,
            "") ;

        var result = await CliProcess.RunWithInputAsync(input, null, "probe", "--persona", persona, "--keywords", keywords, "--allow-private",
            "--resolver", dns.Endpoint.ToString(), "--concurrency", "4");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Lines.Select(l => JsonNode.Parse(l)!).ToDictionary(l => l["domain"]!.GetValue<string>());
        Assert.Equal(4, lines.Count);
        Assert.Equal(("ok", 200, "Acme"), (lines["shop.lab.test"]["outcome"]!.GetValue<string>(), lines["shop.lab.test"]["status"]!.GetValue<int>(), lines["shop.lab.test"]["title"]!.GetValue<string>()));
        Assert.Equal(2, lines["shop.lab.test"]["keywordHits"]!.AsArray().Count);
        Assert.True(lines["parked.lab.test"]["parked"]!["parked"]!.GetValue<bool>());
        Assert.Equal("error", lines["gone.lab.test"]["outcome"]!.GetValue<string>());
        Assert.Contains("nxdomain", lines["gone.lab.test"]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        // The world's addresses are not served by the web lab: looked up, then refused or unanswered, never "no address".
        Assert.DoesNotContain("no address", lines[plain]["error"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
        Assert.Contains("probe: 4 sites", result.Stderr);
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Probe_detects_technologies_with_a_wappalyzer_folder_given_by_tech_and_refuses_a_missing_one()
    {
        await using var web = await LabWebServer.StartAsync(new Dictionary<string, LabSite> { ["shop.lab.test"] = LabWebServer.Sites.Page("Acme", "<div class=\"acme-cart\">0 items</div>") });
        var dir = Directory.CreateTempSubdirectory("domainflow-probe-");
        var persona = Path.Combine(dir.FullName, "persona.json");
        await File.WriteAllTextAsync(persona, new JsonObject { ["name"] = "lab", ["schemeOrder"] = "http", ["httpPorts"] = new JsonArray(web.HttpPort) }.ToJsonString());
        var tech = Directory.CreateDirectory(Path.Combine(dir.FullName, "technologies")).FullName;
        await File.WriteAllTextAsync(Path.Combine(tech, "categories.json"), """{ "6": { "name": "Ecommerce" }, "27": { "name": "Programming languages" } }""");
        await File.WriteAllTextAsync(Path.Combine(tech, "a.json"), """{ "AcmeCart": { "cats": [6], "html": "class=\"acme-cart\"", "implies": "Lisp" }, "Lisp": { "cats": [27] } }""");
        const string line = """{"name":"shop.lab.test","status":"resolved","ips":["127.0.0.1"]}""";

        var probed = await CliProcess.RunWithInputAsync(line + "\n", null, "probe", "--allow-private", "--persona", persona, "--tech", tech);
        var missing = await CliProcess.RunWithInputAsync(line + "\n", null, "probe", "--allow-private", "--tech", Path.Combine(dir.FullName, "nowhere"));

        Assert.True(probed.ExitCode == 0, probed.Stderr);
        var technologies = JsonNode.Parse(Assert.Single(probed.Lines))!["technologies"]!.AsArray();
        Assert.Equal(["AcmeCart:Ecommerce", "Lisp:Programming languages"],
            technologies.Select(t => $"{t!["name"]!.GetValue<string>()}:{t["categories"]![0]!.GetValue<string>()}"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nowhere", missing.Stderr, StringComparison.Ordinal);
        Assert.Empty(missing.Stdout);
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Loopback_targets_are_refused_without_allow_private_and_bad_options_exit_2()
    {
        var refused = await CliProcess.RunWithInputAsync("""{"name":"a.test","status":"resolved","ips":["127.0.0.1"]}""" + "\n", null, "probe");
        var bad = await CliProcess.RunWithInputAsync("a.test\n", null, "probe", "--concurrency", "0");

        Assert.Equal(0, refused.ExitCode);
        Assert.Equal("blocked_target", JsonNode.Parse(Assert.Single(refused.Lines))!["outcome"]!.GetValue<string>());
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("concurrency", bad.Stderr);
        Assert.Empty(bad.Stdout);
    }

    [Fact]
    public async Task Probe_tunnels_through_a_socks5_proxy_given_by_url_and_refuses_a_bad_proxy_url()
    {
        await using var web = await LabWebServer.StartAsync(new Dictionary<string, LabSite> { ["shop.lab.test"] = LabWebServer.Sites.Page("Via SOCKS", "<p>hi</p>") });
        await using var socks = await DomainFlow.Testing.Proxies.ProxyServers.MicrosocksAsync("cli", "pass-word");
        var persona = Path.Combine(Directory.CreateTempSubdirectory("domainflow-probe-").FullName, "persona.json");
        await File.WriteAllTextAsync(persona, new JsonObject { ["name"] = "lab", ["schemeOrder"] = "http", ["httpPorts"] = new JsonArray(web.HttpPort) }.ToJsonString());
        const string line = """{"name":"shop.lab.test","status":"resolved","ips":["127.0.0.1"]}""";

        var tunnelled = await CliProcess.RunWithInputAsync(line + "\n", null, "probe", "--allow-private", "--persona", persona, "--proxy", $"socks5://cli:pass-word@127.0.0.1:{socks.Port}");
        var bad = await CliProcess.RunWithInputAsync(line + "\n", null, "probe", "--proxy", "gopher://127.0.0.1:70");

        Assert.True(tunnelled.ExitCode == 0, tunnelled.Stderr);
        Assert.Equal(("ok", "Via SOCKS"), (JsonNode.Parse(Assert.Single(tunnelled.Lines))!["outcome"]!.GetValue<string>(), JsonNode.Parse(tunnelled.Lines[0])!["title"]!.GetValue<string>()));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("proxy", bad.Stderr);
        Directory.Delete(Path.GetDirectoryName(persona)!, recursive: true);
    }
}
