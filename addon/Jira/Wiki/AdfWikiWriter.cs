using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Writes ADF blocks as wiki markup, one blank line between blocks. Blocks wiki has no markup for keep their text:
/// an expand its title and content, a task "[ ] text" / "[x] text", a decision "Decision: text", a layout its
/// columns one after another, a card its URL, an extension its key or its content.
/// </summary>
internal static class AdfWikiWriter
{
    public static string Write(JsonObject doc) => Blocks(Adf.Content(doc));

    public static string Blocks(IEnumerable<JsonNode?> blocks) =>
        string.Join("\n\n", blocks.OfType<JsonObject>().Select(Block).Where(b => b.Length > 0));

    private static string Block(JsonObject block) => Adf.Type(block) switch
    {
        "paragraph" => Paragraph(block),
        "heading" => "h" + Level(block) + ". " + AdfInlineWriter.Write(Adf.Content(block), newlineBreaks: false),
        "bulletList" or "orderedList" => AdfListWriter.Write(block, ""),
        "blockquote" => Quote(block),
        "codeBlock" => Code(block),
        "rule" => "----",
        "panel" => AdfPanelWriter.Write(block),
        "table" => AdfTableWriter.Write(block),
        "mediaSingle" => Image(block),
        "mediaGroup" => string.Join(" ", Adf.Content(block).Select(m => "[^" + WikiMedia.Name(m) + "]")),
        "taskList" or "decisionList" => Tasks(block),
        "expand" or "nestedExpand" => Expand(block),
        "blockCard" or "embedCard" when Adf.Attr(block, "url") is { Length: > 0 } url => Paragraph(Adf.Paragraph(Adf.Text(url, [WikiLinks.LinkMark(url)]))),
        "extension" => Plain(Adf.Attr(block, "text") ?? Adf.Attr(block, "extensionKey")),
        _ => Blocks(Adf.Content(block)) is { Length: > 0 } inner ? inner : Plain(AdfText.Of(block)),
    };

    public static string Paragraph(JsonObject paragraph) =>
        WikiEscaper.LineStarts(AdfInlineWriter.Write(Adf.Content(paragraph), newlineBreaks: true));

    private static string Plain(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Paragraph(Adf.Paragraph(Adf.Text(text)));

    private static string Level(JsonObject heading) =>
        Math.Clamp((int)(Adf.Number(heading, "level") ?? 1), 1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"bq." holds one line; anything more needs <c>{quote}</c> ("Text formatting notation help", Text Effects).</summary>
    private static string Quote(JsonObject quote)
    {
        var content = Adf.Content(quote);
        if (content is [JsonObject only] && Adf.Type(only) == "paragraph" && Paragraph(only) is var line && !line.Contains('\n') && line.Length > 0)
            return "bq. " + line;
        return "{quote}\n" + Blocks(content) + "\n{quote}";
    }

    /// <summary>
    /// A code block with a language is <c>{code:language}</c>; one without is <c>{noformat}</c>, the wiki block for
    /// preformatted text that is not code ("Text formatting notation help", Misc). Neither can escape its own end
    /// tag, so text holding it uses the other block.
    /// </summary>
    private static string Code(JsonObject code)
    {
        var text = string.Concat(Adf.Content(code).Select(t => Adf.TextOf(t)));
        var language = Adf.Attr(code, "language");
        var asCode = !string.IsNullOrEmpty(language) && !language.Contains('}') && !text.Contains("{code}");
        if (!asCode && text.Contains("{noformat}"))
            return "{code}\n" + text + "\n{code}";
        return asCode ? "{code:" + language + "}\n" + text + "\n{code}" : "{noformat}\n" + text + "\n{noformat}";
    }

    private static string Image(JsonObject single)
    {
        var media = Adf.Content(single).FirstOrDefault();
        return "!" + WikiMedia.Name(media) + (WikiMedia.IsThumbnail(single) ? "|thumbnail" : "") + "!";
    }

    private static string Tasks(JsonObject list)
    {
        var lines = new List<string>();
        foreach (var item in Adf.Content(list).OfType<JsonObject>())
        {
            if (Adf.Type(item) is "taskList" or "decisionList")
            {
                lines.Add(Tasks(item));
                continue;
            }
            var prefix = Adf.Type(item) == "decisionItem" ? "Decision: " : Adf.Attr(item, "state") == "DONE" ? "[x] " : "[ ] ";
            var inline = Adf.Content(item).Any(c => Adf.Type(c) == "paragraph") ? AdfText.Of(item) : null;
            lines.Add(prefix + (inline is null ? AdfInlineWriter.Write(Adf.Content(item), newlineBreaks: false) : WikiEscaper.Text(inline, ' ', null, new HashSet<char>(), false)));
        }
        return string.Join("\n", lines);
    }

    private static string Expand(JsonObject expand)
    {
        var title = Adf.Attr(expand, "title");
        var body = Blocks(Adf.Content(expand));
        if (string.IsNullOrWhiteSpace(title))
            return body;
        var heading = AdfInlineWriter.Write(new JsonArray(Adf.Text(title, [Adf.Mark("strong")])), newlineBreaks: false);
        return body.Length == 0 ? heading : heading + "\n\n" + body;
    }
}
