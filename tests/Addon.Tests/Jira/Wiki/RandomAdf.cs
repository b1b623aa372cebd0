using System.Text;
using System.Text.Json.Nodes;
using static ConnectAddon.Tests.Jira.Wiki.AdfBuild;

namespace ConnectAddon.Tests.Jira.Wiki;

/// <summary>
/// Random documents from the subset the sync writes, with text made of the characters wiki treats as markup, to
/// find text that the writer fails to escape. A seed gives the same document every run.
/// </summary>
internal sealed class RandomAdf(int seed)
{
    private static readonly string[] Tokens =
    [
        "a", "b1", " ", "  ", "*", "_", "+", "-", "^", "~", "{", "}", "[", "]", "|", "!", "\\", "&", "#", ":", ";", "(", ")", ".",
        "http://x.io", "https://y.io/p", ":)", "(y)", "(*)", "&#92;", "h1. ", "* ", "# ", "- ", "----", "bq. ", "{{", "}}",
        "{code}", "{color}", "[~a]", "[^f.txt]", "!i.png!", "word", "x.y", "2*3", "C++", "--", "\t",
    ];

    private readonly Random random = new(seed);

    public JsonObject Doc() => AdfBuild.Doc([.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => Block(depth: 0))]);

    private JsonObject Block(int depth) => random.Next(10) switch
    {
        0 => H(random.Next(1, 7), [.. Inline(breaks: false)]),
        1 => List(depth),
        2 => CodeBlock(random.Next(2) == 0 ? null : "sql", Text(allowNewline: true)),
        3 => Quote(P([.. Inline(breaks: true)]), P([.. Inline(breaks: true)])),
        4 => Panel(P([.. Inline(breaks: true)])),
        5 => Table(Row(Th([.. Inline(breaks: false)]), Th([.. Inline(breaks: false)])), Row(Td([.. Inline(breaks: false)]), Td([.. Inline(breaks: false)]))),
        6 => random.Next(2) == 0 ? Rule : Image("shot " + random.Next(9) + ".png", random.Next(2) == 0),
        _ => P([.. Inline(breaks: true)]),
    };

    private JsonObject List(int depth)
    {
        var items = Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
        {
            var inline = Inline(breaks: true);
            return depth < 2 && random.Next(3) == 0 ? Li([.. inline, List(depth + 1)]) : Li([.. inline]);
        }).ToArray();
        return random.Next(2) == 0 ? Bullet(items) : Ordered(items);
    }

    private List<object> Inline(bool breaks)
    {
        var inline = new List<object>();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            switch (random.Next(12))
            {
                case 0 when breaks:
                    inline.Add(Br);
                    break;
                case 1:
                    // An emoticon is read only after a space or punctuation ("f(x)" is text).
                    inline.Add(" ");
                    inline.Add(Emoji(":thumbsup:", "1f44d", "👍"));
                    break;
                case 2:
                    inline.Add(Mention(random.Next(2) == 0 ? "jdoe" : "557058:abc"));
                    break;
                case 3:
                    inline.Add(InlineMedia("f" + random.Next(9) + ".log", "file"));
                    break;
                default:
                    // Monospace cannot end in a backslash (it would escape the closing braces): such text loses its code mark.
                    var marks = Marks();
                    var text = Text(allowNewline: false);
                    inline.Add(T(marks.Any(m => (string?)m["type"] == "code") ? text.TrimEnd('\\') + "." : text, marks));
                    break;
            }
        }
        // A paragraph of nothing but file links is how wiki spells a mediaGroup, so it is not generated.
        if (!inline.Any(i => i is JsonObject { } o && (string?)o["type"] == "text"))
            inline.Add(T("a"));
        return inline;
    }

    private JsonObject[] Marks()
    {
        if (random.Next(6) == 0)
            return random.Next(2) == 0 ? [Code] : [Code, Link("https://z.io/" + random.Next(3))];
        var marks = new List<JsonObject>();
        JsonObject[] all = [Strong, Em, Underline, Strike, random.Next(2) == 0 ? Sup : Sub, Colour("#ff5630"), Link("https://z.io/" + random.Next(3))];
        foreach (var mark in all)
            if (random.Next(5) == 0)
                marks.Add(mark);
        return [.. marks];
    }

    private string Text(bool allowNewline)
    {
        var sb = new StringBuilder();
        for (var i = random.Next(1, 6); i > 0; i--)
            sb.Append(allowNewline && random.Next(5) == 0 ? "\n" : Tokens[random.Next(Tokens.Length)]);
        return sb.ToString();
    }
}
