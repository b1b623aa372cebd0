using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectAddon.Sync.Model;

/// <summary>
/// Makes ADF (descriptions, comment bodies) fit for the other site (DESIGN §7 "Rich text"): a mention becomes the
/// person's name as plain text, because their account means nothing there and must never notify a stranger; a media
/// node, which points at this site's files, becomes a readable reference to the attachment that the sync copies.
/// Everything else goes across as it is. What comes out stays valid against the ADF schema: block media become
/// paragraphs, inline media and mentions become text.
/// </summary>
public static class PeerAdf
{
    public static JsonNode? Prepare(JsonNode? adf)
    {
        if (adf is not JsonObject root)
            return adf?.DeepClone();
        var copy = (JsonObject)root.DeepClone();
        Rewrite(copy);
        return copy;
    }

    /// <summary>
    /// The body of the copy of a comment: who wrote it and when, then what they wrote (an app cannot set a comment's
    /// author or time, DESIGN §7a).
    /// </summary>
    public static JsonObject CommentCopy(ReplicaComment comment)
    {
        var when = comment.Created is { } created
            ? created.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : "an unknown time";
        var header = new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(
                new JsonObject { ["type"] = "text", ["text"] = NonEmpty(comment.Author, "Someone"), ["marks"] = new JsonArray(new JsonObject { ["type"] = "strong" }) },
                new JsonObject { ["type"] = "text", ["text"] = $" wrote on {when}:" }),
        };
        var content = new JsonArray(header);
        if (comment.Body?["content"] is JsonArray body)
            foreach (var block in body)
                content.Add(block?.DeepClone());
        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
    }

    private static void Rewrite(JsonObject node)
    {
        if (node["content"] is not JsonArray children)
            return;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is not JsonObject child)
                continue;
            var replacement = (string?)child["type"] switch
            {
                "mention" => Text(MentionName(child)),
                "mediaInline" => Text(MediaReference([child])),
                "mediaSingle" or "mediaGroup" => Paragraph(MediaReference(child["content"] as JsonArray ?? [])),
                _ => null,
            };
            if (replacement is null)
                Rewrite(child);
            else
                children[i] = replacement;
        }
    }

    private static string MentionName(JsonObject mention)
    {
        var text = (string?)mention["attrs"]?["text"];
        return NonEmpty(text?.TrimStart('@'), "someone");
    }

    private static string MediaReference(IEnumerable<JsonNode?> media)
    {
        var names = media.Select(m => (string?)m?["attrs"]?["alt"]).Select(n => string.IsNullOrWhiteSpace(n) ? "an attachment" : n).ToList();
        return "[attachment: " + string.Join(", ", names.Count == 0 ? ["an attachment"] : names) + "]";
    }

    private static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };

    private static JsonObject Paragraph(string text) => new() { ["type"] = "paragraph", ["content"] = new JsonArray(Text(text)) };

    private static string NonEmpty(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;
}
