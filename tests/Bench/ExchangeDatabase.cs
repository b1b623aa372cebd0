namespace ConnectAddon.Bench;

/// <summary>The benchmark's direct reads and writes of a node's SQLite database (schema: migrations 0002 and 0004).</summary>
public static class ExchangeDatabase
{
    private static long Execute(string databaseFile, string sql, params (string Name, object? Value)[] parameters) =>
        BenchDatabase.SqliteFile(databaseFile).Scalar(sql, parameters);

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

    public static long Count(string databaseFile, string id, string direction) =>
        Execute(databaseFile, "SELECT COUNT(*) FROM sync_events WHERE connection_id = @id AND direction = @direction", ("@id", id), ("@direction", direction));

    /// <summary>The public node's <c>connections.last_polled_at_ms</c>, written by every exchange it receives (0 when never).</summary>
    public static long LastPolled(string databaseFile, string id) =>
        Execute(databaseFile, "SELECT COALESCE(last_polled_at_ms, 0) FROM connections WHERE id = @id", ("@id", id));
}
