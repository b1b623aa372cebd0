using ConnectAddon.Connect.Tenants;
using ConnectAddon.Connections;
using ConnectAddon.Jira;
using ConnectAddon.PrivateConsole;

namespace ConnectAddon.Sync;

/// <summary>
/// The Jira a connection reads and writes on this node (DESIGN §2 "local tracker"): the tenant's site through Connect
/// JWT on the public side, the node's own Jira through its credentials on the private side.
/// </summary>
public sealed class LocalTracker(TenantStore tenants, JiraClientFactory clients, IServiceProvider services)
{
    /// <summary>Null when the tenant is gone or disabled, or the private node's Jira is not usable: its sync waits (uninstall is a soft delete, DESIGN §4).</summary>
    public async Task<LocalJiraSite?> ForAsync(Connection connection, CancellationToken cancel)
    {
        if (connection.Side == ConnectionSide.Private)
        {
            // A Jira not yet identified, or one this node does not support, waits like an uninstalled tenant: the
            // console and the log say why (LocalJiraServer), and the sync goes on by itself once it is fixed.
            var local = services.GetRequiredService<LocalJira>();
            var client = await local.ClientAsync(cancel);
            return client.IsSuccess ? new LocalJiraSite(client.Value, local.BaseUrl) : null;
        }
        if (connection.ClientKey is null || await tenants.FindAsync(connection.ClientKey, cancel) is not { IsInstalled: true, Enabled: true } tenant)
            return null;
        return new LocalJiraSite(clients.For(tenant), tenant.DisplayUrl is { Length: > 0 } display ? new Uri(display) : tenant.BaseUrl);
    }
}

/// <summary>A client for one Jira site and the base URL people open it with (for links to issues).</summary>
public sealed record LocalJiraSite(JiraClient Client, Uri BrowseBase)
{
    public string BrowseUrl(string? key)
    {
        var root = BrowseBase.ToString().TrimEnd('/');
        return key is null ? root : root + "/browse/" + Uri.EscapeDataString(key);
    }
}
