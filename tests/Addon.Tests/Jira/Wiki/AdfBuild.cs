using System.Text.Json.Nodes;

namespace ConnectAddon.Tests.Jira.Wiki;

/// <summary>Short spellings of ADF nodes and marks for the case tables. A string where inline content goes is plain text.</summary>
internal static class AdfBuild
{
    public static JsonObject Doc(params JsonNode[] blocks) => new() { ["type"] = "doc", ["version"] = 1, ["content"] = new JsonArray(blocks) };

    public static JsonObject P(params object[] inline) => Node("paragraph", Inline(inline));

    public static JsonObject H(int level, params object[] inline) => Node("heading", Inline(inline), new JsonObject { ["level"] = level });

    public static JsonObject T(string text, params JsonObject[] marks)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        if (marks.Length > 0)
            node["marks"] = new JsonArray([.. marks.Select(m => m.DeepClone())]);
        return node;
    }

    public static JsonObject Strong => Mark("strong");
    public static JsonObject Em => Mark("em");
    public static JsonObject Underline => Mark("underline");
    public static JsonObject Strike => Mark("strike");
    public static JsonObject Code => Mark("code");
    public static JsonObject Sup => Mark("subsup", new JsonObject { ["type"] = "sup" });
    public static JsonObject Sub => Mark("subsup", new JsonObject { ["type"] = "sub" });
    public static JsonObject Colour(string hex) => Mark("textColor", new JsonObject { ["color"] = hex });

    public static JsonObject Link(string href, string? title = null)
    {
        var attrs = new JsonObject { ["href"] = href };
        if (title is not null)
            attrs["title"] = title;
        return Mark("link", attrs);
    }

    public static JsonObject Br => new() { ["type"] = "hardBreak" };

    public static JsonObject Rule => new() { ["type"] = "rule" };

    public static JsonObject Bullet(params JsonObject[] items) => Node("bulletList", new JsonArray(items));

    public static JsonObject Ordered(params JsonObject[] items) => Node("orderedList", new JsonArray(items));

    /// <summary>A list item: the inline content up to the first block is its paragraph, then the blocks (nested lists).</summary>
    public static JsonObject Li(params object[] content)
    {
        var inline = content.TakeWhile(c => c is string || c is JsonObject o && !IsBlock(o)).ToArray();
        var blocks = content.Skip(inline.Length).Cast<JsonNode>().Select(b => b.DeepClone());
        return Node("listItem", new JsonArray([P(inline), .. blocks]));
    }

    public static JsonObject Table(params JsonObject[] rows) => Node("table", new JsonArray(rows));

    public static JsonObject Row(params JsonObject[] cells) => Node("tableRow", new JsonArray(cells));

    public static JsonObject Th(params object[] inline) => Node("tableHeader", new JsonArray(P(inline)));

    public static JsonObject Td(params object[] inline) => Node("tableCell", new JsonArray(P(inline)));

    public static JsonObject CodeBlock(string? language, string text) =>
        Node("codeBlock", text.Length == 0 ? [] : new JsonArray(T(text)), language is null ? null : new JsonObject { ["language"] = language });

    public static JsonObject Quote(params JsonObject[] blocks) => Node("blockquote", new JsonArray(blocks));

    public static JsonObject Panel(params JsonObject[] blocks) => PanelOf("info", blocks);

    public static JsonObject PanelOf(string type, params JsonObject[] blocks) => Node("panel", new JsonArray(blocks), new JsonObject { ["panelType"] = type });

    public static JsonObject Emoji(string shortName, string id, string text) =>
        new() { ["type"] = "emoji", ["attrs"] = new JsonObject { ["shortName"] = shortName, ["id"] = id, ["text"] = text } };

    public static JsonObject Mention(string id) => new() { ["type"] = "mention", ["attrs"] = new JsonObject { ["id"] = id, ["text"] = "@" + id } };

    public static JsonObject Media(string name) =>
        new() { ["type"] = "media", ["attrs"] = new JsonObject { ["type"] = "file", ["id"] = name, ["collection"] = "", ["alt"] = name } };

    public static JsonObject Image(string name, bool thumbnail = false)
    {
        var attrs = new JsonObject { ["layout"] = "center" };
        if (thumbnail)
        {
            attrs["width"] = 200;
            attrs["widthType"] = "pixel";
        }
        return Node("mediaSingle", new JsonArray(Media(name)), attrs);
    }

    public static JsonObject Files(params string[] names) => Node("mediaGroup", new JsonArray([.. names.Select(n => (JsonNode)Media(n))]));

    public static JsonObject InlineMedia(string name, string type) =>
        new() { ["type"] = "mediaInline", ["attrs"] = new JsonObject { ["type"] = type, ["id"] = name, ["collection"] = "", ["alt"] = name } };

    public static JsonObject Node(string type, JsonArray? content = null, JsonObject? attrs = null)
    {
        var node = new JsonObject { ["type"] = type };
        if (attrs is not null)
            node["attrs"] = attrs;
        if (content is not null)
            node["content"] = content;
        return node;
    }

    private static JsonObject Mark(string type, JsonObject? attrs = null)
    {
        var mark = new JsonObject { ["type"] = type };
        if (attrs is not null)
            mark["attrs"] = attrs;
        return mark;
    }

    private static JsonArray Inline(object[] inline) =>
        new([.. inline.Select(i => i is string s ? T(s) : ((JsonNode)i).DeepClone())]);

    private static bool IsBlock(JsonObject node) => (string?)node["type"] is "bulletList" or "orderedList" or "codeBlock" or "mediaSingle";
}
