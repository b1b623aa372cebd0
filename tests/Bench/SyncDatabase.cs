using Microsoft.Data.Sqlite;

namespace ConnectAddon.Bench;

/// <summary>
/// The <c>sync</c> benchmark's reads of a running node's SQLite database (schema: migrations 0004, 0005 and 0007).
/// It only reads, but opens read-write as the node does (never creating the file): a read-only connection to a WAL
/// database depends on the -shm file's permissions. No pooling, so the file is released at once.
/// </summary>
public static class SyncDatabase
{
    private static SqliteConnection Open(string databaseFile)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 10,
        }.ToString());
        db.Open();
        return db;
    }

    /// <summary>When the private node's change capture last finished a JQL poll of the connection, on its clock (0 before the first).</summary>
    public static long LastCapturePoll(string databaseFile, string connectionId)
    {
        using var db = Open(databaseFile);
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(last_polled_at_ms), 0) FROM change_cursors WHERE connection_id = @id";
        command.Parameters.AddWithValue("@id", connectionId);
        return Convert.ToInt64(command.ExecuteScalar());
    }

    /// <summary>The highest sequence received from the peer so far (0 when none): events after it belong to the next phase.</summary>
    public static long LastIncomingSequence(string databaseFile, string connectionId)
    {
        using var db = Open(databaseFile);
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(sequence), 0) FROM sync_events WHERE connection_id = @id AND direction = 'in'";
        command.Parameters.AddWithValue("@id", connectionId);
        return Convert.ToInt64(command.ExecuteScalar());
    }

    /// <summary>
    /// Per incoming event after <paramref name="afterSequence"/>: stored here − queued by the sender (the transport's
    /// delay; both nodes run on this machine, so one clock), and applied − stored (the apply worker's wait and work),
    /// in milliseconds. Events the sender did not stamp, or not applied yet, are left out of the figure concerned.
    /// </summary>
    public static (List<long> Transport, List<long> Apply) Delays(string databaseFile, string connectionId, long afterSequence)
    {
        using var db = Open(databaseFile);
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT stored_at_ms - peer_queued_at_ms, applied_at_ms - stored_at_ms FROM sync_events
            WHERE connection_id = @id AND direction = 'in' AND sequence > @after
            """;
        command.Parameters.AddWithValue("@id", connectionId);
        command.Parameters.AddWithValue("@after", afterSequence);
        using var reader = command.ExecuteReader();
        var (transport, apply) = (new List<long>(), new List<long>());
        while (reader.Read())
        {
            if (!reader.IsDBNull(0))
                transport.Add(Math.Max(0, reader.GetInt64(0)));
            if (!reader.IsDBNull(1))
                apply.Add(Math.Max(0, reader.GetInt64(1)));
        }
        return (transport, apply);
    }
}
