using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DomainFlow.Testing;
using Microsoft.Data.Sqlite;

namespace DomainFlow.Server.Tests.Auth;

/// <summary>No default credentials: a new installation is claimed with the one-time token its log prints.</summary>
public sealed partial class SetupTests
{
    [Fact]
    public async Task The_first_admin_is_created_once_with_the_setup_token_from_the_server_log()
    {
        var dataDir = Directory.CreateTempSubdirectory("domainflow-setup-").FullName;
        try
        {
            await using var server = await ServerProcess.StartAsync(dataDir);
            var token = await SetupTokenFromLogAsync(server);
            using var client = new ApiClient(server.Url, null, withCookies: true);
            JsonObject Request(string setupToken, string password = "marble-tundra-falcon-29") =>
                new() { ["setupToken"] = setupToken, ["email"] = "founder@example.test", ["displayName"] = "Founder", ["password"] = password };

            var (required, status) = await client.SendAsync(HttpMethod.Get, "/api/v2/auth/setup");
            var (wrong, wrongProblem) = await client.SendAsync(HttpMethod.Post, "/api/v2/auth/setup", Request("setup_guessed"));
            var (weak, weakProblem) = await client.SendAsync(HttpMethod.Post, "/api/v2/auth/setup", Request(token, "qwerty"));
            var (created, me) = await client.SendAsync(HttpMethod.Post, "/api/v2/auth/setup", Request(token));
            var (replayed, replayProblem) = await new ApiClient(server.Url, null).SendAsync(HttpMethod.Post, "/api/v2/auth/setup", Request(token));
            var (afterwards, after) = await client.SendAsync(HttpMethod.Get, "/api/v2/auth/setup");
            client.CsrfToken = me["csrfToken"]?.GetValue<string>();
            var (signedIn, _) = await client.SendAsync(HttpMethod.Get, "/api/v2/campaigns");

            Assert.Equal(200, required);
            Assert.True(status["required"]!.GetValue<bool>());
            Assert.Equal((403, "setup_token_invalid"), (wrong, wrongProblem["code"]!.GetValue<string>()));
            Assert.Equal(400, weak);
            Assert.NotNull(weakProblem["errors"]!["password"]);
            Assert.Equal(201, created);
            Assert.Equal(("admin", "Founder"), (me["user"]!["role"]!.GetValue<string>(), me["user"]!["displayName"]!.GetValue<string>()));
            Assert.Equal((409, "setup_complete"), (replayed, replayProblem["code"]!.GetValue<string>()));
            Assert.Equal(200, afterwards);
            Assert.False(after["required"]!.GetValue<bool>());
            Assert.Equal(200, signedIn);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_server_that_already_has_an_account_prints_no_setup_token()
    {
        var dataDir = Directory.CreateTempSubdirectory("domainflow-setup-").FullName;
        try
        {
            await ServerProcess.SeedAdminAsync(dataDir);
            await using var server = await ServerProcess.StartAsync(dataDir);
            await Task.Delay(500);

            Assert.DoesNotContain(server.Output, line => SetupToken().IsMatch(line));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<string> SetupTokenFromLogAsync(ServerProcess server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (server.Output.Select(line => SetupToken().Match(line)).FirstOrDefault(m => m.Success) is { } match)
            {
                return match.Value;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The server printed no setup token:\n" + string.Join('\n', server.Output));
    }

    [GeneratedRegex("setup_[A-Za-z0-9_-]{43}")]
    private static partial Regex SetupToken();
}
