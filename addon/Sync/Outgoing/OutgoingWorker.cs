using ConnectAddon.Connect.Webhooks;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Sync.Outgoing;

/// <summary>
/// Claims dirty issues and sends what changed (<see cref="OutgoingSync"/>), several issues at a time; wakes as soon as a
/// webhook or the JQL capture marks an issue dirty in this process, and looks again every
/// <see cref="SyncOptions.IdleRecheck"/> for work of other processes and for retries that came due. Bulk marks of sites
/// whose quota is down to <see cref="SyncOptions.BulkQuotaReserve"/> wait for the reset (<see cref="BulkHold"/>), as
/// the bulk runs' paging does: the marks already queued would otherwise spend the reserve that live changes keep.
/// </summary>
public sealed class OutgoingWorker(DirtyQueue queue, OutgoingSync sync, DirtyIssueSignal signal, Jira.Quota.JiraQuotaPauses quota, IOptions<SyncOptions> options,
    ILogger<OutgoingWorker> logger)
    : SyncWorker(signal, options, logger)
{
    private string heldBefore = "";

    private BulkHold Held()
    {
        var low = quota.Below(Settings.BulkQuotaReserve);
        var held = string.Join(", ", low.Order(StringComparer.Ordinal));
        if (held != heldBefore)
        {
            if (held.Length > 0)
                logger.LogInformation("Bulk marks of {Sites} wait: Jira's quota is down to its reserve of {Reserve} points until the reset", held, Settings.BulkQuotaReserve);
            else
                logger.LogInformation("Bulk marks go on: Jira's quota has reset");
            heldBefore = held;
        }
        return low.Count == 0 ? BulkHold.None : new BulkHold(low.Contains(Jira.Quota.JiraQuotaPauses.AllSites), [.. low.Where(k => k != Jira.Quota.JiraQuotaPauses.AllSites)]);
    }

    /// <summary>Renews the batch's lease every third of its length until the batch is done.</summary>
    private async Task HeartbeatAsync(string leaseToken, TimeSpan lease, CancellationToken done)
    {
        try
        {
            using var timer = new PeriodicTimer(lease / 3);
            while (await timer.WaitForNextTickAsync(done))
                await queue.RenewAsync(leaseToken, lease, done);
        }
        catch (OperationCanceledException)
        {
            // the batch is done
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Renewing a claim failed; another worker may take those issues when it expires");
        }
    }

    protected override async Task<bool> PassAsync(CancellationToken stoppingToken)
    {
        var settings = Settings;
        var claimed = await queue.ClaimAsync(settings.OutgoingConcurrency * 4, settings.ClaimLease, Held(), stoppingToken);
        if (claimed.Count == 0)
            return false;
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = HeartbeatAsync(claimed[0].LeaseToken, settings.ClaimLease, heartbeatStop.Token);
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = settings.OutgoingConcurrency, CancellationToken = stoppingToken },
            async (dirty, cancel) =>
            {
                TimeSpan? retry;
                try { retry = await sync.ProcessAsync(dirty, cancel); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Syncing issue {Issue} failed unexpectedly", dirty.IssueKey ?? dirty.IssueId);
                    retry = Errors.SyncErrorStore.FirstRetry;
                }
                if (retry is { } wait)
                    await queue.PostponeAsync(dirty, wait, cancel);
                else
                    await queue.CompleteAsync(dirty, cancel);
            });
        await heartbeatStop.CancelAsync();
        await heartbeat;
        return true;
    }
}
