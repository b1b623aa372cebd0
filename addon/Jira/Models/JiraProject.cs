using System.Text.Json.Serialization;

namespace ConnectAddon.Jira.Models;

/// <summary>A project (the Project schema), with the parts the Connections page and the sync use.</summary>
public sealed record JiraProject
{
    [JsonConverter(typeof(StringOrNumberConverter))]
    public required string Id { get; init; }
    public string? Key { get; init; }
    public string? Name { get; init; }
    public string? Self { get; init; }
    /// <summary><c>software</c>, <c>service_desk</c>, <c>business</c>.</summary>
    public string? ProjectTypeKey { get; init; }
    /// <summary><c>classic</c> (company-managed) or <c>next-gen</c> (team-managed).</summary>
    public string? Style { get; init; }
    public bool? Simplified { get; init; }
    /// <summary>Present when reading one project.</summary>
    public IReadOnlyList<JiraIssueType>? IssueTypes { get; init; }
}
