using ConnectAddon.Sync.Triggers;

namespace ConnectAddon.Sync.Admin;

/// <summary>
/// Starts again, when the node starts, the bulk runs that a stop or crash cut off (started, never finished): an admin
/// who pressed "Sync all" expects it done, not a note that it was interrupted. Safe because a run is idempotent.
/// </summary>
public sealed class BulkResumer(SyncConnections connections, TriggerStore triggers, LocalTracker trackers, BulkRuns runs,
    Microsoft.Extensions.Options.IOptions<SyncOptions> options, ILogger<BulkResumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        try
        {
            foreach (var connection in await connections.AllAsync(stoppingToken))
                foreach (var trigger in await triggers.ListAsync(connection.Id, stoppingToken))
                {
                    if (trigger.BulkStartedAtMs is null || trigger.BulkFinishedAtMs is not null)
                        continue;
                    if (await trackers.ForAsync(connection, stoppingToken) is not { } site)
                        continue;
                    logger.LogInformation("Connection {Connection}: resuming the bulk run of trigger {Trigger} that a restart cut off", connection.Id, trigger.Id);
                    runs.Start(connection, site, trigger);
                }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Resuming unfinished bulk runs failed; start them again from the connection's triggers");
        }
    }
}
