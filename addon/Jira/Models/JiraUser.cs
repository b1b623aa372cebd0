namespace ConnectAddon.Jira.Models;

/// <summary>A Jira user as REST v3 shows one (the User schema, and the author of comments and attachments).</summary>
public sealed record JiraUser
{
    public string? AccountId { get; init; }
    /// <summary><c>atlassian</c> for people, <c>app</c> for apps such as this one, <c>customer</c> for service desk customers.</summary>
    public string? AccountType { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>Often hidden by the user's privacy settings.</summary>
    public string? EmailAddress { get; init; }
    public bool? Active { get; init; }
    public string? TimeZone { get; init; }
}
