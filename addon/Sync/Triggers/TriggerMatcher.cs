using ConnectAddon.Jira;
using ConnectAddon.Jira.Models;

namespace ConnectAddon.Sync.Triggers;

/// <summary>
/// Whether one issue matches any active trigger of a connection: one JQL search, <c>id = X AND ((t1) OR (t2))</c>,
/// asked only for issues not under sync yet, so echoes and synced issues never pay for it.
/// </summary>
public static class TriggerMatcher
{
    /// <summary>JQL matching any of the active triggers, <c>((t1) OR (t2))</c>; null when none is active.</summary>
    public static string? AnyActive(IEnumerable<SyncTrigger> triggers)
    {
        var active = triggers.Where(t => t.Active).Select(t => "(" + t.Jql + ")").ToList();
        return active.Count == 0 ? null : "(" + string.Join(" OR ", active) + ")";
    }

    public static async Task<JiraResult<bool>> MatchesAsync(JiraClient client, string issueId, IEnumerable<SyncTrigger> triggers, CancellationToken cancel)
    {
        if (AnyActive(triggers) is not { } any)
            return false;
        var page = await client.SearchAsync(new JiraSearchRequest
        {
            Jql = $"id = {issueId} AND {any}",
            MaxResults = 1,
            ReconcileIssues = long.TryParse(issueId, out var id) ? [id] : null,
        }, cancel);
        return page.IsSuccess ? page.Value.Issues.Count > 0 : page.Error;
    }
}
