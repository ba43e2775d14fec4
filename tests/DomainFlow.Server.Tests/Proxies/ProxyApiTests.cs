using System.Text.Json.Nodes;
using Dapper;
using DomainFlow.Store;
using DomainFlow.Testing;
using DomainFlow.Testing.Proxies;
using Microsoft.Extensions.DependencyInjection;

namespace DomainFlow.Server.Tests.Proxies;

/// <summary>/api/v2/proxies: passwords encrypted and never returned, list import, bulk actions, real checks and the health monitor.</summary>
public sealed class ProxyApiTests
{
    private const string Base = "/api/v2/proxies";

    private static string Keys(JsonNode problem) => string.Join(' ', problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));

    private static JsonObject Proxy(int port, string? user = null, string? password = null, string protocol = "socks5") => new()
    {
        ["protocol"] = protocol, ["host"] = "127.0.0.1", ["port"] = port, ["username"] = user, ["password"] = password,
    };

    [Theory]
    [MemberData(nameof(TestServer.Engines), MemberType = typeof(TestServer))]
    public async Task A_password_is_stored_encrypted_and_never_returned_and_a_replace_without_one_keeps_it(string engine)
    {
        await using var server = await TestServer.StartAsync(engine, workers: 0);
        var sent = Proxy(1080, "scout", "Very-Secret-Proxy-Pass");
        sent["name"] = "Lab SOCKS";
        sent["country"] = "de";

        var (created, body) = await server.SendAsync(HttpMethod.Post, Base, sent);
        var id = body["id"]!.GetValue<string>();
        var (_, list) = await server.SendAsync(HttpMethod.Get, Base);
        var (replaced, after) = await server.SendAsync(HttpMethod.Put, $"{Base}/{id}", Proxy(1081, "scout"));
        await using var c = await server.Services.GetRequiredService<Database>().OpenAsync();
        var secret = await c.ExecuteScalarAsync<string>("SELECT password_secret FROM proxies WHERE id = @id", new { id });

        Assert.Equal(201, created);
        Assert.Equal(("Lab SOCKS", "DE", true, "unknown", "socks5"), (body["name"]!.GetValue<string>(), body["country"]!.GetValue<string>(), body["hasPassword"]!.GetValue<bool>(),
            body["status"]!.GetValue<string>(), body["protocol"]!.GetValue<string>()));
        Assert.DoesNotContain("Very-Secret", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Very-Secret", list.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(body["password"]);
        Assert.Equal((200, 1081, true), (replaced, after["port"]!.GetValue<int>(), after["hasPassword"]!.GetValue<bool>()));
        Assert.NotNull(secret);
        Assert.DoesNotContain("Very-Secret", secret, StringComparison.Ordinal);
        var endpoint = await server.Services.GetRequiredService<Store.Proxies.ProxyStore>().EndpointAsync(Guid.Parse(id));
        Assert.Equal("Very-Secret-Proxy-Pass", endpoint!.Password); // decrypted only to connect
    }

    [Fact]
    public async Task A_text_list_imports_every_format_reports_bad_lines_by_number_and_skips_what_is_stored()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        const string list = "# lab proxies\n127.0.0.1:3128\nuser:pa%3Ass@127.0.0.2:3129\nsocks5://s:p@127.0.0.3:1080\n\nhttp://127.0.0.4:8080\n";

        var (bad, problem) = await server.SendAsync(HttpMethod.Post, $"{Base}/import", new JsonObject { ["text"] = "127.0.0.1:3128\nnot a proxy\n127.0.0.5:99999" });
        var (imported, result) = await server.SendAsync(HttpMethod.Post, $"{Base}/import", new JsonObject { ["text"] = list });
        var (again, second) = await server.SendAsync(HttpMethod.Post, $"{Base}/import", new JsonObject { ["text"] = list, ["protocol"] = "http" });

        Assert.Equal((400, "text[line 2] text[line 3]"), (bad, Keys(problem)));
        Assert.Equal(201, imported);
        var created = result["created"]!.AsArray();
        Assert.Equal(["http", "http", "socks5", "http"], created.Select(p => p!["protocol"]!.GetValue<string>()));
        Assert.Equal([false, true, true, false], created.Select(p => p!["hasPassword"]!.GetValue<bool>()));
        Assert.Equal((201, 0, 4), (again, second["created"]!.AsArray().Count, second["skipped"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Test_checks_the_proxy_for_real_and_failures_in_a_row_make_it_unhealthy()
    {
        await using var server = await TestServer.StartAsync("sqlite", 0, "--Proxies:UnhealthyAfter=2", "--Proxies:PollSeconds=3600");
        await using var socks = await ProxyServers.MicrosocksAsync("scout", "right-pass");
        var (_, good) = await server.SendAsync(HttpMethod.Post, Base, Proxy(socks.Port, "scout", "right-pass"));
        var (_, wrong) = await server.SendAsync(HttpMethod.Post, Base, Proxy(socks.Port, "other", "wrong-pass"));

        var (status, ok) = await server.SendAsync(HttpMethod.Post, $"{Base}/{good["id"]}/test");
        var (_, first) = await server.SendAsync(HttpMethod.Post, $"{Base}/{wrong["id"]}/test");
        var (_, bulk) = await server.SendAsync(HttpMethod.Post, $"{Base}/bulk", new JsonObject { ["ids"] = new JsonArray(good["id"]!.DeepClone(), wrong["id"]!.DeepClone()), ["action"] = "test" });
        var (_, read) = await server.SendAsync(HttpMethod.Get, $"{Base}/{wrong["id"]}");

        Assert.Equal((200, true, "healthy"), (status, ok["ok"]!.GetValue<bool>(), ok["status"]!.GetValue<string>()));
        Assert.Equal((false, "degraded"), (first["ok"]!.GetValue<bool>(), first["status"]!.GetValue<string>()));
        Assert.Contains("rejected the username or password", first["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["healthy", "unhealthy"], bulk["tests"]!.AsArray().Select(t => t!["status"]!.GetValue<string>()));
        Assert.Equal((2, 2L, 0L), (read["consecutiveFailures"]!.GetValue<int>(), read["failures"]!.GetValue<long>(), read["successes"]!.GetValue<long>()));
        // Re-checked with back-off: after two failures in a row, four intervals later.
        Assert.True(read["nextCheckAt"]!.GetValue<DateTimeOffset>() - read["lastCheckedAt"]!.GetValue<DateTimeOffset>() >= TimeSpan.FromSeconds(4 * 300 - 1));
    }

    [Fact]
    public async Task The_monitor_checks_enabled_proxies_by_itself_and_takes_a_dead_one_out_of_rotation()
    {
        await using var server = await TestServer.StartAsync("sqlite", 0, "--Proxies:PollSeconds=0.2", "--Proxies:CheckIntervalSeconds=1", "--Proxies:UnhealthyAfter=2");
        await using var socks = await ProxyServers.MicrosocksAsync();
        var (_, alive) = await server.SendAsync(HttpMethod.Post, Base, Proxy(socks.Port));
        var deadPort = socks.Port + 1 == 65536 ? 1 : socks.Port + 1;
        var (_, dead) = await server.SendAsync(HttpMethod.Post, Base, Proxy(deadPort, protocol: "http"));
        var (_, disabled) = await server.SendAsync(HttpMethod.Post, Base, new JsonObject { ["protocol"] = "http", ["host"] = "127.0.0.1", ["port"] = deadPort + 1, ["enabled"] = false });

        JsonNode? aliveNow = null, deadNow = null;
        for (var i = 0; i < 100 && !(aliveNow?["status"]?.GetValue<string>() == "healthy" && deadNow?["status"]?.GetValue<string>() == "unhealthy"); i++)
        {
            await Task.Delay(100);
            aliveNow = (await server.SendAsync(HttpMethod.Get, $"{Base}/{alive["id"]}")).Body;
            deadNow = (await server.SendAsync(HttpMethod.Get, $"{Base}/{dead["id"]}")).Body;
        }
        var (_, untouched) = await server.SendAsync(HttpMethod.Get, $"{Base}/{disabled["id"]}");
        var (_, unhealthy) = await server.SendAsync(HttpMethod.Get, $"{Base}?status=unhealthy");

        Assert.Equal("healthy", aliveNow!["status"]!.GetValue<string>());
        Assert.Equal("unhealthy", deadNow!["status"]!.GetValue<string>());
        Assert.Contains("cannot reach the proxy", deadNow["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("unknown", 0L), (untouched["status"]!.GetValue<string>(), untouched["failures"]!.GetValue<long>()));
        Assert.True(unhealthy is JsonArray, unhealthy.ToJsonString());
        Assert.Equal([dead["id"]!.GetValue<string>()], unhealthy.AsArray().Select(p => p!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bulk_changes_need_the_right_to_change_every_proxy_and_change_nothing_otherwise()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var alice = await server.CreateUserAsync("alice@example.test");
        using var bob = await server.CreateUserAsync("bob@example.test");
        var (_, mine) = await bob.SendAsync(HttpMethod.Post, Base, Proxy(2001, protocol: "http"));
        var (_, hers) = await alice.SendAsync(HttpMethod.Post, Base, Proxy(2002, protocol: "http"));

        var (refused, _) = await bob.SendAsync(HttpMethod.Post, $"{Base}/bulk", new JsonObject { ["ids"] = new JsonArray(mine["id"]!.DeepClone(), hers["id"]!.DeepClone()), ["action"] = "disable" });
        var (_, still) = await bob.SendAsync(HttpMethod.Get, $"{Base}?enabled=true");
        var (allowed, result) = await server.SendAsync(HttpMethod.Post, $"{Base}/bulk", new JsonObject { ["ids"] = new JsonArray(mine["id"]!.DeepClone(), hers["id"]!.DeepClone()), ["action"] = "disable" });
        var (deleted, _) = await bob.SendAsync(HttpMethod.Post, $"{Base}/bulk", new JsonObject { ["ids"] = new JsonArray(mine["id"]!.DeepClone()), ["action"] = "delete" });

        Assert.Equal(403, refused);
        Assert.Equal(2, still.AsArray().Count);
        Assert.Equal((200, 2), (allowed, result["changed"]!.GetValue<int>()));
        Assert.Equal(200, deleted);
        Assert.Single((await bob.SendAsync(HttpMethod.Get, Base)).Body.AsArray());
    }
}
