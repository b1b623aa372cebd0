using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Models;

/// <summary>An entity property (the EntityProperty schema): a key and any JSON value, at most 32,768 bytes.</summary>
public sealed record JiraEntityProperty
{
    public required string Key { get; init; }
    public JsonNode? Value { get; init; }
}
