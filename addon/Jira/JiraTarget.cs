using ConnectAddon.Connect.Tenants;

namespace ConnectAddon.Jira;

/// <summary>
/// One Jira site and how to authenticate to it: a Connect tenant (requests signed with its shared secret) or a
/// private node's own credentials. Its base URL may carry a path prefix (http://127.0.0.1:5000/site-a); every
/// request path is appended to it. <see cref="ToString"/> shows the site only, never a secret.
/// </summary>
public sealed class JiraTarget
{
    private JiraTarget(Uri baseUrl, Tenant? tenant, JiraCredentials? credentials)
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
    }

    /// <summary>The site's base URL, always ending in "/".</summary>
    public Uri BaseUrl { get; }

    /// <summary>Scheme, authority and path prefix: what the circuit breaker keeps apart.</summary>
    public string SiteKey { get; }

    /// <summary>Set when requests are signed as the Connect app for this tenant.</summary>
    public Tenant? Tenant { get; }

    /// <summary>Set when requests carry a private node's own credentials.</summary>
    public JiraCredentials? Credentials { get; }

    public static JiraTarget ForTenant(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return new JiraTarget(tenant.BaseUrl, tenant, null);
    }

    public static JiraTarget WithCredentials(Uri baseUrl, JiraCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(credentials);
        return new JiraTarget(baseUrl, null, credentials);
    }

    /// <summary>The absolute URL of <paramref name="relativePathAndQuery"/> (no leading "/") under the base URL.</summary>
    internal Uri Resolve(string relativePathAndQuery) =>
        relativePathAndQuery.StartsWith('/')
            ? throw new ArgumentException("Jira request paths are relative to the site's base URL.", nameof(relativePathAndQuery))
            : new Uri(BaseUrl, relativePathAndQuery);

    /// <summary>Whether <paramref name="url"/> lies under this site (so its credentials may be sent there).</summary>
    internal bool Contains(Uri? url) =>
        url is not null && url.AbsoluteUri.StartsWith(BaseUrl.AbsoluteUri, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Tenant is null ? $"Jira {SiteKey}" : $"Jira {SiteKey} (tenant {Tenant.ClientKey})";
}
