using System.Text.Json.Serialization;

namespace ConnectAddon.Jira.Models;

/// <summary>
/// An attachment's metadata: the Attachment schema (upload answer, id a string) and AttachmentMetadata (id a number)
/// read alike. <see cref="Id"/> is optional because one of the OpenAPI document's upload examples has none.
/// </summary>
public sealed record JiraAttachment
{
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; init; }
    [JsonPropertyName("filename")]
    public string? FileName { get; init; }
    public string? MimeType { get; init; }
    public long? Size { get; init; }
    [JsonConverter(typeof(JiraTimestampConverter))]
    public DateTimeOffset? Created { get; init; }
    public JiraUser? Author { get; init; }
    /// <summary>Jira's URL of the bytes; read them with <see cref="JiraClient.OpenAttachmentContentAsync"/>.</summary>
    public string? Content { get; init; }
    public string? Self { get; init; }
    public string? Thumbnail { get; init; }
}
