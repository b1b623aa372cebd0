using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Builds nested ADF lists from wiki list lines ("Text formatting notation help", Lists): the prefix is the path of
/// list kinds from the outside in, <c>*</c> (or <c>-</c>) for bullets and <c>#</c> for numbers, so <c>*#</c> is a
/// numbered list inside a bullet item. A nested list goes inside the last item of its parent, as ADF's listItem
/// holds a paragraph then lists ("listItem", https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/listItem/);
/// a level skipped over gets an item with an empty paragraph. A line without a prefix continues the item above.
/// </summary>
internal static class WikiListParser
{
    private sealed record Level(char Kind, JsonArray Items);

    public static List<JsonObject> Lists(IEnumerable<string> lines)
    {
        var blocks = new List<JsonObject>();
        var path = new List<Level>();
        JsonObject? lastParagraph = null;
        var lastText = "";
        void FinishItem()
        {
            if (lastParagraph is not null)
                lastParagraph["content"] = new JsonArray([.. WikiInlineParser.Parse(lastText)]);
        }
        foreach (var line in lines)
        {
            var match = WikiBlockParser.ListLine().Match(line);
            if (!match.Success)
            {
                lastText += "\n" + line;
                continue;
            }
            FinishItem();
            var kinds = match.Groups[1].Value.Replace('-', '*');
            var same = 0;
            while (same < path.Count && same < kinds.Length && path[same].Kind == kinds[same])
                same++;
            // The same path adds an item at its deepest level; a different one keeps the levels they share.
            path.RemoveRange(same, path.Count - same);
            for (var depth = path.Count; depth < kinds.Length; depth++)
            {
                var items = new JsonArray();
                var list = Adf.Node(kinds[depth] == '#' ? "orderedList" : "bulletList", items);
                if (depth == 0)
                    blocks.Add(list);
                else
                    ParentItem(path[depth - 1]).Add(list);
                path.Add(new Level(kinds[depth], items));
                if (depth < kinds.Length - 1)
                    items.Add(Item(Adf.Paragraph()));
            }
            lastParagraph = Adf.Paragraph();
            lastText = line[match.Length..].TrimStart();
            path[^1].Items.Add(Item(lastParagraph));
        }
        FinishItem();
        return blocks;
    }

    private static JsonObject Item(JsonObject paragraph) => Adf.Node("listItem", new JsonArray(paragraph));

    private static JsonArray ParentItem(Level level) => (JsonArray)level.Items[^1]!["content"]!;
}
