using ConnectAddon.Connect.Tenants;

namespace ConnectAddon.Jira;

/// <summary>
/// One Jira site and how to authenticate to it (<see cref="Access"/>): a Connect tenant (requests signed with its
/// shared secret), a Forge tenant (its app token, to its API base URL), or a private node's own credentials. Its base URL may carry a path prefix (http://127.0.0.1:5000/site-a); every
/// request path is appended to it. <see cref="ToString"/> shows the site only, never a secret.
/// </summary>
public sealed class JiraTarget
{
    private JiraTarget(Uri baseUrl, Tenant? tenant, JiraCredentials? credentials, JiraSiteAccess access, JiraFlavour flavour = JiraFlavour.Cloud)
    {
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException("A Jira base URL must be an absolute http(s) URL.", nameof(baseUrl));
        // Credentials belong in the Authorization header only; a URL ends up in logs and error messages.
        if (baseUrl.UserInfo.Length > 0)
            throw new ArgumentException("A Jira base URL must not carry credentials; pass them as JiraCredentials.", nameof(baseUrl));
        if (baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0)
            throw new ArgumentException("A Jira base URL has no query or fragment.", nameof(baseUrl));

        // A trailing slash makes relative paths resolve below the prefix instead of replacing its last segment.
        BaseUrl = new Uri(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        SiteKey = BaseUrl.AbsoluteUri.TrimEnd('/').ToLowerInvariant();
        Tenant = tenant;
        Credentials = credentials;
        Access = access;
        Flavour = flavour;
    }

    /// <summary>Jira Cloud (every tenant) or Jira Data Center (a private node's Jira, as its server info says).</summary>
    public JiraFlavour Flavour { get; }

    public JiraSiteAccess Access { get; }

    /// <summary>The site's base URL, always ending in "/".</summary>
    public Uri BaseUrl { get; }

    /// <summary>Scheme, authority and path prefix: what the circuit breaker keeps apart.</summary>
    public string SiteKey { get; }

    /// <summary>Set for the tenant the requests are made for, as the Connect or the Forge app.</summary>
    public Tenant? Tenant { get; }

    /// <summary>What requests carry: a private node's own credentials, or a Forge app token; null for Connect (signed) and for a Forge tenant without a usable token.</summary>
    public JiraCredentials? Credentials { get; }

    /// <summary>
    /// The tenant's site as the app reaches it now: through Forge when its installation has a usable app token (or
    /// when the site has no Connect install to fall back on: then the requests wait for a token, see
    /// <see cref="JiraErrorKind.AppTokenUnavailable"/>), else as the Connect app.
    /// </summary>
    public static JiraTarget ForTenant(Tenant tenant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (tenant.Forge is { IsInstalled: true } forge && (forge.HasUsableToken(now) || !tenant.ConnectInstalled))
            return new JiraTarget(forge.ApiBaseUrl, tenant,
                forge.HasUsableToken(now) ? JiraCredentials.ForgeAppToken(forge.AppToken!) : null, JiraSiteAccess.ForgeApp);
        return new JiraTarget(tenant.BaseUrl, tenant, null, JiraSiteAccess.ConnectApp);
    }

    public static JiraTarget WithCredentials(Uri baseUrl, JiraCredentials credentials, JiraFlavour flavour = JiraFlavour.Cloud)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(credentials);
        return new JiraTarget(baseUrl, null, credentials, JiraSiteAccess.Credentials, flavour);
    }

    /// <summary>The absolute URL of <paramref name="relativePathAndQuery"/> (no leading "/") under the base URL.</summary>
    internal Uri Resolve(string relativePathAndQuery) =>
        relativePathAndQuery.StartsWith('/')
            ? throw new ArgumentException("Jira request paths are relative to the site's base URL.", nameof(relativePathAndQuery))
            : new Uri(BaseUrl, relativePathAndQuery);

    /// <summary>Whether <paramref name="url"/> lies under this site (so its credentials may be sent there).</summary>
    internal bool Contains(Uri? url) =>
        url is not null && url.AbsoluteUri.StartsWith(BaseUrl.AbsoluteUri, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Tenant is null
        ? $"Jira {SiteKey}{(Flavour == JiraFlavour.DataCenter ? " (Data Center)" : "")}"
        : $"Jira {SiteKey} (tenant {Tenant.ClientKey}, {Access})";
}
