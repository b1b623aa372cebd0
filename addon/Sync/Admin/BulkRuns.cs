using System.Collections.Concurrent;
using ConnectAddon.Connections;
using ConnectAddon.Jira.Models;
using ConnectAddon.Sync.Outgoing;
using ConnectAddon.Sync.Triggers;
using ConnectAddon.Sync.Twins;

namespace ConnectAddon.Sync.Admin;

/// <summary>
/// Bulk sync of everything a trigger matches (DESIGN §7), in the background: pages through the JQL (asking for one field,
/// so Jira returns keys too, not ids only), brings
/// each issue under sync and marks it changed; the outgoing worker does the rest at its own pace. Progress (issues
/// matched so far) is stored on the trigger. Running it again is harmless: issues already under sync are only read.
/// A run cut off by a restart is started again when the node starts (<see cref="BulkResumer"/>).
/// </summary>
public sealed class BulkRuns(TriggerStore triggers, TwinStore twins, DirtyQueue dirty, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<BulkRuns> logger)
{
    private readonly ConcurrentDictionary<string, Task> running = new(StringComparer.Ordinal);

    public bool IsRunning(string triggerId) => running.TryGetValue(triggerId, out var run) && !run.IsCompleted;

    public void Start(Connection connection, LocalJiraSite site, SyncTrigger trigger)
    {
        if (IsRunning(trigger.Id))
            return;
        running[trigger.Id] = Task.Run(() => RunAsync(connection, site, trigger, lifetime.ApplicationStopping));
    }

    private async Task RunAsync(Connection connection, LocalJiraSite site, SyncTrigger trigger, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await triggers.RecordBulkAsync(trigger.Id, now, null, 0, null, cancel);
        long matched = 0;
        string? token = null;
        try
        {
            do
            {
                var page = await site.Client.SearchAsync(new JiraSearchRequest { Jql = $"({trigger.Jql}) ORDER BY created ASC", Fields = ["project"], MaxResults = 100, NextPageToken = token }, cancel);
                if (!page.IsSuccess)
                {
                    await triggers.RecordBulkAsync(trigger.Id, null, clock.GetUtcNow().ToUnixTimeMilliseconds(), matched, $"Searching failed: {page.Error}", CancellationToken.None);
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
                await triggers.RecordBulkAsync(trigger.Id, null, null, matched, null, cancel);
                token = page.Value.IsLast ? null : page.Value.NextPageToken;
            } while (token is not null);
            await triggers.RecordBulkAsync(trigger.Id, null, clock.GetUtcNow().ToUnixTimeMilliseconds(), matched, null, cancel);
            logger.LogInformation("Connection {Connection}: bulk run of trigger {Trigger} brought {Count} issues under sync", connection.Id, trigger.Id, matched);
        }
        catch (OperationCanceledException)
        {
            // stopping: the run shows as unfinished
        }
        catch (Exception e)
        {
            logger.LogError(e, "Connection {Connection}: bulk run of trigger {Trigger} failed", connection.Id, trigger.Id);
            await triggers.RecordBulkAsync(trigger.Id, null, clock.GetUtcNow().ToUnixTimeMilliseconds(), matched, "The run failed: " + e.Message, CancellationToken.None);
        }
    }
}
