namespace ConnectAddon.Sync.IssueView;

/// <summary>How one issue stands in one connection, as the issue glance shows it (Sync/README.md "Issue view").</summary>
public static class IssueSyncState
{
    /// <summary>Under sync, and the peer has told us its twin.</summary>
    public const string Synced = "synced";
    /// <summary>Under sync, waiting for the peer's twin or for an apply to finish.</summary>
    public const string Pending = "pending";
    /// <summary>Under sync, but sending it or applying the peer's change failed; retried on its own.</summary>
    public const string Error = "error";
    /// <summary>Was under sync; stopped (here, on the other side, or because an issue was deleted).</summary>
    public const string Stopped = "stopped";
    /// <summary>Never brought under sync in this connection.</summary>
    public const string NotSynced = "not synced";
}
