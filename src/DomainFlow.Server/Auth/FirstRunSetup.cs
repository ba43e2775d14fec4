using DomainFlow.Store.Users;

namespace DomainFlow.Server.Auth;

/// <summary>
/// On a node that starts while no account exists, issues a one-time setup token and prints it, so only someone
/// who can read the server's log can claim the new installation.
/// </summary>
public sealed class FirstRunSetup(UserStore users, SetupTokenStore setupTokens, AuthOptions auth, ILogger<FirstRunSetup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await users.CountAsync(cancellationToken) > 0)
        {
            return;
        }
        var token = await setupTokens.IssueAsync(auth.SetupTokenLifetime, cancellationToken);
        log.LogWarning(
            "No account exists yet. Open the web UI at /setup and enter this one-time setup token to create the first admin: {SetupToken} " +
            "(valid for {Hours} h), or run: domainflow users add --email <email> --admin",
            token, auth.SetupTokenLifetime.TotalHours);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
