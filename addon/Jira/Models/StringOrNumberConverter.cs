using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectAddon.Jira.Models;

/// <summary>
/// Reads an id that Jira sends as a string in one place and a number in another (attachment <c>id</c> is a string in
/// the Attachment schema and a number in AttachmentMetadata and in the examples of the REST v3 OpenAPI document).
/// </summary>
internal sealed class StringOrNumberConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a string or a number, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
