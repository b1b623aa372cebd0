namespace ConnectAddon.Connect.Webhooks;

/// <summary>Keeps the delivery-id table small: ids older than two days can no longer be retried by Jira.</summary>
public sealed class DeliveryPruner(DirtyIssueLog log, ILogger<DeliveryPruner> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                var pruned = await log.PruneDeliveriesAsync(Retention, stoppingToken);
                if (pruned > 0)
                    logger.LogInformation("Pruned {Count} webhook delivery ids older than {Retention}", pruned, Retention);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Pruning webhook delivery ids failed; will try again");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
