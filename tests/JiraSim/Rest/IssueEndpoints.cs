using System.Text.Json.Nodes;
using JiraSim.Auth;
using JiraSim.Model;

namespace JiraSim.Rest;

/// <summary>Issue get, create, edit and delete (REST v3 "Issues"; the same on a Data Center site's v2, with wiki-markup descriptions).</summary>
public static class IssueEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/issue/{issueIdOrKey}", Get);
        api.MapPost("/issue", Create);
        api.MapPut("/issue/{issueIdOrKey}", Edit);
        api.MapDelete("/issue/{issueIdOrKey}", Delete);
    }

    private static IResult Get(string issueIdOrKey, SimCaller caller, HttpRequest request)
    {
        var site = caller.Site;
        lock (site.Sync)
        {
            var issue = site.FindIssue(issueIdOrKey);
            if (issue is null)
                return JiraErrors.IssueNotFound();
            var fields = FieldSelection.Parse(request.Query["fields"], allByDefault: true);
            var properties = request.Query["properties"].SelectMany(p => (p ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
            return Results.Json(IssueJson.Render(site, issue, fields, properties, request.Query["expand"]));
        }
    }

    private static async Task<IResult> Create(SimCaller caller, HttpRequest request)
    {
        var (body, error) = await RequestJson.ReadObjectAsync(request);
        if (error is not null)
            return error;
        if (body!["fields"] is not JsonObject fields)
            return JiraErrors.BadRequest("The request must have 'fields'.");

        var site = caller.Site;
        SimProject? project;
        SimIssueType? type;
        SimIssue? parent = null;
        var errors = new Dictionary<string, string>();
        var messages = new List<string>();
        lock (site.Sync)
        {
            project = Ref(fields["project"]) is { } p ? site.FindProject(p) : null;
            type = project is null ? null : FindType(project, fields["issuetype"]);
            if (project is not null && type is not null)
                parent = SubtaskParent.Resolve(site, project, type, fields["parent"], errors, messages);
        }
        // Data Center words these as its REST resource does (IssueInputParametersAssembler in jira-rest-plugin).
        if (project is null)
            errors["project"] = !site.IsDataCenter ? "Specify a valid project ID or key" : fields["project"] is null ? "project is required" : "valid project is required";
        else if (type is null)
            errors["issuetype"] = !site.IsDataCenter ? "Specify an issue type" : fields["issuetype"] is null ? "issue type is required" : "valid issue type is required";
        var summary = Text(fields["summary"]);
        if (string.IsNullOrWhiteSpace(summary))
            errors["summary"] = "You must specify a summary of the issue.";
        else if (summary.Length > 255)
            errors["summary"] = "Summary must be less than 255 characters.";
        if (fields.ContainsKey("description") && fields["description"] is not null && RichText.Invalid(site, fields["description"]) is { } invalid)
            errors["description"] = invalid;
        var labels = Labels(fields["labels"], errors);
        var properties = Properties(body["properties"], errors);
        foreach (var unknown in fields.Select(f => f.Key).Except(["project", "issuetype", "summary", "description", "labels", "reporter", "parent"]))
            errors[unknown] = $"Field '{unknown}' cannot be set. It is not on the appropriate screen, or unknown.";
        if (errors.Count > 0 || messages.Count > 0)
            return Results.Json(new { errorMessages = messages, errors }, statusCode: 400);

        var issue = site.CreateIssue(caller.User, project!, type!, summary!, fields["description"], labels, properties, parent);
        return Results.Json(new { id = issue.Id, key = issue.Key, self = $"{site.RestUrl}/issue/{issue.Id}" }, statusCode: 201);
    }

    /// <summary>
    /// IssueUpdateDetails.properties: entity properties set with the create ("Create issue": "Details of issue properties
    /// to be add or update"); a key of 1 to 255 characters, a value of at most 32,768 bytes of JSON.
    /// </summary>
    private static Dictionary<string, JsonNode?> Properties(JsonNode? node, Dictionary<string, string> errors)
    {
        var properties = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (node is null)
            return properties;
        if (node is not JsonArray list)
        {
            errors["properties"] = "Properties must be a list of {key, value}.";
            return properties;
        }
        foreach (var item in list)
        {
            var key = (item as JsonObject)?["key"] is JsonValue k && k.TryGetValue<string>(out var text) ? text : null;
            if (string.IsNullOrEmpty(key) || key.Length > 255)
            {
                errors["properties"] = "Each property needs a key of 1 to 255 characters.";
                continue;
            }
            var value = item!["value"];
            if (System.Text.Encoding.UTF8.GetByteCount(value?.ToJsonString() ?? "null") > 32768)
            {
                errors["properties"] = $"The value of property '{key}' is larger than 32768 bytes.";
                continue;
            }
            properties[key] = value?.DeepClone();
        }
        return properties;
    }

    private static async Task<IResult> Edit(string issueIdOrKey, SimCaller caller, HttpRequest request)
    {
        var site = caller.Site;
        SimIssue? issue;
        SimProject? project;
        lock (site.Sync)
        {
            issue = site.FindIssue(issueIdOrKey);
            project = issue is null ? null : site.FindProject(issue.ProjectId);
        }
        if (issue is null || project is null)
            return JiraErrors.IssueNotFound();
        var (body, error) = await RequestJson.ReadObjectAsync(request);
        if (error is not null)
            return error;
        var fields = body!["fields"] as JsonObject ?? [];

        var errors = new Dictionary<string, string>();
        string? summary = null;
        if (fields.ContainsKey("summary"))
        {
            summary = Text(fields["summary"]);
            if (string.IsNullOrWhiteSpace(summary))
                errors["summary"] = "You must specify a summary of the issue.";
        }
        if (fields.ContainsKey("description") && fields["description"] is not null && RichText.Invalid(site, fields["description"]) is { } invalid)
            errors["description"] = invalid;
        SimIssueType? type = null;
        if (fields.ContainsKey("issuetype") && (type = FindType(project, fields["issuetype"])) is null)
            errors["issuetype"] = "The issue type selected is invalid.";
        var labels = fields.ContainsKey("labels") ? Labels(fields["labels"], errors) : null;
        foreach (var unknown in fields.Select(f => f.Key).Except(["summary", "description", "issuetype", "labels"]))
            errors[unknown] = $"Field '{unknown}' cannot be set. It is not on the appropriate screen, or unknown.";
        if (errors.Count > 0)
            return Results.Json(new { errorMessages = Array.Empty<string>(), errors }, statusCode: 400);

        site.EditIssue(caller.User, issue, summary, fields["description"], fields.ContainsKey("description"), type, labels);
        return Results.NoContent();
    }

    private static IResult Delete(string issueIdOrKey, SimCaller caller)
    {
        var site = caller.Site;
        SimIssue? issue;
        lock (site.Sync)
            issue = site.FindIssue(issueIdOrKey);
        if (issue is null)
            return JiraErrors.IssueNotFound();
        site.DeleteIssue(caller.User, issue);
        return Results.NoContent();
    }

    private static SimIssueType? FindType(SimProject project, JsonNode? reference) =>
        reference is JsonObject o
            ? project.IssueTypes.FirstOrDefault(t => (Text(o["id"]) is { } id && t.Id == id) || (Text(o["name"]) is { } name && t.Name == name))
            : null;

    private static string? Ref(JsonNode? reference) => reference is JsonObject o ? Text(o["id"]) ?? Text(o["key"]) : null;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node is JsonValue n && n.TryGetValue<long>(out var l) ? l.ToString() : null;

    private static List<string>? Labels(JsonNode? node, Dictionary<string, string> errors)
    {
        if (node is null)
            return null;
        if (node is not JsonArray array || array.Any(l => Text(l) is not { Length: > 0 } text || text.Contains(' ')))
        {
            errors["labels"] = "Labels must be a list of words without spaces.";
            return null;
        }
        return array.Select(l => Text(l)!).ToList();
    }
}
