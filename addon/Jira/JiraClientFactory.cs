using ConnectAddon.Connect.Tenants;

namespace ConnectAddon.Jira;

/// <summary>
/// Hands out a <see cref="JiraClient"/> for a site, over an HttpClient of the HTTP client factory: for a tenant, the
/// Forge client (its app token) or the Connect client (requests signed as the app by <see cref="ConnectJwtSigner"/>);
/// the credentials client for a private node's own Jira.
/// Callers never build URLs or Authorization headers. Clients are cheap; make one per unit of work.
/// </summary>
public sealed class JiraClientFactory(IHttpClientFactory httpClients, ILoggerFactory loggers, TimeProvider clock, JiraPeopleNames people)
{
    private readonly ILogger logger = loggers.CreateLogger<JiraClient>();

    /// <summary>The Jira Cloud site that installed the app as <paramref name="tenant"/>.</summary>
    public JiraClient For(Tenant tenant) => For(JiraTarget.ForTenant(tenant, clock.GetUtcNow()));

    /// <summary>A Jira reached with a private node's own credentials; <paramref name="baseUrl"/> may carry a path prefix (a context path).</summary>
    public JiraClient For(Uri baseUrl, JiraCredentials credentials, JiraFlavour flavour = JiraFlavour.Cloud) =>
        For(JiraTarget.WithCredentials(baseUrl, credentials, flavour));

    public JiraClient For(JiraTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var client = httpClients.CreateClient(target.Access switch
        {
            JiraSiteAccess.ConnectApp => JiraSetup.ConnectClient,
            JiraSiteAccess.ForgeApp => JiraSetup.ForgeClient,
            _ => JiraSetup.CredentialsClient,
        });
        return new JiraClient(client, target, logger, clock, people);
    }
}
