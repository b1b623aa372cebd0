using System.Text.Json.Nodes;
using JiraSim.Model;

namespace JiraSim.Connect;

/// <summary>
/// The body of a webhook, as Jira Cloud sends it ("Webhooks": issue, comment and attachment events), in the REST v2
/// shape (DESIGN §7a):
/// <list type="bullet">
/// <item><c>jira:issue_*</c>: <c>issue_event_type_name</c>, the acting <c>user</c>, the whole <c>issue</c>; a field
/// edit adds the <c>changelog</c>; a comment change adds the <c>comment</c> (and has no changelog).</item>
/// <item><c>comment_*</c>: the <c>comment</c> and a slim <c>issue</c>, without the top-level <c>user</c>.</item>
/// <item><c>attachment_*</c>: only the <c>attachment</c>; it does not name its issue (the <c>jira:issue_updated</c>
/// sent with it does, in a changelog item with field <c>Attachment</c>).</item>
/// </list>
/// Built under the site's lock, at the moment of the change: the issue object keeps changing afterwards.
/// </summary>
public static class WebhookBody
{
    public static JsonObject Build(SimSite site, SiteChange change, Func<string> nextChangelogId)
    {
        var body = new JsonObject { ["timestamp"] = change.At.ToUnixTimeMilliseconds(), ["webhookEvent"] = change.Event };
        if (change.Event.StartsWith("jira:issue_", StringComparison.Ordinal))
        {
            body["issue_event_type_name"] = IssueEventTypeName(change);
            body["user"] = V2Json.User(site, change.Actor);
            body["issue"] = V2Json.Issue(site, change.Issue, full: true);
            if (change.Changelog is { Count: > 0 } items)
                body["changelog"] = V2Json.Changelog(nextChangelogId(), items);
            if (change.Comment is { } comment)
                body["comment"] = V2Json.Comment(site, change.Issue, comment);
        }
        else if (change.Event.StartsWith("comment_", StringComparison.Ordinal) && change.Comment is { } comment)
        {
            body["comment"] = V2Json.Comment(site, change.Issue, comment);
            body["issue"] = V2Json.Issue(site, change.Issue, full: false);
        }
        else if (change.Event.StartsWith("attachment_", StringComparison.Ordinal) && change.Attachment is { } attachment)
            body["attachment"] = V2Json.Attachment(site, attachment);
        return body;
    }

    /// <summary>Jira's name for what happened to the issue; comment changes are told apart by the comment's state.</summary>
    private static string IssueEventTypeName(SiteChange change) => change.Event switch
    {
        "jira:issue_created" => "issue_created",
        "jira:issue_deleted" => "issue_deleted",
        _ when change.Comment is { } comment =>
            !change.Issue.Comments.Contains(comment) ? "issue_comment_deleted"
            : comment.UpdateAuthorAccountId is not null ? "issue_comment_edited"
            : "issue_commented",
        _ => "issue_updated",
    };
}
