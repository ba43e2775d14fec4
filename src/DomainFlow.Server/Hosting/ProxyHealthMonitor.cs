using DomainFlow.Core.Proxies;
using DomainFlow.Store.Proxies;

namespace DomainFlow.Server.Hosting;

/// <summary>
/// Checks every enabled proxy when it is due (see <see cref="ProxyStore.RecordCheckAsync"/> for the schedule and
/// the health it leads to), a few at a time. Runs on every node; a proxy checked twice by two nodes at once is
/// merely checked twice.
/// </summary>
public sealed class ProxyHealthMonitor(ProxyStore proxies, ProxyOptions options, ILogger<ProxyHealthMonitor> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.PollSeconds));
        try
        {
            do
            {
                try
                {
                    var due = await proxies.DueAsync(50, stoppingToken);
                    await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = stoppingToken }, async (id, ct) => await CheckAsync(id, ct));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Proxy health checks failed this round; retrying at the next one");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async ValueTask<StoredProxy?> CheckAsync(Guid id, CancellationToken ct)
    {
        if (await proxies.EndpointAsync(id, ct: ct) is not { } endpoint)
        {
            return null;
        }
        var check = await ProxyChecker.CheckAsync(endpoint, options.CheckUri, TimeSpan.FromMilliseconds(options.TimeoutMs), ct);
        return await proxies.RecordCheckAsync(id, check.Ok, check.LatencyMs, check.Error, options.Interval, options.UnhealthyAfter, options.SlowMs, ct);
    }
}
