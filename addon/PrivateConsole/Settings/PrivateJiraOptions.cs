using ConnectAddon.Jira;

namespace ConnectAddon.PrivateConsole.Settings;

/// <summary>
/// The private node's own Jira (<c>PrivateNode:Jira</c>): its base URL (with the context path of a Data Center, e.g.
/// https://jira.corp.example/jira) and exactly one way to authenticate: a personal access token (Data Center, the way
/// in from Jira 11), a Data Center username with its password, or a Jira Cloud account's email with an API token.
/// Which Jira it is, the node reads from the Jira itself (<see cref="LocalJiraServer"/>).
/// </summary>
public sealed class PrivateJiraOptions
{
    public string? BaseUrl { get; set; }
    public string? Email { get; set; }
    public string? ApiToken { get; set; }
    public string? PersonalAccessToken { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>The configured credentials; only meaningful once <see cref="PrivateNodeOptionsValidator"/> accepted them.</summary>
    public JiraCredentials ToCredentials() =>
        !string.IsNullOrEmpty(PersonalAccessToken) ? JiraCredentials.PersonalAccessToken(PersonalAccessToken)
        : !string.IsNullOrEmpty(Username) ? JiraCredentials.Password(Username, Password!)
        : JiraCredentials.ApiToken(Email!, ApiToken!);
}
