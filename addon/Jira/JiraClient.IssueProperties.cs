using System.Text.Json.Nodes;
using ConnectAddon.Jira.Models;

namespace ConnectAddon.Jira;

// Issue properties ("Jira REST API v3: Issue properties"): small JSON values stored on an issue, at most 32,768 bytes.
public sealed partial class JiraClient
{
    /// <summary>Creates or replaces a property (200 or 201). A PUT, so it is safe to repeat.</summary>
    public Task<JiraResult> SetIssuePropertyAsync(string issueIdOrKey, string propertyKey, JsonNode value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var json = System.Text.Encoding.UTF8.GetBytes(value.ToJsonString());
        return ExecuteAsync(NewRequest(HttpMethod.Put, PropertyPath(issueIdOrKey, propertyKey), JiraJson.Bytes(json)), cancellationToken);
    }

    /// <summary>A property's key and value; NotFound when the issue has no such property.</summary>
    public Task<JiraResult<JiraEntityProperty>> GetIssuePropertyAsync(string issueIdOrKey, string propertyKey, CancellationToken cancellationToken = default) =>
        ReadAsync<JiraEntityProperty>(NewRequest(HttpMethod.Get, PropertyPath(issueIdOrKey, propertyKey)), cancellationToken);

    public Task<JiraResult> DeleteIssuePropertyAsync(string issueIdOrKey, string propertyKey, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NewRequest(HttpMethod.Delete, PropertyPath(issueIdOrKey, propertyKey)), cancellationToken);

    private string PropertyPath(string issueIdOrKey, string propertyKey) =>
        IssuePath(issueIdOrKey) + "/properties/" + JiraPath.Segment(propertyKey);
}
