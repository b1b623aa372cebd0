using ConnectAddon.Tests.Support;
using JiraSim.Model;

namespace ConnectAddon.Tests.Connections;

/// <summary>A simulated Jira site with the app installed as a tenant: the tenant as the app knows it, and the site's admin and plain user.</summary>
public sealed record InstalledTenant(JiraSite Site, SimSite Sim, string AdminAccountId, string UserAccountId, string ProjectId, string ProjectKey)
{
    public const string PermissionCheck = "POST /rest/api/3/permissions/check";

    public int PermissionChecks => Sim.Requests[PermissionCheck];
}
