using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// The square-bracket forms of "Text formatting notation help" (Links): <c>[text|url]</c>, <c>[url]</c>,
/// <c>[mailto:who@example.com]</c>, <c>[~username]</c> and <c>[^attachment.ext]</c>, as ADF link marks
/// ("link", https://developer.atlassian.com/cloud/jira/platform/apis/document/marks/link/), mention and media nodes.
/// </summary>
internal static partial class WikiLinks
{
    public const string AccountIdPrefix = "accountid:";

    /// <summary>Characters that end a bare URL, as they start other markup or are not URL characters.</summary>
    public const string UrlStops = "[]|!\"<>{}";

    /// <summary>Characters that end a sentence rather than a URL: dropped from a bare URL's end.</summary>
    public const string UrlTrailers = ".,;:!?)'\"*_+-^~";

    /// <summary>The nodes for the inside of <c>[…]</c>, or null when it is not a link (then it is kept as text).</summary>
    public static List<JsonObject>? Parse(string inside, bool inLink)
    {
        var bar = WikiEscaper.FindOutsideMonospace(inside, '|', 0, inside.Length);
        // With a bar it is a link, even when its text starts with "~" or "^" (superscript, subscript).
        if (bar < 0 && inside.StartsWith('~'))
            return inLink ? null : Mention(inside[1..]);
        if (bar < 0 && inside.StartsWith('^'))
            return !inLink && !string.IsNullOrWhiteSpace(inside[1..]) ? [WikiMedia.Inline(inside[1..].Trim(), "file")] : null;
        if (bar < 0)
            return IsUrl(inside) && !inLink ? [Adf.Text(inside.StartsWith("mailto:") ? inside[7..] : inside, [LinkMark(inside)])] : null;
        var rest = inside[(bar + 1)..];
        var secondBar = rest.IndexOf('|');
        var href = (secondBar < 0 ? rest : rest[..secondBar]).Trim();
        var title = secondBar < 0 ? null : rest[(secondBar + 1)..];
        if (inLink || href.Length == 0 || href.Any(char.IsWhiteSpace) || href.Contains(']'))
            return null;
        var nodes = bar == 0 ? [Adf.Text(href)] : WikiInlineParser.Parse(inside[..bar], inLink: true);
        var link = LinkMark(href, title);
        foreach (var node in nodes.Where(n => Adf.Type(n) == "text"))
            node["marks"] = new JsonArray([link.DeepClone(), .. Adf.Marks(node).Select(m => (JsonNode)m.DeepClone())]);
        return nodes;
    }

    public static JsonObject LinkMark(string href, string? title = null)
    {
        var attrs = new JsonObject { ["href"] = href };
        if (!string.IsNullOrEmpty(title))
            attrs["title"] = title;
        return Adf.Mark("link", attrs);
    }

    public static bool IsUrl(string text) => UrlPattern().IsMatch(text);

    /// <summary>How long the bare http(s) URL at <paramref name="at"/> is, or 0 when there is none.</summary>
    public static int BareUrlLength(string text, int at)
    {
        var scheme = string.CompareOrdinal(text, at, "https://", 0, 8) == 0 ? 8
            : string.CompareOrdinal(text, at, "http://", 0, 7) == 0 ? 7 : 0;
        if (scheme == 0)
            return 0;
        var end = at + scheme;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && !UrlStops.Contains(text[end]) && text[end] != '\\')
            end++;
        while (end > at + scheme && UrlTrailers.Contains(text[end - 1]))
            end--;
        return end > at + scheme ? end - at : 0;
    }

    /// <summary>
    /// A mention is the user's name or, on Cloud, <c>accountid:…</c> ("mention",
    /// https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/mention/).
    /// </summary>
    private static List<JsonObject>? Mention(string who)
    {
        var id = who.StartsWith(AccountIdPrefix, StringComparison.OrdinalIgnoreCase) ? who[AccountIdPrefix.Length..] : who;
        if (id.Length == 0 || id.Any(char.IsWhiteSpace) || id.Contains('|'))
            return null;
        return [new JsonObject { ["type"] = "mention", ["attrs"] = new JsonObject { ["id"] = id, ["text"] = "@" + id } }];
    }

    /// <summary>
    /// Whether a mention's id is a Cloud account id (<c>557058:…</c>, or 24 hex digits) rather than a Data Center
    /// user name, which decides <c>[~accountid:…]</c> against <c>[~name]</c>.
    /// </summary>
    public static bool IsAccountId(string id) => id.Contains(':') || (id.Length >= 24 && id.All(Uri.IsHexDigit));

    [GeneratedRegex(@"^((https?|ftp|file)://\S+|mailto:\S+)$")]
    private static partial Regex UrlPattern();
}
