using System.Text;
using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Cuts wiki text into <see cref="WikiInlinePiece"/>s, left to right in one pass. The spellings come from
/// "Text formatting notation help" (https://jira.atlassian.com/secure/WikiRendererHelpAction.jspa?section=all).
/// </summary>
internal sealed class WikiInlineScanner(string text, bool inLink)
{
    private readonly List<WikiInlinePiece> pieces = [];
    private readonly StringBuilder literal = new();
    private int at;
    private int lineEnd = -1;
    private int noBracketCloseUntil = -1;

    public List<WikiInlinePiece> Scan()
    {
        while (at < text.Length)
        {
            if (!TryMarkup())
                literal.Append(text[at++]);
        }
        FlushLiteral();
        return pieces;
    }

    private char? Before => at > 0 ? text[at - 1] : null;

    private char? After(int offset = 1) => at + offset < text.Length ? text[at + offset] : null;

    private bool TryMarkup()
    {
        var c = text[at];
        switch (c)
        {
            case '\n':
                return Add(1, new WikiInlinePiece { Nodes = [Adf.HardBreak()], IsBreak = true });
            case '\\' when After() == '\\':
                // Text Breaks: "\\" is a line break.
                return Add(2, new WikiInlinePiece { Nodes = [Adf.HardBreak()], IsBreak = true });
            case '\\' when After() is { } escaped && WikiEscaper.IsEscapable(escaped):
                // Misc: "\X" escapes a special character.
                return Add(2, new WikiInlinePiece { Literal = escaped.ToString() });
            case '&' when string.CompareOrdinal(text, at, WikiEscaper.BackslashEntity, 0, WikiEscaper.BackslashEntity.Length) == 0:
                return Add(WikiEscaper.BackslashEntity.Length, new WikiInlinePiece { Literal = "\\" });
            case '{':
                return TryBrace();
            case '[':
                return TryBracket();
            case '!':
                return TryImage();
            case 'h' when !inLink:
                return TryBareUrl();
            case ':' or ';' or '(':
                return TryEmoticon();
            default:
                if (!WikiMarker.IsMarker(c))
                    return false;
                return Add(1, new WikiInlinePiece
                {
                    Marker = c,
                    CanOpen = WikiMarker.CanOpen(c, Before, After()),
                    CanClose = WikiMarker.CanClose(c, Before, After()),
                });
        }
    }

    private bool TryBrace()
    {
        if (After() is { } m && WikiMarker.IsMarker(m) && After(2) == '}')
            return Add(3, new WikiInlinePiece { Marker = m, Braced = true });
        if (After() == '{')
            return TryMonospace();
        if (string.CompareOrdinal(text, at, "{color:", 0, 7) == 0)
            return TryColour();
        return false;
    }

    /// <summary>Text Effects: <c>{{monospaced}}</c>, literal up to the first unescaped <c>}}</c> on the line.</summary>
    private bool TryMonospace()
    {
        var content = new StringBuilder();
        for (var i = at + 2; i < text.Length && text[i] != '\n'; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '}')
            {
                content.Append('}');
                i++;
            }
            else if (text[i] == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                if (content.Length == 0)
                    return false;
                return Add(i + 2 - at, new WikiInlinePiece { Nodes = [Adf.Text(content.ToString(), [Adf.Mark("code")])] });
            }
            else
                content.Append(text[i]);
        }
        return false;
    }

    /// <summary>Text Effects: <c>{color:red}text{color}</c>; the colour must be one ADF can hold.</summary>
    private bool TryColour()
    {
        var close = text.IndexOf('}', at + 7);
        if (close < 0)
            return false;
        var hex = WikiColours.ToHex(text[(at + 7)..close]);
        var end = WikiEscaper.FindUnescaped(text, "{color}", close + 1);
        if (hex is null || end < 0 || end == close + 1)
            return false;
        var inner = WikiInlineParser.Parse(text[(close + 1)..end], inLink);
        var colour = Adf.Mark("textColor", new JsonObject { ["color"] = hex });
        foreach (var node in inner)
            if (Adf.Type(node) == "text" && !Adf.Marks(node).Any(m => Adf.Type(m) == "code"))
                node["marks"] = new JsonArray([.. Adf.Marks(node).Select(m => (JsonNode)m.DeepClone()), colour.DeepClone()]);
        return Add(end + 7 - at, new WikiInlinePiece { Nodes = inner });
    }

    /// <summary>Links: <c>[text|url]</c>, <c>[url]</c>, <c>[~user]</c>, <c>[^attachment]</c>, on one line.</summary>
    private bool TryBracket()
    {
        // Remembering that a line has no "]" left keeps a line full of "[" linear.
        if (at < noBracketCloseUntil)
            return false;
        var end = WikiEscaper.FindOutsideMonospace(text, ']', at + 1, LineEnd());
        if (end < 0)
        {
            noBracketCloseUntil = LineEnd();
            return false;
        }
        var nodes = WikiLinks.Parse(text[(at + 1)..end], inLink);
        return nodes is not null && Add(end + 1 - at, new WikiInlinePiece { Nodes = nodes });
    }

    /// <summary>Images: <c>!file.png!</c> inside a sentence is an inline image (a paragraph of only images is a block, see WikiBlockParser).</summary>
    private bool TryImage()
    {
        var end = text.IndexOf('!', at + 1, LineEnd() - at - 1);
        if (end < 0)
            return false;
        var image = WikiMedia.Image(text[(at + 1)..end]);
        if (image is null || image.External)
            return false;
        return Add(end + 1 - at, new WikiInlinePiece { Nodes = [WikiMedia.Inline(image.Name, "image")] });
    }

    /// <summary>Links: a bare http(s) URL is a link; trailing punctuation belongs to the sentence, not the URL.</summary>
    private bool TryBareUrl()
    {
        if (Before is { } b && char.IsLetterOrDigit(b))
            return false;
        var length = WikiLinks.BareUrlLength(text, at);
        if (length == 0)
            return false;
        var url = text.Substring(at, length);
        return Add(length, new WikiInlinePiece { Nodes = [Adf.Text(url, [WikiLinks.LinkMark(url)])] });
    }

    /// <summary>Misc: emoticons, only as a word of their own (so <c>f(x)</c> stays text).</summary>
    private bool TryEmoticon()
    {
        if (Before is { } b && char.IsLetterOrDigit(b))
            return false;
        // ":D" and ":P" end in a letter, so they must also end the word (":Done" is text).
        var length = WikiEmoticons.Match(text, at);
        if (length == 0 || (char.IsLetter(text[at + length - 1]) && at + length < text.Length && char.IsLetterOrDigit(text[at + length])))
            return false;
        return Add(length, new WikiInlinePiece { Nodes = [WikiEmoticons.ToAdf(text.Substring(at, length))] });
    }

    private int LineEnd()
    {
        if (lineEnd < at)
        {
            lineEnd = text.IndexOf('\n', at);
            if (lineEnd < 0)
                lineEnd = text.Length;
        }
        return lineEnd;
    }

    private bool Add(int length, WikiInlinePiece piece)
    {
        FlushLiteral();
        pieces.Add(piece);
        at += length;
        return true;
    }

    private void FlushLiteral()
    {
        if (literal.Length > 0)
            pieces.Add(new WikiInlinePiece { Literal = literal.ToString() });
        literal.Clear();
    }
}
