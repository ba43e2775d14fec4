using DomainFlow.Testing;
using Microsoft.Data.Sqlite;

namespace DomainFlow.Server.Tests.Cli;

public sealed class AccountCommandTests
{
    [Fact]
    public async Task Users_add_reads_the_password_from_stdin_enforces_the_policy_and_users_list_shows_the_account()
    {
        var dataDir = Directory.CreateTempSubdirectory("domainflow-users-").FullName;
        try
        {
            var weak = await CliProcess.RunWithInputAsync("password1234\n", null, "users", "add", "--email", "ops@example.test", "--admin", "--data-dir", dataDir);
            var added = await CliProcess.RunWithInputAsync(TestServer.Password + "\n", null, "users", "add", "--email", "Ops@Example.test", "--admin", "--data-dir", dataDir);
            var duplicate = await CliProcess.RunWithInputAsync(TestServer.Password + "\n", null, "users", "add", "--email", "ops@example.test", "--data-dir", dataDir);
            var listed = await CliProcess.RunAsync("users", "list", "--data-dir", dataDir);

            Assert.Equal(1, weak.ExitCode);
            Assert.Equal("domainflow users add: password: is too common: choose a password that is not on lists of breached passwords", weak.Stderr.Trim());
            Assert.Equal(0, added.ExitCode);
            Assert.StartsWith("Created admin Ops@Example.test", added.Stdout);
            Assert.Equal(1, duplicate.ExitCode);
            Assert.Contains("already used", duplicate.Stderr);
            Assert.Contains(listed.Lines, l => l.StartsWith("Ops@Example.test", StringComparison.Ordinal) && l.Contains(" admin "));
            Assert.DoesNotContain(TestServer.Password, added.Stdout + added.Stderr + listed.Stdout);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Login_saves_a_private_token_the_remote_verbs_use_and_logout_revokes_it()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        await server.CreateCampaignAsync(TestServer.PatternSpec("visible to the cli", 18));
        var config = Directory.CreateTempSubdirectory("domainflow-config-").FullName;
        var env = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = config };
        var url = server.Url.ToString();
        try
        {
            var wrong = await CliProcess.RunWithInputAsync("not-the-password-1\n", env, "login", "--server", url, "--email", TestServer.DefaultAdminEmail);
            var login = await CliProcess.RunWithInputAsync(TestServer.Password + "\n", env, "login", "--server", url, "--email", TestServer.DefaultAdminEmail);
            var file = Path.Combine(config, "domainflow", "credentials.json");
            var mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(file);
            var savedToken = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject().Single().Value!["Token"]!.GetValue<string>();
            var listed = await CliProcess.RunWithInputAsync(null, env, "campaigns", "list", "--server", url);
            var tokens = (await server.SendAsync(HttpMethod.Get, "/api/v2/auth/tokens")).Body.AsArray();
            var logout = await CliProcess.RunWithInputAsync(null, env, "logout", "--server", url);
            var afterLogout = await CliProcess.RunWithInputAsync(null, env, "campaigns", "list", "--server", url);
            using var revoked = new ApiClient(server.Url, savedToken);

            Assert.Equal(1, wrong.ExitCode);
            Assert.Contains("invalid_credentials", wrong.Stderr);
            Assert.Equal(0, login.ExitCode);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
            Assert.Contains(listed.Lines, l => l.Contains("visible to the cli"));
            Assert.Contains(tokens, t => t!["name"]!.GetValue<string>().StartsWith("domainflow-cli@", StringComparison.Ordinal));
            Assert.Equal(0, logout.ExitCode);
            Assert.Equal(401, (await revoked.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
            Assert.Equal(1, afterLogout.ExitCode);
            Assert.Contains("domainflow login", afterLogout.Stderr);
            Assert.Empty((await server.SendAsync(HttpMethod.Get, "/api/v2/auth/sessions")).Body.AsArray()); // login's own session was closed
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }

    [Fact]
    public async Task A_read_only_login_is_revoked_on_the_server_by_logout()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        var config = Directory.CreateTempSubdirectory("domainflow-config-").FullName;
        var env = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = config };
        var url = server.Url.ToString();
        try
        {
            var login = await CliProcess.RunWithInputAsync(TestServer.Password + "\n", env, "login", "--server", url, "--email", TestServer.DefaultAdminEmail, "--read-only");
            var file = Path.Combine(config, "domainflow", "credentials.json");
            var savedToken = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject().Single().Value!["Token"]!.GetValue<string>();
            using var saved = new ApiClient(server.Url, savedToken);
            var scopes = (await saved.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Body["scopes"]!.AsArray().Select(s => s!.GetValue<string>());
            var logout = await CliProcess.RunWithInputAsync(null, env, "logout", "--server", url);

            Assert.Equal(0, login.ExitCode);
            Assert.Equal(["read"], scopes);
            Assert.Equal(0, logout.ExitCode);
            Assert.DoesNotContain("could not revoke", logout.Stderr);
            Assert.Equal(401, (await saved.SendAsync(HttpMethod.Get, "/api/v2/auth/me")).Status);
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }

    [Fact]
    public async Task Login_passes_the_authenticator_code_of_an_account_with_two_factor_sign_in()
    {
        await using var server = await TestServer.StartAsync(workers: 0);
        using var browser = await server.SignInAsync(TestServer.DefaultAdminEmail);
        var secret = (await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/setup", new System.Text.Json.Nodes.JsonObject { ["password"] = TestServer.Password })).Body["secret"]!.GetValue<string>();
        var step = Core.Users.Totp.StepAt(DateTimeOffset.UtcNow);
        await browser.SendAsync(HttpMethod.Post, "/api/v2/auth/mfa/enable", new System.Text.Json.Nodes.JsonObject { ["code"] = Core.Users.Totp.Code(secret, step) });
        var config = Directory.CreateTempSubdirectory("domainflow-config-").FullName;
        var env = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = config };
        var url = server.Url.ToString();
        try
        {
            var withoutCode = await CliProcess.RunWithInputAsync(TestServer.Password + "\n", env, "login", "--server", url, "--email", TestServer.DefaultAdminEmail);
            var withCode = await CliProcess.RunWithInputAsync(TestServer.Password + "\n", env, "login", "--server", url, "--email", TestServer.DefaultAdminEmail,
                "--code", Core.Users.Totp.Code(secret, step + 1));

            Assert.Equal(1, withoutCode.ExitCode);
            Assert.Contains("--code", withoutCode.Stderr, StringComparison.Ordinal);
            Assert.True(withCode.ExitCode == 0, withCode.Stderr);
            Assert.Contains("Signed in", withCode.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }
}
