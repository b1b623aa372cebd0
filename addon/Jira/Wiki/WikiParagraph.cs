using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// A paragraph of wiki. One that holds nothing but images is a picture block, one image each (ADF mediaSingle);
/// one that holds nothing but attachment links is a row of files (ADF mediaGroup). See "Text formatting notation
/// help" (Images, Attachments) and the ADF pages "mediaSingle" and "mediaGroup".
/// </summary>
internal static partial class WikiParagraph
{
    public static IEnumerable<JsonObject> Blocks(string text)
    {
        if (OnlyImages().Match(text) is { Success: true } images)
        {
            var parsed = images.Groups[1].Captures.Select(c => WikiMedia.Image(c.Value)).ToList();
            if (parsed.All(i => i is not null))
                return parsed.Select(i => WikiMedia.Single(i!));
        }
        if (OnlyAttachments().Match(text) is { Success: true } files)
        {
            var names = files.Groups[1].Captures.Select(c => c.Value.Trim()).ToList();
            if (names.All(n => n.Length > 0))
                return [WikiMedia.Group(names)];
        }
        return [Adf.Paragraph(WikiInlineParser.Parse(text))];
    }

    [GeneratedRegex(@"^(?:\s*!([^!\n]+)!)+\s*$")]
    private static partial Regex OnlyImages();

    [GeneratedRegex(@"^(?:\s*\[\^([^\]\n]+)\])+\s*$")]
    private static partial Regex OnlyAttachments();
}
