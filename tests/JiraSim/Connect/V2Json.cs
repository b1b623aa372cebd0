using System.Text.Json.Nodes;
using JiraSim.Model;
using JiraSim.Rest;

namespace JiraSim.Connect;

/// <summary>
/// Issues, users, comments and attachments as webhook bodies carry them: the REST v2 shape (DESIGN §7a), so rich
/// text is a wiki-markup string and links point at <c>/rest/api/2/</c>. Call under the site's lock.
/// </summary>
public static class V2Json
{
    public static JsonObject User(SimSite site, SimUser user) => V2(SiteJson.User(site, user));

    /// <param name="full">All the fields the sync could want (issue events); else the few that comment events carry.</param>
    public static JsonObject Issue(SimSite site, SimIssue issue, bool full)
    {
        var project = site.FindProject(issue.ProjectId)!;
        var type = project.IssueTypes.First(t => t.Id == issue.IssueTypeId);
        var fields = new JsonObject
        {
            ["summary"] = issue.Summary,
            ["issuetype"] = V2(SiteJson.IssueType(site, type)),
            ["project"] = V2(SiteJson.Project(site, project, withIssueTypes: false)),
            ["status"] = V2(SiteJson.Status(site, issue.StatusName)),
        };
        if (full)
        {
            fields["description"] = WikiMarkup.From(issue.Description);
            fields["labels"] = new JsonArray([.. issue.Labels.Select(l => (JsonNode)l)]);
            fields["reporter"] = V2(SiteJson.UserOrUnknown(site, issue.ReporterAccountId));
            fields["creator"] = V2(SiteJson.UserOrUnknown(site, issue.CreatorAccountId));
            fields["created"] = JiraTime.Format(issue.Created);
            fields["updated"] = JiraTime.Format(issue.Updated);
        }
        return new JsonObject
        {
            ["id"] = issue.Id,
            ["self"] = $"{site.BaseUrlText}/rest/api/2/issue/{issue.Id}",
            ["key"] = issue.Key,
            ["fields"] = fields,
        };
    }

    public static JsonObject Comment(SimSite site, SimIssue issue, SimComment comment)
    {
        var json = V2(SiteJson.Comment(site, issue, comment));
        json["body"] = WikiMarkup.From(comment.Body);
        return json;
    }

    public static JsonObject Attachment(SimSite site, SimAttachment attachment) => V2(SiteJson.Attachment(site, attachment));

    /// <summary>A <c>jira:issue_updated</c> changelog: system fields have <c>fieldtype</c> "jira".</summary>
    public static JsonObject Changelog(string id, IEnumerable<ChangelogItem> items) => new()
    {
        ["id"] = id,
        ["items"] = new JsonArray([.. items.Select(item => (JsonNode)new JsonObject
        {
            ["field"] = item.Field,
            ["fieldtype"] = "jira",
            ["fieldId"] = item.Field.ToLowerInvariant(),
            ["from"] = item.From,
            ["fromString"] = item.FromString,
            ["to"] = item.To,
            ["toString"] = item.ToString_,
        })]),
    };

    /// <summary>The v3 renderers' links, pointed at v2: the rest of these shapes is the same in both versions.</summary>
    private static JsonObject V2(JsonObject json)
    {
        foreach (var (name, value) in json.ToList())
            json[name] = value switch
            {
                JsonObject inner => V2(inner),
                JsonValue text when text.TryGetValue<string>(out var s) && s.Contains("/rest/api/3/", StringComparison.Ordinal) =>
                    s.Replace("/rest/api/3/", "/rest/api/2/", StringComparison.Ordinal),
                _ => value,
            };
        return json;
    }
}
