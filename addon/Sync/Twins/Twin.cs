namespace ConnectAddon.Sync.Twins;

/// <summary>
/// A pair (local issue, peer's issue) within one connection (DESIGN §2). Either id can be unknown for a while: the side
/// that brought the issue under sync learns the peer's id from its "twin" event; the receiving side has no local id
/// between starting the create in Jira and recording its answer. <see cref="ApplyingSinceMs"/> is set while an event of
/// the peer is applied (before the first write to Jira, cleared after the last is recorded): the outgoing side waits
/// for it, so the sync's own writes are never mistaken for local changes, even after a crash mid-apply.
/// </summary>
public sealed record Twin
{
    public required string ConnectionId { get; init; }
    public required string TwinId { get; init; }
    public string? LocalIssueId { get; init; }
    public string? LocalIssueKey { get; init; }
    public string? RemoteIssueId { get; init; }
    public string? RemoteIssueKey { get; init; }
    public string? RemoteIssueUrl { get; init; }
    /// <summary><c>local</c>: brought under sync on this side; <c>remote</c>: created here by the sync.</summary>
    public required string Origin { get; init; }
    public required string BroughtBy { get; init; }
    public string Agreed { get; init; } = "{}";
    public string? ItemsHash { get; init; }
    public long SentCount { get; init; }
    public long? SeenUpdatedMs { get; init; }
    public long? ApplyingSinceMs { get; init; }
    public long? StoppedAtMs { get; init; }
    public string? StoppedReason { get; init; }
    public long CreatedAtMs { get; init; }
    public long UpdatedAtMs { get; init; }

    public bool IsStopped => StoppedAtMs is not null;
}
