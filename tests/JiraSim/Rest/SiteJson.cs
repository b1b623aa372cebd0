using System.Text.Json.Nodes;
using JiraSim.DataCenter;
using JiraSim.Model;

namespace JiraSim.Rest;

/// <summary>
/// Users, projects, issue types, comments and attachments in the shapes of the REST v3 OpenAPI document, and on a
/// Data Center site in REST v2's (the differences are <see cref="DataCenterJson"/>'s; links and times follow the site).
/// </summary>
public static class SiteJson
{
    public static JsonObject User(SimSite site, SimUser user) => site.IsDataCenter ? DataCenterJson.User(site, user) : new()
    {
        ["self"] = $"{site.BaseUrlText}/rest/api/3/user?accountId={Uri.EscapeDataString(user.AccountId)}",
        ["accountId"] = user.AccountId,
        ["accountType"] = user.AccountType,
        ["displayName"] = user.DisplayName,
        ["active"] = true,
        ["timeZone"] = "Etc/UTC",
        ["avatarUrls"] = new JsonObject { ["48x48"] = $"{site.BaseUrlText}/avatar/{Uri.EscapeDataString(user.AccountId)}" },
    };

    public static JsonObject UserOrUnknown(SimSite site, string accountId) =>
        site.FindUser(accountId) is { } user ? User(site, user)
        : site.IsDataCenter ? DataCenterJson.FormerUser(accountId)
        : new JsonObject { ["accountId"] = accountId, ["displayName"] = "Former user", ["active"] = false };

    public static JsonObject IssueType(SimSite site, SimIssueType type) => site.IsDataCenter ? DataCenterJson.IssueType(site, type) : new()
    {
        ["self"] = $"{site.BaseUrlText}/rest/api/3/issuetype/{type.Id}",
        ["id"] = type.Id,
        ["name"] = type.Name,
        ["description"] = type.Description,
        ["iconUrl"] = $"{site.BaseUrlText}/images/icons/issuetypes/{type.Id}.svg",
        ["subtask"] = type.Subtask,
        ["hierarchyLevel"] = type.HierarchyLevel,
        ["avatarId"] = 10300,
    };

    public static JsonObject Project(SimSite site, SimProject project, bool withIssueTypes) 
    {
        var json = new JsonObject
        {
            ["self"] = $"{site.RestUrl}/project/{project.Id}",
            ["id"] = project.Id,
            ["key"] = project.Key,
            ["name"] = project.Name,
            ["projectTypeKey"] = project.ProjectTypeKey,
            ["simplified"] = false,
            ["style"] = "classic",
            ["isPrivate"] = false,
            ["avatarUrls"] = new JsonObject { ["48x48"] = $"{site.BaseUrlText}/images/projectavatar/{project.Id}" },
        };
        if (site.IsDataCenter)
        {
            // Team-managed ("simplified") projects and project privacy are Cloud's; ProjectBean on 9.12 has neither.
            json.Remove("simplified");
            json.Remove("style");
            json.Remove("isPrivate");
        }
        if (withIssueTypes)
            json["issueTypes"] = new JsonArray(project.IssueTypes.Select(t => (JsonNode)IssueType(site, t)).ToArray());
        return json;
    }

    /// <summary>A project as an issue's <c>project</c> field carries it: the ProjectDetails schema, which has no style or privacy.</summary>
    public static JsonObject ProjectDetails(SimSite site, SimProject project)
    {
        var json = Project(site, project, withIssueTypes: false);
        json.Remove("style");
        json.Remove("isPrivate");
        return json;
    }

    public static JsonObject Comment(SimSite site, SimIssue issue, SimComment comment)
    {
        var json = CommentFields(site, issue, comment);
        if (site.IsDataCenter)
            json.Remove("jsdPublic"); // a Jira Service Management Cloud flag
        return json;
    }

    private static JsonObject CommentFields(SimSite site, SimIssue issue, SimComment comment) => new()
    {
        ["self"] = $"{site.RestUrl}/issue/{issue.Id}/comment/{comment.Id}",
        ["id"] = comment.Id,
        ["author"] = UserOrUnknown(site, comment.AuthorAccountId),
        ["body"] = comment.Body.DeepClone(),
        ["updateAuthor"] = UserOrUnknown(site, comment.UpdateAuthorAccountId ?? comment.AuthorAccountId),
        ["created"] = JiraTime.Format(site, comment.Created),
        ["updated"] = JiraTime.Format(site, comment.Updated),
        ["jsdPublic"] = true,
    };

    public static JsonObject Attachment(SimSite site, SimAttachment attachment) => new()
    {
        ["self"] = $"{site.RestUrl}/attachment/{attachment.Id}",
        ["id"] = attachment.Id,
        ["filename"] = attachment.FileName,
        ["author"] = UserOrUnknown(site, attachment.AuthorAccountId),
        ["created"] = JiraTime.Format(site, attachment.Created),
        ["size"] = attachment.Content.LongLength,
        ["mimeType"] = attachment.MimeType,
        ["content"] = site.IsDataCenter ? DataCenterJson.ContentUrl(site, attachment) : $"{site.BaseUrlText}/rest/api/3/attachment/content/{attachment.Id}",
    };

    public static JsonObject Status(SimSite site, string name) => new()
    {
        ["self"] = $"{site.RestUrl}/status/1",
        ["id"] = "1",
        ["name"] = name,
        ["description"] = "",
        ["statusCategory"] = new JsonObject { ["self"] = $"{site.RestUrl}/statuscategory/2", ["id"] = 2, ["key"] = "new", ["colorName"] = "blue-gray", ["name"] = "To Do" },
    };
}
