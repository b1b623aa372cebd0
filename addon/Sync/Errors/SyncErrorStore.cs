using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Sync.Errors;

/// <summary>
/// The Errors view's data (DESIGN §7 "A failing issue blocks only itself; it shows in the errors view with its reason
/// and can be retried"). A failure raises <c>tries</c> and pushes the next try back (doubling from
/// <see cref="FirstRetry"/> to <see cref="LongestRetry"/>); success clears the row; Retry makes it due now.
/// </summary>
public sealed class SyncErrorStore(Database database, TimeProvider clock)
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(10);

    private const string Columns = """
        connection_id AS ConnectionId, direction AS Direction, issue_ref AS IssueRef, issue_key AS IssueKey, sequence AS Sequence,
        message AS Message, blocking AS Blocking, tries AS Tries, first_failed_at_ms AS FirstFailedAtMs,
        last_failed_at_ms AS LastFailedAtMs, next_try_at_ms AS NextTryAtMs
        """;

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Records a failure; returns how long to wait before the next try.</summary>
    public async Task<TimeSpan> RecordAsync(string connectionId, string direction, string issueRef, string? issueKey, long? sequence, string message, bool blocking, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        var tries = await db.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT tries FROM sync_errors WHERE connection_id = @connectionId AND direction = @direction AND issue_ref = @issueRef",
            new { connectionId, direction, issueRef }, cancellationToken: cancel)) ?? 0;
        var wait = Backoff(tries + 1);
        await db.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sync_errors (connection_id, direction, issue_ref, issue_key, sequence, message, blocking, tries, first_failed_at_ms, last_failed_at_ms, next_try_at_ms)
            VALUES (@connectionId, @direction, @issueRef, @issueKey, @sequence, @message, @blocking, 1, @now, @now, @next)
            ON CONFLICT (connection_id, direction, issue_ref) DO UPDATE SET
                issue_key = COALESCE(excluded.issue_key, sync_errors.issue_key), sequence = excluded.sequence, message = excluded.message,
                blocking = excluded.blocking, tries = sync_errors.tries + 1, last_failed_at_ms = excluded.last_failed_at_ms, next_try_at_ms = excluded.next_try_at_ms
            """, new { connectionId, direction, issueRef, issueKey, sequence, message = Truncate(message), blocking = blocking ? 1L : 0L, now = Now, next = Now + (long)wait.TotalMilliseconds },
            cancellationToken: cancel));
        return wait;
    }

    public async Task ClearAsync(string connectionId, string direction, string issueRef, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sync_errors WHERE connection_id = @connectionId AND direction = @direction AND issue_ref = @issueRef",
            new { connectionId, direction, issueRef }, cancellationToken: cancel));
    }

    /// <summary>The issues (as the peer names them) whose incoming events wait for their next try.</summary>
    public async Task<HashSet<string>> WaitingAsync(string connectionId, string direction, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        var refs = await db.QueryAsync<string>(new CommandDefinition(
            "SELECT issue_ref FROM sync_errors WHERE connection_id = @connectionId AND direction = @direction AND blocking = 1 AND next_try_at_ms > @now",
            new { connectionId, direction, now = Now }, cancellationToken: cancel));
        return refs.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<SyncError>> ListAsync(string connectionId, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return (await db.QueryAsync<SyncError>(new CommandDefinition(
            $"SELECT {Columns} FROM sync_errors WHERE connection_id = @connectionId ORDER BY last_failed_at_ms DESC LIMIT 500",
            new { connectionId }, cancellationToken: cancel))).ToList();
    }

    public async Task<SyncError?> FindAsync(string connectionId, string direction, string issueRef, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.QuerySingleOrDefaultAsync<SyncError>(new CommandDefinition(
            $"SELECT {Columns} FROM sync_errors WHERE connection_id = @connectionId AND direction = @direction AND issue_ref = @issueRef",
            new { connectionId, direction, issueRef }, cancellationToken: cancel));
    }

    /// <summary>The Retry button: due now. False when there is no such error.</summary>
    public async Task<bool> RetryNowAsync(string connectionId, string direction, string issueRef, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_errors SET next_try_at_ms = @now WHERE connection_id = @connectionId AND direction = @direction AND issue_ref = @issueRef",
            new { connectionId, direction, issueRef, now = Now }, cancellationToken: cancel)) > 0;
    }

    public static TimeSpan Backoff(long tries)
    {
        var doubled = FirstRetry * Math.Pow(2, Math.Min(tries - 1, 20));
        return doubled < LongestRetry ? doubled : LongestRetry;
    }

    private static string Truncate(string message) => message.Length <= 1000 ? message : message[..1000] + "…";
}
