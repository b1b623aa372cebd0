using ConnectAddon.Connect.Webhooks;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Sync.Capture;

/// <summary>
/// The persisted cursors (<c>change_cursors</c>, <c>change_cursor_seen</c>) and the dirty marks they lead to
/// (<c>connection_dirty_issues</c>). A page's marks and the cursor that passes them commit together, so a crash
/// between the two can only make the next poll report a change again, never lose one.
/// </summary>
public sealed class ChangeCursorStore(Database database, DirtyIssueSignal signal, TimeProvider clock)
{
    /// <summary>
    /// How long a reported issue is remembered below the window's start: beyond the overlap, the minute the JQL literal
    /// is rounded down by and the hour added around daylight-saving changes (<see cref="ChangeWindowJql"/>).
    /// </summary>
    private static readonly TimeSpan SeenMargin = TimeSpan.FromHours(2);

    /// <param name="start">Where a connection seen for the first time starts: its acceptance, on this node's clock.</param>
    public async Task<ChangeCursor> LoadAsync(string connectionId, DateTimeOffset start, CancellationToken cancel)
    {
        await using var connection = await database.OpenAsync(cancel);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO change_cursors (connection_id, updated_ms) VALUES (@connectionId, @start) ON CONFLICT DO NOTHING",
            new { connectionId, start = start.ToUnixTimeMilliseconds() }, cancellationToken: cancel));
        var updatedMs = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT updated_ms FROM change_cursors WHERE connection_id = @connectionId", new { connectionId }, cancellationToken: cancel));
        var seen = await connection.QueryAsync<(string IssueId, long UpdatedMs)>(new CommandDefinition(
            "SELECT issue_id, updated_ms FROM change_cursor_seen WHERE connection_id = @connectionId", new { connectionId }, cancellationToken: cancel));
        return new ChangeCursor(connectionId, DateTimeOffset.FromUnixTimeMilliseconds(updatedMs), seen.ToDictionary(s => s.IssueId, s => s.UpdatedMs, StringComparer.Ordinal));
    }

    /// <summary>
    /// Marks <paramref name="changes"/> dirty, remembers them as reported, and moves the cursor to
    /// <paramref name="cursor"/> (never backwards), in one transaction.
    /// </summary>
    public async Task AdvanceAsync(string connectionId, IReadOnlyList<DetectedChange> changes, DateTimeOffset cursor, TimeSpan overlap, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        foreach (var change in changes)
        {
            var args = new { connectionId, change.IssueId, change.IssueKey, updatedMs = change.Updated.ToUnixTimeMilliseconds(), now };
            await connection.ExecuteAsync(new CommandDefinition(ConnectionDirtyIssues.Mark(database.Dialect), args, transaction, cancellationToken: cancel));
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO change_cursor_seen (connection_id, issue_id, updated_ms) VALUES (@connectionId, @IssueId, @updatedMs)
                ON CONFLICT (connection_id, issue_id) DO UPDATE SET updated_ms = excluded.updated_ms
                """, args, transaction, cancellationToken: cancel));
        }
        var cursorMs = cursor.ToUnixTimeMilliseconds();
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE change_cursors SET updated_ms = {database.Dialect.Greatest}(updated_ms, @cursorMs) WHERE connection_id = @connectionId",
            new { connectionId, cursorMs }, transaction, cancellationToken: cancel));
        // Below this no window will ever reach again, so these issues cannot come back with the same `updated`.
        var forgetBelow = (cursor - overlap - SeenMargin).ToUnixTimeMilliseconds();
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM change_cursor_seen WHERE connection_id = @connectionId AND updated_ms < @forgetBelow",
            new { connectionId, forgetBelow }, transaction, cancellationToken: cancel));
        await transaction.CommitAsync(cancel);
        if (changes.Count > 0)
            signal.Notify();
    }

    /// <summary>When the connection was last polled and why that poll failed (null when it did not), for health views.</summary>
    public async Task RecordPollAsync(string connectionId, string? error, CancellationToken cancel)
    {
        await using var connection = await database.OpenAsync(cancel);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE change_cursors SET last_polled_at_ms = @now, last_error = @error WHERE connection_id = @connectionId",
            new { connectionId, error, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancel));
    }
}
