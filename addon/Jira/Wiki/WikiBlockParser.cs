using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Reads wiki markup block by block ("Text formatting notation help": Headings, Text Breaks, Lists, Tables, Advanced
/// Formatting, Misc). Block markup starts a line. A paragraph runs until a blank line or a line that starts another
/// block. A macro without its closing tag (<c>{code}</c> …) is not a macro: its line is text.
/// </summary>
internal static partial class WikiBlockParser
{
    public static List<JsonObject> Parse(string wiki)
    {
        var blocks = new List<JsonObject>();
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0)
                blocks.AddRange(WikiParagraph.Blocks(string.Join('\n', paragraph)));
            paragraph.Clear();
        }
        var at = 0;
        while (at < wiki.Length)
        {
            var eol = wiki.IndexOf('\n', at);
            if (eol < 0)
                eol = wiki.Length;
            var line = wiki[at..eol];
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                at = eol + 1;
                continue;
            }
            if (WikiMacro.TryRead(wiki, at) is { } macro)
            {
                Flush();
                blocks.AddRange(macro.Blocks);
                at = macro.End;
                continue;
            }
            var next = Line(line);
            if (next is not null)
            {
                Flush();
                blocks.Add(next);
                at = eol + 1;
                continue;
            }
            if (line.StartsWith('|') || ListLine().IsMatch(line))
            {
                Flush();
                at = line.StartsWith('|') ? Table(wiki, at, blocks) : List(wiki, at, blocks);
                continue;
            }
            paragraph.Add(line);
            at = eol + 1;
        }
        Flush();
        return blocks;
    }

    /// <summary>The one-line blocks: <c>h1.</c>–<c>h6.</c>, <c>bq.</c> and the <c>----</c> rule.</summary>
    private static JsonObject? Line(string line)
    {
        if (Heading().Match(line) is { Success: true } h)
            return Adf.Node("heading", new JsonArray([.. WikiInlineParser.Parse(h.Groups[2].Value, false)]),
                new JsonObject { ["level"] = int.Parse(h.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) });
        if (Quote().Match(line) is { Success: true } q)
            return Adf.Node("blockquote", new JsonArray(Adf.Paragraph(WikiInlineParser.Parse(q.Groups[1].Value))));
        if (line.Trim() == "----")
            return Adf.Node("rule");
        return null;
    }

    private static int Table(string wiki, int at, List<JsonObject> blocks)
    {
        var rows = new List<string>();
        at = Collect(wiki, at, line => line.StartsWith('|'), rows);
        blocks.Add(WikiTableParser.Table(rows));
        return at;
    }

    /// <summary>List lines, and the lines that continue an item (not blank, not starting another block).</summary>
    private static int List(string wiki, int at, List<JsonObject> blocks)
    {
        var lines = new List<string>();
        at = Collect(wiki, at, line => ListLine().IsMatch(line) || (Line(line) is null && !line.StartsWith('|')), lines, stopAtMacro: true);
        blocks.AddRange(WikiListParser.Lists(lines));
        return at;
    }

    private static int Collect(string wiki, int at, Func<string, bool> belongs, List<string> lines, bool stopAtMacro = false)
    {
        while (at < wiki.Length)
        {
            var eol = wiki.IndexOf('\n', at);
            if (eol < 0)
                eol = wiki.Length;
            var line = wiki[at..eol];
            if (string.IsNullOrWhiteSpace(line) || !belongs(line) || (stopAtMacro && WikiMacro.TryRead(wiki, at) is not null))
                break;
            lines.Add(line);
            at = eol + 1;
        }
        return at;
    }

    [GeneratedRegex(@"^h([1-6])\.(?:\s+(.*)|\s*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^bq\.(?:\s+(.*)|\s*)$")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^([*#]+|-)\s")]
    internal static partial Regex ListLine();
}
