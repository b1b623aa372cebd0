using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Reads wiki table rows ("Text formatting notation help", Tables): <c>||</c> starts a heading cell, <c>|</c> a
/// cell. A bar inside <c>[…]</c> or <c>{{…}}</c>, or escaped, belongs to the cell. Rows shorter than the longest
/// get empty cells, as an ADF table is a grid; every cell's content is a paragraph, as tableCell holds blocks.
/// </summary>
internal static class WikiTableParser
{
    public static JsonObject Table(IEnumerable<string> lines)
    {
        var rows = lines.Select(Cells).Where(r => r.Count > 0).ToList();
        var width = rows.Count == 0 ? 1 : rows.Max(r => r.Count);
        var adfRows = new JsonArray();
        foreach (var row in rows)
        {
            var cells = new JsonArray();
            foreach (var (header, text) in row)
                cells.Add(Cell(header ? "tableHeader" : "tableCell", text));
            for (var i = row.Count; i < width; i++)
                cells.Add(Cell("tableCell", ""));
            adfRows.Add(Adf.Node("tableRow", cells));
        }
        if (adfRows.Count == 0)
            adfRows.Add(Adf.Node("tableRow", new JsonArray(Cell("tableCell", ""))));
        return Adf.Node("table", adfRows);
    }

    private static JsonObject Cell(string type, string text) =>
        Adf.Node(type, new JsonArray(Adf.Paragraph(WikiInlineParser.Parse(text.Trim()))));

    private static List<(bool Header, string Text)> Cells(string line)
    {
        var cells = new List<(bool, string)>();
        var start = -1;
        var header = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            // Only a real link keeps its bar (as the inline reader decides); other brackets are text.
            if (c == '[' && WikiEscaper.FindOutsideMonospace(line, ']', i + 1, line.Length) is var close and > 0
                && WikiLinks.Parse(line[(i + 1)..close], inLink: false) is not null)
            {
                i = close;
                continue;
            }
            if (c == '{' && i + 1 < line.Length && line[i + 1] == '{' && WikiEscaper.MonospaceEnd(line, i + 2, line.Length) is var end and > 0)
            {
                i = end + 1;
                continue;
            }
            if (c != '|')
                continue;
            if (start >= 0)
                cells.Add((header, line[start..i]));
            header = i + 1 < line.Length && line[i + 1] == '|';
            if (header)
                i++;
            start = i + 1;
        }
        if (start >= 0 && start < line.Length && !string.IsNullOrWhiteSpace(line[start..]))
            cells.Add((header, line[start..]));
        return cells;
    }
}
