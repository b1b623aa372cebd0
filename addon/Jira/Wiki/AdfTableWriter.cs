using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Writes an ADF table as wiki rows ("Text formatting notation help", Tables): <c>||heading||</c> cells and
/// <c>|cell|</c> cells, one row a line. A cell is one line, so its line breaks are <c>\\</c> and blocks other than
/// paragraphs and headings (lists, code …) become their text; an empty cell is a space.
/// </summary>
internal static class AdfTableWriter
{
    public static string Write(JsonObject table) =>
        string.Join("\n", Adf.Content(table).OfType<JsonObject>().Select(Row));

    private static string Row(JsonObject row)
    {
        var line = "";
        var header = false;
        foreach (var cell in Adf.Content(row).OfType<JsonObject>())
        {
            header = Adf.Type(cell) == "tableHeader";
            var text = Cell(cell);
            line += (header ? "||" : "|") + (text.Length == 0 ? " " : text);
        }
        return line.Length == 0 ? "" : line + (header ? "||" : "|");
    }

    private static string Cell(JsonObject cell)
    {
        var parts = Adf.Content(cell).OfType<JsonObject>().Select(block => Adf.Type(block) is "paragraph" or "heading"
            ? AdfInlineWriter.Write(Adf.Content(block), newlineBreaks: false, after: '|')
            : WikiEscaper.Text(AdfText.Of(block), '|', '|', new HashSet<char>(), false));
        return string.Join("\\\\", parts.Where(p => p.Length > 0));
    }
}
