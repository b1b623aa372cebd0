using System.Text.Json.Nodes;
using JiraSim.Auth;

namespace JiraSim.Rest;

/// <summary>Issue properties (REST v3 "Issue properties"): JSON values of at most 32,768 bytes per key.</summary>
public static class PropertyEndpoints
{
    private const int MaxValueBytes = 32_768;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/issue/{issueIdOrKey}/properties", (string issueIdOrKey, SimCaller caller) =>
        {
            var site = caller.Site;
            lock (site.Sync)
                return site.FindIssue(issueIdOrKey) is { } issue
                    ? Results.Json(new { keys = issue.Properties.Keys.Select(k => new { self = $"{site.RestUrl}/issue/{issue.Id}/properties/{k}", key = k }) })
                    : JiraErrors.IssueNotFound();
        });

        api.MapGet("/issue/{issueIdOrKey}/properties/{propertyKey}", (string issueIdOrKey, string propertyKey, SimCaller caller) =>
        {
            lock (caller.Site.Sync)
            {
                if (caller.Site.FindIssue(issueIdOrKey) is not { } issue)
                    return JiraErrors.IssueNotFound();
                return issue.Properties.TryGetValue(propertyKey, out var value)
                    ? Results.Json(new JsonObject { ["key"] = propertyKey, ["value"] = value?.DeepClone() })
                    : JiraErrors.Status(404, $"The property with key '{propertyKey}' does not exist.");
            }
        });

        api.MapPut("/issue/{issueIdOrKey}/properties/{propertyKey}", async (string issueIdOrKey, string propertyKey, SimCaller caller, HttpRequest request) =>
        {
            JsonNode? value;
            try
            {
                using var reader = new StreamReader(request.Body);
                var text = await reader.ReadToEndAsync();
                if (System.Text.Encoding.UTF8.GetByteCount(text) > MaxValueBytes)
                    return JiraErrors.BadRequest($"The property value is larger than {MaxValueBytes} bytes.");
                value = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                return JiraErrors.BadRequest("The property value is not valid JSON.");
            }
            if (propertyKey.Length > 255)
                return JiraErrors.BadRequest("The property key is longer than 255 characters.");
            lock (caller.Site.Sync)
            {
                if (caller.Site.FindIssue(issueIdOrKey) is not { } issue)
                    return JiraErrors.IssueNotFound();
                var existed = issue.Properties.ContainsKey(propertyKey);
                issue.Properties[propertyKey] = value;
                return existed ? Results.Ok(new { }) : Results.Json(new { }, statusCode: 201);
            }
        });

        api.MapDelete("/issue/{issueIdOrKey}/properties/{propertyKey}", (string issueIdOrKey, string propertyKey, SimCaller caller) =>
        {
            lock (caller.Site.Sync)
            {
                if (caller.Site.FindIssue(issueIdOrKey) is not { } issue)
                    return JiraErrors.IssueNotFound();
                return issue.Properties.Remove(propertyKey) ? Results.NoContent() : JiraErrors.Status(404, $"The property with key '{propertyKey}' does not exist.");
            }
        });
    }
}
