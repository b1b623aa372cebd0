using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Writes an ADF panel ("panel", https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/panel/) as
/// <c>{panel}</c> ("Text formatting notation help", Misc). A panel's title has no ADF field, so ToAdf keeps it as the
/// panel's first paragraph in bold; a panel starting with such a paragraph writes it back as <c>title=</c>. The
/// panel type, which wiki lacks, travels as the background colour Atlassian gives that type.
/// </summary>
internal static partial class AdfPanelWriter
{
    public static string Write(JsonObject panel)
    {
        var content = Adf.Content(panel).ToList();
        var parameters = new List<string>();
        if (Title(content.FirstOrDefault()) is { } title)
        {
            parameters.Add("title=" + title);
            content.RemoveAt(0);
        }
        if (WikiPanels.Colour(Adf.Attr(panel, "panelType")) is { } colour)
            parameters.Add("bgColor=" + colour);
        var open = parameters.Count == 0 ? "{panel}" : "{panel:" + string.Join("|", parameters) + "}";
        return open + "\n" + AdfWikiWriter.Blocks(content) + "\n{panel}";
    }

    /// <summary>The title a first paragraph of only bold text stands for, when a macro parameter can hold it.</summary>
    public static string? Title(JsonNode? first)
    {
        if (Adf.Type(first) != "paragraph" || Adf.Content(first) is not [JsonObject text] || Adf.Type(text) != "text")
            return null;
        if (Adf.Marks(text).Select(Adf.Type).ToList() is not ["strong"])
            return null;
        var title = Adf.TextOf(text) ?? "";
        return TitleText().IsMatch(title) ? title : null;
    }

    [GeneratedRegex(@"^[^\s|}{=\\\[\]][^|}{=\\\[\]\n]*(?<!\s)$")]
    private static partial Regex TitleText();
}
