using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Attachments and images ("Text formatting notation help", Images and Attachments: <c>!file.png!</c>,
/// <c>!file.png|thumbnail!</c>, <c>[^file.pdf]</c>) as ADF media ("media",
/// https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/media/). Wiki knows a file only by its name,
/// so the media id is the file name, the collection is empty, and <c>alt</c> carries the name back to wiki.
/// </summary>
internal static class WikiMedia
{
    /// <summary>
    /// A thumbnail is a small picture; ADF has no such flag, so it is kept as a mediaSingle 200 pixels wide
    /// ("mediaSingle", https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/mediaSingle/).
    /// </summary>
    public const int ThumbnailWidth = 200;

    public sealed record WikiImage(string Name, bool External, bool Thumbnail);

    /// <summary>The image inside <c>!…!</c>, or null when those characters are not an image.</summary>
    public static WikiImage? Image(string inside)
    {
        var bar = inside.IndexOf('|');
        var name = bar < 0 ? inside : inside[..bar];
        if (name.Length == 0 || char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]) || !name.Contains('.'))
            return null;
        var options = bar < 0 ? [] : inside[(bar + 1)..].Split(',', StringSplitOptions.TrimEntries);
        var external = name.StartsWith("http://") || name.StartsWith("https://");
        return new WikiImage(name, external, options.Contains("thumbnail"));
    }

    public static JsonObject Inline(string name, string type) => new()
    {
        ["type"] = "mediaInline",
        ["attrs"] = new JsonObject { ["type"] = type, ["id"] = name, ["collection"] = "", ["alt"] = name },
    };

    public static JsonObject Media(string name, bool external = false) => new()
    {
        ["type"] = "media",
        ["attrs"] = external
            ? new JsonObject { ["type"] = "external", ["url"] = name }
            : new JsonObject { ["type"] = "file", ["id"] = name, ["collection"] = "", ["alt"] = name },
    };

    public static JsonObject Single(WikiImage image)
    {
        var attrs = new JsonObject { ["layout"] = "center" };
        if (image.Thumbnail)
        {
            attrs["width"] = ThumbnailWidth;
            attrs["widthType"] = "pixel";
        }
        return Adf.Node("mediaSingle", new JsonArray(Media(image.Name, image.External)), attrs);
    }

    public static JsonObject Group(IEnumerable<string> names) => Adf.Node("mediaGroup", new JsonArray([.. names.Select(n => (JsonNode)Media(n))]));

    /// <summary>The file name a media node stands for: its <c>alt</c>, else its id, else its URL.</summary>
    public static string Name(JsonNode? media) =>
        Adf.Attr(media, "alt") is { Length: > 0 } alt ? alt : Adf.Attr(media, "url") ?? Adf.Attr(media, "id") ?? "attachment";

    public static bool IsThumbnail(JsonNode? single) =>
        Adf.Attr(single, "widthType") == "pixel" && Adf.Number(single, "width") == ThumbnailWidth;
}
