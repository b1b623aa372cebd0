using System.Text.Json.Serialization;

namespace ConnectAddon.Jira.Models;

/// <summary>What POST /rest/api/3/issue answers (the CreatedIssue schema).</summary>
public sealed record JiraCreatedIssue
{
    [JsonConverter(typeof(StringOrNumberConverter))]
    public required string Id { get; init; }
    public required string Key { get; init; }
    public string? Self { get; init; }
}
