using System.Data.Common;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Sync.Twins;

/// <summary>
/// Twins and the copies the sync made (migration 0007). Uniqueness in the database, not checks in code, makes "a twin
/// is created once" hold when the Exalate action, a trigger, a bulk run and late webhooks race (DESIGN §7).
/// </summary>
public sealed class TwinStore(Database database, TimeProvider clock)
{
    private const string Columns = """
        connection_id AS ConnectionId, twin_id AS TwinId, local_issue_id AS LocalIssueId, local_issue_key AS LocalIssueKey,
        remote_issue_id AS RemoteIssueId, remote_issue_key AS RemoteIssueKey, remote_issue_url AS RemoteIssueUrl,
        origin AS Origin, brought_by AS BroughtBy, agreed AS Agreed, items_hash AS ItemsHash, sent_count AS SentCount, seen_updated_ms AS SeenUpdatedMs,
        applying_since_ms AS ApplyingSinceMs, stopped_at_ms AS StoppedAtMs, stopped_reason AS StoppedReason,
        created_at_ms AS CreatedAtMs, updated_at_ms AS UpdatedAtMs
        """;

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<Twin?> FindByLocalAsync(string connectionId, string localIssueId, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.QuerySingleOrDefaultAsync<Twin>(new CommandDefinition(
            $"SELECT {Columns} FROM twins WHERE connection_id = @connectionId AND local_issue_id = @localIssueId",
            new { connectionId, localIssueId }, cancellationToken: cancel));
    }

    public async Task<Twin?> FindByRemoteAsync(string connectionId, string remoteIssueId, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.QuerySingleOrDefaultAsync<Twin>(new CommandDefinition(
            $"SELECT {Columns} FROM twins WHERE connection_id = @connectionId AND remote_issue_id = @remoteIssueId",
            new { connectionId, remoteIssueId }, cancellationToken: cancel));
    }

    public async Task<IReadOnlyList<Twin>> ListAsync(string connectionId, int limit, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return (await db.QueryAsync<Twin>(new CommandDefinition(
            $"SELECT {Columns} FROM twins WHERE connection_id = @connectionId ORDER BY updated_at_ms DESC LIMIT @limit",
            new { connectionId, limit }, cancellationToken: cancel))).ToList();
    }

    /// <summary>Brings a local issue under sync; false when it already was (a stopped twin starts again).</summary>
    public async Task<bool> BringUnderSyncAsync(string connectionId, string localIssueId, string? localIssueKey, string broughtBy, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        var inserted = await db.ExecuteAsync(new CommandDefinition("""
            INSERT INTO twins (connection_id, twin_id, local_issue_id, local_issue_key, origin, brought_by, created_at_ms, updated_at_ms)
            VALUES (@connectionId, @twinId, @localIssueId, @localIssueKey, 'local', @broughtBy, @now, @now)
            ON CONFLICT DO NOTHING
            """, new { connectionId, twinId = Guid.NewGuid().ToString("N"), localIssueId, localIssueKey, broughtBy, now = Now }, cancellationToken: cancel));
        if (inserted > 0)
            return true;
        var restarted = await db.ExecuteAsync(new CommandDefinition("""
            UPDATE twins SET stopped_at_ms = NULL, stopped_reason = NULL, updated_at_ms = @now
            WHERE connection_id = @connectionId AND local_issue_id = @localIssueId AND stopped_at_ms IS NOT NULL
            """, new { connectionId, localIssueId, now = Now }, cancellationToken: cancel));
        return restarted > 0;
    }

    /// <summary>
    /// Receiving side: the twin of the peer's issue, recorded before its create is sent to Jira (so a crash in between
    /// is recognised and recovered, not repeated). Returns the twin, new or existing.
    /// </summary>
    public async Task<Twin> StartCreateAsync(string connectionId, string remoteIssueId, string? remoteIssueKey, string? remoteIssueUrl, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("""
            INSERT INTO twins (connection_id, twin_id, remote_issue_id, remote_issue_key, remote_issue_url, origin, brought_by, applying_since_ms, created_at_ms, updated_at_ms)
            VALUES (@connectionId, @twinId, @remoteIssueId, @remoteIssueKey, @remoteIssueUrl, 'remote', 'peer', @now, @now, @now)
            ON CONFLICT DO NOTHING
            """, new { connectionId, twinId = Guid.NewGuid().ToString("N"), remoteIssueId, remoteIssueKey, remoteIssueUrl, now = Now }, cancellationToken: cancel));
        return await db.QuerySingleAsync<Twin>(new CommandDefinition(
            $"SELECT {Columns} FROM twins WHERE connection_id = @connectionId AND remote_issue_id = @remoteIssueId",
            new { connectionId, remoteIssueId }, cancellationToken: cancel));
    }

    public async Task RecordCreatedAsync(Twin twin, string localIssueId, string? localIssueKey, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("""
            UPDATE twins SET local_issue_id = @localIssueId, local_issue_key = @localIssueKey, updated_at_ms = @now
            WHERE connection_id = @ConnectionId AND twin_id = @TwinId
            """, new { twin.ConnectionId, twin.TwinId, localIssueId, localIssueKey, now = Now }, cancellationToken: cancel));
    }

    /// <summary>What the peer told about its issue: its id, key and link (the "twin" event, or any replica).</summary>
    public async Task RecordRemoteAsync(Twin twin, string remoteIssueId, string? remoteIssueKey, string? remoteIssueUrl, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("""
            UPDATE twins SET remote_issue_id = @remoteIssueId, remote_issue_key = COALESCE(@remoteIssueKey, remote_issue_key),
                remote_issue_url = COALESCE(@remoteIssueUrl, remote_issue_url), updated_at_ms = @now
            WHERE connection_id = @ConnectionId AND twin_id = @TwinId
            """, new { twin.ConnectionId, twin.TwinId, remoteIssueId, remoteIssueKey, remoteIssueUrl, now = Now }, cancellationToken: cancel));
    }

    public async Task RecordAgreedAsync(Twin twin, string agreed, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE twins SET agreed = @agreed, updated_at_ms = @now WHERE connection_id = @ConnectionId AND twin_id = @TwinId",
            new { twin.ConnectionId, twin.TwinId, agreed, now = Now }, cancellationToken: cancel));
    }

    /// <summary>Before the first write of an apply (see <see cref="Twin.ApplyingSinceMs"/>).</summary>
    public async Task BeginApplyAsync(Twin twin, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE twins SET applying_since_ms = COALESCE(applying_since_ms, @now) WHERE connection_id = @ConnectionId AND twin_id = @TwinId",
            new { twin.ConnectionId, twin.TwinId, now = Now }, cancellationToken: cancel));
    }

    /// <summary>After the last write of an apply is recorded.</summary>
    public async Task EndApplyAsync(Twin twin, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE twins SET applying_since_ms = NULL WHERE connection_id = @ConnectionId AND twin_id = @TwinId",
            new { twin.ConnectionId, twin.TwinId }, cancellationToken: cancel));
    }

    /// <summary>Inside the transaction that queues the replica: what the peer now has (DESIGN §3 step 2).</summary>
    public Task RecordSentAsync(DbConnection db, DbTransaction transaction, Twin twin, string agreed, string itemsHash, CancellationToken cancel) =>
        db.ExecuteAsync(new CommandDefinition("""
            UPDATE twins SET agreed = @agreed, items_hash = @itemsHash, sent_count = sent_count + 1, updated_at_ms = @now
            WHERE connection_id = @ConnectionId AND twin_id = @TwinId
            """, new { twin.ConnectionId, twin.TwinId, agreed, itemsHash, now = Now }, transaction, cancellationToken: cancel));

    /// <summary>The local issue's <c>updated</c> as the sync last read it; the catch-up re-reads only issues changed after it.</summary>
    public async Task RecordSeenAsync(string connectionId, string localIssueId, DateTimeOffset updated, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition(
            $"UPDATE twins SET seen_updated_ms = {database.Dialect.Greatest}(COALESCE(seen_updated_ms, 0), @ms) WHERE connection_id = @connectionId AND local_issue_id = @localIssueId",
            new { connectionId, localIssueId, ms = updated.ToUnixTimeMilliseconds() }, cancellationToken: cancel));
    }

    /// <summary>Of these local issues, those under sync in one of <paramref name="connectionIds"/> that changed after the sync last read them.</summary>
    public async Task<IReadOnlyList<string>> UnseenAsync(IReadOnlyCollection<string> connectionIds, IReadOnlyDictionary<string, long> updatedMsByIssue, CancellationToken cancel)
    {
        if (updatedMsByIssue.Count == 0 || connectionIds.Count == 0)
            return [];
        await using var db = await database.OpenAsync(cancel);
        var found = new List<string>();
        // In chunks: SQLite allows a limited number of parameters per statement.
        foreach (var chunk in updatedMsByIssue.Keys.Chunk(500))
        {
            var rows = await db.QueryAsync<(string IssueId, long? SeenMs)>(new CommandDefinition($"""
                SELECT local_issue_id, seen_updated_ms FROM twins
                WHERE connection_id{database.Dialect.InList("@connectionIds")} AND local_issue_id{database.Dialect.InList("@chunk")} AND stopped_at_ms IS NULL
                """, new { connectionIds, chunk }, cancellationToken: cancel));
            found.AddRange(rows.Where(r => r.SeenMs is null || r.SeenMs < updatedMsByIssue[r.IssueId]).Select(r => r.IssueId));
        }
        return found.Distinct().ToList();
    }

    public async Task<bool> StopAsync(string connectionId, string twinId, string reason, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteAsync(new CommandDefinition("""
            UPDATE twins SET stopped_at_ms = @now, stopped_reason = @reason, updated_at_ms = @now
            WHERE connection_id = @connectionId AND twin_id = @twinId AND stopped_at_ms IS NULL
            """, new { connectionId, twinId, reason, now = Now }, cancellationToken: cancel)) > 0;
    }

    public async Task<IReadOnlyList<TwinCopy>> CopiesAsync(Twin twin, string kind, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return (await db.QueryAsync<TwinCopy>(new CommandDefinition("""
            SELECT kind AS Kind, remote_id AS RemoteId, local_id AS LocalId, hash AS Hash, started_at_ms AS StartedAtMs
            FROM twin_copies WHERE connection_id = @ConnectionId AND twin_id = @TwinId AND kind = @kind
            """, new { twin.ConnectionId, twin.TwinId, kind }, cancellationToken: cancel))).ToList();
    }

    /// <summary>Recorded before the copy is created in Jira; <see cref="RecordCopyAsync"/> completes it.</summary>
    public async Task StartCopyAsync(Twin twin, string kind, string remoteId, string hash, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("""
            INSERT INTO twin_copies (connection_id, twin_id, kind, remote_id, local_id, hash, started_at_ms)
            VALUES (@ConnectionId, @TwinId, @kind, @remoteId, NULL, @hash, @now)
            ON CONFLICT DO NOTHING
            """, new { twin.ConnectionId, twin.TwinId, kind, remoteId, hash, now = Now }, cancellationToken: cancel));
    }

    public async Task RecordCopyAsync(Twin twin, string kind, string remoteId, string localId, string hash, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("""
            INSERT INTO twin_copies (connection_id, twin_id, kind, remote_id, local_id, hash, started_at_ms)
            VALUES (@ConnectionId, @TwinId, @kind, @remoteId, @localId, @hash, @now)
            ON CONFLICT (connection_id, twin_id, kind, remote_id) DO UPDATE SET local_id = excluded.local_id, hash = excluded.hash
            """, new { twin.ConnectionId, twin.TwinId, kind, remoteId, localId, hash, now = Now }, cancellationToken: cancel));
    }

    public async Task RemoveCopyAsync(Twin twin, string kind, string remoteId, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition(
            "DELETE FROM twin_copies WHERE connection_id = @ConnectionId AND twin_id = @TwinId AND kind = @kind AND remote_id = @remoteId",
            new { twin.ConnectionId, twin.TwinId, kind, remoteId }, cancellationToken: cancel));
    }
}
