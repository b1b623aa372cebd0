using System.Text.Json.Nodes;

namespace JiraSim.Model;

public sealed partial class SimSite
{
    /// <returns>The comment, or null when the issue already holds Jira's maximum (413 on the REST API).</returns>
    public SimComment? AddComment(SimUser actor, SimIssue issue, JsonNode body)
    {
        SimComment comment;
        lock (Sync)
        {
            if (issue.Comments.Count >= Limits.CommentsPerIssue)
                return null;
            var now = Clock.GetUtcNow();
            comment = new SimComment { Id = NextCommentId(), AuthorAccountId = actor.AccountId, Body = body.DeepClone(), Created = now, Updated = now };
            issue.Comments.Add(comment);
            issue.Updated = now;
        }
        // Jira fires comment_created and a jira:issue_updated for the same change (DESIGN §7a).
        Announce(new SiteChange("comment_created", actor, issue, comment));
        Announce(new SiteChange("jira:issue_updated", actor, issue, comment, Changelog: []));
        return comment;
    }

    public void UpdateComment(SimUser actor, SimIssue issue, SimComment comment, JsonNode body)
    {
        lock (Sync)
        {
            comment.Body = body.DeepClone();
            comment.Updated = issue.Updated = Clock.GetUtcNow();
            comment.UpdateAuthorAccountId = actor.AccountId;
        }
        Announce(new SiteChange("comment_updated", actor, issue, comment));
        Announce(new SiteChange("jira:issue_updated", actor, issue, comment, Changelog: []));
    }

    public void DeleteComment(SimUser actor, SimIssue issue, SimComment comment)
    {
        lock (Sync)
        {
            issue.Comments.Remove(comment);
            issue.Updated = Clock.GetUtcNow();
        }
        Announce(new SiteChange("comment_deleted", actor, issue, comment));
        Announce(new SiteChange("jira:issue_updated", actor, issue, comment, Changelog: []));
    }
}
