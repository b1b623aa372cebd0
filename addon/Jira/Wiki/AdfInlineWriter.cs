using System.Text;
using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Writes ADF inline content (text with marks, hard breaks, mentions, emoji, media) as one piece of wiki markup.
/// Marks become the markup of "Text formatting notation help"; a run sharing a mark is wrapped once, the mark that
/// runs furthest outermost, a link outside other effects and monospace innermost (wiki cannot format inside
/// <c>{{…}}</c>, and ADF's code mark combines only with link). Where <c>*x*</c> would not be read as bold (inside a word,
/// or with a space at the edge) the <c>{*}x{*}</c> spelling is used.
/// </summary>
internal static class AdfInlineWriter
{
    private static readonly string[] Order = ["link", "textColor", "strong", "em", "underline", "strike", "subsup", "code"];

    /// <param name="newlineBreaks">Whether a hard break may be a new line (in a paragraph) or must be <c>\\</c> (heading, table cell).</param>
    /// <param name="after">What the reader sees after this content (a table cell's closing bar), if anything.</param>
    public static string Write(JsonArray inline, bool newlineBreaks, char? after = null)
    {
        var items = AdfInlineText.Prepare(inline);
        var segments = Segment(items);
        Render(segments, null, after, new HashSet<char>(), inLinkText: false);
        return Join(segments, newlineBreaks);
    }

    private static string Join(List<AdfInlineSegment> segments, bool newlineBreaks)
    {
        var sb = new StringBuilder();
        var lineStart = 0;
        for (var k = 0; k < segments.Count; k++)
        {
            if (!segments[k].IsBreak)
            {
                sb.Append(segments[k].Wiki);
                continue;
            }
            // A blank line would end the paragraph, so a break after an empty line, or the last one, is "\\".
            var lineIsBlank = string.IsNullOrWhiteSpace(sb.ToString(lineStart, sb.Length - lineStart));
            if (newlineBreaks && !lineIsBlank && k < segments.Count - 1)
            {
                sb.Append('\n');
                lineStart = sb.Length;
            }
            else
                sb.Append("\\\\");
        }
        return sb.ToString();
    }

    private static List<AdfInlineSegment> Segment(IReadOnlyList<AdfInlineItem> items)
    {
        var segments = new List<AdfInlineSegment>();
        for (var i = 0; i < items.Count;)
        {
            var item = items[i];
            if (!item.IsText)
            {
                segments.Add(AdfInlineText.Atom(item.Node));
                i++;
                continue;
            }
            var wrapping = item.Marks.Where(m => Adf.Type(m) != "code").ToList();
            if (wrapping.Count == 0)
            {
                var monospace = item.Marks.Count > 0 && !item.Text.EndsWith('\\');
                segments.Add(new AdfInlineSegment { Text = item.Text, Monospace = monospace });
                i++;
                continue;
            }
            var best = wrapping
                .Select(m => (Mark: m, Reach: Reach(items, i, m)))
                .OrderByDescending(x => x.Reach).ThenBy(x => Array.IndexOf(Order, Adf.Type(x.Mark)))
                .First();
            var inner = items.Skip(i).Take(best.Reach).Select(x => x.Without(best.Mark)).ToList();
            segments.Add(new AdfInlineSegment { Wrap = new AdfInlineWrap(best.Mark, inner) });
            i += best.Reach;
        }
        return segments;
    }

    private static int Reach(IReadOnlyList<AdfInlineItem> items, int from, JsonObject mark)
    {
        var to = from;
        while (to < items.Count && items[to].IsText && items[to].Has(mark))
            to++;
        return to - from;
    }

    /// <summary>
    /// Fills in each segment's wiki: first the spelling of links and effects (which depends only on what kind of
    /// character their neighbours show), then plain text right to left, as its escaping depends on what follows.
    /// </summary>
    private static void Render(List<AdfInlineSegment> segments, char? before, char? after, ISet<char> closable, bool inLinkText)
    {
        for (var k = 0; k < segments.Count; k++)
            if (segments[k].Wrap is { Type: "link" } link)
                segments[k].Wiki = AdfLinkWriter.Write(link, Previous(segments, k, before), segments, k, after, inLinkText);
        for (var k = 0; k < segments.Count; k++)
            if (segments[k].Wrap is { } wrap && wrap.Type != "link")
                segments[k].Wiki = WriteWrap(wrap, Previous(segments, k, before), Next(segments, k, after), closable, inLinkText);
        for (var k = segments.Count - 1; k >= 0; k--)
        {
            var s = segments[k];
            if (s.Wiki is not null || s.IsBreak)
                continue;
            s.Wiki = s.Monospace
                ? "{{" + WikiEscaper.Monospace(s.Text!) + "}}"
                : WikiEscaper.Text(s.Text!, Previous(segments, k, before), Next(segments, k, after), closable, inLinkText);
        }
    }

    public static string RenderInner(IReadOnlyList<AdfInlineItem> items, char before, char after, ISet<char> closable, bool inLinkText)
    {
        var segments = Segment(items);
        Render(segments, before, after, closable, inLinkText);
        return string.Concat(segments.Select(s => s.Wiki));
    }

    private static char? Previous(List<AdfInlineSegment> segments, int k, char? before) =>
        k == 0 ? before : segments[k - 1].IsBreak ? '\n' : segments[k - 1].Last ?? (segments[k - 1].Wrap is null ? null : '*');

    private static char? Next(List<AdfInlineSegment> segments, int k, char? after) =>
        k == segments.Count - 1 ? after : segments[k + 1].IsBreak ? '\n' : segments[k + 1].First ?? (segments[k + 1].Wrap is null ? null : '*');

    private static string WriteWrap(AdfInlineWrap wrap, char? before, char? after, ISet<char> closable, bool inLinkText)
    {
        if (wrap.Type == "textColor")
        {
            var inner = RenderInner(wrap.Items, '}', '{', new HashSet<char>(), inLinkText);
            var hex = Adf.Attr(wrap.Mark, "color") is { } c ? WikiColours.ToHex(c) : null;
            return hex is null ? inner : "{color:" + hex + "}" + inner + "{color}";
        }
        if (WikiMarker.For(wrap.Mark) is not { } m)
            return RenderInner(wrap.Items, '*', '*', closable, inLinkText);
        var inside = new HashSet<char>(closable) { m };
        var plain = RenderInner(wrap.Items, m, m, inside, inLinkText);
        var opens = WikiMarker.CanOpen(m, before, plain.Length > 0 ? plain[0] : null);
        var closes = WikiMarker.CanClose(m, plain.Length > 0 ? plain[^1] : null, after);
        if (opens && closes)
            return m + plain + m;
        var braced = RenderInner(wrap.Items, '}', '{', inside, inLinkText);
        return "{" + m + "}" + braced + "{" + m + "}";
    }
}
