namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Colours for <c>{color:…}</c>. The ADF textColor mark takes only <c>#rrggbb</c> ("textColor",
/// https://developer.atlassian.com/cloud/jira/platform/apis/document/marks/textColor/), while wiki markup also takes
/// colour names ("Text formatting notation help", Text Effects: <c>{color:red}</c>), so names map to their CSS hex value.
/// </summary>
internal static class WikiColours
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["black"] = "#000000", ["white"] = "#ffffff", ["red"] = "#ff0000", ["green"] = "#008000", ["blue"] = "#0000ff",
        ["yellow"] = "#ffff00", ["orange"] = "#ffa500", ["purple"] = "#800080", ["gray"] = "#808080", ["grey"] = "#808080",
        ["silver"] = "#c0c0c0", ["maroon"] = "#800000", ["olive"] = "#808000", ["lime"] = "#00ff00", ["aqua"] = "#00ffff",
        ["teal"] = "#008080", ["navy"] = "#000080", ["fuchsia"] = "#ff00ff", ["brown"] = "#a52a2a", ["pink"] = "#ffc0cb",
        ["darkred"] = "#8b0000", ["darkgreen"] = "#006400", ["darkblue"] = "#00008b", ["cyan"] = "#00ffff", ["magenta"] = "#ff00ff",
    };

    /// <summary>The lower-case <c>#rrggbb</c> for a wiki colour (<c>red</c>, <c>#F00</c>, <c>#ff0000</c>, <c>ff0000</c>), or null.</summary>
    public static string? ToHex(string colour)
    {
        var c = colour.Trim();
        if (Named.TryGetValue(c, out var hex))
            return hex;
        if (c.StartsWith('#'))
            c = c[1..];
        if (!c.All(Uri.IsHexDigit))
            return null;
        if (c.Length == 3)
            c = string.Concat(c.Select(ch => $"{ch}{ch}"));
        return c.Length == 6 ? "#" + c.ToLowerInvariant() : null;
    }
}
