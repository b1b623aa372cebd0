using System.Text.RegularExpressions;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Writes a link mark ("Text formatting notation help", Links): a URL that is its own text as the bare URL where
/// the reader will find exactly it again, else <c>[url]</c>; <c>[mailto:who@example.com]</c> for an e-mail address
/// shown as itself; otherwise <c>[text|url]</c>, with the link's title as a third part.
/// </summary>
internal static partial class AdfLinkWriter
{
    public static string Write(AdfInlineWrap link, char? before, List<AdfInlineSegment> segments, int k, char? after, bool inLinkText)
    {
        var href = (Adf.Attr(link.Mark, "href") ?? "").Replace(" ", "%20").Replace("|", "%7C").Replace("]", "%5D");
        var title = Adf.Attr(link.Mark, "title");
        if (href.Length == 0 || inLinkText)
            return AdfInlineWriter.RenderInner(link.Items, '[', '|', new HashSet<char>(), inLinkText);
        var text = link.PlainText;
        if (string.IsNullOrEmpty(title) && WikiLinks.IsUrl(href) && (text == href || "mailto:" + text == href))
            return text == href && IsBare(href, before, segments, k, after) ? href : "[" + href + "]";
        var inner = AdfInlineWriter.RenderInner(link.Items, '[', '|', new HashSet<char>(), inLinkText: true);
        return "[" + inner + "|" + href + (string.IsNullOrEmpty(title) ? "" : "|" + title.Replace("]", "")) + "]";
    }

    /// <summary>Whether the reader, meeting this URL bare among its neighbours, takes exactly it as a link.</summary>
    private static bool IsBare(string href, char? before, List<AdfInlineSegment> segments, int k, char? after)
    {
        if (before is { } b && char.IsLetterOrDigit(b))
            return false;
        if (WikiLinks.BareUrlLength(href, 0) != href.Length || !char.IsLetterOrDigit(href[^1]) && href[^1] != '/')
            return false;
        if (k == segments.Count - 1)
            return after is not { } a || char.IsWhiteSpace(a);
        var next = segments[k + 1];
        if (next.IsBreak)
            return true;
        if (next.Monospace || next.Wrap is { Type: "textColor" })
            return true;
        if (next.Wrap is not null)
            return false;
        if (next.Text is null)
            return next.Wiki is { Length: > 0 } w && WikiLinks.UrlStops.Contains(w[0]);
        var t = next.Text;
        if (char.IsWhiteSpace(t[0]) || (t[0] != '\\' && WikiLinks.UrlStops.Contains(t[0])))
            return true;
        var end = SentenceEnd().Match(t);
        return end.Success && (char.IsWhiteSpace(end.Value[^1]) || (k + 1 == segments.Count - 1 && after is null));
    }

    [GeneratedRegex(@"^[.,;:!?)'""]+(\s|$)")]
    private static partial Regex SentenceEnd();
}
