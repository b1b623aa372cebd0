using System.Text.Json.Serialization;

namespace ConnectAddon.Jira.Models;

/// <summary>
/// An issue type (IssueTypeDetails, and the create-metadata IssueTypeIssueCreateMetadata). The sync mirrors types by
/// <see cref="Name"/>; <see cref="HierarchyLevel"/> 1 is the epic level, -1 sub-tasks, 0 standard types.
/// </summary>
public sealed record JiraIssueType
{
    [JsonConverter(typeof(StringOrNumberConverter))]
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public bool? Subtask { get; init; }
    public int? HierarchyLevel { get; init; }
    public string? Self { get; init; }
    public string? IconUrl { get; init; }
}
