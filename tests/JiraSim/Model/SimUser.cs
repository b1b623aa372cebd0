namespace JiraSim.Model;

/// <summary>
/// A person (or an app's own user) of a simulated site. <see cref="AccountType"/> is "atlassian" for people and
/// "app" for the user an installed Connect app acts as, as on Jira Cloud.
/// </summary>
public sealed record SimUser
{
    public required string AccountId { get; init; }
    public required string DisplayName { get; init; }
    public string? Email { get; init; }
    public bool IsAdmin { get; init; }
    /// <summary>
    /// Holds Browse Projects but not Edit Issues (or any other write permission) on every project, as a user with
    /// only a viewer's project role. Only the permission check models it; the REST API does not refuse their writes.
    /// </summary>
    public bool IsReadOnly { get; init; }
    public string AccountType { get; init; } = "atlassian";
    /// <summary>API tokens for HTTP basic authentication with <see cref="Email"/>.</summary>
    public IReadOnlyList<string> ApiTokens { get; init; } = [];
    /// <summary>Data Center: the username (login name), which REST v2 calls users by.</summary>
    public string? Name { get; init; }
    /// <summary>Data Center: the user key, stable across renames (e.g. <c>JIRAUSER10100</c>).</summary>
    public string? Key { get; init; }
    /// <summary>Data Center: the password for HTTP basic with <see cref="Name"/>.</summary>
    public string? Password { get; init; }
    /// <summary>Personal access tokens for <c>Authorization: Bearer</c>.</summary>
    public IReadOnlyList<string> PersonalAccessTokens { get; init; } = [];
}
