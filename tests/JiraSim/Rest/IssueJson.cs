using System.Text.Json.Nodes;
using JiraSim.Model;

namespace JiraSim.Rest;

/// <summary>An issue as REST v3 (or on Data Center v2) returns it (IssueBean): id, key, self, the selected fields and requested properties.</summary>
public static class IssueJson
{
    /// <summary>Call under the site's lock.</summary>
    public static JsonObject Render(SimSite site, SimIssue issue, FieldSelection fields, IEnumerable<string>? propertyKeys = null, string? expand = null)
    {
        var project = site.Projects.First(p => p.Id == issue.ProjectId);
        var type = project.IssueTypes.First(t => t.Id == issue.IssueTypeId);
        var values = new JsonObject();
        void Add(string name, Func<JsonNode?> value)
        {
            if (fields.Includes(name))
                values[name] = value();
        }
        Add("summary", () => issue.Summary);
        Add("description", () => issue.Description?.DeepClone());
        Add("issuetype", () => SiteJson.IssueType(site, type));
        Add("project", () => SiteJson.ProjectDetails(site, project));
        Add("labels", () => new JsonArray(issue.Labels.Select(l => (JsonNode)l).ToArray()));
        Add("reporter", () => SiteJson.UserOrUnknown(site, issue.ReporterAccountId));
        Add("creator", () => SiteJson.UserOrUnknown(site, issue.CreatorAccountId));
        Add("created", () => JiraTime.Format(site, issue.Created));
        Add("updated", () => JiraTime.Format(site, issue.Updated));
        Add("status", () => SiteJson.Status(site, issue.StatusName));
        Add("comment", () => new JsonObject
        {
            ["comments"] = new JsonArray(issue.Comments.Select(c => (JsonNode)SiteJson.Comment(site, issue, c)).ToArray()),
            ["self"] = $"{site.RestUrl}/issue/{issue.Id}/comment",
            ["maxResults"] = issue.Comments.Count,
            ["total"] = issue.Comments.Count,
            ["startAt"] = 0,
        });
        if (issue.ParentId is { } parentId && site.Issues.TryGetValue(parentId, out var parent))
            Add("parent", () => Parent(site, project, parent));
        Add("attachment", () => new JsonArray(issue.Attachments.Select(a => (JsonNode)SiteJson.Attachment(site, a)).ToArray()));

        var json = new JsonObject
        {
            ["expand"] = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
            ["id"] = issue.Id,
            ["self"] = $"{site.RestUrl}/issue/{issue.Id}",
            ["key"] = issue.Key,
            ["fields"] = values,
        };
        var keys = propertyKeys?.ToList() ?? [];
        if (keys.Count > 0)
        {
            var properties = new JsonObject();
            foreach (var key in keys.Contains("*all") ? issue.Properties.Keys.ToList() : keys)
                if (issue.Properties.TryGetValue(key, out var value))
                    properties[key] = value?.DeepClone();
            json["properties"] = properties;
        }
        if (expand?.Split(',').Contains("names") == true)
            json["names"] = new JsonObject(values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Key)));
        return json;
    }

    /// <summary>A sub-task's <c>parent</c> field: the parent's id, key, self and a few of its fields, as Jira shows it.</summary>
    private static JsonObject Parent(SimSite site, SimProject project, SimIssue parent) => new()
    {
        ["id"] = parent.Id,
        ["key"] = parent.Key,
        ["self"] = $"{site.RestUrl}/issue/{parent.Id}",
        ["fields"] = new JsonObject
        {
            ["summary"] = parent.Summary,
            ["status"] = SiteJson.Status(site, parent.StatusName),
            ["issuetype"] = SiteJson.IssueType(site, project.IssueTypes.First(t => t.Id == parent.IssueTypeId)),
        },
    };
}
