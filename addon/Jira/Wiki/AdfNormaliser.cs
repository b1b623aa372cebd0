using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// The normal form in which two ADF documents that say the same thing are equal (compare with JsonNode.DeepEquals).
/// Its rules, each a difference wiki cannot carry and a reader cannot see:
/// <list type="number">
/// <item>Text: empty text nodes are dropped; a line break inside text is a hardBreak node; neighbouring text nodes
/// with the same marks are one node; a hardBreak has no attrs.</item>
/// <item>Marks: sorted by type (then attributes), duplicates dropped, no empty <c>marks</c> array; a textColor is
/// lower-case; code text keeps only code, link and annotation marks ("code" mark page: it combines with nothing else).</item>
/// <item>Whitespace: a paragraph's or heading's text has no leading or trailing whitespace (wiki's line-based blocks
/// cannot keep it); whitespace inside, at line breaks included, stays.</item>
/// <item>Paragraphs: a paragraph with no content is dropped, except the first in a list item (which must start with
/// a paragraph) and the only one of a container that must not be empty (quote, panel, cell …). A list item that
/// starts with something else gets an empty paragraph first. Paragraphs, headings and code blocks always have a
/// <c>content</c> array.</item>
/// <item>Code blocks: one text node without marks.</item>
/// <item>Attributes: <c>localId</c> is dropped, as is an ordered list's default <c>order</c> of 1; an empty
/// <c>attrs</c> is dropped.</item>
/// </list>
/// Anything else (an ordered list starting at 3, a panel's colour) is kept, so a difference there shows.
/// </summary>
public static class AdfNormaliser
{
    private static readonly HashSet<string> InlineContainers = ["paragraph", "heading", "taskItem", "decisionItem", "caption"];

    private static readonly HashSet<string> NonEmptyContainers =
        ["blockquote", "panel", "listItem", "tableCell", "tableHeader", "expand", "nestedExpand", "layoutColumn", "bodiedExtension"];

    public static JsonObject Normalise(JsonNode? adf)
    {
        if (adf is not JsonObject root)
            return Adf.Doc([]);
        var doc = Adf.Type(root) == "doc" ? (JsonObject)root.DeepClone() : Adf.Doc([root.DeepClone()]);
        doc["version"] = 1;
        if (doc["content"] is not JsonArray)
            doc["content"] = new JsonArray();
        Node(doc);
        return doc;
    }

    private static void Node(JsonObject node)
    {
        var type = Adf.Type(node) ?? "";
        Attrs(node, type);
        Marks(node);
        if (type is "paragraph" or "heading" or "codeBlock" && node["content"] is not JsonArray)
            node["content"] = new JsonArray();
        if (node["content"] is not JsonArray content)
            return;
        foreach (var child in content.OfType<JsonObject>())
            Node(child);
        if (InlineContainers.Contains(type))
            AdfInlineNormaliser.Inline(content, trim: type is "paragraph" or "heading");
        else if (type == "codeBlock")
            CodeText(content);
        else
            Blocks(type, content);
    }

    private static void Attrs(JsonObject node, string type)
    {
        if (node["attrs"] is not JsonObject attrs)
            return;
        attrs.Remove("localId");
        if (type == "hardBreak" || (type == "orderedList" && Adf.Number(node, "order") == 1))
            attrs.Remove(type == "hardBreak" ? "text" : "order");
        if (attrs.Count == 0)
            node.Remove("attrs");
    }

    private static void Marks(JsonObject node)
    {
        if (node["marks"] is not JsonArray marks)
            return;
        var list = marks.OfType<JsonObject>().Select(m => (JsonObject)m.DeepClone()).ToList();
        foreach (var mark in list)
            if (Adf.Type(mark) == "textColor" && mark["attrs"] is JsonObject a && a["color"] is JsonValue c && c.TryGetValue<string>(out var colour))
                a["color"] = colour.ToLowerInvariant();
        if (list.Any(m => Adf.Type(m) == "code"))
            list = [.. list.Where(m => Adf.Type(m) is "code" or "link" or "annotation")];
        var sorted = list
            .GroupBy(m => m.ToJsonString()).Select(g => g.First())
            .OrderBy(m => Adf.Type(m), StringComparer.Ordinal).ThenBy(m => m.ToJsonString(), StringComparer.Ordinal)
            .ToList();
        node.Remove("marks");
        if (sorted.Count > 0)
            node["marks"] = new JsonArray([.. sorted]);
    }

    private static void CodeText(JsonArray content)
    {
        var text = string.Concat(content.Select(t => Adf.TextOf(t)));
        content.Clear();
        if (text.Length > 0)
            content.Add(Adf.Text(text));
    }

    private static void Blocks(string type, JsonArray content)
    {
        for (var i = content.Count - 1; i >= 0; i--)
            if (Adf.Type(content[i]) == "paragraph" && Adf.Content(content[i]).Count == 0 && !(type == "listItem" && i == 0))
                content.RemoveAt(i);
        if (type == "listItem" && Adf.Type(content.FirstOrDefault()) != "paragraph")
            content.Insert(0, Adf.Paragraph());
        if (content.Count == 0 && NonEmptyContainers.Contains(type))
            content.Add(Adf.Paragraph());
    }
}
