namespace ConnectAddon.Jira.Models;

/// <summary>One page of a JQL search (SearchAndReconcileResults), paged by <see cref="NextPageToken"/>.</summary>
public sealed record JiraSearchPage
{
    private readonly bool? isLast;

    public IReadOnlyList<JiraIssue> Issues { get; init; } = [];
    public string? NextPageToken { get; init; }

    /// <summary>Jira's <c>isLast</c>; when it is missing, the absence of a next page token.</summary>
    public bool IsLast
    {
        get => isLast ?? string.IsNullOrEmpty(NextPageToken);
        init => isLast = value;
    }
}
