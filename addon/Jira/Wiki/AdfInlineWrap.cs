using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>A run of text nodes sharing one mark, written as that mark's markup around the run.</summary>
internal sealed record AdfInlineWrap(JsonObject Mark, IReadOnlyList<AdfInlineItem> Items)
{
    public string Type => Adf.Type(Mark) ?? "";

    /// <summary>The plain text a link shows when it is nothing but its own address.</summary>
    public string? PlainText => Items is [{ IsText: true, Marks.Count: 0 } only] ? only.Text : null;
}
