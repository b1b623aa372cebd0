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
        bulk_started_at_ms AS BulkStartedAtMs, bulk_finished_at_ms AS BulkFinishedAtMs, bulk_matched AS BulkMatched, bulk_error AS BulkError,
        bulk_cursor AS BulkCursor
        """;

    /// <summary>A run's statement that only its holder may make: false when another process took the run over.</summary>
    private const string Held = " WHERE id = @id AND bulk_holder = @holder AND bulk_finished_at_ms IS NULL";

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

    /// <summary>Opens a bulk run of the trigger from its first page; false when one is open already (it goes on).</summary>
    public async Task<bool> StartBulkAsync(string connectionId, string id, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteAsync(new CommandDefinition("""
            UPDATE sync_triggers SET bulk_started_at_ms = @now, bulk_finished_at_ms = NULL, bulk_matched = 0, bulk_error = NULL,
                bulk_cursor = NULL, bulk_holder = NULL, bulk_lease_until_ms = NULL
            WHERE connection_id = @connectionId AND id = @id AND NOT (bulk_started_at_ms IS NOT NULL AND bulk_finished_at_ms IS NULL)
            """, new { connectionId, id, now = Now }, cancellationToken: cancel)) > 0;
    }

    /// <summary>
    /// Takes the oldest open run whose lease is free (never taken, or its holder stopped renewing) for
    /// <paramref name="holder"/> until <paramref name="lease"/> from now; null when there is none. On PostgreSQL a
    /// run another process is taking at the same moment is skipped.
    /// </summary>
    public async Task<SyncTrigger?> ClaimBulkAsync(string holder, TimeSpan lease, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.QuerySingleOrDefaultAsync<SyncTrigger>(new CommandDefinition($"""
            UPDATE sync_triggers SET bulk_holder = @holder, bulk_lease_until_ms = @until
            WHERE id IN (SELECT id FROM sync_triggers
                         WHERE bulk_started_at_ms IS NOT NULL AND bulk_finished_at_ms IS NULL AND (bulk_lease_until_ms IS NULL OR bulk_lease_until_ms < @now)
                         ORDER BY bulk_started_at_ms LIMIT 1{database.Dialect.SkipLocked})
            RETURNING {Columns}
            """, new { holder, now = Now, until = Now + (long)lease.TotalMilliseconds }, cancellationToken: cancel));
    }

    /// <summary>The holder's page is done: the next one starts at <paramref name="cursor"/>, and its lease is renewed.</summary>
    public async Task<bool> AdvanceBulkAsync(string id, string holder, string? cursor, long matched, TimeSpan lease, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_triggers SET bulk_cursor = @cursor, bulk_matched = @matched, bulk_lease_until_ms = @until" + Held,
            new { id, holder, cursor, matched, until = Now + (long)lease.TotalMilliseconds }, cancellationToken: cancel)) > 0;
    }

    /// <summary>The holder is still at work (waiting for room in the queue): its lease is renewed.</summary>
    public async Task<bool> RenewBulkAsync(string id, string holder, TimeSpan lease, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteAsync(new CommandDefinition("UPDATE sync_triggers SET bulk_lease_until_ms = @until" + Held,
            new { id, holder, until = Now + (long)lease.TotalMilliseconds }, cancellationToken: cancel)) > 0;
    }

    /// <summary>The holder cannot go on now (its Jira is not reachable): another pass, here or elsewhere, tries after <paramref name="delay"/>.</summary>
    public async Task ReleaseBulkAsync(string id, string holder, TimeSpan delay, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("UPDATE sync_triggers SET bulk_holder = NULL, bulk_lease_until_ms = @until" + Held,
            new { id, holder, until = Now + (long)delay.TotalMilliseconds }, cancellationToken: cancel));
    }

    /// <summary>The run ended, with everything matched under sync (<paramref name="error"/> null) or with what stopped it.</summary>
    public async Task<bool> FinishBulkAsync(string id, string holder, long matched, string? error, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteAsync(new CommandDefinition(
            "UPDATE sync_triggers SET bulk_finished_at_ms = @now, bulk_matched = @matched, bulk_error = @error, bulk_holder = NULL, bulk_lease_until_ms = NULL" + Held,
            new { id, holder, matched, error, now = Now }, cancellationToken: cancel)) > 0;
    }
}
