using System.Text.Json.Serialization;

namespace ConnectAddon.Jira.Models;

/// <summary>
/// A page of the issue types a project can create (the PageOfCreateMetaIssueTypes schema). The schema names the list
/// both <c>issueTypes</c> (as its example does) and <c>createMetaIssueType</c>; either is read into <see cref="IssueTypes"/>.
/// </summary>
public sealed record JiraIssueTypePage
{
    private readonly IReadOnlyList<JiraIssueType>? issueTypes;

    public long StartAt { get; init; }
    public int MaxResults { get; init; }
    public long Total { get; init; }

    public IReadOnlyList<JiraIssueType> IssueTypes
    {
        get => issueTypes ?? CreateMetaIssueType ?? [];
        init => issueTypes = value;
    }

    [JsonInclude, JsonPropertyName("createMetaIssueType")]
    private IReadOnlyList<JiraIssueType>? CreateMetaIssueType { get; init; }
}
