using DomainFlow.Server.Hosting;
using DomainFlow.Store.Jobs;

namespace DomainFlow.Server.Jobs;

/// <summary>Hosts this node's job runners (none on an API-only node) and frees the leases a previous run of this node left.</summary>
public sealed class CampaignWorker(JobRunner runner, JobStore jobs, JobRunnerOptions options, NodeIdentity node, ILogger<CampaignWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Workers <= 0)
        {
            log.LogInformation("Workers = 0: this node serves the API only");
            return;
        }
        var freed = await jobs.ReleaseLeasesOfNodeAsync(node.Id, stoppingToken);
        if (freed > 0)
        {
            log.LogInformation("Resuming {Count} shard(s) this node was running when it stopped", freed);
        }
        var run = Guid.NewGuid().ToString("N")[..8];
        var workers = Enumerable.Range(0, options.Workers).Select(i => RunWorkerAsync($"{node.Id}/{i}/{run}", stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task RunWorkerAsync(string owner, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunAsync(owner, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Worker {Owner} failed; restarting in a second", owner);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
