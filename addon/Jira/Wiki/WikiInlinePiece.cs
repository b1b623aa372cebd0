using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// One token of a line of wiki text: literal characters, ready-made inline nodes (a link, a mention, a monospace
/// span …), or a text-effect marker whose partner is found after the whole line is read.
/// </summary>
internal sealed class WikiInlinePiece
{
    public string? Literal { get; init; }

    public IReadOnlyList<JsonObject>? Nodes { get; init; }

    public char Marker { get; init; }

    /// <summary>The <c>{*}</c> spelling, which opens or closes regardless of the letters around it.</summary>
    public bool Braced { get; init; }

    public bool CanOpen { get; init; }

    public bool CanClose { get; init; }

    /// <summary>For a marker: the index of its partner once paired, else -1 (then it is literal text).</summary>
    public int Partner { get; set; } = -1;

    /// <summary>A line break: no text effect continues across it.</summary>
    public bool IsBreak { get; init; }

    public string MarkerText => Braced ? "{" + Marker + "}" : Marker.ToString();
}
