using ConnectAddon.Jira;

namespace ConnectAddon.PrivateConsole.Settings;

/// <summary>
/// The private node's own Jira (<c>PrivateNode:Jira</c>): its base URL and exactly one way to authenticate, an
/// Atlassian account's email with an API token, or a personal access token.
/// </summary>
public sealed class PrivateJiraOptions
{
    public string? BaseUrl { get; set; }
    public string? Email { get; set; }
    public string? ApiToken { get; set; }
    public string? PersonalAccessToken { get; set; }

    /// <summary>The configured credentials; only meaningful once <see cref="PrivateNodeOptionsValidator"/> accepted them.</summary>
    public JiraCredentials ToCredentials() => string.IsNullOrEmpty(PersonalAccessToken)
        ? JiraCredentials.ApiToken(Email!, ApiToken!)
        : JiraCredentials.PersonalAccessToken(PersonalAccessToken);
}
