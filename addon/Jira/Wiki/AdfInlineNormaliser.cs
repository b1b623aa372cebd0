using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>The inline rules of <see cref="AdfNormaliser"/>: text split at line breaks, merged, and trimmed at the edges.</summary>
internal static class AdfInlineNormaliser
{
    public static void Inline(JsonArray content, bool trim)
    {
        var result = new List<JsonObject>();
        foreach (var node in content.OfType<JsonObject>().Select(n => (JsonObject)n.DeepClone()))
        {
            if (Adf.Type(node) != "text")
            {
                result.Add(node);
                continue;
            }
            var text = (Adf.TextOf(node) ?? "").Replace("\r\n", "\n").Replace('\r', '\n');
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                    result.Add(Adf.HardBreak());
                if (lines[i].Length > 0)
                    Append(result, WithText(node, lines[i]));
            }
        }
        if (trim)
            Trim(result);
        content.Clear();
        foreach (var node in result)
            content.Add(node);
    }

    private static void Append(List<JsonObject> result, JsonObject text)
    {
        if (result.Count > 0 && Adf.Type(result[^1]) == "text" && JsonNode.DeepEquals(result[^1]["marks"], text["marks"]))
            result[^1]["text"] = Adf.TextOf(result[^1]) + Adf.TextOf(text);
        else
            result.Add(text);
    }

    private static JsonObject WithText(JsonObject node, string text)
    {
        var copy = (JsonObject)node.DeepClone();
        copy["text"] = text;
        return copy;
    }

    private static void Trim(List<JsonObject> nodes)
    {
        while (nodes.Count > 0 && Adf.Type(nodes[0]) == "text")
        {
            var text = (Adf.TextOf(nodes[0]) ?? "").TrimStart();
            if (text.Length > 0)
            {
                nodes[0]["text"] = text;
                break;
            }
            nodes.RemoveAt(0);
        }
        while (nodes.Count > 0 && Adf.Type(nodes[^1]) == "text")
        {
            var text = (Adf.TextOf(nodes[^1]) ?? "").TrimEnd();
            if (text.Length > 0)
            {
                nodes[^1]["text"] = text;
                break;
            }
            nodes.RemoveAt(nodes.Count - 1);
        }
    }
}
