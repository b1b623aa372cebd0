using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Sync.Triggers;

/// <summary>Triggers per connection (migration 0007).</summary>
public sealed class TriggerStore(Database database, TimeProvider clock)
{
    public const int MaxJqlLength = 2000;
    public const int MaxPerConnection = 20;

    private const string Columns = """
        id AS Id, connection_id AS ConnectionId, jql AS Jql, active AS Active, created_at_ms AS CreatedAtMs,
        bulk_started_at_ms AS BulkStartedAtMs, bulk_finished_at_ms AS BulkFinishedAtMs, bulk_matched AS BulkMatched, bulk_error AS BulkError
        """;

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<IReadOnlyList<SyncTrigger>> ListAsync(string connectionId, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return (await db.QueryAsync<SyncTrigger>(new CommandDefinition(
            $"SELECT {Columns} FROM sync_triggers WHERE connection_id = @connectionId ORDER BY created_at_ms, id",
            new { connectionId }, cancellationToken: cancel))).ToList();
    }

    public async Task<SyncTrigger?> FindAsync(string connectionId, string id, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.QuerySingleOrDefaultAsync<SyncTrigger>(new CommandDefinition(
            $"SELECT {Columns} FROM sync_triggers WHERE connection_id = @connectionId AND id = @id", new { connectionId, id }, cancellationToken: cancel));
    }

    public async Task<SyncTrigger> AddAsync(string connectionId, string jql, CancellationToken cancel)
    {
        var trigger = new SyncTrigger { Id = Guid.NewGuid().ToString("N")[..12], ConnectionId = connectionId, Jql = jql, CreatedAtMs = Now };
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sync_triggers (id, connection_id, jql, active, created_at_ms, updated_at_ms) VALUES (@Id, @ConnectionId, @Jql, 1, @CreatedAtMs, @CreatedAtMs)
            """, trigger, cancellationToken: cancel));
        return trigger;
    }

    public async Task<bool> UpdateAsync(string connectionId, string id, string? jql, bool? active, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteAsync(new CommandDefinition("""
            UPDATE sync_triggers SET jql = COALESCE(@jql, jql), active = COALESCE(@active, active), updated_at_ms = @now
            WHERE connection_id = @connectionId AND id = @id
            """, new { connectionId, id, jql, active = active is { } on ? (on ? 1L : 0L) : (long?)null, now = Now }, cancellationToken: cancel)) > 0;
    }

    public async Task<bool> DeleteAsync(string connectionId, string id, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sync_triggers WHERE connection_id = @connectionId AND id = @id", new { connectionId, id }, cancellationToken: cancel)) > 0;
    }

    public async Task RecordBulkAsync(string id, long? startedAtMs, long? finishedAtMs, long? matched, string? error, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("""
            UPDATE sync_triggers SET bulk_started_at_ms = COALESCE(@startedAtMs, bulk_started_at_ms), bulk_finished_at_ms = @finishedAtMs,
                bulk_matched = @matched, bulk_error = @error WHERE id = @id
            """, new { id, startedAtMs, finishedAtMs, matched, error }, cancellationToken: cancel));
    }
}
