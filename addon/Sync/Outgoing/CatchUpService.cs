using ConnectAddon.Hosting;
using ConnectAddon.Jira.Models;
using ConnectAddon.Sync.Triggers;
using ConnectAddon.Sync.Twins;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Sync.Outgoing;

/// <summary>
/// The public node's safety net for lost webhooks (issue 6: "a lost webhook costs minutes, not data"): every
/// <see cref="SyncOptions.CatchUpInterval"/> it asks each tenant's Jira which issues changed recently (a relative JQL
/// date, so no time zone is involved) and marks dirty those under sync that changed after the sync last read them, and
/// those that match a trigger but are not under sync yet. Issues whose webhooks arrived cost nothing more.
/// </summary>
public sealed class CatchUpService(
    SyncConnections connections,
    LocalTracker trackers,
    TwinStore twins,
    TriggerStore triggers,
    DirtyQueue dirty,
    AddonSettings settings,
    IOptions<SyncOptions> options,
    CatchUpSignal signal,
    ILogger<CatchUpService> logger) : BackgroundService
{
    /// <summary>How much further back than the interval each search looks (search lag, a late start).</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogWarning("The sync is paused on this node (Sync:Enabled is false): changes are recorded, not sent or applied");
            return;
        }
        if (settings.Role != NodeRole.Public)
            return;
        var interval = options.Value.CatchUpInterval;
        // Every interval, or at once when Forge's scheduled call brought an installation a fresh token.
        while (!stoppingToken.IsCancellationRequested)
        {
            await signal.WaitAsync(interval, stoppingToken);
            try
            {
                await CatchUpAsync(interval + Overlap, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The catch-up search failed; it runs again in {Interval}", interval);
            }
        }
    }

    public async Task<int> CatchUpAsync(TimeSpan window, CancellationToken cancel)
    {
        var marked = 0;
        var minutes = (int)Math.Ceiling(window.TotalMinutes);
        foreach (var tenant in (await connections.AllAsync(cancel)).Where(c => c.ClientKey is not null).GroupBy(c => c.ClientKey!))
        {
            var site = await trackers.ForAsync(tenant.First(), cancel);
            if (site is null)
                continue;
            var ids = tenant.Select(c => c.Id).ToList();
            var changed = await SearchAsync(site, $"updated >= \"-{minutes}m\" ORDER BY updated ASC", cancel);
            if (changed is null)
                continue;
            foreach (var issueId in await twins.UnseenAsync(ids, changed, cancel))
            {
                await dirty.MarkForTenantAsync(tenant.Key, issueId, null, "catch-up", cancel);
                marked++;
            }
            foreach (var connection in tenant)
            {
                if (TriggerMatcher.AnyActive(await triggers.ListAsync(connection.Id, cancel)) is not { } any)
                    continue;
                var matching = await SearchAsync(site, $"updated >= \"-{minutes}m\" AND {any}", cancel);
                foreach (var issueId in matching?.Keys.ToList() ?? [])
                {
                    if (await twins.FindByLocalAsync(connection.Id, issueId, cancel) is { IsStopped: false })
                        continue;
                    await dirty.MarkForTenantAsync(tenant.Key, issueId, null, "catch-up", cancel);
                    marked++;
                }
            }
        }
        if (marked > 0)
            // Worth an operator's attention: Jira's webhooks are lost or late (or the node was down when they came).
            logger.LogWarning("Catch-up found {Count} changed issues that no webhook announced", marked);
        return marked;
    }

    /// <summary>Issue id → its <c>updated</c> (ms), over all pages; null when Jira fails (the next run tries again).</summary>
    private static async Task<Dictionary<string, long>?> SearchAsync(LocalJiraSite site, string jql, CancellationToken cancel)
    {
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await site.Client.SearchAsync(new JiraSearchRequest { Jql = jql, Fields = ["updated"], MaxResults = 100, NextPageToken = token }, cancel);
            if (!page.IsSuccess)
                return null;
            foreach (var issue in page.Value!.Issues)
                found[issue.Id] = issue.Updated?.ToUnixTimeMilliseconds() ?? long.MaxValue;
            token = page.Value.IsLast ? null : page.Value.NextPageToken;
        } while (token is not null);
        return found;
    }
}
