namespace ConnectAddon.Sync.Errors;

/// <summary>What failed for one issue of one connection, in one direction (<c>out</c>: reading or sending this side's issue; <c>in</c>: applying the peer's events).</summary>
public sealed record SyncError
{
    public required string ConnectionId { get; init; }
    public required string Direction { get; init; }
    public required string IssueRef { get; init; }
    public string? IssueKey { get; init; }
    public long? Sequence { get; init; }
    public required string Message { get; init; }
    public bool Blocking { get; init; }
    public long Tries { get; init; }
    public long FirstFailedAtMs { get; init; }
    public long LastFailedAtMs { get; init; }
    public long NextTryAtMs { get; init; }

    public const string Out = "out";
    public const string In = "in";
}
