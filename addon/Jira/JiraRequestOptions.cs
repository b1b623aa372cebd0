using ConnectAddon.Connect.Tenants;

namespace ConnectAddon.Jira;

public static class JiraRequestOptions
{
    /// <summary>The tenant a request to Jira is made for; <see cref="ConnectJwtSigner"/> signs with its secret.</summary>
    public static readonly HttpRequestOptionsKey<Tenant> Tenant = new("ConnectAddon.Jira.Tenant");
}
