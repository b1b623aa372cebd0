using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Builds the ADF nodes the converter produces, shaped as "Atlassian Document Format — structure"
/// (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/) and its node pages describe them.
/// </summary>
internal static class Adf
{
    public static JsonObject Doc(JsonArray content) => new() { ["type"] = "doc", ["version"] = 1, ["content"] = content };

    public static JsonObject Node(string type, JsonArray? content = null, JsonObject? attrs = null)
    {
        var node = new JsonObject { ["type"] = type };
        if (attrs is not null)
            node["attrs"] = attrs;
        if (content is not null)
            node["content"] = content;
        return node;
    }

    public static JsonObject Paragraph(IEnumerable<JsonNode> inline) => Node("paragraph", new JsonArray([.. inline]));

    public static JsonObject Paragraph(params JsonNode[] inline) => Node("paragraph", new JsonArray(inline));

    public static JsonObject Text(string text, IEnumerable<JsonObject>? marks = null)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        var list = marks?.Select(m => (JsonNode)m.DeepClone()).ToArray();
        if (list is { Length: > 0 })
            node["marks"] = new JsonArray(list);
        return node;
    }

    public static JsonObject Mark(string type, JsonObject? attrs = null)
    {
        var mark = new JsonObject { ["type"] = type };
        if (attrs is not null)
            mark["attrs"] = attrs;
        return mark;
    }

    public static JsonObject HardBreak() => new() { ["type"] = "hardBreak" };

    /// <summary>A node's text, or null when it has none (or something that is not a string).</summary>
    public static string? TextOf(JsonNode? node) =>
        node is JsonObject o && o["text"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string? Type(JsonNode? node) => node is JsonObject o && o["type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string? Attr(JsonNode? node, string name) =>
        node is JsonObject o && o["attrs"] is JsonObject a && a[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A number attribute, whichever .NET type the JSON value was built from.</summary>
    public static double? Number(JsonNode? node, string name) =>
        node is JsonObject o && o["attrs"] is JsonObject a && a[name] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public static JsonArray Content(JsonNode? node) => node is JsonObject o && o["content"] is JsonArray a ? a : [];

    public static IEnumerable<JsonObject> Marks(JsonNode? node) =>
        node is JsonObject o && o["marks"] is JsonArray a ? a.OfType<JsonObject>() : [];
}
