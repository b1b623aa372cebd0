using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ConnectAddon.Jira.Models;

/// <summary>
/// Reads Jira's timestamps in the forms its REST v3 examples show: text with an offset without a colon
/// (<c>2022-10-06T07:32:47.000+0000</c>), ISO 8601, or epoch milliseconds (<c>1651316514000</c>, attachment upload).
/// </summary>
internal sealed class JiraTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var milliseconds):
                return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
                    return value;
                throw new JsonException($"'{text}' is not a timestamp Jira writes.");
            default:
                throw new JsonException($"Expected a timestamp, found {reader.TokenType}.");
        }
    }

    /// <summary>The timestamp in a field read as JSON, or null when absent or unreadable.</summary>
    internal static DateTimeOffset? FromNode(JsonNode? node)
    {
        if (node is not JsonValue)
            return null;
        try
        {
            return node.Deserialize<DateTimeOffset?>(ReaderOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions ReaderOptions = new() { Converters = { new JiraTimestampConverter() } };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } timestamp)
            writer.WriteStringValue(timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        else
            writer.WriteNullValue();
    }
}
