namespace ConnectAddon.Bench;

/// <summary>
/// What the app's database holds for the benchmark's tenant, as the design promises it (README, "Webhooks: what is
/// recorded"; addon/Sync/README.md): every acknowledged delivery left its delivery id; every changed issue waits in
/// <c>dirty_issues</c> until the sync engine has read it, and then either reached the outgoing queue (an issue under
/// sync) or is provably not under sync (no connection of the tenant holds it) and its row is gone. The benchmark's
/// tenant has no connection, so when the sync has caught up, nothing waits and nothing was queued.
/// </summary>
public sealed record RecordedWork(long Deliveries, long IssuesWaiting, long EventsQueued, long Connections)
{
    public static RecordedWork Read(BenchDatabase database, string clientKey)
    {
        var row = database.Rows("""
            SELECT (SELECT COUNT(*) FROM webhook_deliveries WHERE client_key = @k),
                   (SELECT COUNT(*) FROM dirty_issues WHERE client_key = @k),
                   (SELECT COUNT(*) FROM sync_events e JOIN connections c ON c.id = e.connection_id WHERE c.client_key = @k AND e.direction = 'out'),
                   (SELECT COUNT(*) FROM connections WHERE client_key = @k)
            """, ("k", clientKey)).Single();
        return new RecordedWork(Convert.ToInt64(row[0]), Convert.ToInt64(row[1]), Convert.ToInt64(row[2]), Convert.ToInt64(row[3]));
    }

    /// <summary>Every 204 recorded once, and (once the sync caught up) every changed issue read and, under no connection, nothing queued.</summary>
    public bool Holds(long successes) => Deliveries == successes && IssuesWaiting == 0 && EventsQueued == 0 && Connections == 0;
}
