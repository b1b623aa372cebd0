using ConnectAddon.Connect.Tenants;

namespace ConnectAddon.Jira;

/// <summary>
/// Hands out a <see cref="JiraClient"/> for a site, over an HttpClient of the HTTP client factory: the Connect client
/// (requests signed as the app by <see cref="ConnectJwtSigner"/>) for a tenant, the credentials client otherwise.
/// Callers never build URLs or Authorization headers. Clients are cheap; make one per unit of work.
/// </summary>
public sealed class JiraClientFactory(IHttpClientFactory httpClients, ILoggerFactory loggers, TimeProvider clock)
{
    private readonly ILogger logger = loggers.CreateLogger<JiraClient>();

    /// <summary>The Jira Cloud site that installed the app as <paramref name="tenant"/>.</summary>
    public JiraClient For(Tenant tenant) => For(JiraTarget.ForTenant(tenant));

    /// <summary>A Jira reached with a private node's own credentials; <paramref name="baseUrl"/> may carry a path prefix.</summary>
    public JiraClient For(Uri baseUrl, JiraCredentials credentials) => For(JiraTarget.WithCredentials(baseUrl, credentials));

    public JiraClient For(JiraTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var client = httpClients.CreateClient(target.Tenant is null ? JiraSetup.CredentialsClient : JiraSetup.ConnectClient);
        return new JiraClient(client, target, logger, clock);
    }
}
