using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Makes blocks fit a container whose ADF content is restricted ("blockquote" and "panel" node pages,
/// https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/): a block the container cannot hold
/// gives up its structure, never its text. A heading becomes a paragraph, a rule the text "----", a table a
/// paragraph a row (cells between " | "), a quote or panel inside the other its own blocks.
/// </summary>
internal static class AdfFit
{
    private static readonly Dictionary<string, HashSet<string>> Allowed = new()
    {
        ["blockquote"] = ["paragraph", "orderedList", "bulletList", "codeBlock", "mediaSingle", "mediaGroup"],
        ["panel"] = ["paragraph", "heading", "bulletList", "orderedList", "mediaGroup", "mediaSingle", "codeBlock", "rule"],
    };

    public static JsonArray Into(string container, IEnumerable<JsonObject> blocks)
    {
        var fitted = new JsonArray();
        foreach (var block in blocks.SelectMany(b => Fit(container, b)))
            fitted.Add(block);
        if (fitted.Count == 0)
            fitted.Add(Adf.Paragraph());
        return fitted;
    }

    private static IEnumerable<JsonObject> Fit(string container, JsonObject block)
    {
        var type = Adf.Type(block) ?? "";
        if (Allowed[container].Contains(type))
            return [block];
        return type switch
        {
            "heading" => [Adf.Paragraph(Inline(block))],
            "rule" => [Adf.Paragraph(Adf.Text("----"))],
            "table" => Adf.Content(block).Select(row => Adf.Paragraph(Row(row))),
            _ => Adf.Content(block).OfType<JsonObject>().Select(b => (JsonObject)b.DeepClone()).SelectMany(b => Fit(container, b)).ToList(),
        };
    }

    private static List<JsonNode> Inline(JsonNode block) => [.. Adf.Content(block).Select(n => n!.DeepClone())];

    private static List<JsonNode> Row(JsonNode? row)
    {
        var inline = new List<JsonNode>();
        foreach (var cell in Adf.Content(row))
        {
            if (inline.Count > 0)
                inline.Add(Adf.Text(" | "));
            foreach (var paragraph in Adf.Content(cell))
                inline.AddRange(Inline(paragraph!));
        }
        return inline;
    }
}
