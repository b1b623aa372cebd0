using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Transport.Exchange;

/// <summary>
/// The events this node received from the peer of each connection. Storing is idempotent (DESIGN §8): an event is
/// taken only as the next in its sequence, so a repeat changes nothing and the acknowledgement (<see cref="AckAsync"/>)
/// always means "this one and every one before it are stored".
/// </summary>
public sealed class Inbox(Database database, InboxSignal signal, TimeProvider clock)
{
    /// <summary>Stores the events that continue the sequence (repeats and anything after a gap are left out); the acknowledgement after it.</summary>
    public async Task<long> StoreAsync(string connectionId, IEnumerable<SyncEvent> events, CancellationToken cancel = default)
    {
        await using var db = await database.OpenAsync(cancel);
        // Two exchanges of one connection must not both read the same cursor: SQLite's transaction begins IMMEDIATE
        // (Microsoft.Data.Sqlite), PostgreSQL's take turns on an advisory lock. Not on the cursor's row, which the
        // outbox updates for every event it queues: locking it for a whole batch held up every queuing worker.
        await using var transaction = await db.BeginTransactionAsync(cancel);
        if (database.Dialect.TakeTurnsOn("@turn") is { Length: > 0 } takeTurns)
            await db.ExecuteAsync(new CommandDefinition(takeTurns, new { turn = "inbox:" + connectionId }, transaction, cancellationToken: cancel));
        var stored = await db.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT last_stored FROM exchange_cursors WHERE connection_id = @connectionId", new { connectionId }, transaction, cancellationToken: cancel)) ?? 0;
        var before = stored;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (e.Sequence <= stored)
                continue; // a repeat: stored before
            if (e.Sequence != stored + 1)
                break; // a gap: the sender sends again from our acknowledgement
            await db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO sync_events (connection_id, direction, sequence, payload, stored_at_ms, peer_queued_at_ms) VALUES (@connectionId, 'in', @Sequence, @Payload, @now, @QueuedAtMs) ON CONFLICT DO NOTHING",
                new { connectionId, e.Sequence, e.Payload, now, e.QueuedAtMs }, transaction, cancellationToken: cancel));
            stored = e.Sequence;
        }
        if (stored != before)
            await db.ExecuteAsync(new CommandDefinition("""
                INSERT INTO exchange_cursors (connection_id, last_stored) VALUES (@connectionId, @stored)
                ON CONFLICT (connection_id) DO UPDATE SET last_stored = excluded.last_stored
                """, new { connectionId, stored }, transaction, cancellationToken: cancel));
        await transaction.CommitAsync(cancel);
        signal.Notify();
        return stored;
    }

    /// <summary>The highest sequence stored with all before it: what this node acknowledges to the peer.</summary>
    public async Task<long> AckAsync(string connectionId, CancellationToken cancel = default)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT last_stored FROM exchange_cursors WHERE connection_id = @connectionId", new { connectionId }, cancellationToken: cancel)) ?? 0;
    }

    /// <summary>Stored events not applied yet, in order: what the sync applies next.</summary>
    public async Task<IReadOnlyList<SyncEvent>> UnappliedAsync(string connectionId, int limit = ExchangeLimits.MaxEventsPerBatch, CancellationToken cancel = default) =>
        await UnappliedAsync(connectionId, 0, limit, cancel);

    /// <summary>Stored events not applied yet with a sequence after <paramref name="after"/>, in order (to page past events that wait).</summary>
    public async Task<IReadOnlyList<SyncEvent>> UnappliedAsync(string connectionId, long after, int limit, CancellationToken cancel = default)
    {
        await using var db = await database.OpenAsync(cancel);
        var rows = await db.QueryAsync<SyncEvent>(new CommandDefinition("""
            SELECT sequence AS Sequence, payload AS Payload, peer_queued_at_ms AS QueuedAtMs FROM sync_events
            WHERE connection_id = @connectionId AND direction = 'in' AND applied_at_ms IS NULL AND sequence > @after
            ORDER BY sequence LIMIT @limit
            """, new { connectionId, after, limit }, cancellationToken: cancel));
        return rows.ToList();
    }

    /// <summary>
    /// Deletes incoming events applied before <paramref name="appliedBefore"/>. Safe: repeats are recognised by the
    /// cursor (<c>exchange_cursors.last_stored</c>), not by the rows; only unapplied events must stay.
    /// </summary>
    public async Task<int> PruneAppliedAsync(DateTimeOffset appliedBefore, CancellationToken cancel = default)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sync_events WHERE direction = 'in' AND applied_at_ms IS NOT NULL AND applied_at_ms < @before",
            new { before = appliedBefore.ToUnixTimeMilliseconds() }, cancellationToken: cancel));
    }

    /// <summary>Marks an event applied; false when there is no such unapplied event (applied before: nothing changes).</summary>
    public async Task<bool> MarkAppliedAsync(string connectionId, long sequence, CancellationToken cancel = default)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteAsync(new CommandDefinition("""
            UPDATE sync_events SET applied_at_ms = @now
            WHERE connection_id = @connectionId AND direction = 'in' AND sequence = @sequence AND applied_at_ms IS NULL
            """, new { connectionId, sequence, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancel)) > 0;
    }
}
