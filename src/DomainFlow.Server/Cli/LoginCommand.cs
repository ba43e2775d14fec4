using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;

namespace DomainFlow.Server.Cli;

/// <summary>
/// `domainflow login --server URL`: signs in with email and password, mints an API token for this machine, saves it
/// (0600) and signs the session out again; `domainflow logout` revokes the token and forgets it.
/// </summary>
public static class LoginCommand
{
    public static IEnumerable<Command> Create()
    {
        yield return Login();
        yield return Logout();
    }

    private static Command Login()
    {
        var server = RemoteOptions.ServerOption();
        var email = new Option<string?>("--email") { Description = "Account email (prompted when omitted)" };
        var tokenName = new Option<string?>("--token-name") { Description = "Name of the token to create (default: domainflow-cli@<host>)" };
        var readOnly = new Option<bool>("--read-only") { Description = "Create a read-only token" };
        var code = new Option<string?>("--code") { Description = "The authenticator app's code, for an account with two-factor sign-in (prompted when needed and omitted)" };
        var command = new Command("login", "Sign in to a server and save an API token for the other remote verbs.") { server, email, tokenName, readOnly, code };
        command.SetAction(async (result, ct) =>
        {
            var error = result.InvocationConfiguration.Error;
            if (!RemoteOptions.TryServer(result, server, out var url))
            {
                await error.WriteLineAsync("domainflow login: --server must be an absolute URL");
                return CliApp.UsageError;
            }
            try
            {
                var address = result.GetValue(email);
                if (string.IsNullOrWhiteSpace(address))
                {
                    if (Console.IsInputRedirected)
                    {
                        throw new InvalidOperationException("--email is required when the password comes from stdin");
                    }
                    await error.WriteAsync("Email: ");
                    address = Console.ReadLine()?.Trim();
                }
                var password = await PasswordInput.ReadAsync(error, confirm: false) ?? "";
                using var client = new RemoteClient(url, token: null, new CookieContainer());
                var me = await SignInAsync(client, address, password, result.GetValue(code), error, ct);
                client.CsrfToken = me["csrfToken"]?.GetValue<string>();
                var scopes = result.GetValue(readOnly) ? new JsonArray("read") : new JsonArray("read", "write");
                var created = await client.PostJsonAsync("/api/v2/auth/tokens", new JsonObject
                {
                    ["name"] = result.GetValue(tokenName) ?? $"domainflow-cli@{Environment.MachineName}",
                    ["scopes"] = scopes,
                }, ct);
                await client.PostJsonAsync("/api/v2/auth/logout", null, ct);
                var store = CredentialStore.ForCurrentUser();
                store.Save(url, new CredentialStore.Credential(created["secret"]!.GetValue<string>(), Guid.Parse(created["token"]!["id"]!.GetValue<string>()), me["user"]!["email"]!.GetValue<string>()));
                await result.InvocationConfiguration.Output.WriteLineAsync($"Signed in to {CredentialStore.KeyOf(url)} as {me["user"]!["email"]}; token saved in {store.Path}.");
                return 0;
            }
            catch (Exception e) when (e is RemoteClient.RemoteException or InvalidOperationException or IOException or System.Text.Json.JsonException)
            {
                await error.WriteLineAsync($"domainflow login: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>Email and password, and the authenticator code when the server asks for one (mfa_required).</summary>
    private static async Task<JsonNode> SignInAsync(RemoteClient client, string? email, string password, string? code, TextWriter prompt, CancellationToken ct)
    {
        try
        {
            return await client.PostJsonAsync("/api/v2/auth/login", new JsonObject { ["email"] = email, ["password"] = password, ["code"] = code }, ct);
        }
        catch (RemoteClient.RemoteException e) when (e.Code == "mfa_required" && code is null)
        {
            if (Console.IsInputRedirected)
            {
                throw new InvalidOperationException("this account signs in with an authenticator code: pass --code");
            }
            await prompt.WriteAsync("Authenticator code: ");
            var typed = Console.ReadLine()?.Trim();
            return await client.PostJsonAsync("/api/v2/auth/login", new JsonObject { ["email"] = email, ["password"] = password, ["code"] = typed }, ct);
        }
    }

    private static Command Logout()
    {
        var server = RemoteOptions.ServerOption();
        var command = new Command("logout", "Revoke the token saved by login for a server and forget it.") { server };
        command.SetAction(async (result, ct) =>
        {
            if (!RemoteOptions.TryServer(result, server, out var url))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("domainflow logout: --server must be an absolute URL");
                return CliApp.UsageError;
            }
            var store = CredentialStore.ForCurrentUser();
            if (store.Find(url) is not { } saved)
            {
                await result.InvocationConfiguration.Output.WriteLineAsync($"Not signed in to {CredentialStore.KeyOf(url)}.");
                return 0;
            }
            try
            {
                using var client = new RemoteClient(url, saved.Token);
                await client.SendAsync(HttpMethod.Delete, $"/api/v2/auth/tokens/{saved.TokenId}", null, ct);
            }
            catch (RemoteClient.RemoteException e)
            {
                // The token may already be revoked or the server gone: forgetting it locally is still right.
                await result.InvocationConfiguration.Error.WriteLineAsync($"domainflow logout: could not revoke the token on the server: {e.Message}");
            }
            store.Remove(url);
            await result.InvocationConfiguration.Output.WriteLineAsync($"Signed out of {CredentialStore.KeyOf(url)}.");
            return 0;
        });
        return command;
    }
}
