using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// The paired text effects of "Text formatting notation help" (Text Effects: <c>*strong*</c>, <c>_emphasis_</c>,
/// <c>+inserted+</c>, <c>-deleted-</c>, <c>^superscript^</c>, <c>~subscript~</c>) and the ADF mark each one is.
/// </summary>
internal static class WikiMarker
{
    public const string Chars = "*_+-^~";

    public static bool IsMarker(char c) => Chars.Contains(c);

    /// <summary>
    /// Superscript and subscript are used inside words (<c>m^2^</c>, <c>H~2~O</c>), so only they ignore the
    /// word-boundary rule the other effects follow.
    /// </summary>
    public static bool InsideWords(char c) => c is '^' or '~';

    /// <summary>Whether a marker may open here: not after a letter or digit, and followed by a non-space other than itself.</summary>
    public static bool CanOpen(char c, char? before, char? after) =>
        (InsideWords(c) || before is not { } b || !char.IsLetterOrDigit(b)) && after is { } a && !char.IsWhiteSpace(a) && a != c;

    /// <summary>Whether a marker may close here: after a non-space, and not followed by a letter or digit.</summary>
    public static bool CanClose(char c, char? before, char? after) =>
        before is { } b && !char.IsWhiteSpace(b) && (InsideWords(c) || after is not { } a || !char.IsLetterOrDigit(a));

    public static JsonObject Mark(char c) => c switch
    {
        '*' => Adf.Mark("strong"),
        '_' => Adf.Mark("em"),
        '+' => Adf.Mark("underline"),
        '-' => Adf.Mark("strike"),
        '^' => Adf.Mark("subsup", new JsonObject { ["type"] = "sup" }),
        _ => Adf.Mark("subsup", new JsonObject { ["type"] = "sub" }),
    };

    /// <summary>The marker for an ADF mark, or null when the mark is not one of the paired effects.</summary>
    public static char? For(JsonObject mark) => Adf.Type(mark) switch
    {
        "strong" => '*',
        "em" => '_',
        "underline" => '+',
        "strike" => '-',
        "subsup" => Adf.Attr(mark, "type") == "sub" ? '~' : '^',
        _ => null,
    };
}
