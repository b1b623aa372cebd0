namespace JiraSim.Model;

/// <summary>
/// One change on a site, as Jira would fire a webhook for it: the event name (<c>jira:issue_updated</c>,
/// <c>comment_created</c> …), who made it, the issue (a snapshot taken under the site's lock), and the comment,
/// attachment or changelog items it concerns.
/// </summary>
public sealed record SiteChange(
    string Event, SimUser Actor, SimIssue Issue, SimComment? Comment = null, SimAttachment? Attachment = null,
    IReadOnlyList<ChangelogItem>? Changelog = null)
{
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;
}
