namespace ConnectAddon.Jira.Models;

/// <summary>What to include when reading one issue (query parameters of GET /rest/api/3/issue/{issueIdOrKey}).</summary>
public sealed record JiraIssueQuery
{
    /// <summary>Field ids (<c>summary</c>, <c>description</c>, <c>*all</c>, <c>-comment</c>); all fields when null.</summary>
    public IReadOnlyList<string>? Fields { get; init; }
    /// <summary>For example <c>renderedFields</c>, <c>names</c>, <c>changelog</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }
    /// <summary>Issue property keys to return in <see cref="JiraIssue.Properties"/>.</summary>
    public IReadOnlyList<string>? Properties { get; init; }
}
