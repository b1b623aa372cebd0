using System.Globalization;

namespace ConnectAddon.Sync.Capture;

/// <summary>
/// The JQL of one poll: a project's issues updated since an instant, oldest first with ties broken by id, so that
/// paging walks them in a stable order ("Search for issues using JQL enhanced search").
/// </summary>
public static class ChangeWindowJql
{
    /// <param name="from">The window's start on Jira's clock.</param>
    /// <param name="searcherZone">
    /// The searching user's time zone: Jira reads a date literal in it ("JQL: fields reference — updated"), and only to
    /// the minute, so the literal is rounded down and the window starts a little early, never late.
    /// </param>
    public static string For(string projectKey, DateTimeOffset from, TimeZoneInfo searcherZone)
    {
        ArgumentNullException.ThrowIfNull(searcherZone);
        var local = TimeZoneInfo.ConvertTime(from, searcherZone).DateTime;
        // Around a daylight-saving change a wall-clock minute is ambiguous (or skipped); Jira may read the later
        // instant, so start an hour earlier there: a longer window only costs deduplicated results.
        if (searcherZone.IsAmbiguousTime(local) || searcherZone.IsInvalidTime(local))
            local = TimeZoneInfo.ConvertTime(from.AddHours(-1), searcherZone).DateTime;
        var literal = local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"project = {Quote(projectKey)} AND updated >= \"{literal}\" ORDER BY updated ASC, id ASC";
    }

    // JQL strings escape a double quote and a backslash with a backslash ("JQL: reserved characters").
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
