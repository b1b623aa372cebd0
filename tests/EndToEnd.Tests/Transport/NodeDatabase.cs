using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace EndToEnd.Tests.Transport;

/// <summary>
/// A node's SQLite file, read and written from outside the node as another process sharing it would: its
/// <c>sync_events</c> and <c>exchange_cursors</c> (addon/Storage/Migrations/sqlite/0004_exchange.sql) and the
/// connection's <c>last_polled_at_ms</c> (0002_connections.sql). Nothing in the product queues
/// events yet, so tests queue them here: the node notices no in-process signal, only its next read of the outbox (the
/// public node's held exchange re-reads every 5 s; the private poller reads it on every loop).
/// </summary>
public static class NodeDatabase
{
    /// <summary>The JSON field naming a test's event, so the test finds its own among any others.</summary>
    public const string EventField = "outboundOnlyTestEvent";

    public static string Payload(string name) => new JsonObject { [EventField] = name }.ToJsonString();

    /// <summary>Queues an event for the peer, numbered the way <c>Outbox.EnqueueAsync</c> numbers it, in one transaction.</summary>
    public static async Task EnqueueAsync(string databaseFile, string connectionId, string payload)
    {
        await using var db = await OpenAsync(databaseFile);
        await using var transaction = (SqliteTransaction)await db.BeginTransactionAsync();
        await using var next = Command(db, transaction, """
            INSERT INTO exchange_cursors (connection_id, last_queued) VALUES ($id, 1)
            ON CONFLICT (connection_id) DO UPDATE SET last_queued = last_queued + 1 RETURNING last_queued
            """, ("$id", connectionId));
        var sequence = (long)(await next.ExecuteScalarAsync())!;
        await using var insert = Command(db, transaction, """
            INSERT INTO sync_events (connection_id, direction, sequence, payload, stored_at_ms) VALUES ($id, 'out', $sequence, $payload, $now)
            """, ("$id", connectionId), ("$sequence", sequence), ("$payload", payload), ("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>The names of this test's events stored in the node's inbox for the connection, in sequence order.</summary>
    public static async Task<List<string>> ReceivedAsync(string databaseFile, string connectionId)
    {
        await using var db = await OpenAsync(databaseFile);
        await using var select = Command(db, null, "SELECT payload FROM sync_events WHERE connection_id = $id AND direction = 'in' ORDER BY sequence", ("$id", connectionId));
        var names = new List<string>();
        await using var rows = await select.ExecuteReaderAsync();
        while (await rows.ReadAsync())
            if (JsonNode.Parse(rows.GetString(0))?[EventField]?.GetValue<string>() is { } name)
                names.Add(name);
        return names;
    }

    /// <summary>How many of this test's events queued on the node for the connection the peer has not acknowledged yet.</summary>
    public static async Task<long> UnacknowledgedAsync(string databaseFile, string connectionId)
    {
        await using var db = await OpenAsync(databaseFile);
        await using var count = Command(db, null, $"""
            SELECT COUNT(*) FROM sync_events
            WHERE connection_id = $id AND direction = 'out' AND json_extract(payload, '$.{EventField}') IS NOT NULL
            """, ("$id", connectionId));
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Public side: when the private node last exchanged for the connection (Unix ms); null before its first exchange.</summary>
    public static async Task<long?> LastPolledAsync(string databaseFile, string connectionId)
    {
        await using var db = await OpenAsync(databaseFile);
        await using var select = Command(db, null, "SELECT last_polled_at_ms FROM connections WHERE id = $id", ("$id", connectionId));
        return await select.ExecuteScalarAsync() is long polled ? polled : null;
    }

    /// <summary>The messages of the connection's sync errors in one direction (<c>in</c> or <c>out</c>), as the sync views list them.</summary>
    public static async Task<List<string>> SyncErrorsAsync(string databaseFile, string connectionId, string direction)
    {
        await using var db = await OpenAsync(databaseFile);
        await using var select = Command(db, null, "SELECT message FROM sync_errors WHERE connection_id = $id AND direction = $direction",
            ("$id", connectionId), ("$direction", direction));
        var messages = new List<string>();
        await using var rows = await select.ExecuteReaderAsync();
        while (await rows.ReadAsync())
            messages.Add(rows.GetString(0));
        return messages;
    }

    private static async Task<SqliteConnection> OpenAsync(string databaseFile)
    {
        var db = new SqliteConnection($"Data Source={databaseFile};Pooling=False;Default Timeout=10");
        await db.OpenAsync();
        return db;
    }

    private static SqliteCommand Command(SqliteConnection db, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }
}
