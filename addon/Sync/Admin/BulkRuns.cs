using ConnectAddon.Connections;
using ConnectAddon.Jira.Models;
using ConnectAddon.Sync.Outgoing;
using ConnectAddon.Sync.Triggers;
using ConnectAddon.Sync.Twins;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Sync.Admin;

/// <summary>
/// Bulk sync of everything a trigger matches (DESIGN §7), carried on by whichever process holds the run's lease
/// (Sync/README.md "Bulk runs"). A run is rows in the database (<see cref="TriggerStore.StartBulkAsync"/>): its JQL,
/// the next page's cursor and the count so far. Each process's runner takes open runs whose lease is free, pages
/// through the JQL (asking for one field, so Jira returns keys too), brings each issue under sync and marks it changed,
/// and stores the new cursor with the count, renewing its lease; the outgoing workers do the rest. When a process
/// dies its runs come free when their leases end, and another process goes on from the stored cursor (a page may be
/// read twice: bringing under sync and marking are idempotent).
/// Fair share: a run marks its next page only while fewer than <see cref="SyncOptions.BulkQueuedLimit"/> changed
/// issues of its tenant (or private connection) wait and events of its connection are queued for the peer, and the
/// outgoing workers take live changes before bulk marks, so one tenant's run of 10,000 issues delays another tenant's
/// edit, or a live edit on its own connection, by at most that many. Counting the events too bounds the work in
/// flight, so a run cannot hand thousands of issues to the peer (each to cost quota points when the peer downloads its
/// attachments) faster than the peer applies them. A page is at most half that share and is marked only when it fits
/// in what is left of it, so the work in flight never passes the share: that work is what a run spends of the quota
/// after it stopped for the reserve. Jira's quota: once Jira's
/// answers say fewer than <see cref="SyncOptions.BulkQuotaReserve"/> points of the hourly quota are left, runs wait
/// for its reset, so live changes keep the rest (and a spent quota pauses every call anyway: Jira/Quota).
/// </summary>
public sealed class BulkRuns(TriggerStore triggers, TwinStore twins, DirtyQueue dirty, SyncConnections connections, LocalTracker trackers,
    BulkSignal signal, Transport.Exchange.Outbox outbox, Jira.Quota.JiraQuotaPauses quota, TimeProvider clock, IOptions<SyncOptions> options, ILogger<BulkRuns> logger) : BackgroundService
{
    /// <summary>How long a run stays with its holder without a word from it; renewed at every page and while pacing.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan QuotaPace = TimeSpan.FromSeconds(5);
    private const int MaxPageSize = 100;
    private const int RunsAtOnce = 4;

    // The holder named in the runs this process carries on: unique per process start, and saying which process it is.
    private readonly string holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Opens a run of <paramref name="trigger"/> (a no-op when one is open) and wakes the runners.</summary>
    public async Task StartAsync(SyncTrigger trigger, CancellationToken cancel)
    {
        if (await triggers.StartBulkAsync(trigger.ConnectionId, trigger.Id, cancel))
            signal.Notify();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        var carrying = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                carrying.RemoveAll(t => t.IsCompleted);
                if (carrying.Count < RunsAtOnce && await triggers.ClaimBulkAsync(holder, Lease, stoppingToken) is { } run)
                {
                    carrying.Add(Task.Run(() => CarryOnAsync(run, stoppingToken), stoppingToken));
                    continue; // there may be more
                }
                await signal.WaitAsync(Idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Looking for bulk runs to carry on failed; trying again in {Wait}", Idle);
                try { await Task.Delay(Idle, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        try { await Task.WhenAll(carrying); }
        catch (OperationCanceledException) { } // stopping: the runs stay open, and a process takes them on
    }

    /// <summary>Jira said fewer quota points are left than bulk runs leave to live changes: the run waits for the reset.</summary>
    private bool QuotaLow(LocalJiraSite site) =>
        quota.Remaining(site.Client.Target.SiteKey) is { } left && left.Remaining < options.Value.BulkQuotaReserve && left.Resets > clock.GetUtcNow();

    /// <summary>Half the fair share, at most <see cref="MaxPageSize"/>: the same for every page of a run, as its cursor was read with it.</summary>
    private int PageSize => Math.Clamp(options.Value.BulkQueuedLimit / 2, 1, MaxPageSize);

    /// <summary>The connection's work not done yet: changed issues waiting to be read, and events waiting for the peer.</summary>
    private async Task<long> InFlightAsync(Connection connection, CancellationToken cancel) =>
        await dirty.CountAsync(connection, cancel) + await outbox.CountAsync(connection.Id, cancel);

    /// <summary>Until the quota's reset, renewing the lease at least every <see cref="QuotaPace"/>: the run goes on as soon as the points are back.</summary>
    private TimeSpan QuotaWait(LocalJiraSite site) => quota.Remaining(site.Client.Target.SiteKey) is { } left
        ? TimeSpan.FromTicks(Math.Clamp((left.Resets - clock.GetUtcNow()).Ticks, Pace.Ticks / 5, QuotaPace.Ticks))
        : Pace;

    private async Task CarryOnAsync(SyncTrigger run, CancellationToken cancel)
    {
        var matched = run.BulkMatched ?? 0;
        try
        {
            if (await connections.FindAsync(run.ConnectionId, cancel) is not { } connection)
            {
                await triggers.FinishBulkAsync(run.Id, holder, matched, "The connection was deleted.", cancel);
                return;
            }
            if (await trackers.ForAsync(connection, cancel) is not { } site)
            {
                // The tenant uninstalled, or this node's Jira is not identified yet: later, perhaps by another process.
                await triggers.ReleaseBulkAsync(run.Id, holder, TimeSpan.FromSeconds(30), cancel);
                return;
            }
            if (run.BulkCursor is not null)
                logger.LogInformation("Connection {Connection}: carrying on the bulk run of trigger {Trigger} after {Count} issues", connection.Id, run.Id, matched);
            var cursor = run.BulkCursor;
            do
            {
                var toldQuota = false;
                while (QuotaLow(site) is var low && (low || await InFlightAsync(connection, cancel) > options.Value.BulkQueuedLimit - PageSize))
                {
                    if (low && !toldQuota)
                        logger.LogInformation("Connection {Connection}: the bulk run of trigger {Trigger} waits for Jira's quota to reset, leaving the {Reserve} points left to live changes",
                            connection.Id, run.Id, options.Value.BulkQuotaReserve);
                    toldQuota |= low;
                    if (!await triggers.RenewBulkAsync(run.Id, holder, Lease, cancel))
                        return; // another process took the run over
                    await Task.Delay(low ? QuotaWait(site) : Pace, cancel);
                }
                var page = await site.Client.SearchAsync(new JiraSearchRequest
                {
                    Jql = $"({run.Jql}) ORDER BY created ASC", Fields = ["project"], MaxResults = PageSize, NextPageToken = cursor,
                }, cancel);
                if (!page.IsSuccess)
                {
                    await triggers.FinishBulkAsync(run.Id, holder, matched, $"Searching failed: {page.Error}", CancellationToken.None);
                    return;
                }
                foreach (var issue in page.Value!.Issues)
                {
                    if (connection.Side == ConnectionSide.Private && issue.Key is { } key && !key.StartsWith(connection.LocalProject.Key + "-", StringComparison.Ordinal))
                        continue; // the private node's capture watches only the connection's project
                    await twins.BringUnderSyncAsync(connection.Id, issue.Id, issue.Key, "bulk", cancel);
                    await dirty.MarkAsync(connection, issue.Id, issue.Key, "bulk", cancel);
                    matched++;
                }
                cursor = page.Value.IsLast ? null : page.Value.NextPageToken;
                if (cursor is not null && !await triggers.AdvanceBulkAsync(run.Id, holder, cursor, matched, Lease, cancel))
                    return; // another process took the run over (this one was too slow to renew): it goes on from the stored cursor
            } while (cursor is not null);
            if (await triggers.FinishBulkAsync(run.Id, holder, matched, null, cancel))
                logger.LogInformation("Connection {Connection}: bulk run of trigger {Trigger} brought {Count} issues under sync", connection.Id, run.Id, matched);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // stopping: the run stays open; its lease ends and a process (this one restarted, or another) goes on
        }
        catch (Exception e)
        {
            logger.LogError(e, "Connection {Connection}: bulk run of trigger {Trigger} failed", run.ConnectionId, run.Id);
            await triggers.FinishBulkAsync(run.Id, holder, matched, "The run failed: " + e.Message, CancellationToken.None);
        }
    }
}
