using System.Text;
using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Reads the inline part of wiki markup ("Text formatting notation help": Text Effects, Text Breaks, Links, Images,
/// Misc) into ADF inline nodes. Anything that is not well-formed markup stays as its characters.
/// </summary>
internal static class WikiInlineParser
{
    /// <param name="inLink">Inside a link's text, where a URL is just text (ADF has no link inside a link).</param>
    public static List<JsonObject> Parse(string text, bool inLink = false)
    {
        var pieces = new WikiInlineScanner(text, inLink).Scan();
        Pair(pieces);
        return Emit(pieces);
    }

    /// <summary>
    /// Pairs each closing marker with the nearest open one of its kind; markers left between them, and any left open
    /// at a line break or the end, are literal. Each marker is pushed and popped once, so this is linear.
    /// </summary>
    private static void Pair(List<WikiInlinePiece> pieces)
    {
        var stack = new List<int>();
        var open = new Dictionary<char, int>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var p = pieces[i];
            if (p.IsBreak)
            {
                stack.Clear();
                open.Clear();
                continue;
            }
            if (p.Marker == '\0')
                continue;
            if ((p.Braced || p.CanClose) && open.GetValueOrDefault(p.Marker) > 0)
            {
                while (true)
                {
                    var top = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    open[pieces[top].Marker]--;
                    if (pieces[top].Marker == p.Marker)
                    {
                        if (top + 1 < i)
                        {
                            pieces[top].Partner = i;
                            p.Partner = top;
                        }
                        break;
                    }
                }
            }
            else if (p.Braced || p.CanOpen)
            {
                stack.Add(i);
                open[p.Marker] = open.GetValueOrDefault(p.Marker) + 1;
            }
        }
    }

    private static List<JsonObject> Emit(List<WikiInlinePiece> pieces)
    {
        var result = new List<JsonObject>();
        var active = new List<char>();
        var literal = new StringBuilder();
        void Flush()
        {
            if (literal.Length > 0)
                result.Add(Adf.Text(literal.ToString(), active.Select(WikiMarker.Mark)));
            literal.Clear();
        }
        for (var i = 0; i < pieces.Count; i++)
        {
            var p = pieces[i];
            if (p.Literal is not null)
                literal.Append(p.Literal);
            else if (p.Marker != '\0' && p.Partner < 0)
                literal.Append(p.MarkerText);
            else if (p.Marker != '\0')
            {
                Flush();
                if (p.Partner > i)
                    active.Add(p.Marker);
                else
                    active.Remove(p.Marker);
            }
            else if (p.Nodes is not null)
            {
                Flush();
                foreach (var node in p.Nodes)
                    result.Add(WithMarks(node, active));
            }
        }
        Flush();
        return result;
    }

    /// <summary>
    /// Adds the enclosing text effects to a ready-made node. Only text carries marks, and code text combines only
    /// with a link ("code" mark, https://developer.atlassian.com/cloud/jira/platform/apis/document/marks/code/).
    /// </summary>
    private static JsonObject WithMarks(JsonObject node, List<char> active)
    {
        if (active.Count == 0 || Adf.Type(node) != "text" || Adf.Marks(node).Any(m => Adf.Type(m) == "code"))
            return node;
        var marks = node["marks"] as JsonArray ?? [];
        node.Remove("marks");
        foreach (var c in active)
            marks.Add(WikiMarker.Mark(c));
        node["marks"] = marks;
        return node;
    }
}
