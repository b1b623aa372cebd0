namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// ADF panel types and the background colours Atlassian's editor shows them in, which are how a panel type
/// survives in wiki's <c>{panel:bgColor=…}</c>. An unknown colour is an info panel, the type the brief gives a plain panel.
/// </summary>
internal static class WikiPanels
{
    private static readonly Dictionary<string, string> Colours = new()
    {
        ["note"] = "#eae6ff",
        ["tip"] = "#e3fcef",
        ["success"] = "#e3fcef",
        ["warning"] = "#fffae6",
        ["error"] = "#ffebe6",
    };

    /// <summary>The colour for a panel type other than info, or null.</summary>
    public static string? Colour(string? panelType) => panelType is not null && Colours.TryGetValue(panelType, out var c) ? c : null;

    public static string Type(string? bgColor)
    {
        var hex = bgColor is null ? null : WikiColours.ToHex(bgColor);
        return hex is null ? "info" : Colours.FirstOrDefault(kv => kv.Value == hex && kv.Key != "tip").Key ?? "info";
    }
}
