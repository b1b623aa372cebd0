using System.Text;
using System.Text.Json.Nodes;

namespace JiraSim.Connect;

/// <summary>
/// ADF rendered as Jira wiki markup, which is how webhook bodies (REST v2 shape) carry descriptions and comment
/// bodies (DESIGN §7a). Covers the nodes the sync writes and reads; unknown nodes give their text. Mentions become
/// <c>[~accountid:…]</c> as in Jira's v2 representation ("Text formatting notation help").
/// </summary>
public static class WikiMarkup
{
    public static string? From(JsonNode? adf)
    {
        if (adf is null)
            return null;
        var text = new StringBuilder();
        Blocks(adf["content"] as JsonArray, text, "\n\n");
        return text.ToString();
    }

    private static void Blocks(JsonArray? blocks, StringBuilder text, string separator)
    {
        var first = true;
        foreach (var block in blocks ?? [])
        {
            if (!first)
                text.Append(separator);
            first = false;
            Block(block, text);
        }
    }

    private static void Block(JsonNode? node, StringBuilder text)
    {
        var content = node?["content"] as JsonArray;
        switch (Type(node))
        {
            case "paragraph":
                Inline(content, text);
                break;
            case "heading":
                text.Append('h').Append(node!["attrs"]?["level"]?.GetValue<int>() ?? 1).Append(". ");
                Inline(content, text);
                break;
            case "bulletList" or "orderedList":
                var marker = Type(node) == "bulletList" ? "* " : "# ";
                var firstItem = true;
                foreach (var item in content ?? [])
                {
                    text.Append(firstItem ? "" : "\n").Append(marker);
                    firstItem = false;
                    Blocks(item?["content"] as JsonArray, text, " ");
                }
                break;
            case "codeBlock":
                var language = node!["attrs"]?["language"]?.GetValue<string>();
                text.Append(language is null ? "{code}" : "{code:" + language + "}").Append('\n');
                Inline(content, text);
                text.Append("\n{code}");
                break;
            case "blockquote":
                text.Append("{quote}");
                Blocks(content, text, "\n\n");
                text.Append("{quote}");
                break;
            case "rule":
                text.Append("----");
                break;
            case "mediaSingle" or "mediaGroup":
                foreach (var media in content ?? [])
                    text.Append('!').Append(media?["attrs"]?["alt"]?.GetValue<string>() ?? media?["attrs"]?["id"]?.GetValue<string>() ?? "media").Append('!');
                break;
            default:
                if (content is not null && content.All(c => IsInline(Type(c))))
                    Inline(content, text);
                else
                    Blocks(content, text, "\n");
                break;
        }
    }

    private static void Inline(JsonArray? nodes, StringBuilder text)
    {
        foreach (var node in nodes ?? [])
        {
            var attrs = node?["attrs"];
            switch (Type(node))
            {
                case "text":
                    text.Append(Marked(node!["text"]?.GetValue<string>() ?? "", node["marks"] as JsonArray));
                    break;
                case "hardBreak":
                    text.Append('\n');
                    break;
                case "mention":
                    text.Append("[~accountid:").Append(attrs?["id"]?.GetValue<string>()).Append(']');
                    break;
                case "emoji":
                    text.Append(attrs?["text"]?.GetValue<string>() ?? attrs?["shortName"]?.GetValue<string>());
                    break;
                case "inlineCard":
                    text.Append('[').Append(attrs?["url"]?.GetValue<string>()).Append(']');
                    break;
                default:
                    Inline(node?["content"] as JsonArray, text);
                    break;
            }
        }
    }

    private static string Marked(string value, JsonArray? marks)
    {
        foreach (var mark in marks ?? [])
            value = Type(mark) switch
            {
                "strong" => "*" + value + "*",
                "em" => "_" + value + "_",
                "strike" => "-" + value + "-",
                "code" => "{{" + value + "}}",
                "underline" => "+" + value + "+",
                "link" => "[" + value + "|" + mark!["attrs"]?["href"]?.GetValue<string>() + "]",
                _ => value,
            };
        return value;
    }

    private static bool IsInline(string? type) => type is "text" or "hardBreak" or "mention" or "emoji" or "inlineCard" or "date" or "status";

    private static string? Type(JsonNode? node) => node?["type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : null;
}
