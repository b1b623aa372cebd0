namespace ConnectAddon.Jira.Models;

/// <summary>A page of projects (the PageBeanProject schema), paged by startAt/maxResults until <see cref="IsLast"/>.</summary>
public sealed record JiraProjectPage
{
    public long StartAt { get; init; }
    public int MaxResults { get; init; }
    public long Total { get; init; }
    public bool IsLast { get; init; }
    public IReadOnlyList<JiraProject> Values { get; init; } = [];
}
