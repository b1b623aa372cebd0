namespace ConnectAddon.Connect.Webhooks;

/// <summary>
/// The webhooks the descriptor subscribes to, by the last segment of their route. The route and the event name
/// must agree with <c>atlassian-connect.json</c>; a test reads the descriptor to prove it.
/// </summary>
public static class WebhookKinds
{
    public static readonly IReadOnlyDictionary<string, string> EventByRoute = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["issue-created"] = "jira:issue_created",
        ["issue-updated"] = "jira:issue_updated",
        ["issue-deleted"] = "jira:issue_deleted",
        ["comment-created"] = "comment_created",
        ["comment-updated"] = "comment_updated",
        ["comment-deleted"] = "comment_deleted",
        ["attachment-created"] = "attachment_created",
        ["attachment-deleted"] = "attachment_deleted",
    };
}
