using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.Jira.Models;
using ConnectAddon.Sync.Errors;
using ConnectAddon.Sync.Outgoing;
using ConnectAddon.Sync.Triggers;
using ConnectAddon.Sync.Twins;
using ConnectAddon.Storage;

namespace ConnectAddon.Sync.Admin;

/// <summary>
/// What admins do with a connection's sync, the same on the public node's admin API and the private console
/// (Sync/README.md "Admin API"): bring one issue under sync (the Exalate action) or stop it, manage triggers and run
/// them in bulk, see the queues and errors, retry. The caller has already resolved the connection within its tenant.
/// </summary>
public sealed class SyncAdministration(
    LocalTracker trackers,
    TwinStore twins,
    TriggerStore triggers,
    SyncErrorStore errors,
    DirtyQueue dirty,
    OutgoingSync outgoing,
    Database database,
    BulkRuns bulk)
{
    public async Task<Result<SyncOverview>> OverviewAsync(Connection connection, CancellationToken cancel)
    {
        // The same counts as the connection lists (one query), not a read of the queued payloads.
        var counts = (await ConnectionStore.SyncCountsAsync(database, [connection.Id], cancel)).GetValueOrDefault(connection.Id, ConnectionView.SyncCounts.None);
        return new SyncOverview(
            connection.Id,
            counts.Outgoing,
            counts.Incoming,
            await dirty.CountAsync(connection, cancel),
            (await twins.ListAsync(connection.Id, 200, cancel)).Select(TwinView.Of).ToList(),
            (await triggers.ListAsync(connection.Id, cancel)).Select(TriggerView.Of).ToList(),
            await errors.ListAsync(connection.Id, cancel));
    }

    /// <summary>The Exalate action: brings one issue of this side under sync and sends it at once.</summary>
    public async Task<Result<TwinView>> ExalateAsync(Connection connection, string issueIdOrKey, CancellationToken cancel)
    {
        var site = await SiteAsync(connection, cancel);
        if (!site.IsSuccess)
            return site.Error!;
        var issue = await site.Value!.Client.GetIssueAsync(issueIdOrKey, new JiraIssueQuery { Fields = ["project"] }, cancel);
        if (!issue.IsSuccess)
            return issue.Error!.Kind == JiraErrorKind.NotFound
                ? ApiError.NotFound($"There is no issue '{issueIdOrKey}' that the sync can see.")
                : ApiError.Unavailable($"Reading '{issueIdOrKey}' from Jira failed: {issue.Error}");
        if (connection.Side == ConnectionSide.Private && issue.Value!.Project?.Key is { } key && key != connection.LocalProject.Key)
            return ApiError.BadRequest($"'{issue.Value.Key}' is in project {key}; this connection syncs project {connection.LocalProject.Key} on this side.");
        var local = issue.Value!;
        await twins.BringUnderSyncAsync(connection.Id, local.Id, local.Key, "action", cancel);
        await dirty.MarkAsync(connection, local.Id, local.Key, "action", cancel);
        return TwinView.Of((await twins.FindByLocalAsync(connection.Id, local.Id, cancel))!);
    }

    /// <summary>Unexalate: this side stops syncing the issue and tells the peer, which stops too. Both issues stay.</summary>
    public async Task<Result<TwinView>> UnexalateAsync(Connection connection, string issueIdOrKey, CancellationToken cancel)
    {
        var twin = await twins.FindByLocalAsync(connection.Id, issueIdOrKey, cancel);
        if (twin is null)
        {
            var site = await SiteAsync(connection, cancel);
            if (!site.IsSuccess)
                return site.Error!;
            var issue = await site.Value!.Client.GetIssueAsync(issueIdOrKey, new JiraIssueQuery { Fields = ["project"] }, cancel);
            if (issue.IsSuccess)
                twin = await twins.FindByLocalAsync(connection.Id, issue.Value!.Id, cancel);
        }
        if (twin is null)
            return ApiError.NotFound($"'{issueIdOrKey}' is not synced in this connection.");
        if (!twin.IsStopped)
            await outgoing.StopAsync(connection, twin, null, "stopped", "Sync was stopped here.", cancel);
        return TwinView.Of((await twins.FindByLocalAsync(connection.Id, twin.LocalIssueId!, cancel))!);
    }

    public async Task<Result<TriggerView>> AddTriggerAsync(Connection connection, string jql, CancellationToken cancel)
    {
        if ((await triggers.ListAsync(connection.Id, cancel)).Count >= TriggerStore.MaxPerConnection)
            return ApiError.BadRequest($"A connection has at most {TriggerStore.MaxPerConnection} triggers.");
        var checkedJql = await CheckJqlAsync(connection, jql, cancel);
        if (!checkedJql.IsSuccess)
            return checkedJql.Error!;
        return TriggerView.Of(await triggers.AddAsync(connection.Id, checkedJql.Value!, cancel));
    }

    public async Task<Result<TriggerView>> EditTriggerAsync(Connection connection, string id, string? jql, bool? active, CancellationToken cancel)
    {
        if (jql is not null)
        {
            var checkedJql = await CheckJqlAsync(connection, jql, cancel);
            if (!checkedJql.IsSuccess)
                return checkedJql.Error!;
            jql = checkedJql.Value;
        }
        if (!await triggers.UpdateAsync(connection.Id, id, jql, active, cancel))
            return ApiError.NotFound($"There is no trigger '{id}' in this connection.");
        return TriggerView.Of((await triggers.FindAsync(connection.Id, id, cancel))!);
    }

    public async Task<ApiError?> DeleteTriggerAsync(Connection connection, string id, CancellationToken cancel) =>
        await triggers.DeleteAsync(connection.Id, id, cancel) ? null : ApiError.NotFound($"There is no trigger '{id}' in this connection.");

    /// <summary>Starts a bulk run of a trigger in the background; its progress shows on the trigger.</summary>
    public async Task<Result<TriggerView>> StartBulkAsync(Connection connection, string id, CancellationToken cancel)
    {
        var trigger = await triggers.FindAsync(connection.Id, id, cancel);
        if (trigger is null)
            return ApiError.NotFound($"There is no trigger '{id}' in this connection.");
        var site = await SiteAsync(connection, cancel);
        if (!site.IsSuccess)
            return site.Error!;
        await bulk.StartAsync(trigger, cancel);
        return TriggerView.Of((await triggers.FindAsync(connection.Id, id, cancel))!);
    }

    public async Task<ApiError?> RetryAsync(Connection connection, string direction, string issueRef, CancellationToken cancel)
    {
        if (direction is not (SyncError.In or SyncError.Out))
            return ApiError.BadRequest("The direction is 'in' or 'out'.");
        var error = await errors.FindAsync(connection.Id, direction, issueRef, cancel);
        if (error is null)
            return ApiError.NotFound($"There is no error for issue '{issueRef}' ({direction}) in this connection.");
        await errors.RetryNowAsync(connection.Id, direction, issueRef, cancel);
        if (direction == SyncError.Out)
            await dirty.MarkAsync(connection, issueRef, error.IssueKey, "retry", cancel);
        return null;
    }

    private async Task<Result<string>> CheckJqlAsync(Connection connection, string jql, CancellationToken cancel)
    {
        jql = jql.Trim();
        if (jql.Length == 0 || jql.Length > TriggerStore.MaxJqlLength)
            return ApiError.BadRequest($"A trigger's JQL is 1 to {TriggerStore.MaxJqlLength} characters.");
        if (jql.Contains("order by", StringComparison.OrdinalIgnoreCase))
            return ApiError.BadRequest("A trigger's JQL cannot have ORDER BY: it is combined with other conditions.");
        var site = await SiteAsync(connection, cancel);
        if (!site.IsSuccess)
            return site.Error!;
        var probe = await site.Value!.Client.SearchAsync(new JiraSearchRequest { Jql = $"({jql})", MaxResults = 1 }, cancel);
        if (!probe.IsSuccess)
            return probe.Error!.Kind == JiraErrorKind.BadRequest
                ? ApiError.BadRequest("Jira does not accept this JQL: " + string.Join(" ", probe.Error.ErrorMessages.DefaultIfEmpty(probe.Error.Message)))
                : ApiError.Unavailable($"Checking the JQL with Jira failed: {probe.Error}");
        return jql;
    }

    private async Task<Result<LocalJiraSite>> SiteAsync(Connection connection, CancellationToken cancel) =>
        await trackers.ForAsync(connection, cancel) is { } site ? site : ApiError.Unavailable("The Jira site of this connection is not reachable (the app is uninstalled or disabled there).");
}
