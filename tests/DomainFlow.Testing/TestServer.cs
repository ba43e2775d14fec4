using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DomainFlow.Core;
using DomainFlow.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace DomainFlow.Testing;

/// <summary>The real server on a random loopback port (Kestrel, real sockets) over a fresh SQLite folder or PostgreSQL database.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<Task> _cleanup;

    private TestServer(WebApplication app, Uri url, Func<Task> cleanup)
    {
        _app = app;
        Url = url;
        _cleanup = cleanup;
        Http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Url { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static TheoryData<string> Engines => new() { "sqlite", "postgres" };

    /// <summary>The PostgreSQL connection string of this server's database (null on SQLite), for a second node to share.</summary>
    public string? PostgresConnectionString { get; private init; }

    /// <summary>Another node on the same PostgreSQL database, with its own data folder (and so its own node id).</summary>
    public Task<TestServer> StartNodeAsync(int workers, params string[] extra) =>
        StartAsync("postgres-shared", workers, [$"--Store:Provider=postgres", $"--Store:ConnectionString={PostgresConnectionString ?? throw new InvalidOperationException("Only PostgreSQL servers can share their database.")}", .. extra]);

    public static async Task<TestServer> StartAsync(string engine = "sqlite", int workers = 2, params string[] extra)
    {
        var dataDir = Directory.CreateTempSubdirectory("domainflow-server-test-").FullName;
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Store:DataDirectory={dataDir}",
            $"--Jobs:Workers={workers}",
            "--Jobs:BatchSize=500",
            "--Jobs:ShardSize=2000",
            "--Jobs:PollInterval=00:00:00.050",
            "--Logging:LogLevel:Default=Warning",
        };
        string? database = null;
        if (engine == "postgres")
        {
            var admin = Environment.GetEnvironmentVariable("DOMAINFLOW_TEST_POSTGRES") is { Length: > 0 } cs
                ? cs
                : throw new InvalidOperationException("DOMAINFLOW_TEST_POSTGRES is not set. Run the tests with scripts/test, which provisions a throwaway PostgreSQL.");
            database = "s_" + Guid.NewGuid().ToString("N");
            await using (var c = new NpgsqlConnection(admin))
            {
                await c.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", c);
                await create.ExecuteNonQueryAsync();
            }
            args.Add("--Store:Provider=postgres");
            args.Add($"--Store:ConnectionString={new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString}");
        }
        args.AddRange(extra);
        var sharedConnection = args.LastOrDefault(a => a.StartsWith("--Store:ConnectionString=", StringComparison.Ordinal))?["--Store:ConnectionString=".Length..];
        var app = ServerHost.Build([.. args]);
        await ServerHost.MigrateAsync(app.Services);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(app, new Uri(address), async () =>
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
            if (database is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable("DOMAINFLOW_TEST_POSTGRES"));
                await c.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", c);
                await drop.ExecuteNonQueryAsync();
            }
        })
        {
            PostgresConnectionString = sharedConnection,
        };
    }

    public static JsonObject PatternSpec(string name, long maxDomains, string charset = "abc", int length = 2) => new()
    {
        ["name"] = name,
        ["generation"] = new JsonObject
        {
            ["source"] = "pattern",
            ["patternType"] = "prefix",
            ["prefixLength"] = length,
            ["charset"] = charset,
            ["constant"] = "shop",
            ["tlds"] = new JsonArray("com", "net"),
            ["maxDomains"] = maxDomains,
        },
    };

    public async Task<(int Status, JsonNode Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }

    public async Task<string> CreateCampaignAsync(JsonObject spec)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/v2/campaigns", spec);
        if (status != 201)
        {
            throw new InvalidOperationException($"Creating the campaign answered {status}, not 201: {body.ToJsonString()}");
        }
        return body["id"]!.GetValue<string>();
    }

    /// <summary>Polls the API until the phase leaves running (or the timeout passes) and returns it.</summary>
    public async Task<JsonNode> WaitForPhaseAsync(string campaignId, string phase, Func<JsonNode, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var (_, campaign) = await SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{campaignId}");
            var state = campaign["phases"]!.AsArray().First(p => p!["phase"]!.GetValue<string>() == phase)!;
            if (done(state) || DateTime.UtcNow > deadline)
            {
                return state;
            }
            await Task.Delay(50);
        }
    }

    public static string Json(JsonNode node) => node.ToJsonString(DomainFlowJson.Options);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _cleanup();
    }

    internal static JsonSerializerOptions Options => DomainFlowJson.Options;
}
