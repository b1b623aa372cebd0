using System.Text;
using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>The readable text of any ADF node: its text, and its children's, with a space between blocks.</summary>
internal static class AdfText
{
    public static string Of(JsonNode? node)
    {
        var sb = new StringBuilder();
        Append(node, sb);
        return sb.ToString().Trim();
    }

    private static void Append(JsonNode? node, StringBuilder sb)
    {
        if (node is not JsonObject o)
            return;
        if (o["text"] is JsonValue t && t.TryGetValue<string>(out var text))
            sb.Append(text);
        else if (Adf.Type(o) == "hardBreak")
            sb.Append(' ');
        foreach (var child in Adf.Content(o))
        {
            Append(child, sb);
            if (Adf.Type(child) is not ("text" or "hardBreak" or "mention" or "emoji") && sb.Length > 0 && sb[^1] != ' ')
                sb.Append(' ');
        }
    }
}
