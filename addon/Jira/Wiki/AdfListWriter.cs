using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Writes bullet and numbered lists as wiki lines whose prefix is the path of list kinds (<c>*</c>, <c>#</c>,
/// <c>*#</c> …), as "Text formatting notation help" (Lists) spells nesting and mixing. A list item's later
/// paragraphs continue its line after a line break; other blocks in an item follow it on lines of their own.
/// </summary>
internal static class AdfListWriter
{
    public static string Write(JsonObject list, string prefix)
    {
        var marker = prefix + (Adf.Type(list) == "orderedList" ? "#" : "*");
        var lines = new List<string>();
        foreach (var item in Adf.Content(list).OfType<JsonObject>())
        {
            var text = new List<string>();
            var after = new List<string>();
            foreach (var child in Adf.Content(item).OfType<JsonObject>())
            {
                switch (Adf.Type(child))
                {
                    case "paragraph" when after.Count == 0:
                        text.Add(AdfWikiWriter.Paragraph(child));
                        break;
                    case "bulletList" or "orderedList":
                        after.Add(Write(child, marker));
                        break;
                    default:
                        after.Add(AdfWikiWriter.Blocks([child]));
                        break;
                }
            }
            lines.Add(marker + " " + string.Join("\n", text.Where(t => t.Length > 0)));
            lines.AddRange(after.Where(a => a.Length > 0));
        }
        return string.Join("\n", lines);
    }
}
