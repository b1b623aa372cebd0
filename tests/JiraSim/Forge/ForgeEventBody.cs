using System.Text.Json.Nodes;
using JiraSim.Model;
using JiraSim.Rest;

namespace JiraSim.Forge;

/// <summary>
/// A site change as the Forge event a trigger receives ("Jira events", events-reference/jira): <c>eventType</c>, the
/// issue (<c>id</c>, <c>key</c>, a few fields), the actor (<c>atlassianId</c>), and the comment, attachment or
/// changelog the change concerns. As documented, an attachment event names no issue.
/// </summary>
public static class ForgeEventBody
{
    /// <summary>The Forge event of a site change; null for a change Forge has no event for.</summary>
    public static string? EventOf(SiteChange change) => change.Event switch
    {
        "jira:issue_created" => "avi:jira:created:issue",
        "jira:issue_updated" when change.Comment is null => "avi:jira:updated:issue",
        "jira:issue_deleted" => "avi:jira:deleted:issue",
        // A comment edit is avi:jira:commented:issue as well: Forge has no event of its own for it.
        "comment_created" or "comment_updated" => "avi:jira:commented:issue",
        "comment_deleted" => "avi:jira:deleted:comment",
        "attachment_created" => "avi:jira:created:attachment",
        "attachment_deleted" => "avi:jira:deleted:attachment",
        _ => null,
    };

    public static JsonObject Build(SimSite site, SiteChange change, string eventType)
    {
        var body = new JsonObject { ["eventType"] = eventType, ["atlassianId"] = change.Actor.AccountId };
        if (eventType.EndsWith(":attachment", StringComparison.Ordinal) && change.Attachment is { } attachment)
        {
            body["attachment"] = new JsonObject
            {
                ["id"] = attachment.Id, ["fileName"] = attachment.FileName, ["mimeType"] = attachment.MimeType, ["size"] = attachment.Content.Length,
            };
            return body;
        }
        var issue = change.Issue;
        body["issue"] = new JsonObject
        {
            ["id"] = issue.Id,
            ["key"] = issue.Key,
            ["fields"] = new JsonObject
            {
                ["summary"] = issue.Summary,
                ["project"] = new JsonObject { ["id"] = issue.ProjectId },
                ["updated"] = JiraTime.Format(issue.Updated),
                ["created"] = JiraTime.Format(issue.Created),
            },
        };
        if (change.Comment is { } comment)
            body["comment"] = new JsonObject { ["id"] = comment.Id, ["author"] = new JsonObject { ["accountId"] = comment.AuthorAccountId } };
        if (change.Changelog is { Count: > 0 } items)
            body["changelog"] = new JsonObject
            {
                ["items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
                {
                    ["field"] = i.Field, ["from"] = i.From, ["fromString"] = i.FromString, ["to"] = i.To, ["toString"] = i.ToString_,
                }).ToArray()),
            };
        return body;
    }
}
