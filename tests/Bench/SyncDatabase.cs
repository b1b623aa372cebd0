namespace ConnectAddon.Bench;

/// <summary>The <c>sync</c> benchmark's reads of a running node's database (schema: migrations 0004, 0005 and 0007), on either store.</summary>
public sealed class SyncDatabase(BenchDatabase database)
{
    /// <summary>When the private node's change capture last finished a JQL poll of the connection, on its clock (0 before the first).</summary>
    public long LastCapturePoll(string connectionId) =>
        database.Scalar("SELECT COALESCE(MAX(last_polled_at_ms), 0) FROM change_cursors WHERE connection_id = @id", ("id", connectionId));

    /// <summary>The highest sequence received from the peer so far (0 when none): events after it belong to the next phase.</summary>
    public long LastIncomingSequence(string connectionId) =>
        database.Scalar("SELECT COALESCE(MAX(sequence), 0) FROM sync_events WHERE connection_id = @id AND direction = 'in'", ("id", connectionId));

    /// <summary>
    /// Per incoming event after <paramref name="afterSequence"/>: stored here − queued by the sender (the transport's
    /// delay; both nodes run on this machine, so one clock), and applied − stored (the apply worker's wait and work),
    /// in milliseconds. Events the sender did not stamp, or not applied yet, are left out of the figure concerned.
    /// </summary>
    public (List<long> Transport, List<long> Apply) Delays(string connectionId, long afterSequence)
    {
        var (transport, apply) = (new List<long>(), new List<long>());
        foreach (var row in database.Rows("""
            SELECT stored_at_ms - peer_queued_at_ms, applied_at_ms - stored_at_ms FROM sync_events
            WHERE connection_id = @id AND direction = 'in' AND sequence > @after
            """, ("id", connectionId), ("after", afterSequence)))
        {
            if (row[0] is { } stored)
                transport.Add(Math.Max(0, Convert.ToInt64(stored)));
            if (row[1] is { } applied)
                apply.Add(Math.Max(0, Convert.ToInt64(applied)));
        }
        return (transport, apply);
    }
}
