namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// A piece of a line of wiki being written: plain text, monospace text, a span wrapped in one mark's markup, or a
/// finished piece of wiki (a mention, an emoticon, a line break). <see cref="First"/> and <see cref="Last"/> are the
/// characters the reader will see at its edges, which decide the escaping and markup spelling of its neighbours.
/// </summary>
internal sealed class AdfInlineSegment
{
    public string? Text { get; init; }

    public bool Monospace { get; init; }

    public AdfInlineWrap? Wrap { get; init; }

    public string? Wiki { get; set; }

    public bool IsBreak { get; init; }

    public char? First => Wiki is { Length: > 0 } w ? w[0] : Monospace ? '{' : Text is { Length: > 0 } t ? t[0] : null;

    public char? Last => Wiki is { Length: > 0 } w ? w[^1] : Monospace ? '}' : Text is { Length: > 0 } t ? t[^1] : null;
}
