using ConnectAddon.Connect.Jwt;
using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.Sync.Admin;
using ConnectAddon.Sync.Errors;
using ConnectAddon.Sync.Twins;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Sync.IssueView;

/// <summary>
/// The issue view's work (Sync/README.md "Issue view"): an issue's sync state in each of the caller's tenant's
/// connections, and the Exalate action and its undo for people who may edit the issue. Every call first asks Jira
/// what the caller may do with this issue; connection ids are looked up within the caller's tenant only.
/// </summary>
public sealed class IssueSyncService(
    IssuePermissionCheck permissions,
    SyncConnections syncConnections,
    ConnectionStore connections,
    TwinStore twins,
    SyncErrorStore errors,
    SyncAdministration sync,
    IOptions<ConnectionsOptions> options,
    TimeProvider clock)
{
    private static readonly string[] SeeAndEdit = [JiraClient.BrowseProjectsPermission, JiraClient.EditIssuesPermission];
    private static readonly string[] Edit = [JiraClient.EditIssuesPermission];

    public async Task<Result<IssueSyncView>> StatusAsync(JiraCaller caller, string issueIdText, CancellationToken cancel)
    {
        var held = await PermissionsAsync(caller, issueIdText, SeeAndEdit, cancel);
        if (!held.IsSuccess)
            return held.Error;
        var (issueId, granted) = held.Value;
        if (!granted.Contains(JiraClient.BrowseProjectsPermission))
            return IssueViewErrors.CannotSee();

        var now = clock.GetUtcNow();
        var list = new List<IssueConnectionSync>();
        foreach (var connection in (await syncConnections.OfTenantAsync(caller.Tenant.ClientKey, cancel)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            var twin = await twins.FindByLocalAsync(connection.Id, issueId, cancel);
            var error = await errors.FindAsync(connection.Id, SyncError.Out, issueId, cancel);
            if (error is null && twin?.RemoteIssueId is { } remoteId)
                error = await errors.FindAsync(connection.Id, SyncError.In, remoteId, cancel);
            list.Add(IssueConnectionSync.Of(connection, ConnectionView.HealthOf(connection, now, options.Value.PeerSilenceLimit), twin, error));
        }
        return new IssueSyncView(issueId, granted.Contains(JiraClient.EditIssuesPermission), list);
    }

    /// <summary>The Exalate action from the issue view: exactly the admin's (<see cref="SyncAdministration.ExalateAsync"/>).</summary>
    public async Task<Result<TwinView>> ExalateAsync(JiraCaller caller, string issueIdText, string connectionId, CancellationToken cancel)
    {
        var target = await EditableAsync(caller, issueIdText, connectionId, "bring it under sync", cancel);
        return target.IsSuccess ? await sync.ExalateAsync(target.Value.Connection, target.Value.IssueId, cancel) : target.Error;
    }

    /// <summary>Stop syncing (Unexalate): both issues stay (<see cref="SyncAdministration.UnexalateAsync"/>).</summary>
    public async Task<Result<TwinView>> StopAsync(JiraCaller caller, string issueIdText, string connectionId, CancellationToken cancel)
    {
        var target = await EditableAsync(caller, issueIdText, connectionId, "stop syncing it", cancel);
        return target.IsSuccess ? await sync.UnexalateAsync(target.Value.Connection, target.Value.IssueId, cancel) : target.Error;
    }

    private async Task<Result<(string IssueId, Connection Connection)>> EditableAsync(JiraCaller caller, string issueIdText, string connectionId, string action, CancellationToken cancel)
    {
        var held = await PermissionsAsync(caller, issueIdText, Edit, cancel);
        if (!held.IsSuccess)
            return held.Error;
        if (!held.Value.Granted.Contains(JiraClient.EditIssuesPermission))
            return IssueViewErrors.CannotEdit(action);
        var connection = await connections.FindAsync(caller.Tenant.ClientKey, connectionId, cancel);
        if (connection is null)
            return ConnectionErrors.ConnectionNotFound();
        if (connection.Status == ConnectionStatus.Pending)
            return IssueViewErrors.ConnectionPending();
        return (held.Value.IssueId, connection);
    }

    private async Task<Result<(string IssueId, IReadOnlySet<string> Granted)>> PermissionsAsync(JiraCaller caller, string issueIdText, string[] wanted, CancellationToken cancel)
    {
        if (caller.AccountId is not { Length: > 0 } accountId)
            return IssueViewErrors.NoUser();
        if (IssueIdOf(issueIdText) is not { } issueId)
            return IssueViewErrors.BadIssueId(issueIdText);
        var held = await permissions.HeldAsync(caller, accountId, issueId, wanted, cancel);
        if (!held.IsSuccess)
            return held.Error;
        return (issueId.ToString(System.Globalization.CultureInfo.InvariantCulture), held.Value);
    }

    /// <summary>Jira's issue ids are positive 64-bit numbers; the glance passes <c>{issue.id}</c>.</summary>
    internal static long? IssueIdOf(string text) =>
        text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit) && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
