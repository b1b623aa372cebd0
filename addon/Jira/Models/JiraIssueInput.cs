using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Models;

/// <summary>
/// The body of creating or editing an issue (the IssueUpdateDetails schema): <c>fields</c> to set, <c>update</c>
/// operations, and issue properties to set at creation. Values are JSON because field shapes depend on the site.
/// </summary>
public sealed record JiraIssueInput
{
    public JsonObject Fields { get; init; } = [];
    public JsonObject? Update { get; init; }
    public IReadOnlyList<JiraEntityProperty>? Properties { get; init; }

    /// <summary>The fields of a new issue: project and issue type by id, a summary and an optional ADF description.</summary>
    public static JiraIssueInput ForCreate(string projectId, string issueTypeId, string summary, JsonNode? description = null) => new()
    {
        Fields = new JsonObject
        {
            ["project"] = new JsonObject { ["id"] = projectId },
            ["issuetype"] = new JsonObject { ["id"] = issueTypeId },
            ["summary"] = summary,
            // A node can have one parent only; the caller keeps theirs.
            ["description"] = description?.DeepClone(),
        },
    };
}
