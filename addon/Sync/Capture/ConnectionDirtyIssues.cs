using ConnectAddon.Storage;

namespace ConnectAddon.Sync.Capture;

/// <summary>
/// "Issue X of connection C changed" (<c>connection_dirty_issues</c>), the private node's counterpart of the public
/// node's <c>dirty_issues</c> (<see cref="Connect.Webhooks.DirtyIssueLog"/>): one row per issue, repeats coalesce into
/// it and raise <c>change_seq</c>, so the sync engine that claims it knows whether the issue changed again since it read it.
/// </summary>
public static class ConnectionDirtyIssues
{
    /// <summary>Parameters: connectionId, IssueId, IssueKey, updatedMs, now.</summary>
    public static string Mark(SqlDialect dialect) => $"""
        INSERT INTO connection_dirty_issues (connection_id, issue_id, issue_key, updated_ms, change_seq, first_seen_at_ms, last_seen_at_ms)
        VALUES (@connectionId, @IssueId, @IssueKey, @updatedMs, 1, @now, @now)
        ON CONFLICT (connection_id, issue_id) DO UPDATE SET
            issue_key = COALESCE(excluded.issue_key, connection_dirty_issues.issue_key),
            updated_ms = {dialect.Greatest}(connection_dirty_issues.updated_ms, excluded.updated_ms),
            change_seq = connection_dirty_issues.change_seq + 1,
            last_seen_at_ms = excluded.last_seen_at_ms
        """;
}
