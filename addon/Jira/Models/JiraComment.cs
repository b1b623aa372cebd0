using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ConnectAddon.Jira.Models;

/// <summary>A comment (the Comment schema). Its body is ADF, kept as JSON.</summary>
public sealed record JiraComment
{
    [JsonConverter(typeof(StringOrNumberConverter))]
    public required string Id { get; init; }
    public string? Self { get; init; }
    public JiraUser? Author { get; init; }
    public JiraUser? UpdateAuthor { get; init; }
    public JsonNode? Body { get; init; }
    [JsonConverter(typeof(JiraTimestampConverter))]
    public DateTimeOffset? Created { get; init; }
    [JsonConverter(typeof(JiraTimestampConverter))]
    public DateTimeOffset? Updated { get; init; }
    /// <summary>Service projects only: whether customers see it.</summary>
    public bool? JsdPublic { get; init; }
    /// <summary>A role or group restriction; Basic mode writes none.</summary>
    public JsonNode? Visibility { get; init; }
}
