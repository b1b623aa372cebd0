using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ConnectAddon.Jira.Models;

/// <summary>
/// An issue (the IssueBean schema). <see cref="Fields"/> stays JSON: which fields exist depends on the site, and
/// rich text (description) is ADF that the sync carries as it is. The helpers read the few fields the sync needs.
/// </summary>
public sealed record JiraIssue
{
    [JsonConverter(typeof(StringOrNumberConverter))]
    public required string Id { get; init; }
    public string? Key { get; init; }
    public string? Self { get; init; }
    public JsonObject Fields { get; init; } = [];
    /// <summary>Issue properties asked for with <see cref="JiraIssueQuery.Properties"/>, by key.</summary>
    public JsonObject? Properties { get; init; }
    public JsonObject? RenderedFields { get; init; }
    public JsonNode? Changelog { get; init; }

    [JsonIgnore] public string? Summary => Text("summary");

    /// <summary>ADF on Jira Cloud; null when empty or not requested.</summary>
    [JsonIgnore] public JsonNode? Description => Fields["description"];

    [JsonIgnore] public JiraIssueType? IssueType => Fields["issuetype"] is JsonObject type ? type.Deserialize<JiraIssueType>(JiraJson.Options) : null;

    [JsonIgnore] public JiraProject? Project => Fields["project"] is JsonObject project ? project.Deserialize<JiraProject>(JiraJson.Options) : null;

    [JsonIgnore] public DateTimeOffset? Updated => JiraTimestampConverter.FromNode(Fields["updated"]);

    /// <summary>A field's value when it is a JSON string; null otherwise.</summary>
    public string? Text(string field) =>
        Fields[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
