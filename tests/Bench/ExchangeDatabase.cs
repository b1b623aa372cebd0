using Microsoft.Data.Sqlite;

namespace ConnectAddon.Bench;

/// <summary>The benchmark's direct reads and writes of a node's SQLite database (schema: migrations 0002 and 0004).</summary>
public static class ExchangeDatabase
{
    private static SqliteConnection Open(string databaseFile)
    {
        var db = new SqliteConnection($"Data Source={databaseFile};Pooling=False;Default Timeout=10");
        db.Open();
        return db;
    }

    private static long Execute(string databaseFile, string sql, params (string Name, object? Value)[] parameters)
    {
        using var db = Open(databaseFile);
        using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L);
    }

    /// <summary>The public side of an accepted connection, as the admin's invitation leaves it once accepted.</summary>
    public static void InsertPublicConnection(string databaseFile, string id, string protectedKey)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Execute(databaseFile, """
            INSERT INTO connections (id, side, client_key, name, status, local_project_id, local_project_key, local_project_name,
                                     connection_key, created_at_ms, updated_at_ms, activated_at_ms)
            VALUES (@id, 'public', 'bench-client', 'Bench', 'active', '10000', 'ACME', 'Acme Support', @key, @now, @now, @now)
            """, ("@id", id), ("@key", protectedKey), ("@now", now));
    }

    /// <summary>The private side of the same connection, as the console's accept leaves it (PrivateConnectionStore.AddAcceptedAsync).</summary>
    public static void InsertPrivateConnection(string databaseFile, string id, string protectedKey, string publicBaseUrl)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Execute(databaseFile, """
            INSERT INTO connections (id, side, client_key, name, status, local_project_id, local_project_key, local_project_name,
                                     remote_base_url, connection_key, created_at_ms, updated_at_ms, activated_at_ms)
            VALUES (@id, 'private', NULL, 'Bench', 'active', '20000', 'GLX', 'Globex Engineering', @url, @key, @now, @now, @now)
            """, ("@id", id), ("@key", protectedKey), ("@url", publicBaseUrl), ("@now", now));
    }

    /// <summary>
    /// Queues an event as Outbox.EnqueueAsync does (next sequence from exchange_cursors, one transaction), but from
    /// outside the node: its in-process ExchangeSignal does not fire, as for another process sharing the database.
    /// </summary>
    public static long EnqueueExternally(string databaseFile, string id, string payload)
    {
        using var db = Open(databaseFile);
        using var transaction = db.BeginTransaction();
        using var next = db.CreateCommand();
        next.Transaction = transaction;
        next.CommandText = """
            INSERT INTO exchange_cursors (connection_id, last_queued) VALUES (@id, 1)
            ON CONFLICT (connection_id) DO UPDATE SET last_queued = last_queued + 1 RETURNING last_queued
            """;
        next.Parameters.AddWithValue("@id", id);
        var sequence = Convert.ToInt64(next.ExecuteScalar());
        using var insert = db.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO sync_events (connection_id, direction, sequence, payload, stored_at_ms) VALUES (@id, 'out', @sequence, @payload, @now)";
        insert.Parameters.AddWithValue("@id", id);
        insert.Parameters.AddWithValue("@sequence", sequence);
        insert.Parameters.AddWithValue("@payload", payload);
        insert.Parameters.AddWithValue("@now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        insert.ExecuteNonQuery();
        transaction.Commit();
        return sequence;
    }

    public static long Count(string databaseFile, string id, string direction) =>
        Execute(databaseFile, "SELECT COUNT(*) FROM sync_events WHERE connection_id = @id AND direction = @direction", ("@id", id), ("@direction", direction));

    /// <summary>When the node stored each incoming event (its <c>stored_at_ms</c>), by sequence.</summary>
    public static Dictionary<long, long> StoredTimes(string databaseFile, string id)
    {
        using var db = Open(databaseFile);
        using var command = db.CreateCommand();
        command.CommandText = "SELECT sequence, stored_at_ms FROM sync_events WHERE connection_id = @id AND direction = 'in'";
        command.Parameters.AddWithValue("@id", id);
        using var reader = command.ExecuteReader();
        var times = new Dictionary<long, long>();
        while (reader.Read())
            times[reader.GetInt64(0)] = reader.GetInt64(1);
        return times;
    }

    /// <summary>The public node's <c>connections.last_polled_at_ms</c>, written by every exchange it receives (0 when never).</summary>
    public static long LastPolled(string databaseFile, string id) =>
        Execute(databaseFile, "SELECT COALESCE(last_polled_at_ms, 0) FROM connections WHERE id = @id", ("@id", id));
}
