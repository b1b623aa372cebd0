using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// The emoticons of "Text formatting notation help" (Misc: <c>:) (y) (i) (/)</c> …) as ADF emoji nodes
/// ("emoji", https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/emoji/), with the short names and
/// ids Atlassian's own wiki-to-ADF transformer uses (Atlassian emoji have an <c>atlassian-…</c> id).
/// </summary>
internal static class WikiEmoticons
{
    private sealed record Emoticon(string Wiki, string ShortName, string Id, string Text);

    private static readonly Emoticon[] All =
    [
        new(":)", ":slight_smile:", "1f642", "🙂"),
        new(":(", ":disappointed:", "1f61e", "😞"),
        new(":P", ":stuck_out_tongue:", "1f61b", "😛"),
        new(":D", ":smiley:", "1f603", "😃"),
        new(";)", ":wink:", "1f609", "😉"),
        new("(y)", ":thumbsup:", "1f44d", "👍"),
        new("(n)", ":thumbsdown:", "1f44e", "👎"),
        new("(i)", ":info:", "atlassian-info", ":info:"),
        new("(/)", ":check_mark:", "atlassian-check_mark", ":check_mark:"),
        new("(x)", ":cross_mark:", "atlassian-cross_mark", ":cross_mark:"),
        new("(!)", ":warning:", "atlassian-warning", ":warning:"),
        new("(+)", ":plus:", "atlassian-plus", ":plus:"),
        new("(-)", ":minus:", "atlassian-minus", ":minus:"),
        new("(?)", ":question:", "atlassian-question_mark", ":question:"),
        new("(on)", ":light_bulb_on:", "atlassian-light_bulb_on", ":light_bulb_on:"),
        new("(off)", ":light_bulb_off:", "atlassian-light_bulb_off", ":light_bulb_off:"),
        new("(*r)", ":red_star:", "atlassian-red_star", ":red_star:"),
        new("(*g)", ":green_star:", "atlassian-green_star", ":green_star:"),
        new("(*b)", ":blue_star:", "atlassian-blue_star", ":blue_star:"),
        new("(*y)", ":yellow_star:", "atlassian-yellow_star", ":yellow_star:"),
        new("(*)", ":yellow_star:", "atlassian-yellow_star", ":yellow_star:"),
        new("(flag)", ":flag_on:", "atlassian-flag_on", ":flag_on:"),
        new("(flagoff)", ":flag_off:", "atlassian-flag_off", ":flag_off:"),
    ];

    // Longest first so "(*r)" wins over "(*)"; "(*)" is listed after "(*y)" so the yellow star writes back as "(*)".
    private static readonly Emoticon[] ByLength = [.. All.OrderByDescending(e => e.Wiki.Length)];

    private static readonly Dictionary<string, string> WikiByShortName = All
        .GroupBy(e => e.ShortName).ToDictionary(g => g.Key, g => g.Last().Wiki);

    /// <summary>The emoticon starting at <paramref name="at"/>, if any: its length in characters.</summary>
    public static int Match(string text, int at)
    {
        foreach (var e in ByLength)
            if (string.CompareOrdinal(text, at, e.Wiki, 0, e.Wiki.Length) == 0)
                return e.Wiki.Length;
        return 0;
    }

    public static JsonObject ToAdf(string wiki)
    {
        var e = ByLength.First(x => x.Wiki == wiki);
        return new JsonObject
        {
            ["type"] = "emoji",
            ["attrs"] = new JsonObject { ["shortName"] = e.ShortName, ["id"] = e.Id, ["text"] = e.Text },
        };
    }

    public static string? ToWiki(string? shortName) => shortName is not null && WikiByShortName.TryGetValue(shortName, out var w) ? w : null;
}
