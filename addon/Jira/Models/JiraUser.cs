namespace ConnectAddon.Jira.Models;

/// <summary>
/// A Jira user as REST v3 shows one (the User schema, and the author of comments and attachments). Data Center names
/// people by <see cref="Name"/> (the username) and <see cref="Key"/> instead of an account id.
/// </summary>
public sealed record JiraUser
{
    public string? AccountId { get; init; }
    /// <summary>Data Center: the username, as <c>[~name]</c> mentions use it.</summary>
    public string? Name { get; init; }
    /// <summary>Data Center: the user's stable key (JIRAUSER10100), which survives a rename.</summary>
    public string? Key { get; init; }
    /// <summary><c>atlassian</c> for people, <c>app</c> for apps such as this one, <c>customer</c> for service desk customers.</summary>
    public string? AccountType { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>Often hidden by the user's privacy settings.</summary>
    public string? EmailAddress { get; init; }
    public bool? Active { get; init; }
    public string? TimeZone { get; init; }
}
