using System.Text.Json.Nodes;
using JiraSim.Model;
using JiraSim.Rest;

namespace JiraSim.DataCenter;

/// <summary>
/// What differs in the shapes of a Data Center site's REST v2 answers ("Jira Server platform REST API reference"
/// 9.12): users are called by username and user key and have no accountId; issue types have no hierarchy level;
/// attachment content is served by <c>/secure/attachment/{id}/{filename}</c>. Everything else is rendered by
/// <see cref="SiteJson"/> for both flavours. Call under the site's lock.
/// </summary>
public static class DataCenterJson
{
    // UserBean: self, key, name, emailAddress, avatarUrls, displayName, active, timeZone.
    public static JsonObject User(SimSite site, SimUser user) => new()
    {
        ["self"] = $"{site.RestUrl}/user?username={Uri.EscapeDataString(user.Name ?? user.Key ?? user.AccountId)}",
        ["name"] = user.Name,
        ["key"] = user.Key ?? user.AccountId,
        ["emailAddress"] = user.Email,
        ["avatarUrls"] = new JsonObject { ["48x48"] = $"{site.BaseUrlText}/secure/useravatar?ownerId={Uri.EscapeDataString(user.Key ?? user.AccountId)}" },
        ["displayName"] = user.DisplayName,
        ["active"] = true,
        ["timeZone"] = site.TimeZone.Id,
    };

    public static JsonObject FormerUser(string key) => new() { ["key"] = key, ["name"] = key, ["displayName"] = key, ["active"] = false };

    // IssueTypeBean on 9.12: no hierarchyLevel (Cloud's issue type hierarchy does not exist there).
    public static JsonObject IssueType(SimSite site, SimIssueType type) => new()
    {
        ["self"] = $"{site.RestUrl}/issuetype/{type.Id}",
        ["id"] = type.Id,
        ["description"] = type.Description,
        ["iconUrl"] = $"{site.BaseUrlText}/secure/viewavatar?size=xsmall&avatarId=10318&avatarType=issuetype",
        ["name"] = type.Name,
        ["subtask"] = type.Subtask,
        ["avatarId"] = 10318,
    };

    /// <summary>Where Data Center serves an attachment's bytes, to an authenticated caller (no redirect, no media service).</summary>
    public static string ContentUrl(SimSite site, SimAttachment attachment) =>
        $"{site.BaseUrlText}/secure/attachment/{attachment.Id}/{Uri.EscapeDataString(attachment.FileName)}";

    /// <summary>A rich-text value as Data Center takes it: a wiki-markup string, stored as given; null clears it.</summary>
    public static string? InvalidWikiText(JsonNode? node) =>
        node is null || (node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String)
            ? null
            : "Operation value must be a string";
}
