using ConnectAddon.Hosting;

namespace ConnectAddon.Connect.Webhooks;

/// <summary>Keeps the delivery-id table small: ids older than two days can no longer be retried by Jira.</summary>
public sealed class DeliveryPruner(DirtyIssueLog log, ILogger<DeliveryPruner> logger) : HourlyChore(logger)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(2);

    protected override string What => "Pruning webhook delivery ids";

    protected override async Task RunOnceAsync(CancellationToken cancel)
    {
        var pruned = await log.PruneDeliveriesAsync(Retention, cancel);
        if (pruned > 0)
            logger.LogInformation("Pruned {Count} webhook delivery ids older than {Retention}", pruned, Retention);
    }
}
