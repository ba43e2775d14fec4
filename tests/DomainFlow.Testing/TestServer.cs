using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DomainFlow.Core;
using DomainFlow.Core.Users;
using DomainFlow.Store.Users;
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
        Anonymous = new ApiClient(url, null);
        Admin = Anonymous;
    }

    public Uri Url { get; }

    /// <summary>The seeded admin's client (bearer token with the write scope); what most tests act as.</summary>
    public ApiClient Admin { get; private set; }

    /// <summary>A client with no credentials at all.</summary>
    public ApiClient Anonymous { get; }

    public HttpClient Http => Admin.Http;

    public const string DefaultAdminEmail = "owner@example.test";

    public string AdminEmail { get; } = DefaultAdminEmail;

    /// <summary>Every seeded account's password: long enough and on no common-password list.</summary>
    public const string Password = "quartz-meadow-lantern-81";

    public string AdminPassword { get; } = Password;

    public IServiceProvider Services => _app.Services;

    public static TheoryData<string> Engines => new() { "sqlite", "postgres" };

    /// <summary>The PostgreSQL connection string of this server's database (null on SQLite), for a second node to share.</summary>
    public string? PostgresConnectionString { get; private init; }

    /// <summary>Another node on the same PostgreSQL database, with its own data folder (and so its own node id).</summary>
    public async Task<TestServer> StartNodeAsync(int workers, params string[] extra)
    {
        var node = await StartCoreAsync("postgres-shared", workers, seedAdmin: false,
            [$"--Store:Provider=postgres", $"--Store:ConnectionString={PostgresConnectionString ?? throw new InvalidOperationException("Only PostgreSQL servers can share their database.")}", .. extra]);
        node.Admin = new ApiClient(node.Url, Admin.Token);
        return node;
    }

    /// <summary>A server with an admin account (<see cref="DefaultAdminEmail"/>, <see cref="Password"/>) that <see cref="Admin"/> acts as.</summary>
    public static Task<TestServer> StartAsync(string engine = "sqlite", int workers = 2, params string[] extra) =>
        StartCoreAsync(engine, workers, seedAdmin: true, extra);

    /// <summary>A fresh installation: no account exists, so it issues a setup token.</summary>
    public static Task<TestServer> StartWithoutAccountsAsync(params string[] extra) =>
        StartCoreAsync("sqlite", 0, seedAdmin: false, extra);

    private static async Task<TestServer> StartCoreAsync(string engine, int workers, bool seedAdmin, string[] extra)
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
            // Tests send many requests from one client in bursts; the limits themselves have their own tests.
            "--Auth:ApiBurst=100000",
            "--Auth:ApiRequestsPerSecond=100000",
            "--Auth:LoginAttemptsPerWindow=1000",
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
        var server = new TestServer(app, new Uri(address), async () =>
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
        if (seedAdmin)
        {
            server.Admin = await server.CreateUserAsync(DefaultAdminEmail, UserRole.Admin);
        }
        return server;
    }

    /// <summary>Creates an account straight in the store and returns a client with a write-scoped token of it.</summary>
    public async Task<ApiClient> CreateUserAsync(string email, UserRole role = UserRole.User, IReadOnlyCollection<ApiTokenScope>? scopes = null)
    {
        var user = await Services.GetRequiredService<UserStore>().CreateAsync(new UserStore.NewUser(email, email.Split('@')[0], role, HashOfPassword.Value));
        var (secret, _) = await Services.GetRequiredService<ApiTokenStore>().CreateAsync(user.Id, "tests", scopes ?? [ApiTokenScope.Write], null);
        return new ApiClient(Url, secret) { UserId = user.Id, Email = email };
    }

    /// <summary>Signs in through the login endpoint like a browser: a cookie session with its anti-CSRF token.</summary>
    public async Task<ApiClient> SignInAsync(string email, string password = Password)
    {
        var client = new ApiClient(Url, null, withCookies: true);
        var (status, body) = await client.SendAsync(HttpMethod.Post, "/api/v2/auth/login", new JsonObject { ["email"] = email, ["password"] = password });
        if (status != 200)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {status}: {body.ToJsonString()}");
        }
        client.CsrfToken = body["csrfToken"]!.GetValue<string>();
        client.Email = email;
        client.UserId = Guid.Parse(body["user"]!["id"]!.GetValue<string>());
        return client;
    }

    // Hashed once per test run: bcrypt at cost 12 takes about a quarter of a second.
    private static readonly Lazy<string> HashOfPassword = new(() => PasswordHasher.Hash(Password));

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

    /// <summary>Sends as the admin.</summary>
    public Task<(int Status, JsonNode Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null) => Admin.SendAsync(method, path, body);

    public Task<string> CreateCampaignAsync(JsonObject spec) => Admin.CreateCampaignAsync(spec);

    /// <summary>Polls the API until <paramref name="done"/> holds for the phase (or the timeout passes) and returns it.</summary>
    public Task<JsonNode> WaitForPhaseAsync(string campaignId, string phase, Func<JsonNode, bool> done, TimeSpan? timeout = null) =>
        Admin.WaitForPhaseAsync(campaignId, phase, done, timeout);

    public static string Json(JsonNode node) => node.ToJsonString(DomainFlowJson.Options);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Anonymous.Dispose();
        await _cleanup();
    }

    internal static JsonSerializerOptions Options => DomainFlowJson.Options;
}
