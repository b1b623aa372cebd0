namespace ConnectAddon.Jira.Models;

/// <summary>One page of an issue's comments (the PageOfComments schema), paged by startAt/maxResults.</summary>
public sealed record JiraCommentPage
{
    public long StartAt { get; init; }
    public int MaxResults { get; init; }
    public long Total { get; init; }
    public IReadOnlyList<JiraComment> Comments { get; init; } = [];
}
