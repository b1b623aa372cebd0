using System.Text.Json;

namespace ConnectAddon.Hosting;

/// <summary>
/// JSON from outside read safely: JSON may escape half of a surrogate pair (<c>"\ud800"</c>), which is valid JSON but no
/// text, and <see cref="JsonElement.GetString"/> throws on it. Every document a node reads from a client, a peer or a
/// pasted code is checked once here, so no reader meets such a string (an outside attack found it answered 500).
/// </summary>
public static class JsonText
{
    /// <summary>The document, or null when <paramref name="utf8"/> is not JSON or holds a string that is not valid Unicode.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            return null;
        }
        if (HoldsOnlyText(document.RootElement))
            return document;
        document.Dispose();
        return null;
    }

    /// <summary>Whether every string and property name in <paramref name="element"/> is valid Unicode.</summary>
    public static bool HoldsOnlyText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                        if (property.Name is null || !HoldsOnlyText(property.Value))
                            return false;
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                        if (!HoldsOnlyText(item))
                            return false;
                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
