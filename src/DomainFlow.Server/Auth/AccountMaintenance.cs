using DomainFlow.Store.Audit;
using DomainFlow.Store.Users;

namespace DomainFlow.Server.Auth;

/// <summary>Hourly: drops ended sessions and audit entries older than the retention.</summary>
public sealed class AccountMaintenance(SessionStore sessions, AuditStore audit, AuthOptions auth, TimeProvider clock, ILogger<AccountMaintenance> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sessions.PruneAsync(auth.SessionIdleTimeout, stoppingToken);
                await audit.PruneAsync(auth.AuditRetention, stoppingToken);
                await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Account maintenance failed; retrying in a minute");
                await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
