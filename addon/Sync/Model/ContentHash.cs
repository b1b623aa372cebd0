using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectAddon.Sync.Model;

/// <summary>
/// A stable hash of JSON content: object members sorted by name, so the same value hashes alike however Jira or a
/// serializer ordered it. Loop prevention and "each once" compare these (DESIGN §7).
/// </summary>
public static class ContentHash
{
    public static string Of(JsonNode? node)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            WriteCanonical(writer, node);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    public static string Of<T>(T value) => Of(JsonSerializer.SerializeToNode(value, SyncJson.Options));

    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void WriteCanonical(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    WriteCanonical(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                    WriteCanonical(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
