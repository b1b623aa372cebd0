using System.Net.Http.Headers;

namespace ConnectAddon.Jira;

/// <summary>
/// A private node's own credentials for its Jira ("Basic auth for REST APIs": an Atlassian account's email with an
/// API token; Jira Data Center's "Using Personal Access Tokens": a bearer token, or its username and password). They only ever travel in the
/// <c>Authorization</c> header; <see cref="ToString"/> never shows a secret.
/// </summary>
public abstract class JiraCredentials
{
    private protected JiraCredentials() { }

    /// <summary>HTTP basic with <c>email:apiToken</c>, as Jira Cloud expects for API tokens.</summary>
    public static JiraCredentials ApiToken(string email, string apiToken) => new JiraBasicCredentials(email, apiToken, "API token");

    /// <summary>HTTP basic with <c>username:password</c>, as Jira Data Center accepts unless basic authentication is turned off.</summary>
    public static JiraCredentials Password(string username, string password) => new JiraBasicCredentials(username, password, "password");

    /// <summary><c>Authorization: Bearer &lt;token&gt;</c>, as Jira Data Center and Server expect personal access tokens.</summary>
    public static JiraCredentials PersonalAccessToken(string token) => new JiraBearerTokenCredentials(token, "personal access token");

    /// <summary>A Forge installation's app system token, as <c>Authorization: Bearer</c>.</summary>
    public static JiraCredentials ForgeAppToken(string token) => new JiraBearerTokenCredentials(token, "Forge app token");

    internal abstract AuthenticationHeaderValue ToAuthorization();
}
