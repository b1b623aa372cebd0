using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Turns ADF inline nodes into what the wiki writer works on. Nodes wiki has no markup for become their readable
/// text, never nothing: a date its ISO date ("date", https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/date/),
/// a status lozenge its text ("status"), a smart link its URL ("inlineCard"), an unknown emoji its character.
/// </summary>
internal static class AdfInlineText
{
    private static readonly HashSet<string> WikiMarks = ["link", "textColor", "strong", "em", "underline", "strike", "subsup", "code"];

    public static List<AdfInlineItem> Prepare(JsonArray inline)
    {
        var items = new List<AdfInlineItem>();
        foreach (var node in inline.OfType<JsonObject>())
        {
            var item = Readable(node);
            if (item is null)
                continue;
            if (items.Count > 0 && items[^1].IsText && item.IsText && SameMarks(items[^1], item))
                items[^1] = items[^1] with { Node = Adf.Text(items[^1].Text + item.Text) };
            else
                items.Add(item);
        }
        return items;
    }

    public static AdfInlineSegment Atom(JsonObject node)
    {
        switch (Adf.Type(node))
        {
            case "hardBreak":
                return new AdfInlineSegment { IsBreak = true };
            case "mention":
                var id = Adf.Attr(node, "id") ?? "";
                return new AdfInlineSegment { Wiki = "[~" + (WikiLinks.IsAccountId(id) ? WikiLinks.AccountIdPrefix : "") + id + "]" };
            case "emoji":
                return new AdfInlineSegment { Wiki = WikiEmoticons.ToWiki(Adf.Attr(node, "shortName")) };
            default:
                var name = WikiMedia.Name(node);
                return new AdfInlineSegment { Wiki = Adf.Attr(node, "type") == "image" ? "!" + name + "!" : "[^" + name + "]" };
        }
    }

    private static bool SameMarks(AdfInlineItem a, AdfInlineItem b) =>
        a.Marks.Count == b.Marks.Count && a.Marks.All(b.Has);

    private static AdfInlineItem? Readable(JsonObject node)
    {
        var type = Adf.Type(node);
        switch (type)
        {
            case "text":
                var text = Adf.TextOf(node);
                return string.IsNullOrEmpty(text) ? null : new AdfInlineItem(node, [.. Adf.Marks(node).Where(m => WikiMarks.Contains(Adf.Type(m) ?? ""))]);
            case "hardBreak" or "mention" or "mediaInline":
                return new AdfInlineItem(node, []);
            case "emoji" when WikiEmoticons.ToWiki(Adf.Attr(node, "shortName")) is not null:
                return new AdfInlineItem(node, []);
            case "emoji":
                return Plain(Adf.Attr(node, "text") ?? Adf.Attr(node, "shortName"));
            case "inlineCard" when Adf.Attr(node, "url") is { Length: > 0 } url:
                return new AdfInlineItem(Adf.Text(url), [WikiLinks.LinkMark(url)]);
            case "date":
                return Plain(IsoDate(Adf.Attr(node, "timestamp")));
            default:
                return Plain(Adf.Attr(node, "text") ?? Adf.Attr(node, "url") ?? Adf.Attr(node, "extensionKey") ?? AdfText.Of(node));
        }
    }

    private static AdfInlineItem? Plain(string? text) => string.IsNullOrEmpty(text) ? null : new AdfInlineItem(Adf.Text(text), []);

    /// <summary>An ADF date is milliseconds since 1970 as a string; wiki gets the ISO date.</summary>
    private static string? IsoDate(string? timestamp) =>
        long.TryParse(timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : timestamp;
}
