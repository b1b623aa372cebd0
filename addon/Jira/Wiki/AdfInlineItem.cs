using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>An inline node on its way to wiki, with the marks not yet written around it.</summary>
internal sealed record AdfInlineItem(JsonObject Node, IReadOnlyList<JsonObject> Marks)
{
    public bool IsText => Adf.Type(Node) == "text";

    public string Text => Adf.TextOf(Node) ?? "";

    public bool Has(JsonObject mark) => Marks.Any(m => JsonNode.DeepEquals(m, mark));

    public AdfInlineItem Without(JsonObject mark) => this with { Marks = [.. Marks.Where(m => !JsonNode.DeepEquals(m, mark))] };
}
