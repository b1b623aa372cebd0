namespace ConnectAddon.Sync.Triggers;

/// <summary>
/// A connection's trigger (DESIGN §7): issues that match <see cref="Jql"/> are brought under sync when they are created
/// or updated, and all of them on a bulk run.
/// </summary>
public sealed record SyncTrigger
{
    public required string Id { get; init; }
    public required string ConnectionId { get; init; }
    public required string Jql { get; init; }
    public bool Active { get; init; } = true;
    public long CreatedAtMs { get; init; }
    public long? BulkStartedAtMs { get; init; }
    public long? BulkFinishedAtMs { get; init; }
    public long? BulkMatched { get; init; }
    public string? BulkError { get; init; }

    /// <summary>Where the open bulk run goes on from: the next page's token; null on its first page.</summary>
    public string? BulkCursor { get; init; }

    /// <summary>A bulk run was started and has not finished: some process carries it on (<see cref="Admin.BulkRuns"/>).</summary>
    public bool BulkRunning => BulkStartedAtMs is not null && BulkFinishedAtMs is null;
}
