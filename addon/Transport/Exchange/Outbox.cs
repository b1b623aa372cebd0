using System.Data.Common;
using System.Text;
using System.Text.Json;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Transport.Exchange;

/// <summary>
/// The events this node queued for the peer of each connection. An event gets the next sequence number of its
/// connection when it is queued and stays until the peer acknowledged storing it (DESIGN §8: at-least-once).
/// Queuing does not depend on the connection's status: a deactivated connection keeps queuing.
/// </summary>
public sealed class Outbox(Database database, ExchangeSignal signal, TimeProvider clock)
{
    /// <summary>Queues <paramref name="payload"/> (JSON) for the peer, in its own transaction; its sequence number.</summary>
    public async Task<long> EnqueueAsync(string connectionId, string payload, CancellationToken cancel = default)
    {
        await using var db = await database.OpenAsync(cancel);
        await using var transaction = await db.BeginTransactionAsync(cancel);
        var sequence = await EnqueueAsync(db, transaction, connectionId, payload, cancel);
        await transaction.CommitAsync(cancel);
        signal.Notify(connectionId);
        return sequence;
    }

    /// <summary>
    /// Queues within the caller's transaction, so the sync can record what it sent in the same commit (DESIGN §3).
    /// The connection's cursor row stays locked until that commit, so queue as the transaction's last write. The
    /// caller calls <see cref="ExchangeSignal.Notify"/> after committing, or the event waits for the next poll.
    /// </summary>
    public async Task<long> EnqueueAsync(DbConnection db, DbTransaction transaction, string connectionId, string payload, CancellationToken cancel = default)
    {
        CheckPayload(payload);
        // One statement takes the next number, so two writers can never get the same one.
        var sequence = await db.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO exchange_cursors (connection_id, last_queued) VALUES (@connectionId, 1)
            ON CONFLICT (connection_id) DO UPDATE SET last_queued = exchange_cursors.last_queued + 1
            RETURNING last_queued
            """, new { connectionId }, transaction, cancellationToken: cancel));
        await db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sync_events (connection_id, direction, sequence, payload, stored_at_ms) VALUES (@connectionId, 'out', @sequence, @payload, @now)",
            new { connectionId, sequence, payload, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancel));
        return sequence;
    }

    /// <summary>The events after <paramref name="after"/> in order, at most a batch (<see cref="ExchangeLimits"/>), at least one if any wait.</summary>
    public async Task<IReadOnlyList<SyncEvent>> PendingAsync(string connectionId, long after, CancellationToken cancel = default)
    {
        await using var db = await database.OpenAsync(cancel);
        var rows = await db.QueryAsync<SyncEvent>(new CommandDefinition("""
            SELECT sequence AS Sequence, payload AS Payload, stored_at_ms AS QueuedAtMs FROM sync_events
            WHERE connection_id = @connectionId AND direction = 'out' AND sequence > @after
            ORDER BY sequence LIMIT @limit
            """, new { connectionId, after, limit = ExchangeLimits.MaxEventsPerBatch }, cancellationToken: cancel));
        var batch = new List<SyncEvent>();
        var bytes = 0;
        foreach (var row in rows)
        {
            bytes += Encoding.UTF8.GetByteCount(row.Payload);
            if (batch.Count > 0 && bytes > ExchangeLimits.MaxBatchBytes)
                break;
            batch.Add(row);
        }
        return batch;
    }

    /// <summary>Events queued for the peer and not acknowledged yet: the sync's work in flight on this connection.</summary>
    public async Task<long> CountAsync(string connectionId, CancellationToken cancel = default)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM sync_events WHERE connection_id = @connectionId AND direction = 'out'", new { connectionId }, cancellationToken: cancel));
    }

    /// <summary>The peer stored every event up to <paramref name="upTo"/>: they are deleted here.</summary>
    public async Task AcknowledgeAsync(string connectionId, long upTo, CancellationToken cancel = default)
    {
        if (upTo <= 0)
            return;
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sync_events WHERE connection_id = @connectionId AND direction = 'out' AND sequence <= @upTo",
            new { connectionId, upTo }, cancellationToken: cancel));
    }

    private static void CheckPayload(string payload)
    {
        if (Encoding.UTF8.GetByteCount(payload) > ExchangeLimits.MaxEventBytes)
            throw new ArgumentException($"An event's payload is at most {ExchangeLimits.MaxEventBytes} bytes.", nameof(payload));
        try
        {
            using var _ = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            throw new ArgumentException("An event's payload must be JSON: " + e.Message, nameof(payload));
        }
    }
}
